//! A staff member's own account: language, password, second factor, sessions.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::accounts::{
    self, EnrolInput, Enrolment, LanguageChange, PasswordChange, SessionSummary, TwoFactorOff, password_problem,
};
use crate::auth::Staff;
use crate::domain::{Lang, NewPassword};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{Choice, FieldError, redirect_with_flash};
use crate::web::{AppState, render, render_with_status, see_other};

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    ctx: PageContext,
    staff: Staff,
    roles: String,
    langs: Vec<Choice>,
    sessions: Vec<SessionSummary>,
    codes_left: i64,
    two_factor_required: bool,
    current_error: Option<String>,
    password_error: Option<String>,
    confirm_error: Option<String>,
    disable_error: Option<String>,
    errors: Vec<FieldError>,
}

impl AccountPage {
    /// The page again with its form errors (each message also at its field).
    fn refused(mut self) -> Result<HttpResponse, AppError> {
        for (field, msg) in [
            ("current", &self.current_error),
            ("password", &self.password_error),
            ("confirm", &self.confirm_error),
            ("disable-code", &self.disable_error),
        ] {
            if let Some(message) = msg.clone() {
                self.errors.push(FieldError::new(field, message));
            }
        }
        self.ctx.has_errors = true;
        render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &self)
    }
}

async fn account_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<AccountPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let view = accounts::account(state, staff).await?;
    let langs = state
        .settings()
        .languages
        .iter()
        .map(|l| Choice {
            value: l.to_string(),
            label: crate::i18n::Translator::new(l).language_name(),
            selected: *l == staff.lang,
        })
        .collect();
    let roles = staff.roles.iter().map(|r| ctx.t(&format!("staff-role-{}", r.as_str()))).collect::<Vec<_>>().join(", ");
    Ok(AccountPage {
        staff: staff.clone(),
        roles,
        langs,
        sessions: view.sessions,
        codes_left: view.recovery_codes_left,
        two_factor_required: view.two_factor_required,
        current_error: None,
        password_error: None,
        confirm_error: None,
        disable_error: None,
        errors: Vec::new(),
        ctx,
    })
}

pub async fn show(state: web::Data<AppState>, req: HttpRequest, staff: Staff) -> Result<HttpResponse, AppError> {
    render(&account_page(&state, &req, &staff).await?)
}

#[derive(Deserialize)]
pub struct LanguageInput {
    #[serde(default)]
    language: String,
}

pub async fn language(
    state: web::Data<AppState>,
    staff: Staff,
    input: web::Form<LanguageInput>,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::parse(&input.language).map_err(|_| AppError::BadRequest)?;
    match accounts::change_language(&state, &staff, lang).await? {
        LanguageChange::Saved => Ok(redirect_with_flash(&state, "/staff/account", "staff-done-language")),
        LanguageChange::NotOffered => Err(AppError::BadRequest),
    }
}

#[derive(Deserialize)]
pub struct PasswordInput {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn password(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
    input: web::Form<PasswordInput>,
) -> Result<HttpResponse, AppError> {
    let new = NewPassword::parse(&input.password, &input.confirm);
    let (current_wrong, problem) = match accounts::change_password(&state, &staff, &input.current, new).await? {
        PasswordChange::Changed => return Ok(see_other("/staff/login?signed_out=1")),
        PasswordChange::Refused { current_wrong, problem } => (current_wrong, problem),
    };
    let mut page = account_page(&state, &req, &staff).await?;
    if current_wrong {
        page.current_error = Some(page.ctx.t("staff-error-current-password"));
    }
    if let Some(e) = &problem {
        let (field, key) = password_problem(e);
        let msg = Some(page.ctx.t(key));
        if field == "password" {
            page.password_error = msg;
        } else {
            page.confirm_error = msg;
        }
    }
    page.refused()
}

/// Ends every session of this account, this one included.
pub async fn sign_out_everywhere(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    accounts::sign_out_everywhere(&state, &staff).await?;
    Ok(see_other("/staff/login?signed_out=1"))
}

#[derive(Template)]
#[template(path = "staff/two_factor.html")]
struct TwoFactorPage {
    ctx: PageContext,
    csrf: String,
    secret: String,
    mac: String,
    qr: String,
    required: bool,
    current_error: Option<String>,
    code_error: Option<String>,
    errors: Vec<FieldError>,
}

impl TwoFactorPage {
    fn new(ctx: PageContext, staff: &Staff, enrolment: Enrolment) -> TwoFactorPage {
        TwoFactorPage {
            ctx,
            csrf: staff.csrf.clone(),
            secret: enrolment.secret,
            mac: enrolment.mac,
            qr: enrolment.qr_svg,
            required: enrolment.required,
            current_error: None,
            code_error: None,
            errors: Vec::new(),
        }
    }
}

pub async fn two_factor_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
) -> Result<HttpResponse, AppError> {
    let ctx = staff_context(&state, &staff, &req);
    match accounts::start_enrolment(&state, &staff, &ctx.t("site-name"))? {
        Some(enrolment) => render(&TwoFactorPage::new(ctx, &staff, enrolment)),
        None => Ok(see_other("/staff/account")),
    }
}

#[derive(Deserialize)]
pub struct EnrolForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    mac: String,
    #[serde(default)]
    code: String,
}

#[derive(Template)]
#[template(path = "staff/recovery_codes.html")]
struct RecoveryCodesPage {
    ctx: PageContext,
    codes: Vec<String>,
}

pub async fn two_factor_enrol(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
    form: web::Form<EnrolForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let input = EnrolInput { current: form.current, secret: form.secret, mac: form.mac, code: form.code };
    let ctx = staff_context(&state, &staff, &req);
    let (enrolment, field, key) = match accounts::enrol_two_factor(&state, &staff, input, &ctx.t("site-name")).await? {
        accounts::Enrol::Enabled { recovery_codes } => {
            return render(&RecoveryCodesPage { ctx, codes: recovery_codes });
        }
        accounts::Enrol::AlreadyOn => return Ok(see_other("/staff/account")),
        accounts::Enrol::WrongPassword(e) => (e, "current", "staff-error-current-password"),
        accounts::Enrol::WrongCode(e) => (e, "code", "staff-error-code"),
    };
    let mut page = TwoFactorPage::new(ctx, &staff, enrolment);
    let message = page.ctx.t(key);
    if field == "code" {
        page.code_error = Some(message.clone());
    } else {
        page.current_error = Some(message.clone());
    }
    page.errors.push(FieldError::new(field, message));
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    code: String,
}

pub async fn two_factor_disable(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
    input: web::Form<CodeInput>,
) -> Result<HttpResponse, AppError> {
    let key = match accounts::disable_two_factor(&state, &staff, &input.code).await? {
        TwoFactorOff::Disabled => return Ok(redirect_with_flash(&state, "/staff/account", "staff-done-2fa-off")),
        TwoFactorOff::Required => "staff-error-2fa-required",
        TwoFactorOff::WrongCode => "staff-error-code",
    };
    let mut page = account_page(&state, &req, &staff).await?;
    page.disable_error = Some(page.ctx.t(key));
    page.refused()
}
