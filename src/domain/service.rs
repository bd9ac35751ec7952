//! One service of the directory and the one rule set it must pass, whether an editor typed it
//! into the form or it came from a `<slug>.toml` file (import, restore): `ServiceInput::parse`.

use std::fmt;

use time::Date;

use super::inquiry::{clean_line, clean_text, is_phone};
use super::{EmailAddress, Lang, Slug};

/// The kinds of service the finder offers.
pub const KINDS: &[&str] = &["public_office", "legal_aid", "health", "education", "employment", "ngo"];

/// The longest address or name.
pub const MAX_LINE: usize = 300;
/// The longest description, opening hours or accessibility note.
pub const MAX_TEXT: usize = 5_000;

/// One language's text of a service.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceText {
    pub lang: String,
    pub name: String,
    pub description: String,
    pub hours: String,
    pub accessibility: Option<String>,
}

/// A checked service, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceInput {
    pub slug: String,
    pub kind: String,
    pub topics: Vec<String>,
    pub region: String,
    pub address: String,
    pub phone: String,
    pub email: Option<String>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub last_checked: Date,
    pub texts: Vec<ServiceText>,
}

/// One language's boxes as given (empty strings for what is left out).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftText {
    pub lang: String,
    pub name: String,
    pub description: String,
    pub hours: String,
    pub accessibility: String,
}

/// A service as given, before any check: what a form or a file says, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceDraft {
    pub slug: String,
    pub kind: String,
    pub topics: Vec<String>,
    pub region: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    /// Language codes the service speaks.
    pub languages: Vec<String>,
    /// Decimal degrees; a comma is read as the decimal point. Both or neither.
    pub latitude: String,
    pub longitude: String,
    pub texts: Vec<DraftText>,
}

/// What exists that a service may refer to.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub topics: &'a [String],
    pub regions: &'a [String],
    /// The site's languages; texts in others are refused.
    pub languages: &'a [Lang],
    /// The language every service must have a text in.
    pub default: &'a Lang,
}

/// Which box of a language's text a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Name,
    Description,
    Hours,
    Accessibility,
}

impl TextField {
    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Name => "name",
            TextField::Description => "description",
            TextField::Hours => "hours",
            TextField::Accessibility => "accessibility",
        }
    }
}

/// One reason a service is refused. The form shows it at its field; a file names it with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceProblem {
    /// Not a slug (a-z, 0-9, -), or the reserved `new`.
    Slug(String),
    Kind(String),
    NoTopics,
    UnknownTopic(String),
    UnknownRegion(String),
    /// Empty or longer than `MAX_LINE`.
    Address,
    /// Not a phone number (`is_phone`).
    Phone(String),
    Email(String),
    /// Not an http(s) address with a host.
    Website(String),
    /// Not a language code.
    Language(String),
    NoLanguages,
    /// Only one of the two, not numbers, or out of range.
    Coordinates,
    /// A language with some text but without a name or a description.
    TextIncomplete {
        lang: String,
        field: TextField,
    },
    TextTooLong {
        lang: String,
        field: TextField,
    },
    /// A text in a language the site does not offer.
    TextLanguage(String),
    /// No text in the default language (and no other problem with it).
    NoDefaultText(String),
}

impl fmt::Display for ServiceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServiceProblem::Slug(s) => write!(f, "{s:?} is not a valid service slug (a-z, 0-9, -; not \"new\")"),
            ServiceProblem::Kind(k) => write!(f, "kind {k:?} is not one of {}", KINDS.join(", ")),
            ServiceProblem::NoTopics => f.write_str("name at least one topic"),
            ServiceProblem::UnknownTopic(t) => write!(f, "topic {t:?} does not exist"),
            ServiceProblem::UnknownRegion(r) => write!(f, "region {r:?} is not in _regions.toml"),
            ServiceProblem::Address => write!(f, "give the address (at most {MAX_LINE} characters)"),
            ServiceProblem::Phone(p) => {
                write!(f, "phone {p:?} is not a phone number (digits, spaces and + - ( ) . /, at least 5 digits)")
            }
            ServiceProblem::Email(e) => write!(f, "{e:?} is not an email address"),
            ServiceProblem::Website(w) => write!(f, "{w:?} is not an http(s) address with a host"),
            ServiceProblem::Language(l) => write!(f, "{l:?} is not a language code"),
            ServiceProblem::NoLanguages => f.write_str("name at least one language the service speaks"),
            ServiceProblem::Coordinates => {
                f.write_str("give both latitude (-90 to 90) and longitude (-180 to 180), or neither")
            }
            ServiceProblem::TextIncomplete { lang, .. } => write!(f, "[{lang}] needs a name and a description"),
            ServiceProblem::TextTooLong { lang, field } => write!(
                f,
                "[{lang}] {} is too long (names up to {MAX_LINE} characters, other texts up to {MAX_TEXT})",
                field.as_str()
            ),
            ServiceProblem::TextLanguage(l) => write!(f, "[{l}] is not an enabled language"),
            ServiceProblem::NoDefaultText(l) => write!(f, "there is no [{l}] section (the default language)"),
        }
    }
}

