//! Asking a question (`/{lang}/contact`) and coming back with the receipt code
//! (`/{lang}/status`). Anonymous, cookie-free: a signed form token carries the
//! form's identity, and the receipt code travels only in POST bodies.

use std::time::Duration;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::PathLang;
use crate::app::inquiries::{self, Asked, Choices, FollowUp, Question, Thread};
use crate::crypto::{form_token, os_random};
use crate::domain::Lang;
use crate::domain::inquiry::{ContactMethod, InquiryForm};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, client_ip, render_with_status};

/// A form may be filled in slowly, but not left for days.
const TOKEN_MAX_AGE: i64 = 24 * 3600;

fn no_store(mut res: HttpResponse) -> HttpResponse {
    // These pages may show what a person wrote or their receipt code.
    res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    res
}

fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[derive(Template)]
#[template(path = "public/contact.html")]
struct ContactPage {
    ctx: PageContext,
    token: String,
    form: InquiryForm,
    topics: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    languages: Vec<(String, String)>,
    /// (id, label, input type, value)
    detail_fields: Vec<(&'static str, String, &'static str, String)>,
    errors: Vec<FieldError>,
}

impl ContactPage {
    fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }
}

async fn contact_page(
    state: &AppState,
    lang: &Lang,
    form: InquiryForm,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, AppError> {
    let lists = inquiries::choices(state, lang).await?;
    contact_page_with(state, lang, &lists, form, errors)
}

/// The form again, with the topics already at hand.
fn contact_page_with(
    state: &AppState,
    lang: &Lang,
    lists: &Choices,
    form: InquiryForm,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = PageContext::public(state, lang, "/contact");
    ctx.has_errors = !errors.is_empty();
    let nonce: [u8; 16] = os_random().map_err(AppError::Internal)?;
    let token = form_token::issue_with_nonce(&state.key, &format!("contact:{lang}"), unix_now(), &nonce);
    let detail_fields = vec![
        ("name", ctx.t("contact-name-label"), "text", form.name.clone()),
        ("email", ctx.t("contact-email-label"), "email", form.email.clone()),
        ("phone", ctx.t("contact-phone-label"), "tel", form.phone.clone()),
    ];
    let page = ContactPage {
        token,
        topics: lists.topics.iter().map(|t| (t.slug.clone(), t.title.clone())).collect(),
        regions: lists.regions.iter().map(|r| (r.slug.clone(), r.name.clone())).collect(),
        languages: state
            .settings()
            .languages
            .iter()
            .map(|l| (l.to_string(), Translator::new(l).language_name()))
            .collect(),
        detail_fields,
        form,
        errors,
        ctx,
    };
    let status = if page.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    render_with_status(status, &page).map(no_store)
}

#[derive(Deserialize)]
pub struct ContactQuery {
    #[serde(default)]
    topic: String,
}

pub async fn contact(
    state: web::Data<AppState>,
    lang: PathLang,
    query: web::Query<ContactQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let form = InquiryForm { topic: query.into_inner().topic, answer_lang: lang.to_string(), ..Default::default() };
    contact_page(&state, &lang, form, Vec::new()).await
}

#[derive(Deserialize)]
pub struct ContactInput {
    #[serde(default)]
    token: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    answer_lang: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    consent: String,
}

#[derive(Template)]
#[template(path = "public/sent.html")]
struct SentPage {
    ctx: PageContext,
    code: String,
    next: String,
}

/// A form sent again well after its first sending: no code, only what to do without it.
#[derive(Template)]
#[template(path = "public/sent-earlier.html")]
struct SentEarlierPage {
    ctx: PageContext,
}

fn sent_earlier_page(state: &AppState, lang: &Lang) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::public(state, lang, "/contact");
    render_with_status(StatusCode::OK, &SentEarlierPage { ctx }).map(no_store)
}

impl ContactInput {
    /// Whether the hidden bot trap was filled, the form token, and what the person typed.
    fn split(self) -> (bool, String, InquiryForm) {
        let form = InquiryForm {
            topic: self.topic,
            region: self.region,
            answer_lang: self.answer_lang,
            message: self.message,
            name: self.name,
            email: self.email,
            phone: self.phone,
            method: self.method,
            consent: !self.consent.is_empty(),
        };
        (!self.website.is_empty(), self.token, form)
    }
}

/// The nonce of a contact form's token, if the token is this form's and neither too fresh nor too old.
fn contact_nonce(state: &AppState, lang: &Lang, token: &str) -> Option<[u8; 16]> {
    let min_age = i64::from(state.settings().min_fill_seconds);
    form_token::verify_with_nonce(&state.key, &format!("contact:{lang}"), token, unix_now(), min_age, TOKEN_MAX_AGE)
        .ok()
}

