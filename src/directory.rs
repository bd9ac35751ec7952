//! The directory of services as files: `_regions.toml` plus one `<slug>.toml` per
//! service (format in `content/README.md`), read by `homeward services
//! import`, written by `export`, and shipped as sample data for an empty database.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::db::repo::directory::{self, RegionInput, ServiceInput};
use crate::domain::service::{DraftText, Known, ServiceDraft, ServiceProblem};
use crate::domain::{Lang, Slug};

pub use crate::domain::service::KINDS;

/// A problem in one file, with the line it is on (1 when it is about the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    region: Vec<RegionEntry>,
}

#[derive(Deserialize, Serialize)]
struct RegionEntry {
    slug: String,
    order: i32,
    #[serde(flatten)]
    names: BTreeMap<String, String>,
}

#[derive(Deserialize, Serialize, Clone)]
#[serde(deny_unknown_fields)]
struct TextEntry {
    name: String,
    description: String,
    hours: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    accessibility: Option<String>,
}

#[derive(Deserialize, Serialize)]
struct ServiceFile {
    kind: String,
    topics: Vec<String>,
    region: String,
    address: String,
    phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
    last_checked: toml::value::Datetime,
    #[serde(flatten)]
    texts: BTreeMap<String, TextEntry>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line where `key =` is first written (for errors about a value).
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(&format!("{key} ")) || l.trim_start().starts_with(&format!("{key}=")))
        .map_or(1, |i| i + 1)
}

fn toml_error(path: &str, text: &str, e: &toml::de::Error) -> FileError {
    let line = e.span().map_or(1, |s| line_of(text, s.start));
    FileError { path: path.to_owned(), line, message: e.message().to_owned() }
}

/// Everything in a directory folder, checked. All problems are reported together.
pub fn parse(
    files: &[(String, String)],
    topics: &[String],
    langs: &[Lang],
    default: &Lang,
) -> Result<(Vec<RegionInput>, Vec<ServiceInput>), Vec<FileError>> {
    let mut errors = Vec::new();
    let mut regions = Vec::new();
    let lang_codes: Vec<&str> = langs.iter().map(crate::domain::Lang::as_str).collect();
    if let Some((path, text)) = files.iter().find(|(p, _)| p.ends_with("_regions.toml")) {
        match toml::from_str::<RegionsFile>(text) {
            Err(e) => errors.push(toml_error(path, text, &e)),
            Ok(file) => {
                for r in file.region {
                    let line = text.find(&format!("\"{}\"", r.slug)).map_or(1, |o| line_of(text, o));
                    if Slug::parse(&r.slug).is_err() {
                        errors.push(FileError {
                            path: path.clone(),
                            line,
                            message: format!("{:?} is not a valid region slug", r.slug),
                        });
                    }
                    if !r.names.contains_key(default.as_str()) {
                        errors.push(FileError {
                            path: path.clone(),
                            line,
                            message: format!("region {:?} has no name in the default language ({default})", r.slug),
                        });
                    }
                    let names = r.names.into_iter().filter(|(l, _)| lang_codes.contains(&l.as_str())).collect();
                    regions.push(RegionInput { slug: r.slug, position: r.order, names });
                }
            }
        }
    } else {
        errors.push(FileError { path: "_regions.toml".into(), line: 1, message: "the regions file is missing".into() });
    }
    let region_slugs: Vec<String> = regions.iter().map(|r| r.slug.clone()).collect();
    let mut services = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".toml") && !p.ends_with("_regions.toml")) {
        match parse_service(path, text, topics, &region_slugs, langs, default) {
            Ok(service) => services.push(service),
            Err(problems) => errors.extend(problems),
        }
    }
    if errors.is_empty() { Ok((regions, services)) } else { Err(errors) }
}

