//! Guides and topics: the one rule set that the editor's forms and the content files share
//! (titles, summaries, bodies, positions, dates), and the state of a translation.

use time::Date;
use time::macros::format_description;

use super::inquiry::{clean_line, clean_text};
use super::{Lang, Slug};

/// The longest title of a guide or topic, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest summary of a guide or topic, in characters.
pub const MAX_SUMMARY: usize = 500;
/// The longest guide text (Markdown), in characters.
pub const MAX_BODY: usize = 100_000;
/// The highest position of a guide in its topic or of a topic on the home page.
pub const MAX_POSITION: i32 = 10_000;

/// What is wrong with a guide's or topic's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Empty or longer than `MAX_TITLE`.
    Title,
    /// Longer than `MAX_SUMMARY`.
    Summary,
    /// Empty or longer than `MAX_BODY`.
    Body,
    /// A major change without a note for readers.
    ChangeNote,
}

impl TextProblem {
    /// The id of the editor's input.
    pub fn field(self) -> &'static str {
        match self {
            TextProblem::Title => "title",
            TextProblem::Summary => "summary",
            TextProblem::Body => "body",
            TextProblem::ChangeNote => "change_note",
        }
    }

    /// The staff catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            TextProblem::Title => "admin-error-title",
            TextProblem::Summary => "admin-error-summary",
            TextProblem::Body => "admin-error-body",
            TextProblem::ChangeNote => "admin-error-change-note",
        }
    }

    /// The message for a content file (files are reported in English, like the CLI).
    pub fn file_message(self) -> String {
        match self {
            TextProblem::Title => format!("title is empty or longer than {MAX_TITLE} characters"),
            TextProblem::Summary => format!("summary is longer than {MAX_SUMMARY} characters"),
            TextProblem::Body => format!("the text is empty or longer than {MAX_BODY} characters"),
            TextProblem::ChangeNote => "a major change needs a change_note".to_owned(),
        }
    }
}

fn check_title(title: &str, problems: &mut Vec<TextProblem>) {
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        problems.push(TextProblem::Title);
    }
}

fn check_summary(summary: &str, problems: &mut Vec<TextProblem>) {
    if summary.chars().count() > MAX_SUMMARY {
        problems.push(TextProblem::Summary);
    }
}

/// The text of one translation of a guide: one-line title and summary, Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideText {
    pub title: String,
    pub summary: String,
    /// Line breaks unified, control characters removed, trimmed.
    pub body: String,
}

impl GuideText {
    /// Cleans and checks a guide's text, wherever it comes from.
    pub fn parse(title: &str, summary: &str, body: &str) -> Result<GuideText, Vec<TextProblem>> {
        let (title, summary, body) = (clean_line(title), clean_line(summary), clean_text(body));
        let mut problems = Vec::new();
        check_title(&title, &mut problems);
        check_summary(&summary, &mut problems);
        if body.is_empty() || body.chars().count() > MAX_BODY {
            problems.push(TextProblem::Body);
        }
        if problems.is_empty() { Ok(GuideText { title, summary, body }) } else { Err(problems) }
    }
}

/// An editor's change to one translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationEdit {
    pub text: GuideText,
    /// Shown to readers with a major change; empty for a minor one.
    pub change_note: String,
    pub major: bool,
    /// The revision the editor started from (0: the translation did not exist yet).
    pub based_on_revision: i32,
}

impl TranslationEdit {
    /// The first text of a translation is always a major change, which needs a note.
    pub fn parse(
        title: &str,
        summary: &str,
        body: &str,
        change_note: &str,
        major: bool,
        based_on_revision: i32,
    ) -> Result<TranslationEdit, Vec<TextProblem>> {
        let major = major || based_on_revision == 0;
        let change_note = clean_line(change_note);
        let text = GuideText::parse(title, summary, body);
        let mut problems = text.as_ref().err().cloned().unwrap_or_default();
        if major && change_note.is_empty() {
            problems.push(TextProblem::ChangeNote);
        }
        match text {
            Ok(text) if problems.is_empty() => Ok(TranslationEdit { text, change_note, major, based_on_revision }),
            _ => Err(problems),
        }
    }
}

/// A topic's title and summary in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicText {
    pub title: String,
    pub summary: String,
}

impl TopicText {
    pub fn parse(title: &str, summary: &str) -> Result<TopicText, Vec<TextProblem>> {
        let (title, summary) = (clean_line(title), clean_line(summary));
        let mut problems = Vec::new();
        check_title(&title, &mut problems);
        check_summary(&summary, &mut problems);
        if problems.is_empty() { Ok(TopicText { title, summary }) } else { Err(problems) }
    }
}

/// Where a guide stands in its topic, or a topic on the home page: 0 to `MAX_POSITION`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position(i32);

impl Position {
    pub fn new(value: i32) -> Option<Position> {
        (0..=MAX_POSITION).contains(&value).then_some(Position(value))
    }

