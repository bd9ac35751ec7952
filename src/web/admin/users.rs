//! Staff accounts for administrators (`/admin/users`): the list, invitations, roles,
//! disabling and enabling, and resetting a lost second factor.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::admin::{self, AccountChange, InviteProblem, Invited, RoleChange, TwoFactorReset, UserLine};
use crate::auth::{Admin, Staff};
use crate::domain::{Role, UserId};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{FieldError, redirect_with_flash};
use crate::web::{AppState, render_with_status};

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ctx: PageContext,
    csrf: String,
    users: Vec<UserLine>,
    email: String,
    email_error: Option<String>,
    roles_error: Option<String>,
    invite_roles: Vec<Role>,
    /// The admin may grant the caseworker role (holds it).
    may_grant_caseworker: bool,
    /// Resetting someone's second factor asks for the admin's own code.
    asks_code: bool,
    errors: Vec<FieldError>,
}

impl UsersPage {
    /// The problem reported at the input with this id prefix for one account (`cw`, `code`).
    fn row_error(&self, prefix: &str, id: &UserId) -> Option<&str> {
        let field = format!("{prefix}-{id}");
        self.errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }
}

async fn users_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<UsersPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let users = admin::users(state, staff).await?;
    Ok(UsersPage {
        csrf: staff.csrf.clone(),
        users,
        email: String::new(),
        email_error: None,
        roles_error: None,
        invite_roles: if staff.has(Role::Caseworker) { vec![Role::Caseworker] } else { Vec::new() },
        may_grant_caseworker: staff.has(Role::Caseworker),
        asks_code: staff.has_totp,
        errors: Vec::new(),
        ctx,
    })
}

/// The users page again with one problem for one account's form (422).
async fn refused_row(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    field: String,
    key: &str,
) -> Result<HttpResponse, AppError> {
    let mut page = users_page(state, req, staff).await?;
    let message = page.ctx.t(key);
    page.errors.push(FieldError::new(field, message));
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn users(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
) -> Result<HttpResponse, AppError> {
    render_with_status(StatusCode::OK, &users_page(&state, &req, &staff).await?)
}

#[derive(Deserialize)]
pub struct RolesInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role_caseworker: Option<String>,
    #[serde(default)]
    role_editor: Option<String>,
    #[serde(default)]
    role_admin: Option<String>,
}

impl RolesInput {
    /// The roles whose boxes were ticked.
    fn roles(&self) -> Vec<Role> {
        [(&self.role_caseworker, Role::Caseworker), (&self.role_editor, Role::Editor), (&self.role_admin, Role::Admin)]
            .into_iter()
            .filter_map(|(flag, role)| flag.is_some().then_some(role))
            .collect()
    }
}

/// Emails a one-time link that creates the account; on a problem, the form again.
pub async fn invite(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    input: web::Form<RolesInput>,
) -> Result<HttpResponse, AppError> {
    let (roles, text) = (input.roles(), input.email.trim().chars().take(320).collect::<String>());
    let lang = staff_context(&state, &staff, &req).lang;
    let problems = match admin::invite(&state, &staff, &lang, &text, roles.clone()).await? {
        Invited::Sent => return Ok(redirect_with_flash(&state, "/admin/users", "admin-done-invited")),
        Invited::Refused(problems) => problems,
    };
    let mut page = users_page(&state, &req, &staff).await?;
    let message = |p: &InviteProblem| page.ctx.t(p.key());
    page.email_error = problems.iter().find(|p| p.field() == "email").map(message);
    page.roles_error = problems.iter().find(|p| p.field() == "role_caseworker").map(message);
    page.errors = problems.iter().map(|p| FieldError::new(p.field(), message(p))).collect();
    (page.email, page.invite_roles) = (text, roles);
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Sets someone's roles. Taking away one's own admin role, or giving oneself the
/// caseworker role, is a bad request (the page never offers it); granting the caseworker
/// role without holding it comes back as a form error.
pub async fn set_roles(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<UserId>,
    input: web::Form<RolesInput>,
) -> Result<HttpResponse, AppError> {
    match admin::set_roles(&state, &staff, &id, input.roles()).await? {
        RoleChange::Saved => Ok(redirect_with_flash(&state, "/admin/users", "admin-done-roles")),
        RoleChange::CaseworkerNotHeld => {
            refused_row(&state, &req, &staff, format!("cw-{id}"), "admin-error-caseworker-not-held").await
        }
        RoleChange::OwnAdminRole | RoleChange::OwnCaseworkerRole => Err(AppError::BadRequest),
    }
}

fn account_changed(state: &AppState, change: AccountChange, message_key: &str) -> Result<HttpResponse, AppError> {
    match change {
        AccountChange::Done => Ok(redirect_with_flash(state, "/admin/users", message_key)),
        AccountChange::OwnAccount => Err(AppError::BadRequest),
    }
}

pub async fn disable(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    account_changed(&state, admin::disable(&state, &staff, &id).await?, "admin-done-disabled")
}

pub async fn enable(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    account_changed(&state, admin::enable(&state, &staff, &id).await?, "admin-done-enabled")
}

#[derive(Deserialize)]
pub struct ResetCodeInput {
    #[serde(default)]
    code: String,
}

/// Turns off someone's second factor (a lost phone); they set it up again after signing in.
/// The admin's own is refused (the account page asks for a code); a wrong own code comes back
/// as a form error.
pub async fn reset_two_factor(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<UserId>,
    input: web::Form<ResetCodeInput>,
) -> Result<HttpResponse, AppError> {
    let key = match admin::reset_two_factor(&state, &staff, &id, &input.code).await? {
        TwoFactorReset::Done => return Ok(redirect_with_flash(&state, "/admin/users", "admin-done-2fa-reset")),
        TwoFactorReset::OwnAccount => "admin-error-2fa-own",
        TwoFactorReset::WrongCode => "staff-error-code",
    };
    refused_row(&state, &req, &staff, format!("code-{id}"), key).await
}
