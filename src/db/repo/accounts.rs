//! Staff accounts and the one-time links (setup, invitation) that create them.

use diesel::prelude::*;
use time::Duration;

use super::{RepoError, new_id, now};
use crate::db::rows::{AccountTokenRow, NewAccountToken, NewStaffRole, NewStaffUser};
use crate::db::schema::{account_tokens, staff_roles, staff_users};
use crate::db::{DbConnection, write_transaction};
use crate::domain::{EmailAddress, Role};

/// What a one-time account link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// The first administrator: works only while no account exists.
    Setup,
    /// A new account for a given email address.
    Invite,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Setup => "setup",
            TokenPurpose::Invite => "invite",
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
    let email = email.map(|e| e.to_string());
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
) -> Result<String, RepoError> {
    write_transaction(conn, |conn| {
        let row = usable_row(conn, token_hash)?;
        let link = to_link(row.clone())?;
        if email_exists(conn, email)? {
            return Err(RepoError::Conflict("email".into()));
        }
        let at = now();
        // Only the first request can flip `used_at`; a concurrent second one changes no row.
        let used = diesel::update(
            account_tokens::table.filter(account_tokens::id.eq(&row.id)).filter(account_tokens::used_at.is_null()),
        )
        .set(account_tokens::used_at.eq(Some(at)))
        .execute(conn)?;
        if used != 1 {
            return Err(RepoError::NotFound);
        }
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
            })
            .execute(conn)?;
        // Batch insert of a Vec does not compile on MultiConnection: one row at a time.
        for role in &link.roles {
            diesel::insert_into(staff_roles::table)
                .values(NewStaffRole { user_id: &id, role: role.as_str() })
                .execute(conn)?;
        }
        Ok(id)
    })
}
