//! Admin pages of the staff area: accounts (invite, roles, disable) and the audit log.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use time::Duration;

use super::{Admin, DoneQuery, Staff, staff_context, valid_id};
use crate::auth::ACCOUNT_LINK_HOURS;
use crate::crypto::{generate_token, hash_token};
use crate::db::RepoError;
use crate::db::repo::accounts::{self, TokenPurpose, roles_text};
use crate::db::repo::audit::{self, Entry, Event, Filter};
use crate::db::repo::outbox;
use crate::db::rows::StaffUserRow;
use crate::db::write_transaction;
use crate::domain::{EmailAddress, Role};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, render, render_with_status, see_other};

pub struct UserView {
    pub user: StaffUserRow,
    pub roles: Vec<Role>,
    pub roles_label: String,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ctx: PageContext,
    csrf: String,
    users: Vec<UserView>,
    email: String,
    email_error: Option<String>,
    roles_error: Option<String>,
    invite_roles: Vec<Role>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

async fn users_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<UsersPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let list = state.db.run(accounts::list).await?;
    let users = list
        .into_iter()
        .map(|(user, roles)| UserView {
            roles_label: roles
                .iter()
                .map(|r| ctx.t(&format!("staff-role-{}", r.as_str())))
                .collect::<Vec<_>>()
                .join(", "),
            is_me: user.id == staff.user_id,
            user,
            roles,
        })
        .collect();
    Ok(UsersPage {
        csrf: staff.csrf.clone(),
        users,
        email: String::new(),
        email_error: None,
        roles_error: None,
        invite_roles: vec![Role::Caseworker],
        errors: Vec::new(),
        notice: None,
        ctx,
    })
}

pub async fn users(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = users_page(&state, &req, &staff).await?;
    page.notice = match done.done.as_deref() {
        Some("invited") => Some(page.ctx.t("admin-done-invited")),
        Some("roles") => Some(page.ctx.t("admin-done-roles")),
        Some("disabled") => Some(page.ctx.t("admin-done-disabled")),
        Some("enabled") => Some(page.ctx.t("admin-done-enabled")),
        Some("2fa-reset") => Some(page.ctx.t("admin-done-2fa-reset")),
        _ => None,
    };
    render(&page)
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
    fn roles(&self) -> Vec<Role> {
        let mut roles = Vec::new();
        for (flag, role) in [
            (&self.role_caseworker, Role::Caseworker),
            (&self.role_editor, Role::Editor),
            (&self.role_admin, Role::Admin),
        ] {
            if flag.is_some() {
                roles.push(role);
            }
        }
        roles
    }
}

/// Emails a one-time link that creates the account (the same link `homeward user add` prints).
pub async fn invite(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    input: web::Form<RolesInput>,
) -> Result<HttpResponse, AppError> {
    let roles = input.roles();
    let text: String = input.email.trim().chars().take(320).collect();
    let email = EmailAddress::parse(&text);
    let mut page = users_page(&state, &req, &staff).await?;
    if email.is_err() {
        page.email_error = Some(page.ctx.t("setup-error-email-invalid"));
    }
    if roles.is_empty() {
        page.roles_error = Some(page.ctx.t("admin-error-roles"));
    }
    if let Ok(e) = &email {
        let e = e.clone();
        if state.db.run(move |c| accounts::email_exists(c, &e)).await? {
            page.email_error = Some(page.ctx.t("setup-error-email-taken"));
        }
    }
    let email = match email {
        Ok(e) if page.email_error.is_none() && page.roles_error.is_none() => e,
        _ => {
            for (field, msg) in [("email", &page.email_error), ("role_caseworker", &page.roles_error)] {
                if let Some(message) = msg.clone() {
                    page.errors.push(FieldError { field: field.into(), message });
                }
            }
            page.email = text;
            page.invite_roles = roles;
            page.ctx.has_errors = true;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let token = generate_token()?;
    let hash = hash_token(&token);
    let link = state.absolute(&format!("/setup/{token}"));
    let hours = ACCOUNT_LINK_HOURS;
    let mail = crate::mail::invitation(&page.ctx.lang, email.as_str(), &link, hours, &hash)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    let vault = state.vault.clone();
    let host = state.mail_host();
    let actor = staff.user_id.clone();
    let detail = roles_text(&roles);
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::create_link(c, &hash, TokenPurpose::Invite, Some(&email), &roles, Duration::hours(hours))?;
                outbox::enqueue(c, &vault, &mail, &host)?;
                audit::record(
                    c,
                    Event::new(Some(&actor), crate::domain::AuditAction::AccountInvite, "staff_user", None)
                        .detail(&detail),
                )
            })
        })
        .await?;
    state.mail_nudge.notify_one();
    Ok(see_other("/admin/users?done=invited"))
}

