//! Administration: staff accounts (invite, roles, disable, enable, reset the second factor),
//! the audit log, the settings an admin may change, and the outbox (view, retry).

use time::{Duration, PrimitiveDateTime};

use crate::app::App;
use crate::auth::{ACCOUNT_LINK_HOURS, Staff};
use crate::crypto::{generate_token, hash_token};
use crate::db::repo::accounts::{self, TokenPurpose, roles_text};
use crate::db::repo::audit::{self, Event, Filter};
use crate::db::repo::{outbox, sessions, site_settings};
use crate::db::write_transaction;
use crate::domain::{AuditAction, EmailAddress, Lang, OutboxId, Role, UserId};
use crate::error::AppError;

/// A staff account as the users page lists it (no password hash, no sealed secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserLine {
    pub id: UserId,
    pub email: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
    pub has_totp: bool,
    /// The admin looking at the list.
    pub is_me: bool,
}

/// Every account, by email.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn users(app: &App, actor: &Staff) -> Result<Vec<UserLine>, AppError> {
    let list = app.db.run(accounts::list).await?;
    Ok(list
        .into_iter()
        .map(|(user, roles)| UserLine {
            is_me: user.id == actor.user_id,
            id: UserId::from_stored(user.id),
            email: user.email,
            roles,
            disabled: user.disabled,
            has_totp: user.totp_secret_enc.is_some(),
        })
        .collect())
}

/// What is wrong with an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    EmailInvalid,
    /// Someone has an account with this address already.
    EmailTaken,
    /// An account needs at least one role.
    NoRoles,
    /// Only a caseworker may grant the caseworker role (it reads inquiries).
    CaseworkerNotHeld,
}

impl InviteProblem {
    /// The id of the input the message belongs to.
    pub fn field(self) -> &'static str {
        match self {
            InviteProblem::EmailInvalid | InviteProblem::EmailTaken => "email",
            InviteProblem::NoRoles | InviteProblem::CaseworkerNotHeld => "role_caseworker",
        }
    }

    /// The staff catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            InviteProblem::EmailInvalid => "setup-error-email-invalid",
            InviteProblem::EmailTaken => "setup-error-email-taken",
            InviteProblem::NoRoles => "admin-error-roles",
            InviteProblem::CaseworkerNotHeld => "admin-error-caseworker-not-held",
        }
    }
}

/// What became of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invited {
    /// The link is queued for sending (and the outbox worker nudged).
    Sent,
    Refused(Vec<InviteProblem>),
}

/// Emails a one-time link that creates the account (the same link `homeward user add`
/// prints), in `lang`. The link, the mail and the audit entry are one transaction.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn invite(app: &App, actor: &Staff, lang: &Lang, email: &str, roles: Vec<Role>) -> Result<Invited, AppError> {
    let mut problems = Vec::new();
    let email = EmailAddress::parse(email).map_err(|_| problems.push(InviteProblem::EmailInvalid)).ok();
    if let Some(e) = email.clone()
        && app.db.run(move |c| accounts::email_exists(c, &e)).await?
    {
        problems.push(InviteProblem::EmailTaken);
    }
    if roles.is_empty() {
        problems.push(InviteProblem::NoRoles);
    }
    if roles.contains(&Role::Caseworker) && !actor.has(Role::Caseworker) {
        problems.push(InviteProblem::CaseworkerNotHeld);
    }
    let Some(email) = email.filter(|_| problems.is_empty()) else {
        return Ok(Invited::Refused(problems));
    };
    let token = generate_token()?;
    let hash = hash_token(&token);
    let link = app.absolute(&format!("/setup/{token}"));
    let mail = crate::mail::invitation(lang, email.as_str(), &link, ACCOUNT_LINK_HOURS, &hash)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    let (vault, host, actor) = (app.vault.clone(), app.mail_host(), actor.user_id.clone());
    let detail = roles_text(&roles);
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                let hours = Duration::hours(ACCOUNT_LINK_HOURS);
                accounts::create_link(c, &hash, TokenPurpose::Invite, Some(&email), &roles, hours)?;
                outbox::enqueue(c, &vault, &mail, &host)?;
                audit::record(
                    c,
                    Event::new(Some(&actor), AuditAction::AccountInvite, "staff_user", None).detail(&detail),
                )
            })
        })
        .await?;
    app.nudge_mail();
    Ok(Invited::Sent)
}

