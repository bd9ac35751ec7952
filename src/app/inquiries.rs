//! Asking a question, and coming back with the receipt code: reading the thread and adding
//! a follow-up. Anonymous: the form token and rate limits are checked by `web` before these run.

use crate::app::App;
use crate::crypto::{os_random, receipt};
use crate::db::RepoError;
use crate::db::repo::content as content_repo;
use crate::db::repo::inquiries::{self, Created, NewInquiry};
use crate::db::repo::outbox::NewMail;
use crate::db::repo::{directory, teams};
use crate::domain::inquiry::{
    ContactMethod, Field, InquiryForm, MAX_MESSAGE_CHARS, Problem, ValidInquiry, clean_text, validate,
};
use crate::domain::{InquiryId, Lang, ReceiptCode, routing};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::mail;

pub use crate::db::repo::content::TopicView;
pub use crate::db::repo::directory::RegionView;
pub use crate::db::repo::inquiries::InquiryThread;

/// The topics and regions the contact form offers, in the reader's language.
pub struct Choices {
    pub topics: Vec<TopicView>,
    pub regions: Vec<RegionView>,
}

#[tracing::instrument(skip_all)]
pub async fn choices(app: &App, lang: &Lang) -> Result<Choices, AppError> {
    let (l, d) = (lang.to_string(), app.settings().default_language.to_string());
    Ok(app
        .db
        .run(move |c| {
            Ok::<_, RepoError>(Choices {
                topics: content_repo::list_topics(c, &l, &d)?,
                regions: directory::regions_in(c, &l, &d)?,
            })
        })
        .await?)
}

/// A filled-in contact form whose token `web` checked: the nonce the token carried names
/// this copy of the form (a resent form is stored once, a reused one refused).
pub struct Question {
    pub form: InquiryForm,
    pub nonce: [u8; 16],
    /// The language of the page the form was sent from.
    pub lang: Lang,
}

/// What became of a question (no `Debug`: it holds a receipt code).
pub enum Asked {
    /// Stored, mail queued.
    Sent {
        #[cfg_attr(not(test), expect(dead_code, reason = "the web page shows only the code; tests follow the id"))]
        id: InquiryId,
        code: ReceiptCode,
        method: ContactMethod,
    },
    /// The same form was sent again within [`CODE_SHOWN_AGAIN_FOR`] with the same content:
    /// stored once, same receipt code (a double click, a lost connection).
    AlreadySent { code: ReceiptCode, method: ContactMethod },
    /// The same form was sent again later: stored once, and the code is not shown again (on a
    /// shared device the back button must not reveal it to the next person).
    SentEarlier,
    /// The form's token was used for a different question.
    Reused,
    /// What is wrong, field by field.
    Invalid(Vec<(Field, Problem)>),
}

/// How long after a form was first sent the same form, sent again, shows its receipt code
/// again. Long enough for a double click or a lost answer, short enough that the next person
/// at a shared computer going back in the browser does not see it.
pub const CODE_SHOWN_AGAIN_FOR: time::Duration = time::Duration::minutes(10);

/// Checks and stores a question, routes it to a team and queues the acknowledgement (when
/// an email address was given) and the staff notices, all in one transaction.
pub async fn ask(app: &App, question: Question) -> Result<Asked, AppError> {
    ask_at(app, question, crate::db::repo::now()).await
}