pub async fn set_roles(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
    input: web::Form<RolesInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let roles = input.roles();
    // An admin cannot take away their own admin role (the service would be left without one).
    // An admin cannot take away their own admin role (the service would be left without one),
    // nor give themselves access to inquiries: another admin decides that.
    if *id == staff.user_id
        && (!roles.contains(&Role::Admin) || (roles.contains(&Role::Caseworker) && !staff.has(Role::Caseworker)))
    {
        return Err(AppError::BadRequest);
    }
    let (uid, actor) = (id.into_inner(), staff.user_id.clone());
    let detail = roles_text(&roles);
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::by_id(c, &uid)?;
                accounts::set_roles(c, &uid, &roles)?;
                audit::record(
                    c,
                    Event::new(Some(&actor), crate::domain::AuditAction::AccountRoles, "staff_user", Some(&uid))
                        .detail(&detail),
                )
            })
        })
        .await?;
    Ok(see_other("/admin/users?done=roles"))
}

async fn set_disabled(state: &AppState, staff: &Staff, id: String, disabled: bool) -> Result<(), AppError> {
    valid_id(&id)?;
    if id == staff.user_id {
        return Err(AppError::BadRequest);
    }
    let actor = staff.user_id.clone();
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_disabled(c, &id, disabled)?;
                let action = if disabled {
                    crate::domain::AuditAction::AccountDisable
                } else {
                    crate::domain::AuditAction::AccountEnable
                };
                audit::record(c, Event::new(Some(&actor), action, "staff_user", Some(&id)))
            })
        })
        .await
        .map_err(|e: RepoError| e.into())
}

pub async fn disable(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    set_disabled(&state, &staff, id.into_inner(), true).await?;
    Ok(see_other("/admin/users?done=disabled"))
}

pub async fn enable(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    set_disabled(&state, &staff, id.into_inner(), false).await?;
    Ok(see_other("/admin/users?done=enabled"))
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    record: String,
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: PageContext,
    entries: Vec<Entry>,
    action: String,
    actor: String,
    record: String,
    actors: Vec<(String, String)>,
    page: i64,
    more: bool,
    query: String,
}

pub async fn audit_log(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let filter = Filter {
        action: Some(q.action.trim().to_owned()).filter(|a| !a.is_empty()),
        actor: Some(q.actor.trim().to_owned()).filter(|a| !a.is_empty()),
        record_id: Some(q.record.trim().to_owned()).filter(|a| !a.is_empty()),
    };
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let (entries, more) = state.db.run(move |c| audit::list(c, &filter, page, 50)).await?;
    let actors = state.db.run(accounts::list).await?.into_iter().map(|(u, _)| (u.id, u.email)).collect();
    let mut qs = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("action", &q.action), ("actor", &q.actor), ("record", &q.record)] {
        if !v.is_empty() {
            qs.append_pair(k, v);
        }
    }
    let ctx = staff_context(&state, &staff, &req);
    render(&AuditPage {
        ctx,
        entries,
        action: q.action,
        actor: q.actor,
        record: q.record,
        actors,
        page,
        more,
        query: qs.finish(),
    })
}

/// Turns off someone's second factor (a lost phone); they set it up again after signing in.
pub async fn reset_two_factor(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let (uid, actor) = (id.into_inner(), staff.user_id.clone());
    state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::by_id(c, &uid)?;
                accounts::set_totp(c, &uid, None, &[])?;
                crate::db::repo::sessions::delete_for_user(c, &uid)?;
                audit::record(
                    c,
                    Event::new(
                        Some(&actor),
                        crate::domain::AuditAction::AccountTwoFactorReset,
                        "staff_user",
                        Some(&uid),
                    ),
                )
            })
        })
        .await?;
    Ok(see_other("/admin/users?done=2fa-reset"))
}