/// One service file (`<slug>.toml`), checked against the topics and regions that exist by the
/// same rules as the editors' form (`ServiceInput::parse`).
pub fn parse_service(
    path: &str,
    text: &str,
    topics: &[String],
    region_slugs: &[String],
    langs: &[Lang],
    default: &Lang,
) -> Result<ServiceInput, Vec<FileError>> {
    let path = &path.to_owned();
    let slug = Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
    let file: ServiceFile = toml::from_str(text).map_err(|e| vec![toml_error(path, text, &e)])?;
    let last_checked = file.last_checked.date.and_then(|d| {
        time::Date::from_calendar_date(i32::from(d.year), time::Month::try_from(d.month).ok()?, d.day).ok()
    });
    let Some(last_checked) = last_checked else {
        let line = line_of_key(text, "last_checked");
        let message = "last_checked must be a date like 2026-11-01".to_owned();
        return Err(vec![FileError { path: path.clone(), line, message }]);
    };
    let draft = ServiceDraft {
        slug,
        kind: file.kind,
        topics: file.topics,
        region: file.region,
        address: file.address,
        phone: file.phone,
        email: file.email.unwrap_or_default(),
        website: file.website.unwrap_or_default(),
        languages: file.languages,
        latitude: file.latitude.map(|v| v.to_string()).unwrap_or_default(),
        longitude: file.longitude.map(|v| v.to_string()).unwrap_or_default(),
        texts: file
            .texts
            .into_iter()
            .map(|(lang, t)| DraftText {
                lang,
                name: t.name,
                description: t.description,
                hours: t.hours,
                accessibility: t.accessibility.unwrap_or_default(),
            })
            .collect(),
    };
    let known = Known { topics, regions: region_slugs, languages: langs, default };
    ServiceInput::parse(&draft, &known, last_checked).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| FileError { path: path.clone(), line: problem_line(text, &p), message: p.to_string() })
            .collect()
    })
}

/// The line a problem is about (1 when it is about the whole file).
fn problem_line(text: &str, problem: &ServiceProblem) -> usize {
    let section = |lang: &str| text.find(&format!("[{lang}]")).map_or(1, |o| line_of(text, o));
    match problem {
        ServiceProblem::Slug(_) | ServiceProblem::NoDefaultText(_) => 1,
        ServiceProblem::Kind(_) => line_of_key(text, "kind"),
        ServiceProblem::NoTopics | ServiceProblem::UnknownTopic(_) => line_of_key(text, "topics"),
        ServiceProblem::UnknownRegion(_) => line_of_key(text, "region"),
        ServiceProblem::Address => line_of_key(text, "address"),
        ServiceProblem::Phone(_) => line_of_key(text, "phone"),
        ServiceProblem::Email(_) => line_of_key(text, "email"),
        ServiceProblem::Website(_) => line_of_key(text, "website"),
        ServiceProblem::Language(_) | ServiceProblem::NoLanguages => line_of_key(text, "languages"),
        ServiceProblem::Coordinates => line_of_key(text, "latitude"),
        ServiceProblem::TextIncomplete { lang, .. }
        | ServiceProblem::TextTooLong { lang, .. }
        | ServiceProblem::TextLanguage(lang) => section(lang),
    }
}

/// The directory as files, in the format `parse` reads.
pub fn render(regions: &[RegionInput], services: &[ServiceInput]) -> anyhow::Result<Vec<(String, String)>> {
    let file = RegionsFile {
        region: regions
            .iter()
            .map(|r| RegionEntry { slug: r.slug.clone(), order: r.position, names: r.names.iter().cloned().collect() })
            .collect(),
    };
    let mut out = vec![("_regions.toml".to_owned(), toml::to_string(&file).context("regions")?)];
    for s in services {
        out.push((format!("{}.toml", s.slug), render_service(s)?));
    }
    Ok(out)
}

/// One service in the file format (`<slug>.toml`); also what a service revision stores.
pub fn render_service(s: &ServiceInput) -> anyhow::Result<String> {
    let (y, m, d) = s.last_checked.to_calendar_date();
    let date: toml::value::Datetime = format!("{y:04}-{:02}-{d:02}", u8::from(m)).parse().context("date")?;
    let file = ServiceFile {
        kind: s.kind.clone(),
        topics: s.topics.clone(),
        region: s.region.clone(),
        address: s.address.clone(),
        phone: s.phone.clone(),
        email: s.email.clone(),
        website: s.website.clone(),
        languages: s.languages.clone(),
        latitude: s.latitude,
        longitude: s.longitude,
        last_checked: date,
        texts: s
            .texts
            .iter()
            .map(|t| {
                (
                    t.lang.clone(),
                    TextEntry {
                        name: t.name.clone(),
                        description: t.description.clone(),
                        hours: t.hours.clone(),
                        accessibility: t.accessibility.clone(),
                    },
                )
            })
            .collect(),
    };
    toml::to_string(&file).with_context(|| s.slug.clone())
}

/// The `.toml` files of a folder as (file name, text).
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push((name, std::fs::read_to_string(&path)?));
        }
    }
    out.sort();
    Ok(out)
}

