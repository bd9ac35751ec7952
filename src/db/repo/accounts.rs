//! Staff accounts and the one-time links (setup, invitation) that create them.

use diesel::prelude::*;
use time::Duration;

use super::audit::{self, Event};
use super::{RepoError, new_id, now, sessions};
use crate::db::rows::{AccountTokenRow, NewAccountToken, NewStaffRole, NewStaffUser, StaffUserRow};
use crate::db::schema::{account_tokens, recovery_codes, staff_roles, staff_users};
use crate::db::{DbConnection, write_transaction};
use crate::domain::{EmailAddress, Role};

/// What a one-time account link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// The first administrator: works only while no account exists.
    Setup,
    /// A new account for a given email address.
    Invite,
    /// A new password for an existing account.
    Reset,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Setup => "setup",
            TokenPurpose::Invite => "invite",
            TokenPurpose::Reset => "reset",
        }
    }
}

/// A usable account link, as the setup page needs it.
#[derive(Debug, Clone)]
pub struct AccountLink {
    pub purpose: TokenPurpose,
    /// Fixed for invitations; chosen on the page for the first administrator.
    pub email: Option<String>,
    pub roles: Vec<Role>,
}

pub fn count_users(conn: &mut DbConnection) -> Result<i64, RepoError> {
    Ok(staff_users::table.count().get_result(conn)?)
}

pub fn roles_of(conn: &mut DbConnection, email: &EmailAddress) -> Result<Vec<Role>, RepoError> {
    let names: Vec<String> = staff_roles::table
        .inner_join(staff_users::table)
        .filter(staff_users::email_normalized.eq(email.normalized()))
        .select(staff_roles::role)
        .order(staff_roles::role)
        .load(conn)?;
    Ok(names.iter().filter_map(|n| Role::parse(n).ok()).collect())
}

pub fn email_exists(conn: &mut DbConnection, email: &EmailAddress) -> Result<bool, RepoError> {
    let n: i64 =
        staff_users::table.filter(staff_users::email_normalized.eq(email.normalized())).count().get_result(conn)?;
    Ok(n > 0)
}

/// Stores the hash of a new one-time link.
pub fn create_link(
    conn: &mut DbConnection,
    token_hash: &str,
    purpose: TokenPurpose,
    email: Option<&EmailAddress>,
    roles: &[Role],
    valid_for: Duration,
) -> Result<(), RepoError> {
    let created = now();
    let roles = roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",");
    let email = email.map(ToString::to_string);
    diesel::insert_into(account_tokens::table)
        .values(NewAccountToken {
            id: &new_id(),
            token_hash,
            purpose: purpose.as_str(),
            email: email.as_deref(),
            roles: &roles,
            created_at: created,
            expires_at: created + valid_for,
        })
        .execute(conn)?;
    Ok(())
}

fn usable_row(conn: &mut DbConnection, token_hash: &str) -> Result<AccountTokenRow, RepoError> {
    let row = account_tokens::table
        .filter(account_tokens::token_hash.eq(token_hash))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now()))
        .select(AccountTokenRow::as_select())
        .first(conn)?;
    // A setup link is for the very first account only; an old one found in a log is worthless.
    if row.purpose == TokenPurpose::Setup.as_str() && count_users(conn)? > 0 {
        return Err(RepoError::NotFound);
    }
    Ok(row)
}

fn to_link(row: AccountTokenRow) -> Result<AccountLink, RepoError> {
    let purpose = match row.purpose.as_str() {
        "setup" => TokenPurpose::Setup,
        "invite" => TokenPurpose::Invite,
        "reset" => TokenPurpose::Reset,
        other => return Err(RepoError::Unexpected(format!("unknown token purpose {other:?}"))),
    };
    let roles = row
        .roles
        .split(',')
        .filter(|r| !r.is_empty())
        .map(Role::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| RepoError::Unexpected(e.to_string()))?;
    Ok(AccountLink { purpose, email: row.email, roles })
}

/// The link behind a token hash if it is unused, unexpired and still applies.
pub fn find_usable_link(conn: &mut DbConnection, token_hash: &str) -> Result<AccountLink, RepoError> {
    to_link(usable_row(conn, token_hash)?)
}

/// Creates the account a link promises and uses the link up, in one transaction.
/// `NotFound`: the link is no longer usable. `Conflict`: the address already has an account.
pub fn create_account_from_link(
    conn: &mut DbConnection,
    token_hash: &str,
    email: &EmailAddress,
    password_hash: &str,
    language: &str,
) -> Result<String, RepoError> {
    write_transaction(conn, |conn| {
        let row = usable_row(conn, token_hash)?;
        let link = to_link(row.clone())?;
        if link.purpose == TokenPurpose::Reset {
            return Err(RepoError::NotFound);
        }
        if email_exists(conn, email)? {
            return Err(RepoError::Conflict("email".into()));
        }
        let at = now();
        // Only the first request can flip `used_at`; a concurrent second one changes no row.
        use_up(conn, &row.id)?;
        let id = new_id();
        diesel::insert_into(staff_users::table)
            .values(NewStaffUser {
                id: &id,
                email: email.as_str(),
                email_normalized: &email.normalized(),
                password_hash,
                disabled: false,
                created_at: at,
                updated_at: at,
                language,
            })
            .execute(conn)?;
        // Batch insert of a Vec does not compile on MultiConnection: one row at a time.
        for role in &link.roles {
            diesel::insert_into(staff_roles::table)
                .values(NewStaffRole { user_id: &id, role: role.as_str() })
                .execute(conn)?;
        }
        audit::record(
            conn,
            Event::new(Some(&id), crate::domain::AuditAction::AccountCreate, "staff_user", Some(&id))
                .detail(&roles_text(&link.roles)),
        )?;
        Ok(id)
    })
}