/// [`ask`] at a given time (UTC), so that tests control the clock.
#[tracing::instrument(skip_all)]
pub async fn ask_at(app: &App, question: Question, now: time::PrimitiveDateTime) -> Result<Asked, AppError> {
    let Question { form, nonce, lang } = question;
    let choices = choices(app, &lang).await?;
    let slugs: Vec<String> = choices.topics.iter().map(|t| t.slug.clone()).collect();
    let region_slugs: Vec<String> = choices.regions.iter().map(|r| r.slug.clone()).collect();
    let mut checked = form;
    if checked.topic == "other" {
        checked.topic.clear();
    }
    let valid = match validate(&checked, &slugs, &region_slugs, &app.settings().languages) {
        Ok(v) => v,
        Err(problems) => return Ok(Asked::Invalid(problems)),
    };
    let code = receipt::code_for(&app.key, &nonce);
    let id = InquiryId::generate();
    let reference_bytes: [u8; 10] = os_random().map_err(AppError::Internal)?;
    let reference = format!("HW-{}", &ReceiptCode::from_bytes(&reference_bytes).canonical()[..8]);
    let team = route(app, &valid).await?;
    let mails = mails_for(app, &valid, &choices.topics, &id, &reference, team.as_ref())?;
    let new = NewInquiry {
        id: id.as_str().to_owned(),
        reference,
        receipt_hash: receipt::hash(&app.key, &code),
        form_nonce_hash: receipt::fingerprint(&app.key, "form-nonce", &nonce),
        submission_hash: receipt::fingerprint(&app.key, "submission", fingerprint_input(&valid).as_bytes()),
        lang: lang.to_string(),
        inquiry: valid,
        team_id: team.map(|t| t.id),
    };
    let method = new.inquiry.method;
    let (vault, host) = (app.vault.clone(), app.mail_host());
    let created = app.db.run(move |c| inquiries::create(c, &vault, &new, &mails, &host)).await?;
    Ok(match created {
        Created::New => {
            tracing::info!(inquiry = %id, "inquiry received");
            app.nudge_mail();
            Asked::Sent { id, code, method }
        }
        Created::AlreadyStored { at } => {
            tracing::info!("a form was sent twice; the inquiry is stored once");
            if now - at <= CODE_SHOWN_AGAIN_FOR { Asked::AlreadySent { code, method } } else { Asked::SentEarlier }
        }
        Created::NonceReused => Asked::Reused,
    })
}

/// Everything that makes this submission itself, to tell a resent form from a reused one.
fn fingerprint_input(valid: &ValidInquiry) -> String {
    format!(
        "{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}|{}",
        valid.topic,
        valid.region,
        valid.answer_lang,
        valid.message,
        valid.name,
        valid.email.as_ref().map(crate::domain::EmailAddress::as_str),
        valid.phone,
        valid.method.as_str()
    )
}

async fn route(app: &App, valid: &ValidInquiry) -> Result<Option<crate::db::rows::TeamRow>, AppError> {
    let (topic, region, answer_lang) = (valid.topic.clone(), valid.region.clone(), valid.answer_lang.to_string());
    Ok(app
        .db
        .run(move |c| {
            teams::route(
                c,
                &routing::Inquiry { topic: topic.as_deref(), region: region.as_deref(), lang: &answer_lang },
            )
        })
        .await?)
}

/// The acknowledgement (when there is an address) and one notice per staff address (the
/// configured ones and the team's, without repeats). Staff mail names nobody.
fn mails_for(
    app: &App,
    valid: &ValidInquiry,
    topics: &[TopicView],
    id: &InquiryId,
    reference: &str,
    team: Option<&crate::db::rows::TeamRow>,
) -> Result<Vec<NewMail>, AppError> {
    let mail_error = |e: askama::Error| AppError::Internal(e.into());
    let mut mails = Vec::new();
    if let Some(email) = &valid.email {
        let status_url = app.absolute(&format!("/{}/status", valid.answer_lang));
        mails
            .push(mail::inquiry_ack(&valid.answer_lang, email.as_str(), &status_url, id.as_str()).map_err(mail_error)?);
    }
    let settings = app.settings();
    let staff_lang = &settings.default_language;
    let topic_title = match &valid.topic {
        Some(slug) => topics.iter().find(|t| &t.slug == slug).map_or_else(|| slug.clone(), |t| t.title.clone()),
        None => Translator::new(staff_lang).t("email-staff-no-topic"),
    };
    let language_name = Translator::new(&valid.answer_lang).language_name();
    let link = app.absolute(&format!("/staff/inquiries/{id}"));
    let about = mail::InquirySummary {
        reference,
        topic: &topic_title,
        language: &language_name,
        team: team.map_or("", |t| t.name.as_str()),
        link: &link,
        inquiry_id: id.as_str(),
    };
    let mut staff_addresses: Vec<String> = settings.staff_notify.iter().map(ToString::to_string).collect();
    if let Some(address) = team.and_then(|t| t.notify_email.clone())
        && !staff_addresses.iter().any(|a| a.eq_ignore_ascii_case(&address))
    {
        staff_addresses.push(address);
    }
    for to in &staff_addresses {
        mails.push(mail::staff_new_inquiry(staff_lang, to, &about, false).map_err(mail_error)?);
    }
    Ok(mails)
}