/// A website address readers may follow: http or https, with a host.
fn is_website(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| (u.scheme() == "https" || u.scheme() == "http") && u.has_host())
}

/// An optional coordinate: `Ok(None)` when empty.
fn coordinate(text: &str, limit: f64) -> Result<Option<f64>, ()> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
        _ => Err(()),
    }
}

impl ServiceInput {
    /// Cleans and checks a service. Every problem is reported, in the order of the form's fields.
    /// The rule (the same for the form and for files): slug, kind, at least one known topic, a
    /// known region, an address, a valid phone number (readers are offered a `tel:` link), an
    /// optional email address and http(s) website, at least one language, both coordinates or
    /// neither, and a name and description in the default language; texts are cleaned and limited.
    pub fn parse(
        draft: &ServiceDraft,
        known: &Known<'_>,
        last_checked: Date,
    ) -> Result<ServiceInput, Vec<ServiceProblem>> {
        let mut problems = Vec::new();
        let slug = draft.slug.trim().to_ascii_lowercase();
        if Slug::parse(&slug).is_err() || slug == "new" {
            problems.push(ServiceProblem::Slug(draft.slug.clone()));
        }
        if !KINDS.contains(&draft.kind.as_str()) {
            problems.push(ServiceProblem::Kind(draft.kind.clone()));
        }
        if draft.topics.is_empty() {
            problems.push(ServiceProblem::NoTopics);
        }
        for t in draft.topics.iter().filter(|t| !known.topics.contains(t)) {
            problems.push(ServiceProblem::UnknownTopic(t.clone()));
        }
        if !known.regions.contains(&draft.region) {
            problems.push(ServiceProblem::UnknownRegion(draft.region.clone()));
        }
        let address = clean_line(&draft.address);
        if address.is_empty() || address.chars().count() > MAX_LINE {
            problems.push(ServiceProblem::Address);
        }
        let phone = clean_line(&draft.phone);
        if !is_phone(&phone) {
            problems.push(ServiceProblem::Phone(phone.clone()));
        }
        let email = clean_line(&draft.email);
        if !email.is_empty() && EmailAddress::parse(&email).is_err() {
            problems.push(ServiceProblem::Email(email.clone()));
        }
        let website = clean_line(&draft.website);
        if !website.is_empty() && !is_website(&website) {
            problems.push(ServiceProblem::Website(website.clone()));
        }
        let mut languages: Vec<String> = Vec::new();
        for code in draft.languages.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            match Lang::parse(code) {
                Ok(l) if !languages.contains(&l.to_string()) => languages.push(l.to_string()),
                Ok(_) => {}
                Err(_) => problems.push(ServiceProblem::Language(code.to_owned())),
            }
        }
        if languages.is_empty() && !problems.iter().any(|p| matches!(p, ServiceProblem::Language(_))) {
            problems.push(ServiceProblem::NoLanguages);
        }
        let (latitude, longitude) = match (coordinate(&draft.latitude, 90.0), coordinate(&draft.longitude, 180.0)) {
            (Ok(Some(lat)), Ok(Some(lon))) => (Some(lat), Some(lon)),
            (Ok(None), Ok(None)) => (None, None),
            _ => {
                problems.push(ServiceProblem::Coordinates);
                (None, None)
            }
        };
        let texts = parse_texts(&draft.texts, known, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ServiceInput {
            slug,
            kind: draft.kind.clone(),
            topics: draft.topics.clone(),
            region: draft.region.clone(),
            address,
            phone,
            email: Some(email).filter(|e| !e.is_empty()),
            website: Some(website).filter(|w| !w.is_empty()),
            languages,
            latitude,
            longitude,
            last_checked,
            texts,
        })
    }
}