/// What became of a change of roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChange {
    Saved,
    /// An admin cannot take away their own admin role (the service could be left without one).
    OwnAdminRole,
    /// Nor give themselves access to inquiries: another admin decides that.
    OwnCaseworkerRole,
    /// Only a caseworker may give someone the caseworker role (keeping it is fine).
    CaseworkerNotHeld,
}

/// Sets someone's roles (audited); `NotFound` for an unknown account. Granting the caseworker
/// role (which reads inquiries) needs the granter to hold it: an admin cannot reach inquiries
/// through an account they invite or change.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, user = %id))]
pub async fn set_roles(app: &App, actor: &Staff, id: &UserId, roles: Vec<Role>) -> Result<RoleChange, AppError> {
    if id.as_str() == actor.user_id {
        if !roles.contains(&Role::Admin) {
            return Ok(RoleChange::OwnAdminRole);
        }
        if roles.contains(&Role::Caseworker) && !actor.has(Role::Caseworker) {
            return Ok(RoleChange::OwnCaseworkerRole);
        }
    }
    let may_grant = actor.has(Role::Caseworker);
    let (uid, actor) = (id.to_string(), actor.user_id.clone());
    let detail = roles_text(&roles);
    let saved = app
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::by_id(c, &uid)?;
                let granting =
                    roles.contains(&Role::Caseworker) && !sessions::roles_of_user(c, &uid)?.contains(&Role::Caseworker);
                if granting && !may_grant {
                    return Ok(false);
                }
                accounts::set_roles(c, &uid, &roles)?;
                audit::record(
                    c,
                    Event::new(Some(&actor), AuditAction::AccountRoles, "staff_user", Some(&uid)).detail(&detail),
                )?;
                Ok(true)
            })
        })
        .await?;
    Ok(if saved { RoleChange::Saved } else { RoleChange::CaseworkerNotHeld })
}

/// What became of disabling or enabling an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChange {
    Done,
    /// Admins cannot disable (or enable) themselves: the last admin could lock everyone out.
    OwnAccount,
}

async fn set_disabled(app: &App, actor: &Staff, id: &UserId, disabled: bool) -> Result<AccountChange, AppError> {
    if id.as_str() == actor.user_id {
        return Ok(AccountChange::OwnAccount);
    }
    let (uid, actor) = (id.to_string(), actor.user_id.clone());
    let action = if disabled { AuditAction::AccountDisable } else { AuditAction::AccountEnable };
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_disabled(c, &uid, disabled)?;
                audit::record(c, Event::new(Some(&actor), action, "staff_user", Some(&uid)))
            })
        })
        .await?;
    Ok(AccountChange::Done)
}

/// Disables an account and ends its sessions at once (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, user = %id))]
pub async fn disable(app: &App, actor: &Staff, id: &UserId) -> Result<AccountChange, AppError> {
    set_disabled(app, actor, id, true).await
}

/// Lets a disabled account sign in again (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, user = %id))]
pub async fn enable(app: &App, actor: &Staff, id: &UserId) -> Result<AccountChange, AppError> {
    set_disabled(app, actor, id, false).await
}

/// What became of resetting someone's second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoFactorReset {
    Done,
    /// Not one's own: the account page turns it off, with a code.
    OwnAccount,
    /// The admin's own code (asked when the admin has a second factor) was wrong or tried too often.
    WrongCode,
}

/// Turns off someone's second factor (a lost phone) and ends their sessions; they set
/// it up again after signing in. An admin who has a second factor gives their own current
/// code, so a borrowed admin session alone cannot strip an account of it.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, user = %id))]
pub async fn reset_two_factor(app: &App, actor: &Staff, id: &UserId, code: &str) -> Result<TwoFactorReset, AppError> {
    if id.as_str() == actor.user_id {
        return Ok(TwoFactorReset::OwnAccount);
    }
    if actor.has_totp && !crate::app::accounts::own_code_ok(app, actor, code).await? {
        return Ok(TwoFactorReset::WrongCode);
    }
    let (uid, actor) = (id.to_string(), actor.user_id.clone());
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::by_id(c, &uid)?;
                accounts::set_totp(c, &uid, None, &[])?;
                sessions::delete_for_user(c, &uid)?;
                audit::record(c, Event::new(Some(&actor), AuditAction::AccountTwoFactorReset, "staff_user", Some(&uid)))
            })
        })
        .await?;
    Ok(TwoFactorReset::Done)
}

