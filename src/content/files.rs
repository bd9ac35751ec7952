//! Content as files: `<topic>/_topic.<lang>.md` and `<topic>/<slug>.<lang>.md`,
//! each with TOML front matter between `+++` lines. Import checks every file
//! first and writes nothing if any is wrong; a second import changes nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::macros::format_description;
use time::{Date, PrimitiveDateTime, Time};

use crate::content::markdown;
use crate::db::repo::content::{self as repo, Change, GuideInput, TopicInput, TranslationInput};
use crate::db::{DbConnection, RepoError};
use crate::domain::text::fold;
use crate::domain::{Lang, Slug};

/// A problem in one file, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Files(Vec<FileError>),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TopicFront {
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<i32>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct GuideFront {
    title: String,
    #[serde(default)]
    summary: String,
    updated: String,
    #[serde(default)]
    change_note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<bool>,
}

struct ParsedTopic {
    lang: String,
    front: TopicFront,
}

struct ParsedGuide {
    lang: String,
    front: GuideFront,
    updated: Date,
    review_by: Option<Date>,
    body: String,
}

/// What an import did (or, for a check, would do).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
}

impl ImportReport {
    pub fn changed_nothing(&self) -> bool {
        self.created.is_empty() && self.updated.is_empty()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changed_nothing() {
            return write!(f, "Nothing changed ({} items already up to date).", self.unchanged);
        }
        for c in &self.created {
            writeln!(f, "created {c}")?;
        }
        for u in &self.updated {
            writeln!(f, "updated {u}")?;
        }
        write!(f, "{} created, {} updated, {} unchanged.", self.created.len(), self.updated.len(), self.unchanged)
    }
}

fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// Splits `+++ front matter +++ body`; the front matter starts on line 2.
fn split_front_matter(text: &str) -> Result<(&str, &str), (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or((1, "the file must start with a line `+++` (front matter)".to_owned()))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err((1, "the front matter is not closed by a line `+++`".to_owned()))
}

fn front_matter<T: for<'de> Deserialize<'de>>(path: &str, front: &str) -> Result<T, FileError> {
    toml::from_str(front).map_err(|e: toml::de::Error| {
        let line = e.span().map_or(1, |span| 2 + front[..span.start.min(front.len())].matches('\n').count());
        FileError { path: path.to_owned(), line, message: e.message().to_owned() }
    })
}

/// Line number (1-based) of the first line of `field = ` in the front matter, for errors.
fn line_of(text: &str, field: &str) -> usize {
    text.lines().position(|l| l.trim_start().starts_with(field)).map_or(1, |i| i + 1)
}

#[derive(Default)]
struct Parsed {
    topics: BTreeMap<String, Vec<ParsedTopic>>,
    /// (topic, slug) → translations
    guides: BTreeMap<(String, String), Vec<ParsedGuide>>,
}

