//! One-time account links: the first administrator (printed by `serve`) and new
//! staff (printed by `homeward user add`). The token in the path is the only key.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::accounts::{self, LinkKind, Setup, SetupLink, password_problem};
use crate::domain::{EmailAddress, EmailError, NewPassword, PasswordError};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, render, render_with_status, see_other};

#[derive(Template)]
#[template(path = "setup/form.html")]
struct SetupForm {
    ctx: PageContext,
    heading: String,
    lead: String,
    email: String,
    email_fixed: bool,
    email_error: Option<String>,
    password_error: Option<String>,
    confirm_error: Option<String>,
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

#[derive(Deserialize)]
pub struct SetupInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

fn no_store(mut res: HttpResponse) -> HttpResponse {
    // The page carries a one-time secret in its address: keep it out of every cache.
    res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    res
}

fn invalid_link(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::unprefixed(state, req);
    let page = Message {
        heading: ctx.t("setup-invalid-title"),
        paragraphs: vec![ctx.t("setup-invalid-body"), ctx.t("setup-invalid-help")],
        success: false,
        ctx,
    };
    render_with_status(StatusCode::NOT_FOUND, &page).map(no_store)
}

fn empty_form(ctx: PageContext, link: &SetupLink) -> SetupForm {
    let (heading, lead) = match link.kind {
        LinkKind::FirstAdministrator => (ctx.t("setup-title-first"), ctx.t("setup-lead-first")),
        LinkKind::Invitation => (ctx.t("setup-title-invite"), ctx.t("setup-lead-invite")),
    };
    SetupForm {
        heading,
        lead,
        email: link.email.clone().unwrap_or_default(),
        email_fixed: link.email.is_some(),
        email_error: None,
        password_error: None,
        confirm_error: None,
        errors: Vec::new(),
        ctx,
    }
}

pub async fn form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let Some(link) = accounts::find_setup_link(&state, &token).await? else {
        return invalid_link(&state, &req);
    };
    render(&empty_form(PageContext::unprefixed(&state, &req), &link)).map(no_store)
}

pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    input: web::Form<SetupInput>,
) -> Result<HttpResponse, AppError> {
    let Some(link) = accounts::find_setup_link(&state, &token).await? else {
        return invalid_link(&state, &req);
    };
    let ctx = PageContext::unprefixed(&state, &req);
    let input = input.into_inner();
    // An invitation fixes the address; whatever the form says is ignored.
    let email_text = link.email.clone().unwrap_or_else(|| input.email.trim().to_owned());
    let email = EmailAddress::parse(&email_text);
    let password = NewPassword::parse(&input.password, &input.confirm);
    let mut page = empty_form(ctx, &link);
    page.email = email_text;
    let (email, password) = match (email, password) {
        (Ok(e), Ok(p)) => (e, p),
        (email, password) => return form_with_errors(page, email.err(), password.err()),
    };
    let lang = page.ctx.lang.clone();
    match accounts::finish_setup(&state, &token, email, password, &lang).await? {
        Setup::Created(_) => Ok(see_other(&format!("/setup/done?lang={lang}"))),
        Setup::EmailTaken => {
            page.email_error = Some(page.ctx.t("setup-error-email-taken"));
            form_with_errors(page, None, None)
        }
        // Used up or expired between the two requests.
        Setup::LinkUnusable => invalid_link(&state, &req),
    }
}

/// The form again, with these problems and any already set on the page.
fn form_with_errors(
    mut page: SetupForm,
    email: Option<EmailError>,
    password: Option<PasswordError>,
) -> Result<HttpResponse, AppError> {
    if let Some(e) = email {
        page.email_error = Some(page.ctx.t(match e {
            EmailError::Empty => "setup-error-email-empty",
            EmailError::TooLong | EmailError::Malformed | EmailError::Dots | EmailError::Hidden => {
                "setup-error-email-invalid"
            }
        }));
    }
    if let Some(e) = password {
        let (field, key) = password_problem(&e);
        let message = Some(page.ctx.t(key));
        if field == "password" {
            page.password_error = message;
        } else {
            page.confirm_error = message;
        }
    }
    for (field, message) in
        [("email", &page.email_error), ("password", &page.password_error), ("confirm", &page.confirm_error)]
    {
        if let Some(message) = message {
            page.errors.push(FieldError { field: field.into(), message: message.clone() });
        }
    }
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page).map(no_store)
}

pub async fn done(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::unprefixed(&state, &req);
    let page =
        Message { heading: ctx.t("setup-done-title"), paragraphs: vec![ctx.t("setup-done-body")], success: true, ctx };
    render(&page)
}
