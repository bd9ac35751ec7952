//! Email: messages rendered from askama templates (subject, text, HTML) in the
//! reader's language, queued through the outbox, and delivered by the worker.

pub mod digest;
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

    /// A string with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl std::fmt::Display) -> String {
        self.tr.t_args(key, &[(name, &value.to_string())])
    }

    /// A string that depends on a count (`$count`).
    pub fn tc(&self, key: &str, count: impl std::borrow::Borrow<usize>) -> String {
        self.tr.t_count(key, *count.borrow(), &[])
    }

    /// The string `prefix` + `name`, e.g. `staff-status-` + `new`.
    pub fn tp(&self, prefix: &str, name: &str) -> String {
        self.tr.t(&format!("{prefix}{name}"))
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
            #[allow(unused_imports, reason = "each message uses only some of the shared types")]
            use super::{DigestLine, InquirySummary, MailContext};
            // The subject reads only some of the fields all three parts share.
            #[allow(dead_code, reason = "the subject reads only some of the fields all three parts share")]
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
email_templates!(staff, "email/staff_new_inquiry/subject.txt", "email/staff_new_inquiry/body.txt", "email/staff_new_inquiry/body.html", { about: &'a InquirySummary<'a>, handed_over: bool });

email_templates!(reset, "email/password_reset/subject.txt", "email/password_reset/body.txt", "email/password_reset/body.html", { link: &'a str, minutes: i64 });
email_templates!(invite, "email/invitation/subject.txt", "email/invitation/body.txt", "email/invitation/body.html", { link: &'a str, hours: i64 });
email_templates!(safeguard, "email/safeguarding/subject.txt", "email/safeguarding/body.txt", "email/safeguarding/body.html", { reference: &'a str, link: &'a str });
email_templates!(digest_mail, "email/digest/subject.txt", "email/digest/body.txt", "email/digest/body.html", { items: &'a [DigestLine], link: &'a str, overdue: usize });

/// One inquiry in a caseworker's digest: metadata only.
pub struct DigestLine {
    pub reference: String,
    pub status: String,
    pub age_days: usize,
    pub overdue: bool,
    pub link: String,
}

/// To a staff member who asked to reset their password. `seed` makes the event key unique.
pub fn password_reset(lang: &Lang, to: &str, link: &str, seed: &str) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(lang);
    let minutes = crate::auth::RESET_LINK_MINUTES;
    compose(
        &reset::Subject { ctx: &ctx, link, minutes },
        &reset::Text { ctx: &ctx, link, minutes },
        &reset::Html { ctx: &ctx, link, minutes },
        format!("password-reset:{seed}"),
        "password_reset",
        to,
        None,
    )
}

/// To a new staff member: the one-time link that creates their account.
pub fn invitation(lang: &Lang, to: &str, link: &str, hours: i64, seed: &str) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(lang);
    compose(
        &invite::Subject { ctx: &ctx, link, hours },
        &invite::Text { ctx: &ctx, link, hours },
        &invite::Html { ctx: &ctx, link, hours },
        format!("invitation:{seed}"),
        "invitation",
        to,
        None,
    )
}

/// To the protection lead: an inquiry was flagged. The reference and a link only.
pub fn safeguarding_alert(
    lang: &Lang,
    to: &str,
    reference: &str,
    link: &str,
    seed: &str,
) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(lang);
    compose(
        &safeguard::Subject { ctx: &ctx, reference, link },
        &safeguard::Text { ctx: &ctx, reference, link },
        &safeguard::Html { ctx: &ctx, reference, link },
        format!("safeguarding:{seed}:{to}"),
        "safeguarding",
        to,
        None,
    )
}

/// To a caseworker once a day: their open inquiries, overdue ones marked. Never closed ones.
pub fn digest(lang: &Lang, to: &str, items: &[DigestLine], link: &str, seed: &str) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(lang);
    let overdue = items.iter().filter(|i| i.overdue).count();
    compose(
        &digest_mail::Subject { ctx: &ctx, items, link, overdue },
        &digest_mail::Text { ctx: &ctx, items, link, overdue },
        &digest_mail::Html { ctx: &ctx, items, link, overdue },
        format!("digest:{seed}"),
        "digest",
        to,
        None,
    )
}

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

/// What a staff notification may say about an inquiry: no personal data, only metadata and a link.
pub struct InquirySummary<'a> {
    pub reference: &'a str,
    pub topic: &'a str,
    pub language: &'a str,
    /// The team it went to; empty when no team took it.
    pub team: &'a str,
    pub link: &'a str,
    pub inquiry_id: &'a str,
}

/// To a staff or team address: a new inquiry exists, or one was handed over to the team.
pub fn staff_new_inquiry(
    staff_lang: &Lang,
    to: &str,
    about: &InquirySummary<'_>,
    handed_over: bool,
) -> Result<NewMail, askama::Error> {
    let ctx = MailContext::new(staff_lang);
    // A hand-over can happen more than once; each is its own message.
    let seed = if handed_over {
        format!("staff-handover:{}:{}:{to}", about.inquiry_id, crate::db::repo::new_id())
    } else {
        format!("staff-new:{}:{to}", about.inquiry_id)
    };
    compose(
        &staff::Subject { ctx: &ctx, about, handed_over },
        &staff::Text { ctx: &ctx, about, handed_over },
        &staff::Html { ctx: &ctx, about, handed_over },
        seed,
        "staff_new_inquiry",
        to,
        Some(about.inquiry_id),
    )
}