    /// From a form field: a whole number, spaces around it ignored.
    pub fn parse(text: &str) -> Option<Position> {
        text.trim().parse().ok().and_then(Position::new)
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// A calendar day written like `2027-06-30` (review dates, "last updated").
pub fn parse_day(text: &str) -> Option<Date> {
    Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// What is wrong with a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicProblem {
    Slug,
    Position,
    /// The text in this language; the default language must have a title.
    Text(Lang, TextProblem),
}

/// A checked topic: its name, position and texts, the default language among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTopic {
    pub slug: Slug,
    pub position: Position,
    pub translations: Vec<(Lang, TopicText)>,
}

impl NewTopic {
    /// `position` is `None` when what was given is not a position; every translation given
    /// must have a title, and the default language must be among them.
    pub fn parse(
        slug: &str,
        position: Option<Position>,
        texts: &[(Lang, String, String)],
        default: &Lang,
    ) -> Result<NewTopic, Vec<TopicProblem>> {
        let mut problems = Vec::new();
        let slug = Slug::parse(slug).map_err(|_| problems.push(TopicProblem::Slug)).ok();
        if position.is_none() {
            problems.push(TopicProblem::Position);
        }
        let mut translations = Vec::new();
        for (lang, title, summary) in texts {
            match TopicText::parse(title, summary) {
                Ok(text) => translations.push((lang.clone(), text)),
                Err(p) => problems.extend(p.into_iter().map(|p| TopicProblem::Text(lang.clone(), p))),
            }
        }
        if !texts.iter().any(|(l, _, _)| l == default) {
            problems.push(TopicProblem::Text(default.clone(), TextProblem::Title));
        }
        match (slug, position) {
            (Some(slug), Some(position)) if problems.is_empty() => Ok(NewTopic { slug, position, translations }),
            _ => Err(problems),
        }
    }
}

/// The state of one language of one guide against the default-language text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationState {
    Missing,
    /// Written for an older major version of the default-language text.
    Outdated,
    Current,
}

impl TranslationState {
    pub fn as_str(self) -> &'static str {
        match self {
            TranslationState::Missing => "missing",
            TranslationState::Outdated => "outdated",
            TranslationState::Current => "current",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn guide_texts_are_cleaned_and_limited() {
        let text = GuideText::parse("  Renting \u{7}a flat ", " Contracts\n", "\r\nAsk first.\r\n\n")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (text.title.as_str(), text.summary.as_str(), text.body.as_str()),
            ("Renting a flat", "Contracts", "Ask first.")
        );
        assert_eq!(GuideText::parse(" ", "", "\n"), Err(vec![TextProblem::Title, TextProblem::Body]));
        let (title, summary, body) = ("t".repeat(MAX_TITLE + 1), "s".repeat(MAX_SUMMARY + 1), "b".repeat(MAX_BODY + 1));
        assert_eq!(
            GuideText::parse(&title, &summary, &body),
            Err(vec![TextProblem::Title, TextProblem::Summary, TextProblem::Body])
        );
        assert!(
            GuideText::parse(&"т".repeat(MAX_TITLE), &"с".repeat(MAX_SUMMARY), "b").is_ok(),
            "characters, not bytes"
        );
    }

    #[test]
    fn a_major_change_and_a_first_text_need_a_note() {
        assert_eq!(TranslationEdit::parse("T", "", "B", " ", true, 3), Err(vec![TextProblem::ChangeNote]));
        assert_eq!(TranslationEdit::parse("T", "", "B", "", false, 0), Err(vec![TextProblem::ChangeNote]));
        let minor = TranslationEdit::parse("T", "", "B", "", false, 3).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!minor.major);
        let first = TranslationEdit::parse("T", "", "B", " New ", false, 0).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(first.major && first.change_note == "New");
        assert_eq!(
            TranslationEdit::parse("", "", "", "", true, 1),
            Err(vec![TextProblem::Title, TextProblem::Body, TextProblem::ChangeNote])
        );
    }

    #[test]
    fn positions_and_days() {
        assert_eq!(Position::parse(" 9 ").map(Position::get), Some(9));
        for bad in ["", "x", "-1", "10001", "1.5"] {
            assert_eq!(Position::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Position::new(MAX_POSITION).map(Position::get), Some(MAX_POSITION));
        assert!(parse_day("2027-06-30").is_some());
        assert!(parse_day("tomorrow").is_none() && parse_day("30.06.2027").is_none());
    }

    #[test]
    fn a_topic_needs_a_name_a_position_and_a_default_title() {
        let en = lang("en");
        let texts =
            vec![(lang("en"), "Housing".to_owned(), "Renting".to_owned()), (lang("ru"), "Жильё".into(), String::new())];
        let topic = NewTopic::parse("housing", Position::new(3), &texts, &en).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((topic.slug.as_str(), topic.position.get(), topic.translations.len()), ("housing", 3, 2));
        let only_ru = vec![(lang("ru"), "Жильё".to_owned(), String::new())];
        assert_eq!(
            NewTopic::parse("Bad Name", None, &only_ru, &en),
            Err(vec![TopicProblem::Slug, TopicProblem::Position, TopicProblem::Text(en.clone(), TextProblem::Title)])
        );
        let long = vec![(lang("en"), "Housing".to_owned(), "s".repeat(MAX_SUMMARY + 1))];
        assert_eq!(
            NewTopic::parse("housing", Position::new(0), &long, &en),
            Err(vec![TopicProblem::Text(en, TextProblem::Summary)])
        );
    }
}
