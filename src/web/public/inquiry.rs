//! Asking a question (`/{lang}/contact`) and coming back with the receipt code
//! (`/{lang}/status`). Anonymous, cookie-free: a signed form token carries the
//! form's identity, and the receipt code travels only in POST bodies.

use std::time::Duration;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::PathLang;
use crate::crypto::{form_token, os_random, receipt};
use crate::db::RepoError;
use crate::db::repo::content as content_repo;
use crate::db::repo::inquiries::{self, Created, NewInquiry};
use crate::db::repo::{directory, teams};
use crate::domain::inquiry::{ContactMethod, InquiryForm, MAX_MESSAGE_CHARS, clean_text, validate};
use crate::domain::routing;
use crate::domain::{Lang, ReceiptCode};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::mail;
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

/// The topics and regions the form offers, in the reader's language.
struct Lists {
    topics: Vec<content_repo::TopicView>,
    regions: Vec<directory::RegionView>,
}

async fn lists_in(state: &AppState, lang: &Lang) -> Result<Lists, AppError> {
    let (l, d) = (lang.to_string(), state.settings().default_language.to_string());
    Ok(state
        .db
        .run(move |c| {
            Ok::<_, RepoError>(Lists {
                topics: content_repo::list_topics(c, &l, &d)?,
                regions: directory::regions_in(c, &l, &d)?,
            })
        })
        .await?)
}

