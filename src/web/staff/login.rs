//! Signing in (password, then the second factor when set), signing out, and
//! password reset by email. Answers never say whether an account exists.

use std::sync::LazyLock;
use std::time::Duration as StdDuration;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use time::Duration;

use super::{Pending, Staff, anonymous_form_token, blocking, cookie_name, safe_next};
use crate::auth::password::{hash_password, verify_password};
use crate::crypto::{generate_token, hash_token};
use crate::db::RepoError;
use crate::db::repo::accounts::{self, TokenPurpose};
use crate::db::repo::audit::{self, Event};
use crate::db::repo::sessions::{self, STAGE_FULL, STAGE_PASSWORD};
use crate::domain::{EmailAddress, Lang, NewPassword, PasswordError};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, client_ip, render, render_with_status, see_other};

/// Failed sign-ins allowed per account, and per client, within `THROTTLE_WINDOW`.
pub const ACCOUNT_FAILURES: usize = 5;
pub const CLIENT_FAILURES: usize = 20;
const THROTTLE_WINDOW: StdDuration = StdDuration::from_secs(15 * 60);
/// How long the second-factor step may take.
const SECOND_FACTOR_MINUTES: i64 = 10;
use crate::auth::RESET_LINK_MINUTES;

/// A hash of a random password, verified against when the account does not exist,
/// so a wrong address costs as much time as a wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let random = generate_token().unwrap_or_else(|_| "fallback dummy password".to_owned());
    NewPassword::parse(&random, &random).ok().and_then(|p| hash_password(&p).ok()).unwrap_or_default()
});

/// Computes the dummy hash ahead of the first sign-in (called at start-up).
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

fn session_cookie(state: &AppState, token: &str, max_age: Duration) -> Cookie<'static> {
    Cookie::build(cookie_name(state), token.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.settings().is_https())
        .max_age(CookieDuration::seconds(max_age.whole_seconds()))
        .finish()
}

fn clear_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = session_cookie(state, "", Duration::ZERO);
    c.make_removal();
    c
}

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    ctx: PageContext,
    form_token: String,
    next: String,
    email: String,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    signed_out: Option<String>,
}

fn login_page(state: &AppState, req: &HttpRequest, next: String) -> LoginPage {
    LoginPage {
        ctx: PageContext::unprefixed(state, req),
        form_token: anonymous_form_token(state),
        next,
        email: String::new(),
        errors: Vec::new(),
        notice: None,
    }
}

pub async fn login_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(query.next.as_deref());
    if req.extensions().get::<Staff>().is_some() {
        return Ok(see_other(&next));
    }
    let mut page = login_page(&state, &req, next);
    if query.signed_out.is_some() {
        page.notice = Some(page.ctx.t("staff-signed-out"));
    } else if query.next.is_some() {
        page.notice = Some(page.ctx.t("staff-sign-in-needed"));
    }
    render(&page)
}