/// Reads every `.md` file below `dir` as (path relative to `dir`, text).
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&path)?));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn parse_files(files: &[(String, String)], default_lang: &Lang) -> Result<Parsed, Vec<FileError>> {
    let mut parsed = Parsed::default();
    let mut errors = Vec::new();
    for (path, text) in files {
        let err = |line: usize, message: String| FileError { path: path.clone(), line, message };
        let parts: Vec<&str> = path.split('/').collect();
        // Files at the top level (like README.md) are documentation, not content.
        if parts.len() == 1 {
            continue;
        }
        let [topic, file] = parts.as_slice() else {
            errors.push(err(1, "content files live one folder deep: <topic>/<slug>.<lang>.md".into()));
            continue;
        };
        let Some(stem) = file.strip_suffix(".md") else { continue };
        let Some((name, lang)) = stem.rsplit_once('.') else {
            errors.push(err(1, "the file name must be <slug>.<lang>.md or _topic.<lang>.md".into()));
            continue;
        };
        if let Err(e) = Slug::parse(topic) {
            errors.push(err(1, format!("topic folder: {e}")));
            continue;
        }
        let lang = match Lang::parse(lang) {
            Ok(l) => l.to_string(),
            Err(e) => {
                errors.push(err(1, format!("file name: {e}")));
                continue;
            }
        };
        let (front, body) = match split_front_matter(text) {
            Ok(parts) => parts,
            Err((line, message)) => {
                errors.push(err(line, message));
                continue;
            }
        };
        if name == "_topic" {
            match front_matter::<TopicFront>(path, front) {
                Ok(f) if f.title.trim().is_empty() => errors.push(err(line_of(text, "title"), "title is empty".into())),
                Ok(f) => parsed.topics.entry((*topic).to_owned()).or_default().push(ParsedTopic { lang, front: f }),
                Err(e) => errors.push(e),
            }
            continue;
        }
        if let Err(e) = Slug::parse(name) {
            errors.push(err(1, format!("file name: {e}")));
            continue;
        }
        let front: GuideFront = match front_matter(path, front) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if front.title.trim().is_empty() {
            errors.push(err(line_of(text, "title"), "title is empty".into()));
            continue;
        }
        let Some(updated) = parse_date(&front.updated) else {
            errors.push(err(
                line_of(text, "updated"),
                format!("updated: {:?} is not a date like 2026-11-20", front.updated),
            ));
            continue;
        };
        let review_by = match &front.review_by {
            None => None,
            Some(d) => match parse_date(d) {
                Some(d) => Some(d),
                None => {
                    errors.push(err(
                        line_of(text, "review_by"),
                        format!("review_by: {d:?} is not a date like 2027-06-01"),
                    ));
                    continue;
                }
            },
        };
        let is_default = lang == default_lang.as_str();
        if is_default && (front.order.is_none() || review_by.is_none()) {
            errors.push(err(1, format!("the {default_lang} file of a guide needs `order` and `review_by`")));
            continue;
        }
        parsed.guides.entry(((*topic).to_owned(), name.to_owned())).or_default().push(ParsedGuide {
            lang,
            front,
            updated,
            review_by,
            body: body.trim_start_matches(['\n', '\r']).to_owned(),
        });
    }
    // Whole-set rules: every guide and topic needs its default-language file.
    let mut seen = BTreeSet::new();
    for ((topic, slug), translations) in &parsed.guides {
        if !translations.iter().any(|t| t.lang == default_lang.as_str()) {
            errors.push(FileError {
                path: format!("{topic}/{slug}.{}.md", translations.first().map_or("", |t| t.lang.as_str())),
                line: 1,
                message: format!("there is no {default_lang} file {topic}/{slug}.{default_lang}.md for this guide"),
            });
        }
        if !seen.insert(slug.clone()) {
            errors.push(FileError {
                path: format!("{topic}/{slug}.{default_lang}.md"),
                line: 1,
                message: format!("the slug {slug:?} is used in two topics"),
            });
        }
        if !parsed.topics.get(topic).is_some_and(|t| t.iter().any(|t| t.lang == default_lang.as_str())) {
            errors.push(FileError {
                path: format!("{topic}/_topic.{default_lang}.md"),
                line: 1,
                message: "this topic folder has guides but no topic file".into(),
            });
        }
    }
    if errors.is_empty() { Ok(parsed) } else { Err(errors) }
}

/// A translation as it will be stored: rendered, sanitised and folded for search.
pub fn render_translation(
    lang: &str,
    title: &str,
    summary: &str,
    body: &str,
    change_note: &str,
    major_updated_at: PrimitiveDateTime,
    author_id: Option<String>,
) -> Result<TranslationInput, RepoError> {
    let rendered = markdown::render(body);
    let toc_json = serde_json::to_string(&rendered.toc).map_err(|e| RepoError::Unexpected(e.to_string()))?;
    Ok(TranslationInput {
        lang: lang.to_owned(),
        title: title.trim().to_owned(),
        summary: summary.trim().to_owned(),
        body_md: body.to_owned(),
        body_html: rendered.html,
        toc_json,
        search_title: fold(lang, title),
        search_body: fold(lang, &format!("{summary} {}", rendered.plain_text)),
        plain_text: rendered.plain_text,
        change_note: change_note.trim().to_owned(),
        major_updated_at,
        author_id,
    })
}

fn translation_input(lang: &str, front: &GuideFront, updated: Date, body: &str) -> Result<TranslationInput, RepoError> {
    render_translation(
        lang,
        &front.title,
        &front.summary,
        body,
        &front.change_note,
        PrimitiveDateTime::new(updated, Time::MIDNIGHT),
        None,
    )
}