/// A thread as the inquirer sees it, with the handling team's public name (if it chose one).
pub struct Thread {
    pub code: ReceiptCode,
    pub thread: InquiryThread,
    pub handled_by: Option<String>,
}

/// The thread behind a receipt code; `None` when the code is malformed or unknown (the two
/// look the same to the reader).
#[tracing::instrument(skip_all)]
pub async fn status(app: &App, lang: &Lang, typed: &str) -> Result<Option<Thread>, AppError> {
    let Ok(code) = ReceiptCode::parse(typed) else { return Ok(None) };
    let hash = receipt::hash(&app.key, &code);
    let vault = app.vault.clone();
    let thread = match app.db.run(move |c| inquiries::by_receipt(c, &vault, &hash)).await {
        Ok(thread) => thread,
        Err(RepoError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let handled_by = match thread.team_id.clone() {
        Some(team) => {
            let (l, d) = (lang.to_string(), app.settings().default_language.to_string());
            app.db.run(move |c| teams::public_name(c, &team, &l, &d)).await?
        }
        None => None,
    };
    Ok(Some(Thread { code, thread, handled_by }))
}

/// What is wrong with a follow-up message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpProblem {
    Empty,
    TooLong,
}

impl FollowUpProblem {
    /// The public catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            FollowUpProblem::Empty => "status-error-followup-empty",
            FollowUpProblem::TooLong => "status-error-followup-long",
        }
    }
}

/// A checked follow-up message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp(String);

impl FollowUp {
    pub fn parse(text: &str) -> Result<FollowUp, FollowUpProblem> {
        let text = clean_text(text);
        match text.chars().count() {
            0 => Err(FollowUpProblem::Empty),
            n if n > MAX_MESSAGE_CHARS => Err(FollowUpProblem::TooLong),
            _ => Ok(FollowUp(text)),
        }
    }
}