/// Entries of the audit log per page.
pub const AUDIT_PAGE_SIZE: i64 = 50;

/// What the audit log is filtered by (empty: anything).
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// A prefix: `inquiry.` finds every inquiry action.
    pub action: String,
    /// A staff id.
    pub actor: String,
    pub record: String,
    pub page: i64,
}

/// One entry of the audit log: the repository's view holds no content, only who, what and when.
pub use crate::db::repo::audit::Entry as AuditLine;

/// A page of the audit log.
#[derive(Debug, Clone)]
pub struct AuditLog {
    pub entries: Vec<AuditLine>,
    /// (id, email) of every account, for the actor filter.
    pub actors: Vec<(String, String)>,
    /// The page shown (1 or more).
    pub page: i64,
    pub more: bool,
}

/// The audit log, newest first.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn audit_log(app: &App, actor: &Staff, query: &AuditQuery) -> Result<AuditLog, AppError> {
    let given = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
    let filter = Filter { action: given(&query.action), actor: given(&query.actor), record_id: given(&query.record) };
    let page = query.page.clamp(1, 1_000_000);
    let (entries, more) = app.db.run(move |c| audit::list(c, &filter, page, AUDIT_PAGE_SIZE)).await?;
    let actors = app.db.run(accounts::list).await?.into_iter().map(|(u, _)| (u.id, u.email)).collect();
    Ok(AuditLog { entries, actors, page, more })
}

/// One setting of the settings form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingField {
    pub key: &'static str,
    /// The value in force (or, after a refused save, what was sent).
    pub value: String,
    /// What the files and environment say (shown when the admin changed it).
    pub base: String,
    pub changed: bool,
    /// The value sent was refused.
    pub refused: bool,
}

/// Every setting an admin may change, with the value in force and the one from the files.
pub fn settings(app: &App) -> Vec<SettingField> {
    let (live, base) = (app.settings(), app.base_settings.clone());
    crate::config::OVERRIDABLE
        .iter()
        .map(|key| {
            let (value, base) = (live.override_text(key), base.override_text(key));
            SettingField { key, changed: value != base, value, base, refused: false }
        })
        .collect()
}

/// What became of the settings form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsSaved {
    Saved,
    Unchanged,
    /// Nothing was saved; the fields keep what was sent, with the refused ones marked.
    Refused(Vec<SettingField>),
}

/// Saves the settings that changed (each audited by key, never by value), after checking
/// every value with the parser the environment uses. `given` holds (key, value as sent).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn save_settings(app: &App, actor: &Staff, given: &[(String, String)]) -> Result<SettingsSaved, AppError> {
    let mut fields = settings(app);
    let mut changes = Vec::new();
    for field in &mut fields {
        let sent = given.iter().find(|(k, _)| k == field.key).map_or("", |(_, v)| v.as_str());
        // Lists are compared and shown as "a, b"; they are stored as "a,b".
        let sent = sent.split(',').map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ");
        if sent == field.value {
            continue;
        }
        let stored = sent.replace(", ", ",");
        if app.base_settings.check_override(field.key, &stored).is_ok() {
            changes.push((field.key.to_owned(), stored));
        } else {
            // The reason quotes the value, which may be an address: only the key is logged.
            tracing::info!(setting = field.key, "admin setting refused");
            field.refused = true;
        }
        field.value = sent;
    }
    if fields.iter().any(|f| f.refused) {
        return Ok(SettingsSaved::Refused(fields));
    }
    if changes.is_empty() {
        return Ok(SettingsSaved::Unchanged);
    }
    let actor = actor.user_id.clone();
    app.db.run(move |c| site_settings::save(c, &changes, &actor)).await?;
    app.refresh_settings().await?;
    app.cache.invalidate();
    Ok(SettingsSaved::Saved)
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

