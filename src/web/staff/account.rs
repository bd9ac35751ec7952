//! A staff member's own account: language, password, second factor, sessions.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::login::{check_second_factor, password_problem};
use super::{Staff, blocking, staff_context};
use crate::auth::password::{hash_password, verify_password};
use crate::auth::totp;
use crate::crypto::keyed_hash;
use crate::db::repo::audit::{self, Event};
use crate::db::repo::{accounts, sessions};
use crate::db::rows::SessionRow;
use crate::db::write_transaction;
use crate::domain::{Lang, NewPassword, Role};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, render, render_with_status, see_other};

pub struct LangChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    ctx: PageContext,
    staff: Staff,
    roles: String,
    langs: Vec<LangChoice>,
    sessions: Vec<SessionRow>,
    codes_left: i64,
    two_factor_required: bool,
    current_error: Option<String>,
    password_error: Option<String>,
    confirm_error: Option<String>,
    disable_error: Option<String>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

async fn account_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<AccountPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let uid = staff.user_id.clone();
    let list = state.db.run(move |c| sessions::list_for_user(c, &uid)).await?;
    let uid = staff.user_id.clone();
    let codes_left = state.db.run(move |c| accounts::recovery_codes_left(c, &uid)).await?;
    let langs = state
        .settings()
        .languages
        .iter()
        .map(|l| LangChoice {
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
        sessions: list,
        codes_left,
        two_factor_required: state.settings().require_admin_2fa && staff.has(Role::Admin),
        current_error: None,
        password_error: None,
        confirm_error: None,
        disable_error: None,
        errors: Vec::new(),
        notice: None,
        ctx,
    })
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
    done: web::Query<Done>,
) -> Result<HttpResponse, AppError> {
    let mut page = account_page(&state, &req, &staff).await?;
    page.notice = match done.done.as_deref() {
        Some("language") => Some(page.ctx.t("staff-done-language")),
        Some("password") => Some(page.ctx.t("staff-done-password")),
        Some("2fa-off") => Some(page.ctx.t("staff-done-2fa-off")),
        Some("sessions") => Some(page.ctx.t("staff-done-sessions")),
        _ => None,
    };
    render(&page)
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
    let lang = Lang::parse(&input.language)
        .ok()
        .filter(|l| state.settings().languages.contains(l))
        .ok_or(AppError::BadRequest)?;
    let uid = staff.user_id.clone();
    state.db.run(move |c| accounts::set_language(c, &uid, lang.as_str())).await?;
    Ok(see_other("/staff/account?done=language"))
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
    let input = input.into_inner();
    let uid = staff.user_id.clone();
    let user = state.db.run(move |c| accounts::by_id(c, &uid)).await?;
    let current = input.current.clone();
    // Guessing the current password from a borrowed session is throttled like sign-in.
    let allowed = state.limiter.reserve(
        "password-change",
        &staff.user_id,
        super::login::ACCOUNT_FAILURES,
        std::time::Duration::from_secs(15 * 60),
    );
    let current_ok = allowed && blocking(move || verify_password(&current, &user.password_hash)).await?;
    if current_ok {
        state.limiter.give_back("password-change", &staff.user_id);
    }
    let new = NewPassword::parse(&input.password, &input.confirm);
    if !current_ok || new.is_err() {
        let mut page = account_page(&state, &req, &staff).await?;
        if !current_ok {
            page.current_error = Some(page.ctx.t("staff-error-current-password"));
        }
        if let Err(e) = &new {
            let (field, key) = password_problem(e);
            let msg = page.ctx.t(key);
            if field == "password" {
                page.password_error = Some(msg);
            } else {
                page.confirm_error = Some(msg);
            }
        }
        for (field, msg) in
            [("current", &page.current_error), ("password", &page.password_error), ("confirm", &page.confirm_error)]
        {
            if let Some(message) = msg.clone() {
                page.errors.push(FieldError { field: field.into(), message });
            }
        }
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let Ok(new) = new else { return Err(AppError::BadRequest) };
    let hash = blocking(move || hash_password(&new)).await??;
    let uid = staff.user_id.clone();
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                // Every session ends, this one too: the person signs in again with the new password.
                accounts::set_password(c, &uid, &hash)?;
                audit::record(
                    c,
                    Event::new(Some(&uid), crate::domain::AuditAction::AccountPasswordChange, "staff_user", Some(&uid)),
                )
            })
        })
        .await?;
    Ok(see_other("/staff/login?signed_out=1"))
}

/// Ends every session of this account, this one included.
pub async fn sign_out_everywhere(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    let uid = staff.user_id.clone();
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                sessions::delete_for_user(c, &uid)?;
                audit::record(
                    c,
                    Event::new(Some(&uid), crate::domain::AuditAction::AuthSignOutEverywhere, "staff_user", Some(&uid)),
                )
            })
        })
        .await?;
    Ok(see_other("/staff/login?signed_out=1"))
}