/// Checks every file, then writes them all in one transaction.
pub fn import(
    conn: &mut DbConnection,
    files: &[(String, String)],
    default_lang: &Lang,
) -> Result<ImportReport, ImportError> {
    import_with(conn, files, default_lang, false).map(Option::unwrap_or_default)
}

/// The same, but only into a database without topics (the sample content on first start);
/// `None` when there was content already. Safe when several instances start at once.
pub fn import_if_empty(
    conn: &mut DbConnection,
    files: &[(String, String)],
    default_lang: &Lang,
) -> Result<Option<ImportReport>, ImportError> {
    import_with(conn, files, default_lang, true)
}

fn import_with(
    conn: &mut DbConnection,
    files: &[(String, String)],
    default_lang: &Lang,
    only_if_empty: bool,
) -> Result<Option<ImportReport>, ImportError> {
    let parsed = parse_files(files, default_lang).map_err(ImportError::Files)?;
    let default = default_lang.as_str();
    let report = repo::in_content_transaction(conn, |c| {
        if only_if_empty && repo::count_topics(c)? > 0 {
            return Ok((None, false));
        }
        let mut report = ImportReport::default();
        let note = |change: Change, what: String, report: &mut ImportReport| match change {
            Change::Created => report.created.push(what),
            Change::Updated => report.updated.push(what),
            Change::Unchanged => report.unchanged += 1,
        };
        for (slug, translations) in &parsed.topics {
            let position = translations.iter().find(|t| t.lang == default).and_then(|t| t.front.order).unwrap_or(0);
            let input = TopicInput {
                slug: slug.clone(),
                position,
                translations: translations
                    .iter()
                    .map(|t| (t.lang.clone(), t.front.title.trim().to_owned(), t.front.summary.trim().to_owned()))
                    .collect(),
            };
            let change = repo::upsert_topic(c, &input)?;
            note(change, format!("topic {slug}"), &mut report);
        }
        for ((topic, slug), translations) in &parsed.guides {
            let Some(source) = translations.iter().find(|t| t.lang == default) else {
                continue;
            };
            let (guide_id, change) = repo::upsert_guide(
                c,
                &GuideInput {
                    slug: slug.clone(),
                    topic_slug: topic.clone(),
                    position: source.front.order.unwrap_or(0),
                    published: source.front.published.unwrap_or(true),
                    review_by: source.review_by.unwrap_or(source.updated),
                },
            )?;
            note(change, format!("guide {slug}"), &mut report);
            // The default language first: the others are measured against it.
            let mut ordered: Vec<&ParsedGuide> = vec![source];
            ordered.extend(translations.iter().filter(|t| t.lang != default));
            for t in ordered {
                let input = translation_input(&t.lang, &t.front, t.updated, &t.body)?;
                let existing = repo::translation(c, &guide_id, &t.lang)?;
                // A change dated later than the stored "last updated" is a major change.
                let major = existing.as_ref().is_none_or(|e| t.updated > e.major_updated_at.date());
                let source_row = repo::translation(c, &guide_id, default)?;
                let based_on = match &source_row {
                    // A translation dated on or after its source's last major change follows it.
                    Some(s) if t.updated >= s.major_updated_at.date() => s.major_revision,
                    Some(s) => s.major_revision - 1,
                    None => 0,
                };
                let change = repo::save_translation(c, &guide_id, &input, major, default, based_on)?;
                note(change, format!("{topic}/{slug}.{}.md", t.lang), &mut report);
            }
        }
        let changed = !report.changed_nothing();
        Ok::<_, RepoError>((Some(report), changed))
    })?;
    Ok(report)
}

#[derive(Serialize)]
struct ExportGuideFront<'a> {
    title: &'a str,
    summary: &'a str,
    updated: String,
    change_note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<bool>,
}

fn with_front(front: &impl Serialize, body: &str) -> Result<String, RepoError> {
    let toml = toml::to_string(front).map_err(|e| RepoError::Unexpected(format!("front matter: {e}")))?;
    Ok(format!("+++\n{toml}+++\n\n{body}"))
}

