//! Queries, grouped by area. Only this module (and `db` itself) speaks Diesel.

pub mod accounts;
pub mod audit;
pub mod canned;
pub mod content;
pub mod directory;
pub mod editor;
pub mod inquiries;
pub mod keys;
pub mod outbox;
pub mod sessions;
pub mod site_settings;
pub mod teams;
pub mod workspace;

use time::{OffsetDateTime, PrimitiveDateTime};

#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Unexpected(String),
}

impl From<diesel::result::Error> for RepoError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => RepoError::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                RepoError::Conflict(info.message().to_owned())
            }
            other => RepoError::Unexpected(other.to_string()),
        }
    }
}

/// The current time in UTC, as stored (both backends keep `TIMESTAMP` without zone).
pub fn now() -> PrimitiveDateTime {
    let t = OffsetDateTime::now_utc();
    PrimitiveDateTime::new(t.date(), t.time())
}

/// A new primary key: a time-ordered UUIDv7 made here, so no backend's RETURNING is needed.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Selects one row from every table: a cheap check that the live schema matches `schema.rs`.
pub fn schema_smoke_test(conn: &mut crate::db::DbConnection) -> Result<(), RepoError> {
    use diesel::prelude::*;

    use crate::db::rows::{AccountTokenRow, StaffUserRow};
    use crate::db::schema::{account_tokens, staff_roles, staff_users};
    staff_users::table.select(StaffUserRow::as_select()).limit(1).load(conn)?;
    staff_roles::table.select((staff_roles::user_id, staff_roles::role)).limit(1).load::<(String, String)>(conn)?;
    account_tokens::table.select(AccountTokenRow::as_select()).limit(1).load(conn)?;
    Ok(())
}
