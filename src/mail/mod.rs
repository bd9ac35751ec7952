//! Email: messages rendered from askama templates (subject, text, HTML) in the
//! reader's language, queued through the outbox, and delivered by the worker.

pub mod transport;
pub mod worker;

use askama::Template;

use crate::db::repo::outbox::NewMail;
use crate::domain::Lang;
use crate::i18n::Translator;

/// What every email template reads: the language and its strings.
pub struct MailContext {
    pub lang: Lang,
    pub dir: &'static str,
    pub tr: Translator,
}

impl MailContext {
    pub fn new(lang: &Lang) -> MailContext {
        MailContext { lang: lang.clone(), dir: lang.direction().as_str(), tr: Translator::new(lang) }
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }
}

fn render(t: &impl Template) -> Result<String, askama::Error> {
    t.render()
}

/// Renders the three parts of a message and makes it a queueable mail.
fn compose(
    subject: &impl Template,
    text: &impl Template,
    html: &impl Template,
    event_key: String,
    kind: &'static str,
    to: &str,
    inquiry_id: Option<&str>,
) -> Result<NewMail, askama::Error> {
    Ok(NewMail {
        event_key,
        kind,
        to: to.to_owned(),
        // A subject is one line, whatever a template or translation says.
        subject: render(subject)?.split_whitespace().collect::<Vec<_>>().join(" "),
        text: render(text)?,
        html: render(html)?,
        inquiry_id: inquiry_id.map(str::to_owned),
    })
}

macro_rules! email_templates {
    ($name:ident, $subject:literal, $text:literal, $html:literal, { $($field:ident : $ty:ty),* $(,)? }) => {
        mod $name {
            use super::MailContext;
            // The subject reads only some of the fields all three parts share.
            #[allow(dead_code)]
            #[derive(askama::Template)]
            #[template(path = $subject)]
            pub struct Subject<'a> { pub ctx: &'a MailContext, $(pub $field: $ty),* }
            #[derive(askama::Template)]
            #[template(path = $text)]
            pub struct Text<'a> { pub ctx: &'a MailContext, $(pub $field: $ty),* }
            #[derive(askama::Template)]
            #[template(path = $html)]
            pub struct Html<'a> { pub ctx: &'a MailContext, $(pub $field: $ty),* }
        }
    };
}

email_templates!(ack, "email/inquiry_ack/subject.txt", "email/inquiry_ack/body.txt", "email/inquiry_ack/body.html", { status_url: &'a str });
email_templates!(reply, "email/reply_notice/subject.txt", "email/reply_notice/body.txt", "email/reply_notice/body.html", { status_url: &'a str });
email_templates!(staff, "email/staff_new_inquiry/subject.txt", "email/staff_new_inquiry/body.txt", "email/staff_new_inquiry/body.html", { reference: &'a str, topic: &'a str, language: &'a str, link: &'a str });

/// To the inquirer who gave an email address: received, and how to check back. Never the receipt code.
pub fn inquiry_ack(lang: &Lang, to: &str, status_url: &str, inquiry_id: &str) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(lang);
    compose(
        &ack::Subject { ctx: &ctx, status_url },
        &ack::Text { ctx: &ctx, status_url },
        &ack::Html { ctx: &ctx, status_url },
        format!("inquiry-ack:{inquiry_id}"),
        "inquiry_ack",
        to,
        Some(inquiry_id),
    )
}

/// To the inquirer: there is an answer on the status page. The answer itself stays there.
pub fn reply_notice(
    lang: &Lang,
    to: &str,
    status_url: &str,
    inquiry_id: &str,
    reply_id: &str,
) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(lang);
    compose(
        &reply::Subject { ctx: &ctx, status_url },
        &reply::Text { ctx: &ctx, status_url },
        &reply::Html { ctx: &ctx, status_url },
        format!("reply:{inquiry_id}:{reply_id}"),
        "reply_notice",
        to,
        Some(inquiry_id),
    )
}

/// To a staff address: a new inquiry exists. Topic, language and a link only.
pub fn staff_new_inquiry(
    staff_lang: &Lang,
    to: &str,
    reference: &str,
    topic: &str,
    language: &str,
    link: &str,
    inquiry_id: &str,
) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(staff_lang);
    compose(
        &staff::Subject { ctx: &ctx, reference, topic, language, link },
        &staff::Text { ctx: &ctx, reference, topic, language, link },
        &staff::Html { ctx: &ctx, reference, topic, language, link },
        format!("staff-new:{inquiry_id}:{to}"),
        "staff_new_inquiry",
        to,
        Some(inquiry_id),
    )
}