async fn contact_page(
    state: &AppState,
    lang: &Lang,
    form: InquiryForm,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, AppError> {
    let lists = lists_in(state, lang).await?;
    contact_page_with(state, lang, &lists, form, errors)
}

/// The form again, with the topics already at hand.
fn contact_page_with(
    state: &AppState,
    lang: &Lang,
    lists: &Lists,
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

pub async fn submit_contact(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<ContactInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let input = input.into_inner();
    let form = InquiryForm {
        topic: input.topic.clone(),
        region: input.region.clone(),
        answer_lang: input.answer_lang.clone(),
        message: input.message.clone(),
        name: input.name.clone(),
        email: input.email.clone(),
        phone: input.phone.clone(),
        method: input.method.clone(),
        consent: !input.consent.is_empty(),
    };
    let tr = Translator::new(&lang);
    if !input.website.is_empty() {
        // A bot filled the hidden field: it gets an ordinary-looking page and nothing is stored.
        return contact_page(&state, &lang, form, Vec::new()).await;
    }
    if state.settings().rate_limits
        && !state.limiter.allow("contact", client_ip(&state, &req), 5, Duration::from_secs(600))
    {
        return Err(AppError::TooManyRequests);
    }
    let min_age = i64::from(state.settings().min_fill_seconds);
    let nonce = match form_token::verify_with_nonce(
        &state.key,
        &format!("contact:{lang}"),
        &input.token,
        unix_now(),
        min_age,
        TOKEN_MAX_AGE,
    ) {
        Ok(nonce) => nonce,
        Err(_) => {
            let errors = vec![FieldError { field: "message".into(), message: tr.t("contact-error-expired") }];
            return contact_page(&state, &lang, form, errors).await;
        }
    };
    let lists = lists_in(&state, &lang).await?;
    let slugs: Vec<String> = lists.topics.iter().map(|t| t.slug.clone()).collect();
    let region_slugs: Vec<String> = lists.regions.iter().map(|r| r.slug.clone()).collect();
    let mut checked = form.clone();
    if checked.topic == "other" {
        checked.topic.clear();
    }
    let valid = match validate(&checked, &slugs, &region_slugs, &state.settings().languages) {
        Ok(v) => v,
        Err(problems) => {
            let errors = problems
                .iter()
                .map(|(field, problem)| FieldError { field: field.id().into(), message: tr.t(problem.key()) })
                .collect();
            return contact_page_with(&state, &lang, &lists, form, errors);
        }
    };

    let code = receipt::code_for(&state.key, &nonce);
    // Everything that makes this submission itself, to tell a resent form from a reused one.
    let fingerprint_input = format!(
        "{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}|{}",
        valid.topic,
        valid.region,
        valid.answer_lang,
        valid.message,
        valid.name,
        valid.email.as_ref().map(|e| e.as_str()),
        valid.phone,
        valid.method.as_str()
    );
    let id = crate::db::repo::new_id();
    let reference_bytes: [u8; 10] = os_random().map_err(AppError::Internal)?;
    let reference = format!("HW-{}", &ReceiptCode::from_bytes(&reference_bytes).canonical()[..8]);
    let status_url = state.absolute(&format!("/{}/status", valid.answer_lang));
    let mut mails = Vec::new();
    if let Some(email) = &valid.email {
        mails.push(
            mail::inquiry_ack(&valid.answer_lang, email.as_str(), &status_url, &id)
                .map_err(|e| AppError::Internal(e.into()))?,
        );
    }
    let staff_lang = &state.settings().default_language;
    let staff_tr = Translator::new(staff_lang);
    let topic_title = match &valid.topic {
        Some(slug) => lists.topics.iter().find(|t| &t.slug == slug).map_or_else(|| slug.clone(), |t| t.title.clone()),
        None => staff_tr.t("email-staff-no-topic"),
    };
    let language_name = Translator::new(&valid.answer_lang).language_name();
    let link = state.absolute(&format!("/staff/inquiries/{id}"));
    let team = {
        let (topic, region, answer_lang) = (valid.topic.clone(), valid.region.clone(), valid.answer_lang.to_string());
        state
            .db
            .run(move |c| {
                teams::route(
                    c,
                    &routing::Inquiry { topic: topic.as_deref(), region: region.as_deref(), lang: &answer_lang },
                )
            })
            .await?
    };
    let about = mail::InquirySummary {
        reference: &reference,
        topic: &topic_title,
        language: &language_name,
        team: team.as_ref().map_or("", |t| t.name.as_str()),
        link: &link,
        inquiry_id: &id,
    };
    let team_address = team.as_ref().and_then(|t| t.notify_email.clone());
    let mut staff_addresses: Vec<String> = state.settings().staff_notify.iter().map(|a| a.to_string()).collect();
    if let Some(address) = team_address
        && !staff_addresses.iter().any(|a| a.eq_ignore_ascii_case(&address))
    {
        staff_addresses.push(address);
    }
    for to in &staff_addresses {
        mails.push(mail::staff_new_inquiry(staff_lang, to, &about, false).map_err(|e| AppError::Internal(e.into()))?);
    }
    let new = NewInquiry {
        id: id.clone(),
        reference,
        receipt_hash: receipt::hash(&state.key, &code),
        form_nonce_hash: receipt::fingerprint(&state.key, "form-nonce", &nonce),
        submission_hash: receipt::fingerprint(&state.key, "submission", fingerprint_input.as_bytes()),
        lang: lang.to_string(),
        inquiry: valid.clone(),
        team_id: team.map(|t| t.id),
    };
    let vault = state.vault.clone();
    let host = state.mail_host();
    let created = state.db.run(move |c| inquiries::create(c, &vault, &new, &mails, &host)).await?;
    match created {
        Created::New => {
            tracing::info!(inquiry = %id, "inquiry received");
            state.mail_nudge.notify_one();
        }
        Created::AlreadyStored => tracing::info!("a form was sent twice; the inquiry is stored once"),
        Created::NonceReused => {
            let errors = vec![FieldError { field: "message".into(), message: tr.t("contact-error-reused") }];
            return contact_page_with(&state, &lang, &lists, form, errors);
        }
    }
    let ctx = PageContext::public(&state, &lang, "/contact");
    let next = match valid.method {
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
) -> Result<Result<(ReceiptCode, inquiries::InquiryThread), StatusPage>, AppError> {
    if state.settings().rate_limits
        && !state.limiter.allow("status", client_ip(state, req), 20, Duration::from_secs(600))
    {
        return Err(AppError::TooManyRequests);
    }
    let mut page = status_page(state, lang);
    page.code_typed = typed.chars().take(40).collect();
    let not_found = |mut page: StatusPage| {
        page.errors.push(FieldError { field: "code".into(), message: page.ctx.t("status-not-found") });
        Ok(Err(page))
    };
    let Ok(code) = ReceiptCode::parse(typed) else { return not_found(page) };
    let hash = receipt::hash(&state.key, &code);
    let vault = state.vault.clone();
    match state.db.run(move |c| inquiries::by_receipt(c, &vault, &hash)).await {
        Ok(thread) => Ok(Ok((code, thread))),
        Err(RepoError::NotFound) => not_found(page),
        Err(e) => Err(e.into()),
    }
}

/// The public name of the team handling a thread, in the reader's language.
async fn handled_by(
    state: &AppState,
    lang: &Lang,
    thread: &inquiries::InquiryThread,
) -> Result<Option<String>, AppError> {
    let Some(team) = thread.team_id.clone() else { return Ok(None) };
    let (l, d) = (lang.to_string(), state.settings().default_language.to_string());
    Ok(state.db.run(move |c| teams::public_name(c, &team, &l, &d)).await?)
}

fn thread_view(
    tr: &Translator,
    code: &ReceiptCode,
    thread: &inquiries::InquiryThread,
    handled_by: Option<String>,
) -> ThreadView {
    let status_key = format!("status-{}", thread.status.as_str());
    ThreadView {
        code: code.to_string(),
        status_label: tr.t(&status_key),
        handled_by,
        messages: thread
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

pub async fn check_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let (code, thread) = match lookup(&state, &req, &lang, &input.code).await? {
        Ok(found) => found,
        Err(page) => return show(page),
    };
    let mut page = status_page(&state, &lang);
    let team = handled_by(&state, &lang, &thread).await?;
    page.thread = Some(thread_view(&page.ctx.tr, &code, &thread, team));
    page.token = followup_token(&state, &lang)?;
    show(page)
}

pub async fn add_message(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let input = input.into_inner();
    let (code, thread) = match lookup(&state, &req, &lang, &input.code).await? {
        Ok(found) => found,
        Err(page) => return show(page),
    };
    let mut page = status_page(&state, &lang);
    let message = clean_text(&input.message);
    let nonce = form_token::verify_with_nonce(
        &state.key,
        &format!("followup:{lang}"),
        &input.token,
        unix_now(),
        0,
        TOKEN_MAX_AGE,
    );
    let problem = match (&nonce, message.chars().count()) {
        (Err(_), _) => Some("contact-error-expired"),
        (_, 0) => Some("status-error-followup-empty"),
        (_, n) if n > MAX_MESSAGE_CHARS => Some("status-error-followup-long"),
        _ => None,
    };
    if let (Ok(nonce), None) = (&nonce, problem) {
        let dedupe = receipt::fingerprint(&state.key, "followup-nonce", nonce);
        let (vault, id) = (state.vault.clone(), thread.id.clone());
        let body = message.clone();
        state.db.run(move |c| inquiries::add_inquirer_message(c, &vault, &id, &body, &dedupe)).await?;
        page.followup_sent = true;
    } else if let Some(key) = problem {
        page.errors.push(FieldError { field: "message".into(), message: page.ctx.t(key) });
        page.followup = input.message.clone();
    }
    let hash = receipt::hash(&state.key, &code);
    let vault = state.vault.clone();
    let thread = state.db.run(move |c| inquiries::by_receipt(c, &vault, &hash)).await?;
    let team = handled_by(&state, &lang, &thread).await?;
    page.thread = Some(thread_view(&page.ctx.tr, &code, &thread, team));
    page.token = followup_token(&state, &lang)?;
    show(page)
}