/// An address shown to operators without revealing it: `a•••@example.org`.
pub fn mask_address(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

pub struct OutboxLine {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub recipient: String,
    pub attempts: i32,
    pub last_error: String,
    pub created_at: time::PrimitiveDateTime,
    pub next_attempt_at: time::PrimitiveDateTime,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    ctx: PageContext,
    csrf: String,
    lines: Vec<OutboxLine>,
    counts: Vec<(String, i64)>,
    notice: Option<String>,
}

pub async fn outbox_view(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let rows = state.db.run(|c| outbox::undelivered(c, 500)).await?;
    let counts = state.db.run(outbox::counts_by_status).await?;
    let lines = rows
        .into_iter()
        .map(|r| {
            let recipient = r
                .recipient_enc
                .as_ref()
                .and_then(|b| state.vault.open_string(b, &format!("outbox.recipient:{}", r.id)).ok())
                .map_or_else(|| "–".to_owned(), |a| mask_address(&a));
            OutboxLine {
                id: r.id,
                kind: r.kind,
                status: r.status,
                recipient,
                attempts: r.attempts,
                last_error: r.last_error.unwrap_or_default(),
                created_at: r.created_at,
                next_attempt_at: r.next_attempt_at,
            }
        })
        .collect();
    let ctx = staff_context(&state, &staff, &req);
    let notice = (done.done.as_deref() == Some("retry")).then(|| ctx.t("admin-done-retry"));
    render(&OutboxPage { csrf: staff.csrf.clone(), lines, counts, notice, ctx })
}

pub async fn outbox_retry(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let (mid, actor) = (id.into_inner(), staff.user_id.clone());
    let n = state
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                let n = outbox::retry_now(c, Some(&mid))?;
                if n > 0 {
                    audit::record(
                        c,
                        Event::new(Some(&actor), crate::domain::AuditAction::OutboxRetry, "outbox", Some(&mid)),
                    )?;
                }
                Ok(n)
            })
        })
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    state.mail_nudge.notify_one();
    Ok(see_other("/admin/outbox?done=retry"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_addresses_keep_only_the_first_letter_and_the_domain() {
        assert_eq!(mask_address("ani@example.am"), "a•••@example.am");
        assert_eq!(mask_address("Ашот@пример.рф"), "А•••@пример.рф");
        assert_eq!(mask_address("broken"), "•••");
    }
}

/// One line of the settings form.
pub struct SettingField {
    pub key: &'static str,
    pub value: String,
    /// What the files and environment say (shown when the admin changed it).
    pub base: String,
    pub changed: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    ctx: PageContext,
    csrf: String,
    fields: Vec<SettingField>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

fn setting_text(s: &crate::config::Settings, key: &str) -> String {
    let emails = |v: &[EmailAddress]| v.iter().map(|e| e.as_str().to_owned()).collect::<Vec<_>>().join(", ");
    match key {
        "languages" => s.languages.iter().map(|l| l.as_str().to_owned()).collect::<Vec<_>>().join(", "),
        "staff_notify" => emails(&s.staff_notify),
        "protection_lead" => emails(&s.protection_lead),
        "retention_days" => s.retention_days.to_string(),
        "acknowledge_days" => s.acknowledge_days.to_string(),
        "answer_days" => s.answer_days.to_string(),
        "require_admin_2fa" => s.require_admin_2fa.to_string(),
        "quick_exit_url" => s.quick_exit_url.to_string(),
        _ => String::new(),
    }
}

fn settings_fields(state: &AppState) -> Vec<SettingField> {
    let (live, base) = (state.settings(), state.base_settings.clone());
    crate::config::OVERRIDABLE
        .iter()
        .map(|key| {
            let (value, base) = (setting_text(&live, key), setting_text(&base, key));
            SettingField { key, changed: value != base, value, base, error: None }
        })
        .collect()
}

pub async fn settings_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let ctx = staff_context(&state, &staff, &req);
    let notice = (done.done.as_deref() == Some("saved")).then(|| ctx.t("admin-done-settings"));
    render(&SettingsPage { csrf: staff.csrf.clone(), fields: settings_fields(&state), errors: Vec::new(), notice, ctx })
}

pub async fn save_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let get = |k: &str| form.iter().find(|(key, _)| key == k).map(|(_, v)| v.trim().to_owned());
    let mut fields = settings_fields(&state);
    let mut changes = Vec::new();
    let ctx = staff_context(&state, &staff, &req);
    let base = state.base_settings.clone();
    for field in fields.iter_mut() {
        // An unticked checkbox sends nothing.
        let given = if field.key == "require_admin_2fa" {
            if get("require_admin_2fa").is_some() { "true".to_owned() } else { "false".to_owned() }
        } else {
            get(field.key).unwrap_or_default()
        };
        let given = given.split(',').map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ");
        if given == field.value {
            continue;
        }
        match base.check_override(field.key, &given.replace(", ", ",")) {
            Ok(()) => changes.push((field.key.to_owned(), given.replace(", ", ","))),
            Err(reason) => {
                tracing::info!(setting = field.key, %reason, "admin setting refused");
                field.error = Some(ctx.tp("admin-setting-error-", field.key));
            }
        }
        field.value = given;
    }
    let errors: Vec<FieldError> = fields
        .iter()
        .filter_map(|f| f.error.clone().map(|message| FieldError { field: f.key.into(), message }))
        .collect();
    if !errors.is_empty() {
        let mut page = SettingsPage { csrf: staff.csrf.clone(), fields, errors, notice: None, ctx };
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if !changes.is_empty() {
        let actor = staff.user_id.clone();
        state.db.run(move |c| crate::db::repo::site_settings::save(c, &changes, &actor)).await?;
        state.refresh_settings().await?;
        state.cache.invalidate();
    }
    Ok(see_other("/admin/settings?done=saved"))
}