/// Writes all content to `dir` in the import format; returns the files written.
pub fn export(conn: &mut DbConnection, dir: &Path, default_lang: &Lang) -> anyhow::Result<Vec<PathBuf>> {
    let (topics, guides) = repo::export_all(conn)?;
    let default = default_lang.as_str();
    let date = format_description!("[year]-[month]-[day]");
    let mut written = Vec::new();
    let mut write = |path: PathBuf, text: String| -> anyhow::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        written.push(path);
        Ok(())
    };
    for t in &topics {
        for tr in &t.translations {
            let front = TopicFront {
                title: tr.title.clone(),
                summary: tr.summary.clone(),
                order: (tr.lang == default).then_some(t.topic.position),
            };
            write(dir.join(&t.topic.slug).join(format!("_topic.{}.md", tr.lang)), with_front(&front, "")?)?;
        }
    }
    for g in &guides {
        for tr in &g.translations {
            let is_default = tr.lang == default;
            let front = ExportGuideFront {
                title: &tr.title,
                summary: &tr.summary,
                updated: tr.major_updated_at.date().format(&date)?,
                change_note: &tr.change_note,
                order: is_default.then_some(g.guide.position),
                review_by: if is_default { Some(g.guide.review_by.format(&date)?) } else { None },
                published: is_default.then_some(g.guide.published),
            };
            write(
                dir.join(&g.topic_slug).join(format!("{}.{}.md", g.guide.slug, tr.lang)),
                with_front(&front, &tr.body_md)?,
            )?;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Lang {
        Lang::parse("en").unwrap_or_else(|_| unreachable!())
    }

    fn errors_of(files: &[(&str, &str)]) -> Vec<String> {
        let files: Vec<(String, String)> = files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        match parse_files(&files, &en()) {
            Ok(_) => vec![],
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    const TOPIC: &str = "+++\ntitle = \"Legal\"\norder = 1\n+++\n";

    #[test]
    fn malformed_front_matter_is_reported_with_path_and_line() {
        let bad = "+++\ntitle = \"ID\"\nsummary = \"x\"\nupdated = 2026-11-20x\n+++\nbody";
        let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/id.en.md", bad)]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("legal/id.en.md:4: "), "{errors:?}");
    }

    #[test]
    fn missing_and_unknown_fields_and_bad_dates_are_errors() {
        let cases = [
            ("+++\nsummary = \"x\"\nupdated = \"2026-11-20\"\norder = 1\nreview_by = \"2027-01-01\"\n+++\n", "title"),
            (
                "+++\ntitle = \"x\"\nupdated = \"2026-11-20\"\norder = 1\nreview_by = \"2027-01-01\"\ncolour = \"red\"\n+++\n",
                "colour",
            ),
            ("+++\ntitle = \"x\"\nupdated = \"20.11.2026\"\norder = 1\nreview_by = \"2027-01-01\"\n+++\n", "updated"),
            ("+++\ntitle = \"x\"\nupdated = \"2026-11-20\"\n+++\n", "order"),
            ("title = \"x\"\n", "must start"),
            ("+++\ntitle = \"x\"\n", "not closed"),
        ];
        for (text, expected) in cases {
            let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/g.en.md", text)]);
            assert!(
                errors.len() == 1 && errors[0].starts_with("legal/g.en.md:") && errors[0].contains(expected),
                "{text:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn a_translation_without_its_source_is_an_error() {
        let ru = "+++\ntitle = \"Документы\"\nupdated = \"2026-11-20\"\n+++\n";
        let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/id.ru.md", ru)]);
        assert!(errors.iter().any(|e| e.contains("no en file")), "{errors:?}");
    }

    #[test]
    fn bad_names_are_errors() {
        let ok = "+++\ntitle = \"x\"\nupdated = \"2026-11-20\"\norder = 1\nreview_by = \"2027-01-01\"\n+++\n";
        assert!(errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/Bad Name.en.md", ok)])[0].contains("not a slug"));
        assert!(errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/good.english.md", ok)])[0].contains("language"));
        assert!(errors_of(&[("legal/x/good.en.md", ok)])[0].contains("one folder deep"));
        assert!(errors_of(&[("other/good.en.md", ok)])[0].contains("no topic file"));
    }
}