fn use_up(conn: &mut DbConnection, token_id: &str) -> Result<(), RepoError> {
    // Only the first request can flip `used_at`; a concurrent second one changes no row.
    let used = diesel::update(
        account_tokens::table.filter(account_tokens::id.eq(token_id)).filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(Some(now())))
    .execute(conn)?;
    if used == 1 { Ok(()) } else { Err(RepoError::NotFound) }
}

pub fn roles_text(roles: &[Role]) -> String {
    roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
}

/// Sets a new password through a reset link and ends every session of the account.
/// `NotFound`: the link is no longer usable (or its account is gone or disabled).
pub fn reset_password_with_link(
    conn: &mut DbConnection,
    token_hash: &str,
    password_hash: &str,
) -> Result<String, RepoError> {
    write_transaction(conn, |conn| {
        let row = usable_row(conn, token_hash)?;
        if row.purpose != TokenPurpose::Reset.as_str() {
            return Err(RepoError::NotFound);
        }
        let email = row.email.clone().ok_or(RepoError::NotFound)?;
        let email = EmailAddress::parse(&email).map_err(|_| RepoError::NotFound)?;
        let user = by_email(conn, &email)?.filter(|u| !u.disabled).ok_or(RepoError::NotFound)?;
        use_up(conn, &row.id)?;
        set_password(conn, &user.id, password_hash)?;
        audit::record(
            conn,
            Event::new(Some(&user.id), crate::domain::AuditAction::AccountPasswordReset, "staff_user", Some(&user.id)),
        )?;
        Ok(user.id)
    })
}