pub async fn submit_contact(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<ContactInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let (trapped, token, form) = input.into_inner().split();
    if trapped {
        // A bot filled the hidden field: it gets an ordinary-looking page and nothing is stored.
        return contact_page(&state, &lang, form, Vec::new()).await;
    }
    if state.settings().rate_limits
        && !state.limiter.allow("contact", client_ip(&state, &req), 5, Duration::from_secs(600))
    {
        return Err(AppError::TooManyRequests);
    }
    let tr = Translator::new(&lang);
    let Some(nonce) = contact_nonce(&state, &lang, &token) else {
        let errors = vec![FieldError { field: "message".into(), message: tr.t("contact-error-expired") }];
        return contact_page(&state, &lang, form, errors).await;
    };
    let (code, method) =
        match inquiries::ask(&state, Question { form: form.clone(), nonce, lang: lang.clone() }).await? {
            Asked::Sent { code, method, .. } | Asked::AlreadySent { code, method } => (code, method),
            Asked::SentEarlier => return sent_earlier_page(&state, &lang),
            Asked::Reused => {
                let errors = vec![FieldError { field: "message".into(), message: tr.t("contact-error-reused") }];
                return contact_page(&state, &lang, form, errors).await;
            }
            Asked::Invalid(problems) => {
                let errors = problems
                    .iter()
                    .map(|(field, problem)| FieldError { field: field.id().into(), message: tr.t(problem.key()) })
                    .collect();
                return contact_page(&state, &lang, form, errors).await;
            }
        };
    let ctx = PageContext::public(&state, &lang, "/contact");
    let next = match method {
        ContactMethod::Email => ctx.t("sent-next-email"),
        ContactMethod::Phone => ctx.t("sent-next-phone"),
        ContactMethod::Receipt => ctx.t("sent-next-receipt"),
    };
    render_with_status(StatusCode::OK, &SentPage { code: code.to_string(), next, ctx }).map(no_store)
}

pub struct MessageView {
    pub from_staff: bool,
    pub who: String,
    pub date: String,
    pub body: String,
}

pub struct ThreadView {
    pub code: String,
    pub status_label: String,
    /// The team's public name, when the team chose to be named.
    pub handled_by: Option<String>,
    pub messages: Vec<MessageView>,
}

#[derive(Template)]
#[template(path = "public/status.html")]
struct StatusPage {
    ctx: PageContext,
    errors: Vec<FieldError>,
    code_typed: String,
    thread: Option<ThreadView>,
    token: String,
    followup: String,
    followup_sent: bool,
}

fn status_page(state: &AppState, lang: &Lang) -> StatusPage {
    StatusPage {
        ctx: PageContext::public(state, lang, "/status"),
        errors: Vec::new(),
        code_typed: String::new(),
        thread: None,
        token: String::new(),
        followup: String::new(),
        followup_sent: false,
    }
}

fn show(page: StatusPage) -> Result<HttpResponse, AppError> {
    let status = if page.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut page = page;
    page.ctx.has_errors = !page.errors.is_empty();
    render_with_status(status, &page).map(no_store)
}

pub async fn status(state: web::Data<AppState>, lang: PathLang) -> Result<HttpResponse, AppError> {
    show(status_page(&state, &lang.0))
}

#[derive(Deserialize)]
pub struct StatusInput {
    #[serde(default)]
    code: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    message: String,
}

/// The thread behind a receipt code, or the neutral "not found" form.
async fn lookup(
    state: &AppState,
    req: &HttpRequest,
    lang: &Lang,
    typed: &str,
) -> Result<Result<Thread, StatusPage>, AppError> {
    if state.settings().rate_limits
        && !state.limiter.allow("status", client_ip(state, req), 20, Duration::from_secs(600))
    {
        return Err(AppError::TooManyRequests);
    }
    if let Some(thread) = inquiries::status(state, lang, typed).await? {
        return Ok(Ok(thread));
    }
    let mut page = status_page(state, lang);
    page.code_typed = typed.chars().take(40).collect();
    page.errors.push(FieldError { field: "code".into(), message: page.ctx.t("status-not-found") });
    Ok(Err(page))
}

fn thread_view(tr: &Translator, found: &Thread) -> ThreadView {
    let status_key = format!("status-{}", found.thread.status.as_str());
    ThreadView {
        code: found.code.to_string(),
        status_label: tr.t(&status_key),
        handled_by: found.handled_by.clone(),
        messages: found
            .thread
            .messages
            .iter()
            .map(|m| MessageView {
                from_staff: m.from_staff,
                who: tr.t(if m.from_staff { "status-caseworker" } else { "status-you" }),
                date: tr.date(m.created_at.date()),
                body: m.body.clone(),
            })
            .collect(),
    }
}

fn followup_token(state: &AppState, lang: &Lang) -> Result<String, AppError> {
    let nonce: [u8; 16] = os_random().map_err(AppError::Internal)?;
    Ok(form_token::issue_with_nonce(&state.key, &format!("followup:{lang}"), unix_now(), &nonce))
}

/// The status page showing a thread, with a fresh follow-up form.
fn thread_page(state: &AppState, lang: &Lang, mut page: StatusPage, found: &Thread) -> Result<HttpResponse, AppError> {
    page.thread = Some(thread_view(&page.ctx.tr, found));
    page.token = followup_token(state, lang)?;
    show(page)
}

pub async fn check_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    match lookup(&state, &req, &lang, &input.code).await? {
        Ok(found) => thread_page(&state, &lang, status_page(&state, &lang), &found),
        Err(page) => show(page),
    }
}

pub async fn add_message(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let input = input.into_inner();
    let found = match lookup(&state, &req, &lang, &input.code).await? {
        Ok(found) => found,
        Err(page) => return show(page),
    };
    let mut page = status_page(&state, &lang);
    let nonce = form_token::verify_with_nonce(
        &state.key,
        &format!("followup:{lang}"),
        &input.token,
        unix_now(),
        0,
        TOKEN_MAX_AGE,
    );
    let problem = match (nonce, FollowUp::parse(&input.message)) {
        (Err(_), _) => "contact-error-expired",
        (Ok(_), Err(problem)) => problem.key(),
        (Ok(nonce), Ok(message)) => {
            let found = inquiries::follow_up(&state, &lang, found, message, nonce).await?;
            page.followup_sent = true;
            return thread_page(&state, &lang, page, &found);
        }
    };
    page.errors.push(FieldError { field: "message".into(), message: page.ctx.t(problem) });
    page.followup = input.message.clone();
    thread_page(&state, &lang, page, &found)
}
