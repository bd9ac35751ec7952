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
use crate::domain::content::{
    GuideText, MAX_POSITION, NewTopic, Position, TextProblem, TopicProblem, TopicText, parse_day,
};
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
    lang: Lang,
    text: TopicText,
    order: Option<i32>,
    /// The line of `order`, for whole-topic errors.
    order_line: usize,
}

struct ParsedGuide {
    lang: String,
    front: GuideFront,
    /// Title, summary and body, checked by the same rules as the editor's.
    text: GuideText,
    updated: Date,
    review_by: Option<Date>,
    position: Option<Position>,
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

/// The line of a file where its body starts (just after the front matter).
fn body_line(text: &str, body: &str) -> usize {
    text[..text.len() - body.len()].matches('\n').count() + 1
}

fn text_line(text: &str, body: &str, problem: TextProblem) -> usize {
    match problem {
        TextProblem::Title => line_of(text, "title"),
        TextProblem::Summary => line_of(text, "summary"),
        TextProblem::Body | TextProblem::ChangeNote => body_line(text, body),
    }
}

fn order_message(order: i32) -> String {
    format!("order: {order} is not a whole number from 0 to {MAX_POSITION}")
}

/// A whole-topic problem, on the file it is about.
fn topic_error(folder: &str, problem: TopicProblem, source: Option<&ParsedTopic>, default: &Lang) -> FileError {
    let file = |lang: &Lang| format!("{folder}/_topic.{lang}.md");
    match problem {
        TopicProblem::Position => FileError {
            path: file(default),
            line: source.map_or(1, |s| s.order_line),
            message: order_message(source.and_then(|s| s.order).unwrap_or(0)),
        },
        TopicProblem::Slug => {
            FileError { path: file(default), line: 1, message: format!("topic folder {folder:?} is not a slug") }
        }
        TopicProblem::Text(lang, TextProblem::Title) if source.is_none() && lang == *default => FileError {
            path: file(default),
            line: 1,
            message: format!("there is no {default} file {folder}/_topic.{default}.md for this topic"),
        },
        TopicProblem::Text(lang, p) => FileError { path: file(&lang), line: 1, message: p.file_message() },
    }
}

#[derive(Default)]
struct Parsed {
    /// Folder → translations, as read; `checked` once the whole topic passed `NewTopic::parse`.
    topics: BTreeMap<String, Vec<ParsedTopic>>,
    checked: Vec<NewTopic>,
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
            let f = match front_matter::<TopicFront>(path, front) {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            match (TopicText::parse(&f.title, &f.summary), Lang::parse(&lang)) {
                (Ok(t), Ok(l)) => parsed.topics.entry((*topic).to_owned()).or_default().push(ParsedTopic {
                    lang: l,
                    text: t,
                    order: f.order,
                    order_line: line_of(text, "order"),
                }),
                (Err(problems), _) => {
                    errors.extend(problems.into_iter().map(|p| err(text_line(text, body, p), p.file_message())));
                }
                (_, Err(e)) => errors.push(err(1, format!("file name: {e}"))),
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
        let Some(updated) = parse_day(&front.updated) else {
            errors.push(err(
                line_of(text, "updated"),
                format!("updated: {:?} is not a date like 2026-11-20", front.updated),
            ));
            continue;
        };
        let review_by = match &front.review_by {
            None => None,
            Some(d) => match parse_day(d) {
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
        let position = match front.order.map(|o| (o, Position::new(o))) {
            None => None,
            Some((_, Some(p))) => Some(p),
            Some((o, None)) => {
                errors.push(err(line_of(text, "order"), order_message(o)));
                continue;
            }
        };
        let text = match GuideText::parse(&front.title, &front.summary, body) {
            Ok(t) => t,
            Err(problems) => {
                errors.extend(problems.into_iter().map(|p| err(text_line(text, body, p), p.file_message())));
                continue;
            }
        };
        parsed.guides.entry(((*topic).to_owned(), name.to_owned())).or_default().push(ParsedGuide {
            lang,
            front,
            text,
            updated,
            review_by,
            position,
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
        if !parsed.topics.get(topic).is_some_and(|t| t.iter().any(|t| t.lang == *default_lang)) {
            errors.push(FileError {
                path: format!("{topic}/_topic.{default_lang}.md"),
                line: 1,
                message: "this topic folder has guides but no topic file".into(),
            });
        }
    }
    // A topic is checked as the editor's topic form checks it.
    for (folder, translations) in &parsed.topics {
        let source = translations.iter().find(|t| t.lang == *default_lang);
        let order = source.and_then(|t| t.order).unwrap_or(0);
        let texts: Vec<(Lang, String, String)> =
            translations.iter().map(|t| (t.lang.clone(), t.text.title.clone(), t.text.summary.clone())).collect();
        match NewTopic::parse(folder, Position::new(order), &texts, default_lang) {
            Ok(topic) => parsed.checked.push(topic),
            Err(problems) => errors.extend(problems.into_iter().map(|p| topic_error(folder, p, source, default_lang))),
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

fn translation_input(t: &ParsedGuide) -> Result<TranslationInput, RepoError> {
    render_translation(
        &t.lang,
        &t.text.title,
        &t.text.summary,
        &t.text.body,
        &t.front.change_note,
        PrimitiveDateTime::new(t.updated, Time::MIDNIGHT),
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
        for topic in &parsed.checked {
            let input = TopicInput {
                slug: topic.slug.to_string(),
                position: topic.position.get(),
                translations: topic
                    .translations
                    .iter()
                    .map(|(l, t)| (l.to_string(), t.title.clone(), t.summary.clone()))
                    .collect(),
            };
            let change = repo::upsert_topic(c, &input)?;
            note(change, format!("topic {}", topic.slug), &mut report);
        }
        // Guides and translations: the stored ones read once, the writes batched.
        let mut plan = repo::ImportPlan::load(c)?;
        for ((topic, slug), translations) in &parsed.guides {
            let Some(source) = translations.iter().find(|t| t.lang == default) else {
                continue;
            };
            let (guide_id, change) = plan.guide(&GuideInput {
                slug: slug.clone(),
                topic_slug: topic.clone(),
                position: source.position.map_or(0, Position::get),
                published: source.front.published.unwrap_or(true),
                review_by: source.review_by.unwrap_or(source.updated),
            })?;
            note(change, format!("guide {slug}"), &mut report);
            // The default language first: the others are measured against it.
            let mut ordered: Vec<&ParsedGuide> = vec![source];
            ordered.extend(translations.iter().filter(|t| t.lang != default));
            for t in ordered {
                let input = translation_input(t)?;
                let existing = plan.translation(&guide_id, &t.lang);
                // A change dated later than the stored "last updated" is a major change.
                let major = existing.is_none_or(|e| t.updated > e.major_updated_at.date());
                let based_on = match plan.translation(&guide_id, default) {
                    // A translation dated on or after its source's last major change follows it.
                    Some(s) if t.updated >= s.major_updated_at.date() => s.major_revision,
                    Some(s) => s.major_revision - 1,
                    None => 0,
                };
                let change = plan.save_translation(c, &guide_id, &input, major, default, based_on)?;
                note(change, format!("{topic}/{slug}.{}.md", t.lang), &mut report);
            }
        }
        plan.flush(c)?;
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
        let ru = "+++\ntitle = \"Документы\"\nupdated = \"2026-11-20\"\n+++\nТекст\n";
        let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/id.ru.md", ru)]);
        assert!(errors.iter().any(|e| e.contains("no en file")), "{errors:?}");
    }

    #[test]
    fn bad_names_are_errors() {
        let ok = "+++\ntitle = \"x\"\nupdated = \"2026-11-20\"\norder = 1\nreview_by = \"2027-01-01\"\n+++\nText\n";
        assert!(errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/Bad Name.en.md", ok)])[0].contains("not a slug"));
        assert!(errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/good.english.md", ok)])[0].contains("language"));
        assert!(errors_of(&[("legal/x/good.en.md", ok)])[0].contains("one folder deep"));
        assert!(errors_of(&[("other/good.en.md", ok)])[0].contains("no topic file"));
    }

    #[test]
    fn files_follow_the_editor_rules_for_texts_and_positions() {
        let guide = |title: &str, order: i32, body: &str| {
            format!(
                "+++\ntitle = \"{title}\"\nupdated = \"2026-11-20\"\norder = {order}\nreview_by = \"2027-01-01\"\n+++\n{body}"
            )
        };
        let long = "x".repeat(crate::domain::content::MAX_TITLE + 1);
        let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/g.en.md", &guide(&long, 1, "Text"))]);
        assert!(errors.len() == 1 && errors[0].starts_with("legal/g.en.md:2: title"), "{errors:?}");
        let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/g.en.md", &guide("G", 1, "\n \n"))]);
        assert!(errors.len() == 1 && errors[0].starts_with("legal/g.en.md:7: the text is empty"), "{errors:?}");
        let errors = errors_of(&[("legal/_topic.en.md", TOPIC), ("legal/g.en.md", &guide("G", 10_001, "Text"))]);
        assert!(errors.len() == 1 && errors[0].starts_with("legal/g.en.md:4: order"), "{errors:?}");
        let far = "+++\ntitle = \"Legal\"\norder = -1\n+++\n";
        assert_eq!(
            errors_of(&[("legal/_topic.en.md", far)]),
            vec!["legal/_topic.en.md:3: order: -1 is not a whole number from 0 to 10000"]
        );
        let only_ru = "+++\ntitle = \"Право\"\n+++\n";
        let errors = errors_of(&[("legal/_topic.ru.md", only_ru)]);
        assert!(errors.len() == 1 && errors[0].contains("no en file legal/_topic.en.md"), "{errors:?}");
    }
}