/// Adds the inquirer's message to their thread. `nonce` is the follow-up form token's: a
/// message sent twice with the same form is stored once. Returns the thread as it is now.
#[tracing::instrument(skip_all, fields(inquiry = %thread.thread.id))]
pub async fn follow_up(
    app: &App,
    lang: &Lang,
    thread: Thread,
    message: FollowUp,
    nonce: [u8; 16],
) -> Result<Thread, AppError> {
    let dedupe = receipt::fingerprint(&app.key, "followup-nonce", &nonce);
    let (vault, id) = (app.vault.clone(), thread.thread.id.clone());
    app.db.run(move |c| inquiries::add_inquirer_message(c, &vault, &id, &message.0, &dedupe)).await?;
    let code = thread.code.to_string();
    status(app, lang, &code).await?.ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;
    use crate::db::repo::outbox;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    fn form(message: &str) -> InquiryForm {
        InquiryForm {
            topic: "other".into(),
            answer_lang: "ru".into(),
            message: message.into(),
            email: "ani@example.am".into(),
            method: "email".into(),
            consent: true,
            ..Default::default()
        }
    }

    fn question(message: &str, nonce: u8) -> Question {
        Question { form: form(message), nonce: [nonce; 16], lang: lang("en") }
    }

    async fn mails(app: &App) -> Vec<String> {
        let rows = app.db.run(outbox::list).await.unwrap_or_else(|e| panic!("{e}"));
        rows.into_iter().map(|r| r.kind).collect()
    }

    #[actix_rt::test]
    async fn a_question_is_stored_once_and_acknowledged() -> Result<(), AppError> {
        let app = testing::app().await;
        let Asked::Sent { code, method, .. } = ask(&app, question("Где мой паспорт?", 1)).await? else {
            panic!("not sent")
        };
        assert_eq!(method, ContactMethod::Email);
        assert_eq!(mails(&app).await, vec!["inquiry_ack"]);
        // The same form sent again: the same receipt, nothing new stored or mailed.
        let Asked::AlreadySent { code: again, .. } = ask(&app, question("Где мой паспорт?", 1)).await?
        else {
            panic!("not recognised as resent")
        };
        assert!(again == code);
        assert_eq!(mails(&app).await.len(), 1);
        // The same form with other content is refused.
        assert!(matches!(ask(&app, question("Другой вопрос", 1)).await?, Asked::Reused));
        // Later the same form no longer shows the code, and still stores nothing new.
        let later = crate::db::repo::now() + CODE_SHOWN_AGAIN_FOR + time::Duration::seconds(1);
        assert!(matches!(ask_at(&app, question("Где мой паспорт?", 1), later).await?, Asked::SentEarlier));
        let soon = crate::db::repo::now() + CODE_SHOWN_AGAIN_FOR - time::Duration::seconds(5);
        assert!(matches!(ask_at(&app, question("Где мой паспорт?", 1), soon).await?, Asked::AlreadySent { .. }));
        assert_eq!(mails(&app).await.len(), 1);
        let found = status(&app, &lang("ru"), &code.to_string()).await?.unwrap_or_else(|| panic!("no thread"));
        assert_eq!(found.thread.messages.len(), 1);
        assert_eq!(found.thread.messages[0].body, "Где мой паспорт?");
        Ok(())
    }

    #[actix_rt::test]
    async fn an_invalid_question_stores_nothing() -> Result<(), AppError> {
        let app = testing::app().await;
        let mut q = question("  ", 2);
        q.form.consent = false;
        q.form.topic = "no-such-topic".into();
        let Asked::Invalid(problems) = ask(&app, q).await? else { panic!("accepted") };
        let problems: Vec<Problem> = problems.into_iter().map(|(_, p)| p).collect();
        assert!(
            problems.contains(&Problem::MessageEmpty) && problems.contains(&Problem::ConsentMissing),
            "{problems:?}"
        );
        assert!(mails(&app).await.is_empty());
        Ok(())
    }

    #[actix_rt::test]
    async fn an_unknown_or_malformed_code_finds_nothing() -> Result<(), AppError> {
        let app = testing::app().await;
        assert!(status(&app, &lang("en"), "not a code").await?.is_none());
        let unknown = ReceiptCode::from_bytes(&[7; 10]).to_string();
        assert!(status(&app, &lang("en"), &unknown).await?.is_none());
        Ok(())
    }

    #[test]
    fn follow_ups_are_cleaned_and_limited() {
        assert_eq!(FollowUp::parse(" \r\n "), Err(FollowUpProblem::Empty));
        assert_eq!(FollowUp::parse(&"x".repeat(MAX_MESSAGE_CHARS + 1)), Err(FollowUpProblem::TooLong));
        assert_eq!(FollowUp::parse(" Thanks \r\n"), Ok(FollowUp("Thanks".into())));
    }

    #[actix_rt::test]
    async fn a_follow_up_joins_the_thread_once() -> Result<(), AppError> {
        let app = testing::app().await;
        let Asked::Sent { code, .. } = ask(&app, question("Вопрос", 3)).await? else { panic!("not sent") };
        let found = status(&app, &lang("ru"), &code.to_string()).await?.unwrap_or_else(|| panic!("no thread"));
        let message = FollowUp::parse("Ещё одно").unwrap_or_else(|e| panic!("{e:?}"));
        let found = follow_up(&app, &lang("ru"), found, message.clone(), [9; 16]).await?;
        assert_eq!(found.thread.messages.len(), 2);
        // The same follow-up form sent twice is stored once.
        let found = follow_up(&app, &lang("ru"), found, message, [9; 16]).await?;
        let bodies: Vec<&str> = found.thread.messages.iter().map(|m| m.body.as_str()).collect();
        assert_eq!(bodies, vec!["Вопрос", "Ещё одно"]);
        Ok(())
    }
}