#[derive(Deserialize)]
pub struct LoginInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Starts a session (full, or waiting for the second factor) and sets its cookie.
async fn start_session(state: &AppState, user_id: String, stage: &'static str) -> Result<Cookie<'static>, AppError> {
    let token = generate_token()?;
    let hash = hash_token(&token);
    let lifetime = if stage == STAGE_FULL {
        Duration::hours(state.settings().session_max_hours.into())
    } else {
        Duration::minutes(SECOND_FACTOR_MINUTES)
    };
    state.db.run(move |c| sessions::create(c, &user_id, &hash, stage, lifetime)).await?;
    Ok(session_cookie(state, &token, lifetime))
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    input: web::Form<LoginInput>,
) -> Result<HttpResponse, AppError> {
    let input = input.into_inner();
    let next = safe_next(Some(&input.next).filter(|n| !n.is_empty()).map(String::as_str));
    let mut page = login_page(&state, &req, next.clone());
    page.email = input.email.trim().chars().take(320).collect();
    let client = crate::web::rate_limit::client_group(client_ip(&state, &req));
    let account_key = page.email.to_lowercase();
    if input.email.trim().is_empty() || input.password.is_empty() {
        if input.email.trim().is_empty() {
            page.errors.push(FieldError { field: "email".into(), message: page.ctx.t("staff-error-email-empty") });
        }
        if input.password.is_empty() {
            page.errors
                .push(FieldError { field: "password".into(), message: page.ctx.t("staff-error-password-empty") });
        }
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    // Each attempt is counted before the slow check, so parallel guesses cannot slip past the limit;
    // a success gives its attempt back.
    let account_ok = state.limiter.reserve("login-account", &account_key, ACCOUNT_FAILURES, THROTTLE_WINDOW);
    let client_ok = state.limiter.reserve("login-client", &client, CLIENT_FAILURES, THROTTLE_WINDOW);
    if !account_ok || !client_ok {
        page.errors.push(FieldError { field: "email".into(), message: page.ctx.t("staff-error-throttled") });
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::TOO_MANY_REQUESTS, &page);
    }
    let user = match EmailAddress::parse(&page.email) {
        Ok(email) => state.db.run(move |c| accounts::by_email(c, &email)).await?,
        Err(_) => None,
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let password = input.password;
    // Always one argon2 verification, whether or not the account exists.
    let matches = blocking(move || {
        let hash = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        verify_password(&password, &hash)
    })
    .await?;
    let user = match user {
        Some(u) if matches && !u.disabled => u,
        other => {
            let known = other.map(|u| u.id);
            state
                .db
                .run(move |c| {
                    audit::record_alone(
                        c,
                        Event::new(None, crate::domain::AuditAction::AuthSignInFailed, "staff_user", known.as_deref()),
                    )
                })
                .await?;
            page.errors.push(FieldError { field: "email".into(), message: page.ctx.t("staff-error-credentials") });
            page.ctx.has_errors = true;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    state.limiter.forgive("login-account", &account_key);
    state.limiter.give_back("login-client", &client);
    // Signing in again replaces the session this browser had.
    let previous = req
        .extensions()
        .get::<Staff>()
        .map(|s| s.session_id.clone())
        .or_else(|| req.extensions().get::<Pending>().map(|p| p.session_id.clone()));
    if let Some(old) = previous {
        state.db.run(move |c| sessions::delete(c, &old)).await?;
    }
    let stage = if user.totp_secret_enc.is_some() { STAGE_PASSWORD } else { STAGE_FULL };
    let cookie = start_session(&state, user.id.clone(), stage).await?;
    let user_id = user.id.clone();
    if stage == STAGE_FULL {
        state
            .db
            .run(move |c| {
                audit::record_alone(
                    c,
                    Event::new(Some(&user_id), crate::domain::AuditAction::AuthSignIn, "staff_user", Some(&user_id)),
                )
            })
            .await?;
        tracing::info!(user_id = %user.id, "staff signed in");
        Ok(HttpResponse::SeeOther().cookie(cookie).insert_header(("Location", next)).finish())
    } else {
        let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
        Ok(HttpResponse::SeeOther()
            .cookie(cookie)
            .insert_header(("Location", format!("/staff/login/code?next={next}")))
            .finish())
    }
}

#[derive(Template)]
#[template(path = "staff/code.html")]
struct CodePage {
    ctx: PageContext,
    form_token: String,
    next: String,
    errors: Vec<FieldError>,
}

fn code_page(state: &AppState, lang: &Lang, next: String) -> CodePage {
    CodePage {
        ctx: PageContext::for_staff(state, lang),
        form_token: anonymous_form_token(state),
        next,
        errors: Vec::new(),
    }
}

pub async fn code_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = req.extensions().get::<Pending>().cloned() else {
        return Ok(see_other("/staff/login"));
    };
    render(&code_page(&state, &pending.lang, safe_next(query.next.as_deref())))
}

#[derive(Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// Checks a TOTP code (each time step once) or a recovery code (each once).
/// Returns how the person proved it, or `None`.
pub async fn check_second_factor(
    state: &AppState,
    user_id: &str,
    code: &str,
) -> Result<Option<&'static str>, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let uid = user_id.to_owned();
    let user = state.db.run(move |c| accounts::by_id(c, &uid)).await?;
    let Some(secret) = user.totp_secret_enc else { return Ok(None) };
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        let secret = state
            .vault
            .open(&secret, &format!("staff_users.totp:{user_id}"))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("second factor secret: {e}")))?;
        let Some(step) = crate::auth::totp::check(&secret, &code)? else { return Ok(None) };
        let uid = user_id.to_owned();
        let fresh = state.db.run(move |c| accounts::accept_totp_step(c, &uid, step)).await?;
        return Ok(fresh.then_some("authenticator"));
    }
    let hash = crate::auth::totp::recovery_hash(&state.key, &code);
    let uid = user_id.to_owned();
    let used = state.db.run(move |c| accounts::use_recovery_code(c, &uid, &hash)).await?;
    Ok(used.then_some("recovery code"))
}

