//! Signing in (password, then the second factor when set), signing out, and
//! password reset by email. Answers never say whether an account exists.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use time::Duration;

use super::{anonymous_form_token, cookie_name, safe_next};
use crate::app::accounts::{
    self, CodeCheck, Credentials, NewSession, PasswordReset, SignIn, password_problem, typed_email,
};
use crate::auth::{Pending, Staff};
use crate::domain::{EmailAddress, Lang, NewPassword};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, client_ip, render, render_with_status, see_other};

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

/// The cookie that marks a browser the account fully signed in from: sent only to the
/// sign-in pages, and used only to spare its owner the slow-down an attack on the account causes.
fn device_cookie_name(state: &AppState) -> &'static str {
    if state.settings().is_https() { "__Secure-homeward_device" } else { "homeward_device" }
}

fn device_cookie(state: &AppState, token: &str) -> Cookie<'static> {
    Cookie::build(device_cookie_name(state), token.to_owned())
        .path("/staff/login")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings().is_https())
        .max_age(CookieDuration::days(accounts::DEVICE_DAYS))
        .finish()
}

/// A 303 to `location` that sets the cookie of a session just started (and, after a full
/// sign-in, the device cookie).
fn signed_redirect(state: &AppState, session: &NewSession, location: &str) -> HttpResponse {
    let mut res = HttpResponse::SeeOther();
    res.cookie(session_cookie(state, &session.token, session.lifetime));
    if let Some(device) = &session.device {
        res.cookie(device_cookie(state, device));
    }
    res.insert_header(("Location", location)).finish()
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

impl LoginPage {
    fn new(state: &AppState, req: &HttpRequest, next: String) -> LoginPage {
        LoginPage {
            ctx: PageContext::unprefixed(state, req),
            form_token: anonymous_form_token(state),
            next,
            email: String::new(),
            errors: Vec::new(),
            notice: None,
        }
    }

    /// The form again, with these problems (field, catalogue key).
    fn refused(mut self, status: StatusCode, problems: &[(&'static str, &str)]) -> Result<HttpResponse, AppError> {
        for (field, key) in problems {
            self.errors.push(FieldError::new(*field, self.ctx.t(key)));
        }
        self.ctx.has_errors = true;
        render_with_status(status, &self)
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    signed_out: Option<String>,
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
    let mut page = LoginPage::new(&state, &req, next);
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

/// The session this browser had (signed in, or waiting for the code).
fn current_session(req: &HttpRequest) -> Option<String> {
    let ext = req.extensions();
    ext.get::<Staff>().map(|s| s.session_id.clone()).or_else(|| ext.get::<Pending>().map(|p| p.session_id.clone()))
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    input: web::Form<LoginInput>,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(Some(&input.next).filter(|n| !n.is_empty()).map(String::as_str));
    let mut page = LoginPage::new(&state, &req, next.clone());
    page.email = typed_email(&input.email);
    let credentials = match Credentials::parse(&input.email, &input.password) {
        Ok(c) => c,
        Err(problems) => {
            let problems: Vec<_> = problems.iter().map(|p| (p.field(), p.key())).collect();
            return page.refused(StatusCode::UNPROCESSABLE_ENTITY, &problems);
        }
    };
    let previous = current_session(&req);
    let device = req.cookie(device_cookie_name(&state)).map(|c| c.value().to_owned());
    let ip = client_ip(&state, &req);
    match accounts::sign_in(&state, credentials, ip, previous.as_deref(), device.as_deref()).await? {
        SignIn::Signed(session) => Ok(signed_redirect(&state, &session, &next)),
        SignIn::NeedsCode(session) => {
            let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
            Ok(signed_redirect(&state, &session, &format!("/staff/login/code?next={next}")))
        }
        SignIn::Refused => page.refused(StatusCode::UNPROCESSABLE_ENTITY, &[("email", "staff-error-credentials")]),
        SignIn::Throttled => page.refused(StatusCode::TOO_MANY_REQUESTS, &[("email", "staff-error-throttled")]),
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

pub async fn code_submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    input: web::Form<CodeInput>,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = req.extensions().get::<Pending>().cloned() else {
        return Ok(see_other("/staff/login"));
    };
    let next = safe_next(Some(&input.next).filter(|n| !n.is_empty()).map(String::as_str));
    let (status, key) = match accounts::confirm_code(&state, &pending, &input.code).await? {
        CodeCheck::Signed(session) => return Ok(signed_redirect(&state, &session, &next)),
        CodeCheck::Wrong => (StatusCode::UNPROCESSABLE_ENTITY, "staff-error-code"),
        CodeCheck::Throttled => (StatusCode::TOO_MANY_REQUESTS, "staff-error-throttled"),
    };
    let mut page = code_page(&state, &pending.lang, next);
    page.errors.push(FieldError::new("code", page.ctx.t(key)));
    page.ctx.has_errors = true;
    render_with_status(status, &page)
}

/// Sign-out: the session row goes, so a copied cookie is worthless from now on.
pub async fn logout(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let staff = req.extensions().get::<Staff>().cloned();
    if let Some(session) = current_session(&req) {
        accounts::sign_out(&state, &session, staff.as_ref()).await?;
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

impl Message {
    fn new(ctx: PageContext, heading: &str, paragraphs: &[&str], success: bool) -> Message {
        Message { heading: ctx.t(heading), paragraphs: paragraphs.iter().map(|p| ctx.t(p)).collect(), success, ctx }
    }
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
    let text = typed_email(&input.email);
    let Ok(email) = EmailAddress::parse(&text) else {
        let mut page = ResetRequestPage { form_token: anonymous_form_token(&state), email: text, errors: vec![], ctx };
        page.errors.push(FieldError::new("email", page.ctx.t("setup-error-email-invalid")));
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    // Sending or throttled: the answer is the same.
    accounts::request_reset(&state.app, email, client_ip(&state, &req));
    let paragraphs = ["staff-reset-sent-body", "staff-reset-sent-help"];
    render(&Message::new(ctx, "staff-reset-sent-title", &paragraphs, false))
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

impl NewPasswordPage {
    fn new(state: &AppState, ctx: PageContext) -> NewPasswordPage {
        NewPasswordPage {
            ctx,
            form_token: anonymous_form_token(state),
            password_error: None,
            confirm_error: None,
            errors: Vec::new(),
        }
    }
}

fn invalid_reset_link(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, AppError> {
    let page = Message::new(
        PageContext::unprefixed(state, req),
        "staff-reset-invalid-title",
        &["staff-reset-invalid-body"],
        false,
    );
    render_with_status(StatusCode::NOT_FOUND, &page)
}

pub async fn reset_password_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    if !accounts::reset_link_usable(&state, &token).await? {
        return invalid_reset_link(&state, &req);
    }
    render(&NewPasswordPage::new(&state, PageContext::unprefixed(&state, &req)))
}

#[derive(Deserialize)]
pub struct NewPasswordInput {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn reset_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    input: web::Form<NewPasswordInput>,
) -> Result<HttpResponse, AppError> {
    if !accounts::reset_link_usable(&state, &token).await? {
        return invalid_reset_link(&state, &req);
    }
    let ctx = PageContext::unprefixed(&state, &req);
    let password = match NewPassword::parse(&input.password, &input.confirm) {
        Ok(p) => p,
        Err(e) => {
            let mut page = NewPasswordPage::new(&state, ctx);
            let (field, key) = password_problem(&e);
            let message = page.ctx.t(key);
            if field == "password" {
                page.password_error = Some(message.clone());
            } else {
                page.confirm_error = Some(message.clone());
            }
            page.errors.push(FieldError::new(field, message));
            page.ctx.has_errors = true;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match accounts::reset_password(&state, &token, password).await? {
        PasswordReset::Done => render(&Message::new(ctx, "staff-reset-done-title", &["staff-reset-done-body"], true)),
        PasswordReset::LinkUnusable => invalid_reset_link(&state, &req),
    }
}