/// One undelivered email, its recipient masked.
#[derive(Debug, Clone)]
pub struct OutboxLine {
    pub id: OutboxId,
    pub kind: String,
    pub status: String,
    pub recipient: String,
    pub attempts: i32,
    pub last_error: String,
    pub created_at: PrimitiveDateTime,
}

/// The outbox as the admin page shows it.
#[derive(Debug, Clone)]
pub struct OutboxView {
    pub lines: Vec<OutboxLine>,
    /// (status, number of emails).
    pub counts: Vec<(String, i64)>,
}

/// The emails not yet delivered (500 at most) and the counts per status.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn outbox(app: &App, actor: &Staff) -> Result<OutboxView, AppError> {
    let rows = app.db.run(|c| outbox::undelivered(c, 500)).await?;
    let counts = app.db.run(outbox::counts_by_status).await?;
    let lines = rows
        .into_iter()
        .map(|r| {
            let recipient = r
                .recipient_enc
                .as_ref()
                .and_then(|b| app.vault.open_string(b, &format!("outbox.recipient:{}", r.id)).ok())
                .map_or_else(|| "–".to_owned(), |a| mask_address(&a));
            OutboxLine {
                id: OutboxId::from_stored(r.id),
                kind: r.kind,
                status: r.status,
                recipient,
                attempts: r.attempts,
                last_error: r.last_error.unwrap_or_default(),
                created_at: r.created_at,
            }
        })
        .collect();
    Ok(OutboxView { lines, counts })
}