pub async fn code_submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    input: web::Form<CodeInput>,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = req.extensions().get::<Pending>().cloned() else {
        return Ok(see_other("/staff/login"));
    };
    let next = safe_next(Some(&input.next).filter(|n| !n.is_empty()).map(String::as_str));
    let mut page = code_page(&state, &pending.lang, next.clone());
    if !state.limiter.reserve("login-code", &pending.user_id, ACCOUNT_FAILURES, THROTTLE_WINDOW) {
        page.errors.push(FieldError { field: "code".into(), message: page.ctx.t("staff-error-throttled") });
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::TOO_MANY_REQUESTS, &page);
    }
    let Some(how) = check_second_factor(&state, &pending.user_id, &input.code).await? else {
        let uid = pending.user_id.clone();
        state
            .db
            .run(move |c| {
                audit::record_alone(
                    c,
                    Event::new(None, crate::domain::AuditAction::AuthSecondFactorFailed, "staff_user", Some(&uid)),
                )
            })
            .await?;
        page.errors.push(FieldError { field: "code".into(), message: page.ctx.t("staff-error-code") });
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    state.limiter.forgive("login-code", &pending.user_id);
    // A new token for the full session: the one used before the second factor is worthless now.
    let token = generate_token()?;
    let hash = hash_token(&token);
    let (sid, uid) = (pending.session_id.clone(), pending.user_id.clone());
    let lifetime = Duration::hours(state.settings().session_max_hours.into());
    state
        .db
        .run(move |c| {
            crate::db::write_transaction(c, |c| {
                sessions::promote(c, &sid, &hash, lifetime)?;
                audit::record(
                    c,
                    Event::new(Some(&uid), crate::domain::AuditAction::AuthSignIn, "staff_user", Some(&uid))
                        .detail(how),
                )
            })
        })
        .await?;
    let cookie = session_cookie(&state, &token, Duration::hours(state.settings().session_max_hours.into()));
    Ok(HttpResponse::SeeOther().cookie(cookie).insert_header(("Location", next)).finish())
}

/// Sign-out: the session row goes, so a copied cookie is worthless from now on.
pub async fn logout(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let staff = req.extensions().get::<Staff>().cloned();
    let pending = req.extensions().get::<Pending>().cloned();
    let session = staff.as_ref().map(|s| s.session_id.clone()).or(pending.map(|p| p.session_id));
    if let Some(session) = session {
        let actor = staff.map(|s| s.user_id);
        state
            .db
            .run(move |c| {
                crate::db::write_transaction(c, |c| {
                    sessions::delete(c, &session)?;
                    match &actor {
                        Some(a) => audit::record(
                            c,
                            Event::new(Some(a), crate::domain::AuditAction::AuthSignOut, "staff_user", Some(a)),
                        ),
                        None => Ok(()),
                    }
                })
            })
            .await?;
    }
    Ok(HttpResponse::SeeOther()
        .cookie(clear_cookie(&state))
        .insert_header(("Location", "/staff/login?signed_out=1"))
        .finish())
}

#[derive(Template)]
#[template(path = "staff/reset_request.html")]
struct ResetRequestPage {
    ctx: PageContext,
    form_token: String,
    email: String,
    errors: Vec<FieldError>,
}

#[derive(Template)]
#[template(path = "setup/message.html")]
struct Message {
    ctx: PageContext,
    heading: String,
    paragraphs: Vec<String>,
    success: bool,
}

pub async fn reset_form(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::unprefixed(&state, &req);
    render(&ResetRequestPage {
        ctx,
        form_token: anonymous_form_token(&state),
        email: String::new(),
        errors: Vec::new(),
    })
}

#[derive(Deserialize)]
pub struct ResetInput {
    #[serde(default)]
    email: String,
}

/// Always the same answer; a link is emailed only when an enabled account has that address.
pub async fn reset_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    input: web::Form<ResetInput>,
) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::unprefixed(&state, &req);
    let text: String = input.email.trim().chars().take(320).collect();
    let Ok(email) = EmailAddress::parse(&text) else {
        let mut page =
            ResetRequestPage { form_token: anonymous_form_token(&state), email: text, errors: Vec::new(), ctx };
        page.errors.push(FieldError { field: "email".into(), message: page.ctx.t("setup-error-email-invalid") });
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let client = crate::web::rate_limit::client_group(client_ip(&state, &req));
    // A bound on mail sent per address and per client; the answer stays the same.
    let allowed = !state.limiter.blocked("reset-account", &email.normalized(), 3, THROTTLE_WINDOW)
        && !state.limiter.blocked("reset-client", &client, 10, THROTTLE_WINDOW);
    state.limiter.fail("reset-account", &email.normalized());
    state.limiter.fail("reset-client", &client);
    if allowed {
        // The lookup and the email happen after the answer, so its timing cannot tell
        // whether the address has an account.
        let state = state.clone();
        actix_web::rt::spawn(async move {
            if let Err(e) = queue_reset(&state, email).await {
                tracing::error!(error = %e, "could not queue a password reset email");
            }
        });
    }
    let page = Message {
        heading: ctx.t("staff-reset-sent-title"),
        paragraphs: vec![ctx.t("staff-reset-sent-body"), ctx.t("staff-reset-sent-help")],
        success: false,
        ctx,
    };
    render(&page)
}

