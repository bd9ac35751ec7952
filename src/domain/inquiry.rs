//! The question form's rules: what a reader must and may give, cleaned of
//! control characters so no field can smuggle a header, a NUL or a bidi override.

use super::{EmailAddress, EmailError, Lang};

pub const MAX_MESSAGE_CHARS: usize = 5000;
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_PHONE_CHARS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactMethod {
    Email,
    Phone,
    /// "I will check back with my receipt code": no contact details needed.
    Receipt,
}

impl ContactMethod {
    pub fn parse(s: &str) -> Option<ContactMethod> {
        match s {
            "email" => Some(ContactMethod::Email),
            "phone" => Some(ContactMethod::Phone),
            "receipt" => Some(ContactMethod::Receipt),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ContactMethod::Email => "email",
            ContactMethod::Phone => "phone",
            ContactMethod::Receipt => "receipt",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InquiryStatus {
    New,
    InProgress,
    Answered,
    Closed,
}

impl InquiryStatus {
    pub fn parse(s: &str) -> Option<InquiryStatus> {
        match s {
            "new" => Some(InquiryStatus::New),
            "in_progress" => Some(InquiryStatus::InProgress),
            "answered" => Some(InquiryStatus::Answered),
            "closed" => Some(InquiryStatus::Closed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InquiryStatus::New => "new",
            InquiryStatus::InProgress => "in_progress",
            InquiryStatus::Answered => "answered",
            InquiryStatus::Closed => "closed",
        }
    }
}

/// What the form sent, as text.
#[derive(Debug, Default, Clone)]
pub struct InquiryForm {
    pub topic: String,
    /// The region the question is about; optional, empty when not given.
    pub region: String,
    pub answer_lang: String,
    pub message: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub method: String,
    pub consent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Topic,
    Region,
    Message,
    AnswerLang,
    Method,
    Name,
    Email,
    Phone,
    Consent,
}

impl Field {
    /// The form field's id, for the error summary's links.
    pub fn id(self) -> &'static str {
        match self {
            Field::Topic => "topic",
            Field::Region => "region",
            Field::Message => "message",
            Field::AnswerLang => "answer_lang",
            Field::Method => "method-email",
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Consent => "consent",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    TopicUnknown,
    RegionUnknown,
    MessageEmpty,
    MessageTooLong,
    LangUnknown,
    MethodMissing,
    NameTooLong,
    EmailInvalid,
    EmailDots,
    EmailHidden,
    EmailNeeded,
    PhoneInvalid,
    PhoneNeeded,
    ConsentMissing,
}

impl Problem {
    /// The Fluent key of the message shown for this problem.
    pub fn key(self) -> &'static str {
        match self {
            Problem::TopicUnknown => "contact-error-topic",
            Problem::RegionUnknown => "contact-error-region",
            Problem::MessageEmpty => "contact-error-message-empty",
            Problem::MessageTooLong => "contact-error-message-long",
            Problem::LangUnknown => "contact-error-lang",
            Problem::MethodMissing => "contact-error-method",
            Problem::NameTooLong => "contact-error-name-long",
            Problem::EmailInvalid => "contact-error-email-invalid",
            Problem::EmailDots => "contact-error-email-dots",
            Problem::EmailHidden => "contact-error-email-hidden",
            Problem::EmailNeeded => "contact-error-email-needed",
            Problem::PhoneInvalid => "contact-error-phone-invalid",
            Problem::PhoneNeeded => "contact-error-phone-needed",
            Problem::ConsentMissing => "contact-error-consent",
        }
    }
}

/// A question that passed every rule.
#[derive(Debug, Clone)]
pub struct ValidInquiry {
    pub topic: Option<String>,
    pub region: Option<String>,
    pub answer_lang: Lang,
    pub message: String,
    pub name: Option<String>,
    pub email: Option<EmailAddress>,
    pub phone: Option<String>,
    pub method: ContactMethod,
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// A phone number as people write it: digits (at least five) and `+ - ( ) . /` and spaces.
pub fn is_phone(phone: &str) -> bool {
    phone.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
        && phone.chars().filter(char::is_ascii_digit).count() >= 5
        && phone.chars().count() <= MAX_PHONE_CHARS
}

/// Multi-line text: CRLF and CR become LF; NUL and other control characters go.
pub fn clean_text(input: &str) -> String {
    crate::domain::text::without_controls(input).trim().to_owned()
}

/// One-line text: every line break and control or bidi character becomes a space.
pub fn clean_line(input: &str) -> String {
    let mapped: String = input.chars().map(|c| if c.is_control() || is_bidi_control(c) { ' ' } else { c }).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks the form. `topics` are the known topic slugs; an empty topic means "something else".
pub fn validate(
    form: &InquiryForm,
    topics: &[String],
    regions: &[String],
    languages: &[Lang],
) -> Result<ValidInquiry, Vec<(Field, Problem)>> {
    let mut problems = Vec::new();
    let topic = match form.topic.trim() {
        "" => None,
        t if topics.iter().any(|k| k == t) => Some(t.to_owned()),
        _ => {
            problems.push((Field::Topic, Problem::TopicUnknown));
            None
        }
    };
    let region = match form.region.trim() {
        "" => None,
        r if regions.iter().any(|k| k == r) => Some(r.to_owned()),
        _ => {
            problems.push((Field::Region, Problem::RegionUnknown));
            None
        }
    };
    let message = clean_text(&form.message);
    if message.is_empty() {
        problems.push((Field::Message, Problem::MessageEmpty));
    } else if message.chars().count() > MAX_MESSAGE_CHARS {
        problems.push((Field::Message, Problem::MessageTooLong));
    }
    let answer_lang = languages.iter().find(|l| l.as_str() == form.answer_lang.trim()).cloned();
    if answer_lang.is_none() {
        problems.push((Field::AnswerLang, Problem::LangUnknown));
    }
    let method = ContactMethod::parse(form.method.trim());
    if method.is_none() {
        problems.push((Field::Method, Problem::MethodMissing));
    }
    let name = clean_line(&form.name);
    if name.chars().count() > MAX_NAME_CHARS {
        problems.push((Field::Name, Problem::NameTooLong));
    }
    let email_text = clean_line(&form.email);
    let email = if email_text.is_empty() {
        if method == Some(ContactMethod::Email) {
            problems.push((Field::Email, Problem::EmailNeeded));
        }
        None
    } else if form.email.contains(['\r', '\n']) {
        problems.push((Field::Email, Problem::EmailInvalid));
        None
    } else {
        match EmailAddress::parse(&email_text) {
            Ok(e) => Some(e),
            Err(e) => {
                let problem = match e {
                    EmailError::Dots => Problem::EmailDots,
                    EmailError::Hidden => Problem::EmailHidden,
                    EmailError::Empty | EmailError::TooLong | EmailError::Malformed => Problem::EmailInvalid,
                };
                problems.push((Field::Email, problem));
                None
            }
        }
    };
    let phone = clean_line(&form.phone);
    let phone_ok = is_phone(&phone);
    if phone.is_empty() {
        if method == Some(ContactMethod::Phone) {
            problems.push((Field::Phone, Problem::PhoneNeeded));
        }
    } else if !phone_ok {
        problems.push((Field::Phone, Problem::PhoneInvalid));
    }
    if !form.consent {
        problems.push((Field::Consent, Problem::ConsentMissing));
    }
    match (answer_lang, method) {
        (Some(answer_lang), Some(method)) if problems.is_empty() => Ok(ValidInquiry {
            topic,
            region,
            answer_lang,
            message,
            name: (!name.is_empty()).then_some(name),
            email,
            phone: (!phone.is_empty()).then_some(phone),
            method,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<Lang> {
        ["en", "ru"].iter().filter_map(|l| Lang::parse(l).ok()).collect()
    }

    fn regions() -> Vec<String> {
        vec!["north-valley".to_owned()]
    }

    fn form() -> InquiryForm {
        InquiryForm {
            topic: "legal".into(),
            answer_lang: "ru".into(),
            message: "Как восстановить паспорт?".into(),
            method: "receipt".into(),
            consent: true,
            ..Default::default()
        }
    }

    fn problems(f: &InquiryForm) -> Vec<Problem> {
        validate(f, &["legal".to_owned()], &regions(), &langs())
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|(_, p)| p)
            .collect()
    }

    #[test]
    fn a_minimal_anonymous_question_is_valid() {
        let v = validate(&form(), &["legal".to_owned()], &regions(), &langs());
        assert!(v.as_ref().is_ok_and(|v| v.name.is_none() && v.email.is_none() && v.method == ContactMethod::Receipt));
    }

    #[test]
    fn required_fields_and_contact_method_rules() {
        let mut f = form();
        f.message = "  \r\n ".into();
        f.consent = false;
        f.method = String::new();
        assert_eq!(problems(&f), vec![Problem::MessageEmpty, Problem::MethodMissing, Problem::ConsentMissing]);
        let mut f = form();
        f.method = "email".into();
        assert_eq!(problems(&f), vec![Problem::EmailNeeded]);
        f.email = "not an address".into();
        assert_eq!(problems(&f), vec![Problem::EmailInvalid]);
        let mut f = form();
        f.method = "phone".into();
        assert_eq!(problems(&f), vec![Problem::PhoneNeeded]);
        f.phone = "call me maybe".into();
        assert_eq!(problems(&f), vec![Problem::PhoneInvalid]);
        f.phone = "+374 (10) 55-12-34".into();
        assert!(problems(&f).is_empty());
    }

    #[test]
    fn limits_and_unknown_choices() {
        let mut f = form();
        f.message = "я".repeat(MAX_MESSAGE_CHARS + 1);
        f.name = "n".repeat(MAX_NAME_CHARS + 1);
        f.topic = "astrology".into();
        f.region = "atlantis".into();
        f.answer_lang = "de".into();
        assert_eq!(
            problems(&f),
            vec![
                Problem::TopicUnknown,
                Problem::RegionUnknown,
                Problem::MessageTooLong,
                Problem::LangUnknown,
                Problem::NameTooLong
            ]
        );
        let mut f = form();
        f.region = "north-valley".into();
        let v = validate(&f, &["legal".to_owned()], &regions(), &langs());
        assert!(v.is_ok_and(|v| v.region.as_deref() == Some("north-valley")));
    }

    #[test]
    fn header_injection_and_control_characters_are_defused() {
        let mut f = form();
        f.method = "email".into();
        f.email = "a@example.org\r\nBcc: victim@example.org".into();
        assert_eq!(problems(&f), vec![Problem::EmailInvalid]);
        let mut f = form();
        f.name = "Ani\r\nBcc: x@example.org\u{0}\u{202E}gnp.exe".into();
        f.message = "line one\r\nline two\u{0}\u{7}".into();
        let v = validate(&f, &["legal".to_owned()], &regions(), &langs());
        assert!(v.as_ref().is_ok_and(|v| v.name.as_deref() == Some("Ani Bcc: x@example.org gnp.exe")));
        assert!(v.as_ref().is_ok_and(|v| v.message == "line one\nline two"));
    }
}