fn enrol_mac(state: &AppState, staff: &Staff, secret: &str) -> String {
    hex::encode(keyed_hash(&state.key.derive("totp-enrolment"), format!("{}|{secret}", staff.session_id).as_bytes()))
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

fn two_factor_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    secret: &[u8],
) -> Result<TwoFactorPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let secret_text = totp::secret_base32(secret);
    let url = totp::otpauth_url(secret, &staff.email, &ctx.t("site-name"))?;
    Ok(TwoFactorPage {
        csrf: staff.csrf.clone(),
        mac: enrol_mac(state, staff, &secret_text),
        qr: totp::qr_svg(&url)?,
        secret: secret_text,
        required: state.settings().require_admin_2fa && staff.has(Role::Admin) && !staff.has_totp,
        current_error: None,
        code_error: None,
        errors: Vec::new(),
        ctx,
    })
}

pub async fn two_factor_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
) -> Result<HttpResponse, AppError> {
    if staff.has_totp {
        return Ok(see_other("/staff/account"));
    }
    let secret = totp::new_secret()?;
    render(&two_factor_page(&state, &req, &staff, &secret)?)
}

#[derive(Deserialize)]
pub struct EnrolInput {
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
    input: web::Form<EnrolInput>,
) -> Result<HttpResponse, AppError> {
    if staff.has_totp {
        return Ok(see_other("/staff/account"));
    }
    // The secret travels in the form, bound to this session by a MAC.
    if !super::constant_time_eq(enrol_mac(&state, &staff, &input.secret).as_bytes(), input.mac.as_bytes()) {
        return Err(AppError::BadRequest);
    }
    let secret = totp_rs::Secret::try_from_base32(&input.secret).map_err(|_| AppError::BadRequest)?.to_vec();
    // A borrowed session alone must not be able to tie the account to someone else's phone.
    let uid = staff.user_id.clone();
    let user = state.db.run(move |c| accounts::by_id(c, &uid)).await?;
    let allowed = state.limiter.reserve(
        "password-change",
        &staff.user_id,
        super::login::ACCOUNT_FAILURES,
        std::time::Duration::from_secs(15 * 60),
    );
    let current = input.current.clone();
    let current_ok = allowed && blocking(move || verify_password(&current, &user.password_hash)).await?;
    if current_ok {
        state.limiter.give_back("password-change", &staff.user_id);
    }
    let code: String = input.code.chars().filter(|c| !c.is_whitespace()).collect();
    let step = if current_ok { totp::check(&secret, &code)? } else { None };
    let Some(step) = step else {
        let mut page = two_factor_page(&state, &req, &staff, &secret)?;
        if current_ok {
            page.code_error = Some(page.ctx.t("staff-error-code"));
            page.errors.push(FieldError { field: "code".into(), message: page.ctx.t("staff-error-code") });
        } else {
            page.current_error = Some(page.ctx.t("staff-error-current-password"));
            page.errors
                .push(FieldError { field: "current".into(), message: page.ctx.t("staff-error-current-password") });
        }
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let codes = totp::new_recovery_codes()?;
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(&state.key, c)).collect();
    let sealed = state
        .vault
        .seal(&secret, &format!("staff_users.totp:{}", staff.user_id))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("seal: {e}")))?;
    let uid = staff.user_id.clone();
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_totp(c, &uid, Some(sealed), &hashes)?;
                // The code just used cannot be used again.
                accounts::accept_totp_step(c, &uid, step)?;
                audit::record(
                    c,
                    Event::new(
                        Some(&uid),
                        crate::domain::AuditAction::AccountTwoFactorEnabled,
                        "staff_user",
                        Some(&uid),
                    ),
                )
            })
        })
        .await?;
    let ctx = staff_context(&state, &staff, &req);
    render(&RecoveryCodesPage { ctx, codes })
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
    let required = state.settings().require_admin_2fa && staff.has(Role::Admin);
    let allowed = state.limiter.reserve(
        "login-code",
        &staff.user_id,
        super::login::ACCOUNT_FAILURES,
        std::time::Duration::from_secs(15 * 60),
    );
    let proven =
        if required || !allowed { None } else { check_second_factor(&state, &staff.user_id, &input.code).await? };
    if proven.is_some() {
        state.limiter.give_back("login-code", &staff.user_id);
    }
    if proven.is_none() {
        let mut page = account_page(&state, &req, &staff).await?;
        let key = if required { "staff-error-2fa-required" } else { "staff-error-code" };
        page.disable_error = Some(page.ctx.t(key));
        page.errors.push(FieldError { field: "disable-code".into(), message: page.ctx.t(key) });
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let uid = staff.user_id.clone();
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_totp(c, &uid, None, &[])?;
                audit::record(
                    c,
                    Event::new(
                        Some(&uid),
                        crate::domain::AuditAction::AccountTwoFactorDisabled,
                        "staff_user",
                        Some(&uid),
                    ),
                )
            })
        })
        .await?;
    Ok(see_other("/staff/account?done=2fa-off"))
}
