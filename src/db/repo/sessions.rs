//! Staff sessions, kept server-side: the cookie holds a random token and only its
//! hash is stored, so a copied database row cannot sign anyone in.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use super::{RepoError, new_id, now};
use crate::db::DbConnection;
use crate::db::rows::{SessionRow, StaffUserRow};
use crate::db::schema::{staff_roles, staff_sessions, staff_users};
use crate::domain::Role;

/// Password given, second factor still to come.
pub const STAGE_PASSWORD: &str = "password";
/// Fully signed in.
pub const STAGE_FULL: &str = "full";

/// A live session and the account behind it.
#[derive(Debug, Clone)]
pub struct Found {
    pub session: SessionRow,
    pub user: StaffUserRow,
    pub roles: Vec<Role>,
}

pub fn create(
    conn: &mut DbConnection,
    user_id: &str,
    token_hash: &str,
    stage: &str,
    lifetime: Duration,
) -> Result<String, RepoError> {
    let at = now();
    let id = new_id();
    diesel::insert_into(staff_sessions::table)
        .values(SessionRow {
            id: id.clone(),
            token_hash: token_hash.to_owned(),
            user_id: user_id.to_owned(),
            stage: stage.to_owned(),
            created_at: at,
            last_seen_at: at,
            expires_at: at + lifetime,
        })
        .execute(conn)?;
    Ok(id)
}

pub fn roles_of_user(conn: &mut DbConnection, user_id: &str) -> Result<Vec<Role>, RepoError> {
    let names: Vec<String> = staff_roles::table
        .filter(staff_roles::user_id.eq(user_id))
        .select(staff_roles::role)
        .order(staff_roles::role)
        .load(conn)?;
    Ok(names.iter().filter_map(|n| Role::parse(n).ok()).collect())
}

/// The session behind a token hash, if it is unexpired, not idle for longer than
/// `idle`, and its account is enabled. A dead session is deleted on the way.
/// `touch_after`: `last_seen_at` is refreshed only when older than this (fewer writes).
pub fn find(
    conn: &mut DbConnection,
    token_hash: &str,
    idle: Duration,
    touch_after: Duration,
) -> Result<Option<Found>, RepoError> {
    let found: Option<(SessionRow, StaffUserRow)> = staff_sessions::table
        .inner_join(staff_users::table)
        .filter(staff_sessions::token_hash.eq(token_hash))
        .select((SessionRow::as_select(), StaffUserRow::as_select()))
        .first(conn)
        .optional()?;
    let Some((session, user)) = found else { return Ok(None) };
    let at = now();
    if user.disabled || session.expires_at <= at || session.last_seen_at + idle <= at {
        diesel::delete(staff_sessions::table.filter(staff_sessions::id.eq(&session.id))).execute(conn)?;
        return Ok(None);
    }
    if session.last_seen_at + touch_after <= at {
        diesel::update(staff_sessions::table.filter(staff_sessions::id.eq(&session.id)))
            .set(staff_sessions::last_seen_at.eq(at))
            .execute(conn)?;
    }
    let roles = roles_of_user(conn, &user.id)?;
    Ok(Some(Found { session, user, roles }))
}

/// Second factor given: the session gets a new token (and so a new cookie) and full rights.
pub fn promote(
    conn: &mut DbConnection,
    session_id: &str,
    new_token_hash: &str,
    lifetime: Duration,
) -> Result<(), RepoError> {
    let at = now();
    let n = diesel::update(
        staff_sessions::table
            .filter(staff_sessions::id.eq(session_id))
            .filter(staff_sessions::stage.eq(STAGE_PASSWORD)),
    )
    .set((
        staff_sessions::token_hash.eq(new_token_hash),
        staff_sessions::stage.eq(STAGE_FULL),
        staff_sessions::last_seen_at.eq(at),
        // The short second-factor window becomes a full session from now.
        staff_sessions::expires_at.eq(at + lifetime),
    ))
    .execute(conn)?;
    if n == 1 { Ok(()) } else { Err(RepoError::NotFound) }
}

pub fn delete(conn: &mut DbConnection, session_id: &str) -> Result<(), RepoError> {
    diesel::delete(staff_sessions::table.filter(staff_sessions::id.eq(session_id))).execute(conn)?;
    Ok(())
}

/// Ends every session of an account (sign out everywhere, disable, password reset).
pub fn delete_for_user(conn: &mut DbConnection, user_id: &str) -> Result<usize, RepoError> {
    Ok(diesel::delete(staff_sessions::table.filter(staff_sessions::user_id.eq(user_id))).execute(conn)?)
}

/// An account's signed-in sessions, newest first.
pub fn list_for_user(conn: &mut DbConnection, user_id: &str) -> Result<Vec<SessionRow>, RepoError> {
    Ok(staff_sessions::table
        .filter(staff_sessions::user_id.eq(user_id))
        .filter(staff_sessions::stage.eq(STAGE_FULL))
        .order(staff_sessions::last_seen_at.desc())
        .select(SessionRow::as_select())
        .load(conn)?)
}

/// Removes sessions past their absolute end or idle for longer than `idle` (housekeeping).
pub fn purge_dead(conn: &mut DbConnection, idle: Duration) -> Result<usize, RepoError> {
    let at: PrimitiveDateTime = now();
    Ok(diesel::delete(
        staff_sessions::table.filter(staff_sessions::expires_at.le(at).or(staff_sessions::last_seen_at.le(at - idle))),
    )
    .execute(conn)?)
}