/// Queues a reset link if an enabled account has this address (nothing otherwise).
async fn queue_reset(state: &AppState, email: EmailAddress) -> Result<(), AppError> {
    let token = generate_token()?;
    let hash = hash_token(&token);
    let link = state.absolute(&format!("/staff/reset/{token}"));
    let host = state.mail_host();
    let vault = state.vault.clone();
    let default_lang = state.settings().default_language.clone();
    let queued = state
        .db
        .run(move |c| {
            crate::db::write_transaction(c, |c| {
                let Some(user) = accounts::by_email(c, &email)? else { return Ok(false) };
                if user.disabled {
                    return Ok(false);
                }
                accounts::create_link(
                    c,
                    &hash,
                    TokenPurpose::Reset,
                    Some(&email),
                    &[],
                    Duration::minutes(RESET_LINK_MINUTES),
                )?;
                let lang = Lang::parse(&user.language).unwrap_or(default_lang);
                let mail = crate::mail::password_reset(&lang, email.as_str(), &link, &hash)
                    .map_err(|e| RepoError::Unexpected(format!("template: {e}")))?;
                crate::db::repo::outbox::enqueue(c, &vault, &mail, &host)?;
                audit::record(
                    c,
                    Event::new(
                        Some(&user.id),
                        crate::domain::AuditAction::AccountPasswordResetRequested,
                        "staff_user",
                        Some(&user.id),
                    ),
                )?;
                Ok(true)
            })
        })
        .await?;
    if queued {
        state.mail_nudge.notify_one();
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "staff/reset_password.html")]
struct NewPasswordPage {
    ctx: PageContext,
    form_token: String,
    password_error: Option<String>,
    confirm_error: Option<String>,
    errors: Vec<FieldError>,
}

async fn reset_link_usable(state: &AppState, token: &str) -> Result<bool, AppError> {
    let hash = hash_token(token);
    match state.db.run(move |c| accounts::find_usable_link(c, &hash)).await {
        Ok(link) => Ok(link.purpose == TokenPurpose::Reset),
        Err(RepoError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn invalid_reset_link(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::unprefixed(state, req);
    let page = Message {
        heading: ctx.t("staff-reset-invalid-title"),
        paragraphs: vec![ctx.t("staff-reset-invalid-body")],
        success: false,
        ctx,
    };
    render_with_status(StatusCode::NOT_FOUND, &page)
}

pub async fn reset_password_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    if !reset_link_usable(&state, &token).await? {
        return invalid_reset_link(&state, &req);
    }
    let ctx = PageContext::unprefixed(&state, &req);
    render(&NewPasswordPage {
        ctx,
        form_token: anonymous_form_token(&state),
        password_error: None,
        confirm_error: None,
        errors: Vec::new(),
    })
}

#[derive(Deserialize)]
pub struct NewPasswordInput {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// Maps a password problem to its message key and the field it belongs to.
pub fn password_problem(e: &PasswordError) -> (&'static str, &'static str) {
    match e {
        PasswordError::TooShort => ("password", "setup-error-password-short"),
        PasswordError::TooLong => ("password", "setup-error-password-long"),
        PasswordError::Common => ("password", "staff-error-password-common"),
        PasswordError::Mismatch => ("confirm", "setup-error-password-mismatch"),
    }
}

pub async fn reset_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    input: web::Form<NewPasswordInput>,
) -> Result<HttpResponse, AppError> {
    if !reset_link_usable(&state, &token).await? {
        return invalid_reset_link(&state, &req);
    }
    let ctx = PageContext::unprefixed(&state, &req);
    let password = match NewPassword::parse(&input.password, &input.confirm) {
        Ok(p) => p,
        Err(e) => {
            let (field, key) = password_problem(&e);
            let mut page = NewPasswordPage {
                form_token: anonymous_form_token(&state),
                password_error: None,
                confirm_error: None,
                errors: Vec::new(),
                ctx,
            };
            let message = page.ctx.t(key);
            if field == "password" {
                page.password_error = Some(message.clone());
            } else {
                page.confirm_error = Some(message.clone());
            }
            page.errors.push(FieldError { field: field.into(), message });
            page.ctx.has_errors = true;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let hash = blocking(move || hash_password(&password)).await??;
    let token_hash = hash_token(&token);
    match state.db.run(move |c| accounts::reset_password_with_link(c, &token_hash, &hash)).await {
        Ok(_) => {}
        Err(RepoError::NotFound) => return invalid_reset_link(&state, &req),
        Err(e) => return Err(e.into()),
    }
    let page = Message {
        heading: ctx.t("staff-reset-done-title"),
        paragraphs: vec![ctx.t("staff-reset-done-body")],
        success: true,
        ctx,
    };
    render(&page)
}