/// The texts that have anything in them, checked; a language left wholly empty is left out.
fn parse_texts(drafts: &[DraftText], known: &Known<'_>, problems: &mut Vec<ServiceProblem>) -> Vec<ServiceText> {
    let mut texts = Vec::new();
    let mut default_seen = false;
    for t in drafts {
        let name = clean_line(&t.name);
        let (description, hours, accessibility) =
            (clean_text(&t.description), clean_text(&t.hours), clean_text(&t.accessibility));
        if name.is_empty() && description.is_empty() && hours.is_empty() && accessibility.is_empty() {
            continue;
        }
        let lang = t.lang.clone();
        // A problem with the default language's text is reported once, at that text.
        default_seen |= lang == known.default.as_str();
        if !known.languages.iter().any(|l| l.as_str() == lang) {
            problems.push(ServiceProblem::TextLanguage(lang));
            continue;
        }
        if name.is_empty() || description.is_empty() {
            let field = if name.is_empty() { TextField::Name } else { TextField::Description };
            problems.push(ServiceProblem::TextIncomplete { lang, field });
            continue;
        }
        let too_long = [
            (TextField::Description, &description),
            (TextField::Hours, &hours),
            (TextField::Accessibility, &accessibility),
        ]
        .into_iter()
        .find(|(_, t)| t.chars().count() > MAX_TEXT)
        .map(|(f, _)| f)
        .or((name.chars().count() > MAX_LINE).then_some(TextField::Name));
        if let Some(field) = too_long {
            problems.push(ServiceProblem::TextTooLong { lang, field });
            continue;
        }
        texts.push(ServiceText {
            lang,
            name,
            description,
            hours,
            accessibility: Some(accessibility).filter(|a| !a.is_empty()),
        });
    }
    if !default_seen {
        problems.push(ServiceProblem::NoDefaultText(known.default.to_string()));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    fn good() -> ServiceDraft {
        ServiceDraft {
            slug: " Civil-Registry ".into(),
            kind: "public_office".into(),
            topics: vec!["legal".into()],
            region: "capital".into(),
            address: "12 Sample Street".into(),
            phone: "+000 10 555 0101".into(),
            email: " registry@sample.example ".into(),
            website: "https://sample.example/registry".into(),
            languages: vec!["hy".into(), "en".into(), "hy".into()],
            latitude: "40,18".into(),
            longitude: "44.51".into(),
            texts: vec![
                DraftText {
                    lang: "en".into(),
                    name: "Registry".into(),
                    description: "Births".into(),
                    ..Default::default()
                },
                DraftText { lang: "ru".into(), ..Default::default() },
            ],
        }
    }

    fn check(draft: &ServiceDraft) -> Result<ServiceInput, Vec<ServiceProblem>> {
        let (topics, regions, langs) =
            (vec!["legal".to_owned()], vec!["capital".to_owned()], vec![lang("en"), lang("ru")]);
        let known = Known { topics: &topics, regions: &regions, languages: &langs, default: &langs[0] };
        ServiceInput::parse(draft, &known, Date::MIN)
    }

    #[test]
    fn a_good_service_is_cleaned() {
        let s = check(&good()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.slug, "civil-registry");
        assert_eq!(s.email.as_deref(), Some("registry@sample.example"));
        assert_eq!(s.languages, vec!["hy", "en"]);
        assert_eq!((s.latitude, s.longitude), (Some(40.18), Some(44.51)));
        assert_eq!(s.texts.len(), 1, "the empty Russian text is left out");
    }

    #[test]
    fn every_problem_is_reported() {
        let mut d = good();
        d.slug = "new".into();
        d.kind = "castle".into();
        d.topics = vec!["space".into()];
        d.region = "atlantis".into();
        d.address = " ".into();
        d.phone = "call me".into();
        d.email = "nope".into();
        d.website = "https://".into();
        d.languages = vec!["English".into()];
        d.latitude = "95".into();
        d.texts[0].description = String::new();
        d.texts.push(DraftText { lang: "de".into(), name: "x".into(), ..Default::default() });
        assert_eq!(
            check(&d).err(),
            Some(vec![
                ServiceProblem::Slug("new".into()),
                ServiceProblem::Kind("castle".into()),
                ServiceProblem::UnknownTopic("space".into()),
                ServiceProblem::UnknownRegion("atlantis".into()),
                ServiceProblem::Address,
                ServiceProblem::Phone("call me".into()),
                ServiceProblem::Email("nope".into()),
                ServiceProblem::Website("https://".into()),
                ServiceProblem::Language("English".into()),
                ServiceProblem::Coordinates,
                ServiceProblem::TextIncomplete { lang: "en".into(), field: TextField::Description },
                ServiceProblem::TextLanguage("de".into()),
            ])
        );
    }

    #[test]
    fn the_default_text_is_required_and_texts_are_limited() {
        let mut d = good();
        d.texts[0].lang = "ru".into();
        assert_eq!(check(&d).err(), Some(vec![ServiceProblem::NoDefaultText("en".into())]));
        let mut d = good();
        d.texts[0].name = "x".repeat(MAX_LINE + 1);
        assert_eq!(
            check(&d).err(),
            Some(vec![ServiceProblem::TextTooLong { lang: "en".into(), field: TextField::Name }])
        );
        let mut d = good();
        (d.topics, d.languages, d.latitude) = (Vec::new(), Vec::new(), String::new());
        assert_eq!(
            check(&d).err(),
            Some(vec![ServiceProblem::NoTopics, ServiceProblem::NoLanguages, ServiceProblem::Coordinates])
        );
    }
}