/// Sends an undelivered email again now (audited); `NotFound` when there is none to retry.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, mail = %id))]
pub async fn retry(app: &App, actor: &Staff, id: &OutboxId) -> Result<(), AppError> {
    let (mid, actor) = (id.to_string(), actor.user_id.clone());
    let n = app
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                let n = outbox::retry_now(c, Some(&mid))?;
                if n > 0 {
                    audit::record(c, Event::new(Some(&actor), AuditAction::OutboxRetry, "outbox", Some(&mid)))?;
                }
                Ok(n)
            })
        })
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    app.nudge_mail();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    async fn mails(app: &App) -> Vec<crate::db::rows::OutboxRow> {
        app.db.run(outbox::list).await.unwrap_or_else(|e| panic!("{e}"))
    }

    async fn has_totp(app: &App, staff: &Staff) -> bool {
        let uid = staff.user_id.clone();
        app.db.run(move |c| accounts::by_id(c, &uid)).await.map(|u| u.totp_secret_enc.is_some()).unwrap_or(false)
    }

    fn id_of(staff: &Staff) -> UserId {
        UserId::parse(&staff.user_id).unwrap_or_else(|_| panic!("{}", staff.user_id))
    }

    #[test]
    fn masked_addresses_keep_only_the_first_letter_and_the_domain() {
        assert_eq!(mask_address("ani@example.am"), "a•••@example.am");
        assert_eq!(mask_address("Ашот@пример.рф"), "А•••@пример.рф");
        assert_eq!(mask_address("broken"), "•••");
    }

    #[actix_rt::test]
    async fn the_users_list_says_who_is_who_without_secrets() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        let uid = worker.user_id.clone();
        app.db.run(move |c| accounts::set_totp(c, &uid, Some(vec![1, 2, 3]), &[])).await?;
        let list = users(&app, &admin).await?;
        let line = |email: &str| list.iter().find(|u| u.email == email).cloned().unwrap_or_else(|| panic!("{email}"));
        let (me, them) = (line("admin@homeward.example"), line("worker@homeward.example"));
        assert!(me.is_me && !me.has_totp && me.roles == [Role::Admin]);
        assert!(!them.is_me && them.has_totp && !them.disabled && them.roles == [Role::Caseworker]);
        Ok(())
    }

    #[actix_rt::test]
    async fn an_invitation_queues_one_mail_and_is_audited() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let sent = invite(&app, &admin, &lang("hy"), "new@example.org", vec![Role::Editor]).await?;
        assert_eq!(sent, Invited::Sent);
        let queued = mails(&app).await;
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].status, "queued");
        assert_eq!(testing::audit_actions(&app).await, ["account.create", "account.invite"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_bad_invitation_says_what_is_wrong_and_sends_nothing() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let refused = invite(&app, &admin, &lang("en"), "not an address", vec![]).await?;
        assert_eq!(refused, Invited::Refused(vec![InviteProblem::EmailInvalid, InviteProblem::NoRoles]));
        let taken = invite(&app, &admin, &lang("en"), "Admin@homeward.example", vec![Role::Editor]).await?;
        assert_eq!(taken, Invited::Refused(vec![InviteProblem::EmailTaken]));
        assert!(mails(&app).await.is_empty());
        assert_eq!(testing::audit_actions(&app).await, ["account.create"]);
        assert_eq!(InviteProblem::NoRoles.field(), "role_caseworker");
        Ok(())
    }

    #[actix_rt::test]
    async fn an_admin_cannot_drop_their_own_admin_role_or_make_themselves_a_caseworker() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let other = testing::staff_with(&app, "other@homeward.example", &[Role::Editor]).await;
        let me = id_of(&admin);
        assert_eq!(set_roles(&app, &admin, &me, vec![Role::Editor]).await?, RoleChange::OwnAdminRole);
        assert_eq!(set_roles(&app, &admin, &me, vec![]).await?, RoleChange::OwnAdminRole);
        assert_eq!(
            set_roles(&app, &admin, &me, vec![Role::Admin, Role::Caseworker]).await?,
            RoleChange::OwnCaseworkerRole
        );
        assert_eq!(set_roles(&app, &admin, &me, vec![Role::Admin, Role::Editor]).await?, RoleChange::Saved);
        // Another admin decides for others: roles are replaced and audited.
        let them = id_of(&other);
        let boss = testing::staff_with(&app, "boss@homeward.example", &[Role::Admin, Role::Caseworker]).await;
        assert_eq!(set_roles(&app, &boss, &them, vec![Role::Caseworker, Role::Admin]).await?, RoleChange::Saved);
        let roles = users(&app, &admin).await?.into_iter().find(|u| u.id == them).map(|u| u.roles).unwrap_or_default();
        assert!(roles.len() == 2 && roles.contains(&Role::Caseworker) && roles.contains(&Role::Admin), "{roles:?}");
        assert!(matches!(
            set_roles(&app, &admin, &UserId::generate(), vec![Role::Editor]).await,
            Err(AppError::NotFound)
        ));
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions, ["account.create", "account.create", "account.roles", "account.create", "account.roles"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn only_a_caseworker_grants_the_caseworker_role_by_invitation_or_change() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let editor = testing::staff_with(&app, "editor@homeward.example", &[Role::Editor]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        let refused = invite(&app, &admin, &lang("en"), "new@example.org", vec![Role::Caseworker]).await?;
        assert_eq!(refused, Invited::Refused(vec![InviteProblem::CaseworkerNotHeld]));
        assert_eq!(InviteProblem::CaseworkerNotHeld.field(), "role_caseworker");
        assert!(mails(&app).await.is_empty());
        let granted = set_roles(&app, &admin, &id_of(&editor), vec![Role::Editor, Role::Caseworker]).await?;
        assert_eq!(granted, RoleChange::CaseworkerNotHeld);
        let roles = |list: Vec<UserLine>, who: &Staff| {
            list.into_iter().find(|u| u.id == id_of(who)).map(|u| u.roles).unwrap_or_default()
        };
        assert_eq!(roles(users(&app, &admin).await?, &editor), [Role::Editor], "nothing changed");
        // Keeping or taking away the role is not granting it.
        let kept = set_roles(&app, &admin, &id_of(&worker), vec![Role::Caseworker, Role::Editor]).await?;
        assert_eq!(kept, RoleChange::Saved);
        assert_eq!(set_roles(&app, &admin, &id_of(&worker), vec![Role::Editor]).await?, RoleChange::Saved);
        // A caseworker admin may grant it either way.
        let boss = testing::staff_with(&app, "boss@homeward.example", &[Role::Admin, Role::Caseworker]).await;
        assert_eq!(invite(&app, &boss, &lang("en"), "new@example.org", vec![Role::Caseworker]).await?, Invited::Sent);
        assert_eq!(set_roles(&app, &boss, &id_of(&editor), vec![Role::Caseworker]).await?, RoleChange::Saved);
        Ok(())
    }

    #[actix_rt::test]
    async fn accounts_are_disabled_and_enabled_but_never_ones_own() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        assert_eq!(disable(&app, &admin, &id_of(&admin)).await?, AccountChange::OwnAccount);
        assert_eq!(enable(&app, &admin, &id_of(&admin)).await?, AccountChange::OwnAccount);
        let disabled = |list: Vec<UserLine>| list.into_iter().any(|u| u.id == id_of(&worker) && u.disabled);
        assert_eq!(disable(&app, &admin, &id_of(&worker)).await?, AccountChange::Done);
        assert!(disabled(users(&app, &admin).await?));
        assert_eq!(enable(&app, &admin, &id_of(&worker)).await?, AccountChange::Done);
        assert!(!disabled(users(&app, &admin).await?));
        assert!(matches!(disable(&app, &admin, &UserId::generate()).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions, ["account.create", "account.create", "account.disable", "account.enable"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn resetting_the_second_factor_turns_it_off_and_is_audited() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        let uid = worker.user_id.clone();
        app.db.run(move |c| accounts::set_totp(c, &uid, Some(vec![1, 2, 3]), &[])).await?;
        assert_eq!(reset_two_factor(&app, &admin, &id_of(&worker), "").await?, TwoFactorReset::Done);
        let uid = worker.user_id.clone();
        assert!(app.db.run(move |c| accounts::by_id(c, &uid)).await?.totp_secret_enc.is_none());
        assert!(matches!(reset_two_factor(&app, &admin, &UserId::generate(), "").await, Err(AppError::NotFound)));
        assert_eq!(testing::audit_actions(&app).await.last().map(String::as_str), Some("account.2fa_reset"));
        Ok(())
    }

    #[actix_rt::test]
    async fn an_admin_resets_no_own_second_factor_and_gives_their_own_code_for_others() -> Result<(), AppError> {
        let app = testing::app().await;
        let mut admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        let secret = crate::auth::totp::new_secret()?;
        let seal =
            |uid: &str| app.vault.seal(&secret, &format!("staff_users.totp:{uid}")).unwrap_or_else(|e| panic!("{e}"));
        for who in [&admin, &worker] {
            let (uid, sealed) = (who.user_id.clone(), seal(&who.user_id));
            app.db.run(move |c| accounts::set_totp(c, &uid, Some(sealed), &[])).await?;
        }
        admin.has_totp = true;
        assert_eq!(reset_two_factor(&app, &admin, &id_of(&admin), "").await?, TwoFactorReset::OwnAccount);
        assert_eq!(reset_two_factor(&app, &admin, &id_of(&worker), "").await?, TwoFactorReset::WrongCode);
        assert_eq!(reset_two_factor(&app, &admin, &id_of(&worker), "000000x").await?, TwoFactorReset::WrongCode);
        assert!(has_totp(&app, &admin).await && has_totp(&app, &worker).await, "nothing changed");
        let now = u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0);
        let code = crate::auth::totp::code_at(&secret, now)?;
        assert_eq!(reset_two_factor(&app, &admin, &id_of(&worker), &code).await?, TwoFactorReset::Done);
        assert!(!has_totp(&app, &worker).await && has_totp(&app, &admin).await);
        Ok(())
    }

    #[actix_rt::test]
    async fn the_audit_log_filters_by_action_prefix_and_pages() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        for _ in 0..(AUDIT_PAGE_SIZE / 2 + 1) {
            disable(&app, &admin, &id_of(&worker)).await?;
            enable(&app, &admin, &id_of(&worker)).await?;
        }
        let all = audit_log(&app, &admin, &AuditQuery { page: 0, ..Default::default() }).await?;
        assert_eq!((all.page, all.entries.len(), all.more), (1, AUDIT_PAGE_SIZE as usize, true));
        assert_eq!(all.actors.len(), 2);
        let second = audit_log(&app, &admin, &AuditQuery { page: 2, ..Default::default() }).await?;
        assert!(!second.more && !second.entries.is_empty());
        let query = AuditQuery { action: " account.disa ".into(), actor: admin.user_id.clone(), ..Default::default() };
        let disables = audit_log(&app, &admin, &query).await?;
        assert_eq!(disables.entries.len() as i64, AUDIT_PAGE_SIZE / 2 + 1);
        assert!(disables.entries.iter().all(|e| e.action == "account.disable"));
        assert_eq!(disables.entries[0].actor_email.as_deref(), Some("admin@homeward.example"));
        Ok(())
    }

    #[actix_rt::test]
    async fn settings_are_checked_saved_audited_and_applied_at_once() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let current: Vec<(String, String)> = settings(&app).into_iter().map(|f| (f.key.to_owned(), f.value)).collect();
        let with = |changes: &[(&str, &str)]| {
            let mut all = current.clone();
            for (k, v) in changes {
                if let Some(slot) = all.iter_mut().find(|(key, _)| key == k) {
                    slot.1 = (*v).to_owned();
                }
            }
            all
        };
        assert_eq!(save_settings(&app, &admin, &current).await?, SettingsSaved::Unchanged);
        // A bad value refuses the whole form, keeps what was sent and saves nothing.
        let SettingsSaved::Refused(fields) =
            save_settings(&app, &admin, &with(&[("retention_days", "0"), ("answer_days", "5")])).await?
        else {
            panic!("accepted")
        };
        let refused: Vec<&str> = fields.iter().filter(|f| f.refused).map(|f| f.key).collect();
        assert_eq!(refused, ["retention_days"]);
        assert!(fields.iter().any(|f| f.key == "answer_days" && f.value == "5"));
        assert_eq!(app.settings().answer_days, 10);
        // Good values apply at once; each changed key is audited.
        let good = with(&[
            ("answer_days", "5"),
            ("require_admin_2fa", "true"),
            ("staff_notify", "a@example.org ,b@example.org"),
        ]);
        assert_eq!(save_settings(&app, &admin, &good).await?, SettingsSaved::Saved);
        let live = app.settings();
        assert_eq!((live.answer_days, live.require_admin_2fa, live.staff_notify.len()), (5, true, 2));
        let changed = settings(&app).into_iter().filter(|f| f.changed).map(|f| f.key).collect::<Vec<_>>();
        assert_eq!(changed, ["staff_notify", "answer_days", "require_admin_2fa"]);
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions.iter().filter(|a| *a == "settings.change").count(), 3);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_failed_mail_can_be_retried_once_and_others_are_not_found() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        invite(&app, &admin, &lang("en"), "new@example.org", vec![Role::Editor]).await?;
        let view = outbox(&app, &admin).await?;
        assert_eq!(view.lines.len(), 1);
        assert_eq!(view.lines[0].recipient, "n•••@example.org", "the recipient is masked");
        let id = view.lines[0].id.clone();
        // Queued, not failed: nothing to retry.
        assert!(matches!(retry(&app, &admin, &id).await, Err(AppError::NotFound)));
        let vault = app.vault.clone();
        let mid = id.to_string();
        app.db
            .run(move |c| {
                let claimed = outbox::claim(c, &vault, "test-worker", 10, Duration::minutes(5))?;
                assert_eq!(claimed.len(), 1);
                outbox::record_failure(c, &mid, "test-worker", 0, "550 no such user", true)
            })
            .await?;
        let view = outbox(&app, &admin).await?;
        assert_eq!((view.lines[0].status.as_str(), view.lines[0].last_error.as_str()), ("failed", "550 no such user"));
        retry(&app, &admin, &id).await?;
        assert_eq!(outbox(&app, &admin).await?.lines[0].status, "retrying");
        assert!(matches!(retry(&app, &admin, &OutboxId::generate()).await, Err(AppError::NotFound)));
        assert_eq!(testing::audit_actions(&app).await.last().map(String::as_str), Some("outbox.retry"));
        Ok(())
    }
}