pub fn by_email(conn: &mut DbConnection, email: &EmailAddress) -> Result<Option<StaffUserRow>, RepoError> {
    Ok(staff_users::table
        .filter(staff_users::email_normalized.eq(email.normalized()))
        .select(StaffUserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> Result<StaffUserRow, RepoError> {
    Ok(staff_users::table.filter(staff_users::id.eq(id)).select(StaffUserRow::as_select()).first(conn)?)
}

/// A new password hash; every session of the account ends and every reset link sent for it
/// before is worthless (a link in an old mail must not undo the change).
pub fn set_password(conn: &mut DbConnection, user_id: &str, password_hash: &str) -> Result<(), RepoError> {
    diesel::update(staff_users::table.filter(staff_users::id.eq(user_id)))
        .set((staff_users::password_hash.eq(password_hash), staff_users::updated_at.eq(now())))
        .execute(conn)?;
    sessions::delete_for_user(conn, user_id)?;
    let normalized: Option<String> = staff_users::table
        .filter(staff_users::id.eq(user_id))
        .select(staff_users::email_normalized)
        .first(conn)
        .optional()?;
    if let Some(normalized) = normalized {
        revoke_reset_links(conn, &normalized)?;
    }
    Ok(())
}

/// Holds the account's row for the rest of the write transaction (a row lock on PostgreSQL;
/// SQLite's BEGIN IMMEDIATE already holds the only write lock): two reset requests for one
/// account then run one after the other, and the later one revokes the earlier one's link.
pub fn hold(conn: &mut DbConnection, user_id: &str) -> Result<(), RepoError> {
    let n = diesel::update(staff_users::table.filter(staff_users::id.eq(user_id)))
        .set(staff_users::id.eq(staff_users::id))
        .execute(conn)?;
    if n == 1 { Ok(()) } else { Err(RepoError::NotFound) }
}

/// Uses up every unused reset link sent to this address (normalized): a newer link or a
/// password change makes them worthless. The links keep the address as typed, so they are
/// compared here in its normalized form; there are only a few unused ones at any time.
pub fn revoke_reset_links(conn: &mut DbConnection, email_normalized: &str) -> Result<usize, RepoError> {
    let open: Vec<(String, Option<String>)> = account_tokens::table
        .filter(account_tokens::purpose.eq(TokenPurpose::Reset.as_str()))
        .filter(account_tokens::used_at.is_null())
        .select((account_tokens::id, account_tokens::email))
        .load(conn)?;
    let ids: Vec<String> = open
        .into_iter()
        .filter(|(_, email)| email.as_deref().is_some_and(|e| e.to_lowercase() == email_normalized))
        .map(|(id, _)| id)
        .collect();
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(diesel::update(account_tokens::table.filter(account_tokens::id.eq_any(&ids)))
        .set(account_tokens::used_at.eq(Some(now())))
        .execute(conn)?)
}

/// Disables or enables an account; disabling ends its sessions at once.
pub fn set_disabled(conn: &mut DbConnection, user_id: &str, disabled: bool) -> Result<(), RepoError> {
    let n = diesel::update(staff_users::table.filter(staff_users::id.eq(user_id)))
        .set((staff_users::disabled.eq(disabled), staff_users::updated_at.eq(now())))
        .execute(conn)?;
    if n == 0 {
        return Err(RepoError::NotFound);
    }
    if disabled {
        sessions::delete_for_user(conn, user_id)?;
    }
    Ok(())
}

pub fn set_roles(conn: &mut DbConnection, user_id: &str, roles: &[Role]) -> Result<(), RepoError> {
    diesel::delete(staff_roles::table.filter(staff_roles::user_id.eq(user_id))).execute(conn)?;
    for role in roles {
        diesel::insert_into(staff_roles::table).values(NewStaffRole { user_id, role: role.as_str() }).execute(conn)?;
    }
    Ok(())
}

pub fn set_language(conn: &mut DbConnection, user_id: &str, language: &str) -> Result<(), RepoError> {
    diesel::update(staff_users::table.filter(staff_users::id.eq(user_id)))
        .set(staff_users::language.eq(language))
        .execute(conn)?;
    Ok(())
}

/// Every account with its roles, by email.
pub fn list(conn: &mut DbConnection) -> Result<Vec<(StaffUserRow, Vec<Role>)>, RepoError> {
    let users: Vec<StaffUserRow> =
        staff_users::table.order(staff_users::email_normalized).select(StaffUserRow::as_select()).load(conn)?;
    let mut out = Vec::with_capacity(users.len());
    for user in users {
        let roles = sessions::roles_of_user(conn, &user.id)?;
        out.push((user, roles));
    }
    Ok(out)
}

/// Enabled caseworkers (id, email), for assignment.
pub fn caseworkers(conn: &mut DbConnection) -> Result<Vec<(String, String)>, RepoError> {
    Ok(staff_users::table
        .inner_join(staff_roles::table)
        .filter(staff_roles::role.eq(Role::Caseworker.as_str()))
        .filter(staff_users::disabled.eq(false))
        .order(staff_users::email_normalized)
        .select((staff_users::id, staff_users::email))
        .load(conn)?)
}

/// Turns the second factor on (with its sealed secret) or off, and replaces the recovery codes.
pub fn set_totp(
    conn: &mut DbConnection,
    user_id: &str,
    secret_enc: Option<Vec<u8>>,
    recovery_hashes: &[String],
) -> Result<(), RepoError> {
    diesel::update(staff_users::table.filter(staff_users::id.eq(user_id)))
        .set((
            staff_users::totp_secret_enc.eq(secret_enc),
            staff_users::totp_last_step.eq(None::<i64>),
            staff_users::updated_at.eq(now()),
        ))
        .execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id))).execute(conn)?;
    for hash in recovery_hashes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::id.eq(new_id()),
                recovery_codes::user_id.eq(user_id),
                recovery_codes::code_hash.eq(hash),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Accepts a TOTP time step once: false when this step (or a later one) was already used.
pub fn accept_totp_step(conn: &mut DbConnection, user_id: &str, step: i64) -> Result<bool, RepoError> {
    let n = diesel::update(
        staff_users::table
            .filter(staff_users::id.eq(user_id))
            .filter(staff_users::totp_last_step.is_null().or(staff_users::totp_last_step.lt(step))),
    )
    .set(staff_users::totp_last_step.eq(Some(step)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Uses up a recovery code: false when it is unknown or was used before.
pub fn use_recovery_code(conn: &mut DbConnection, user_id: &str, code_hash: &str) -> Result<bool, RepoError> {
    let n = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(user_id))
            .filter(recovery_codes::code_hash.eq(code_hash))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(Some(now())))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn recovery_codes_left(conn: &mut DbConnection, user_id: &str) -> Result<i64, RepoError> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Marks today's digest as taken for a caseworker; false when it was already taken
/// (by this or another instance), so each caseworker gets at most one a day.
pub fn claim_digest(conn: &mut DbConnection, user_id: &str, today: time::Date) -> Result<bool, RepoError> {
    let n = diesel::update(
        staff_users::table
            .filter(staff_users::id.eq(user_id))
            .filter(staff_users::digest_sent_on.is_null().or(staff_users::digest_sent_on.lt(today))),
    )
    .set(staff_users::digest_sent_on.eq(Some(today)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Enabled caseworkers with their language (id, email, language).
pub fn caseworkers_with_language(conn: &mut DbConnection) -> Result<Vec<(String, String, String)>, RepoError> {
    Ok(staff_users::table
        .inner_join(staff_roles::table)
        .filter(staff_roles::role.eq(Role::Caseworker.as_str()))
        .filter(staff_users::disabled.eq(false))
        .order(staff_users::email_normalized)
        .select((staff_users::id, staff_users::email, staff_users::language))
        .load(conn)?)
}