#[derive(rust_embed::RustEmbed)]
#[folder = "content/services/"]
#[include = "*.toml"]
struct SampleServices;

pub fn sample_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = SampleServices::iter()
        .filter_map(|name| {
            let file = SampleServices::get(&name)?;
            Some((name.into_owned(), String::from_utf8_lossy(&file.data).into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// The topic slugs that exist now.
pub fn topic_slugs(db: &Db) -> anyhow::Result<Vec<String>> {
    let (l, d) = ("en".to_owned(), "en".to_owned());
    Ok(db.run_sync(move |c| crate::db::repo::content::list_topics(c, &l, &d))?.into_iter().map(|t| t.slug).collect())
}

/// Each service with its text in the file format, as `save_all` stores it for the revision history.
pub fn with_bodies(services: Vec<ServiceInput>) -> anyhow::Result<Vec<(ServiceInput, String)>> {
    services
        .into_iter()
        .map(|s| {
            let body = render_service(&s)?;
            Ok((s, body))
        })
        .collect()
}

/// Gives every service stored before revisions existed its current state as a first revision,
/// so that its original details can be compared and restored after the first edit.
pub fn backfill_revisions(db: &Db) -> anyhow::Result<()> {
    let missing = db.run_sync(directory::without_revisions)?;
    for service in &missing {
        let body = render_service(service)?;
        db.run_sync(|c| directory::add_first_revision(c, &service.slug, &body))?;
    }
    if !missing.is_empty() {
        tracing::info!(
            services = missing.len(),
            "recorded a first version of services stored before versions were kept"
        );
    }
    Ok(())
}

/// Loads the sample directory into a database without services.
pub fn load_sample_if_empty(db: &Db, langs: &[Lang], default: &Lang) -> anyhow::Result<()> {
    if db.run_sync(directory::count_services)? > 0 {
        return Ok(());
    }
    let topics = topic_slugs(db)?;
    let (regions, services) = match parse(&sample_files(), &topics, langs, default) {
        Ok(parsed) => parsed,
        Err(errors) => {
            // Sample content whose topics were removed: skip rather than refuse to start.
            tracing::warn!(problems = errors.len(), "the sample services do not fit this database; not loaded");
            return Ok(());
        }
    };
    let services = with_bodies(services)?;
    let n = db.run_sync(|c| directory::save_all(c, &regions, &services))?;
    tracing::info!(services = n, "loaded the sample directory of services");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<Lang> {
        ["en", "hy", "az", "ru"].iter().filter_map(|l| Lang::parse(l).ok()).collect()
    }

    #[test]
    fn the_sample_directory_parses_and_round_trips() -> anyhow::Result<()> {
        let topics = vec!["legal".to_owned(), "social".to_owned(), "economic".to_owned()];
        let en = Lang::parse("en")?;
        let (regions, services) = parse(&sample_files(), &topics, &langs(), &en)
            .map_err(|e| anyhow::anyhow!("{}", e.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")))?;
        assert_eq!(regions.len(), 4);
        assert_eq!(services.len(), 12);
        let files = render(&regions, &services)?;
        let again = parse(&files, &topics, &langs(), &en).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        assert_eq!(again, (regions, services));
        Ok(())
    }

    #[test]
    fn errors_name_the_file_and_line() -> anyhow::Result<()> {
        let topics = vec!["legal".to_owned()];
        let en = Lang::parse("en")?;
        let regions =
            ("_regions.toml".to_owned(), "[[region]]\nslug = \"north\"\norder = 1\nen = \"North\"\n".to_owned());
        let bad = (
            "office.toml".to_owned(),
            "kind = \"castle\"\ntopics = [\"legal\"]\nregion = \"south\"\naddress = \"a\"\nphone = \"1\"\nlanguages = [\"en\"]\nlast_checked = 2026-01-01\n\n[en]\nname = \"Office\"\ndescription = \"d\"\nhours = \"h\"\n".to_owned(),
        );
        let broken = ("broken.toml".to_owned(), "kind = \"ngo\"\ntopics = [\n".to_owned());
        let errors = parse(&[regions, bad, broken], &topics, &langs(), &en).err().unwrap_or_default();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|e| e.starts_with("office.toml:1:") && e.contains("castle")), "{text:?}");
        assert!(text.iter().any(|e| e.starts_with("office.toml:3:") && e.contains("south")), "{text:?}");
        assert!(text.iter().any(|e| e.starts_with("broken.toml:")), "{text:?}");
        Ok(())
    }
}
