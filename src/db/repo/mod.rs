//! Queries, grouped by area. Only this module (and `db` itself) speaks Diesel.

/// Inserts `$rows` (a slice of one `Insertable` row type with `$columns` columns) with
/// multi-row `INSERT … VALUES` statements, each under the backend's bind-parameter limit.
macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let rows = $rows;
        // Dialect difference: a multi-row INSERT compiles only on the concrete connection
        // types (not on the MultiConnection), and each backend has its own limit on binds.
        match $conn {
            crate::db::DbConnection::Sqlite(c) => {
                for chunk in rows.chunks(($crate::db::repo::SQLITE_MAX_BINDS / $columns).max(1)) {
                    diesel::insert_into($table).values(chunk).execute(c)?;
                }
            }
            crate::db::DbConnection::Postgres(c) => {
                for chunk in rows.chunks(($crate::db::repo::POSTGRES_MAX_BINDS / $columns).max(1)) {
                    diesel::insert_into($table).values(chunk).execute(c)?;
                }
            }
        }
    }};
}
pub(crate) use insert_all;

/// Bind parameters one statement may carry: SQLite's default `SQLITE_MAX_VARIABLE_NUMBER`
/// (32,766 since 3.32) and PostgreSQL's wire-protocol limit (65,535).
pub(crate) const SQLITE_MAX_BINDS: usize = 32_766;
pub(crate) const POSTGRES_MAX_BINDS: usize = 65_535;

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

/// Every table `schema.rs` declares, for the smoke test (a unit test checks the list is whole).
macro_rules! every_table {
    ($apply:ident) => {
        $apply!(staff_users);
        $apply!(staff_sessions);
        $apply!(recovery_codes);
        $apply!(staff_roles);
        $apply!(account_tokens);
        $apply!(topics);
        $apply!(topic_translations);
        $apply!(guides);
        $apply!(guide_translations);
        $apply!(guide_revisions);
        $apply!(feedback);
        $apply!(content_state);
        $apply!(search_misses);
        $apply!(search_miss_readers);
        $apply!(site_settings);
        $apply!(regions);
        $apply!(region_translations);
        $apply!(services);
        $apply!(service_translations);
        $apply!(data_keys);
        $apply!(inquiries);
        $apply!(service_revisions);
        $apply!(teams);
        $apply!(team_public_names);
        $apply!(team_rules);
        $apply!(team_members);
        $apply!(inquiry_notes);
        $apply!(canned_replies);
        $apply!(audit_log);
        $apply!(inquiry_messages);
        $apply!(inquiry_tombstones);
        $apply!(outbox);
    };
}

/// Selects every declared column of every table: a cheap check that the live schema
/// matches `schema.rs` (a missing table or column fails here, not on a reader's request).
pub fn schema_smoke_test(conn: &mut crate::db::DbConnection) -> Result<(), RepoError> {
    use diesel::prelude::*;

    macro_rules! select_all {
        ($table:ident) => {
            crate::db::schema::$table::table
                .select(crate::db::schema::$table::all_columns)
                .limit(1)
                .execute(conn)
                .map_err(|e| RepoError::Unexpected(format!("{}: {e}", stringify!($table))))?;
        };
    }
    every_table!(select_all);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_smoke_test_covers_every_table_of_the_schema() {
        let schema = include_str!("../schema.rs");
        let declared: std::collections::BTreeSet<&str> =
            schema.split("diesel::table! {").skip(1).filter_map(|block| block.split_whitespace().next()).collect();
        let mut covered = std::collections::BTreeSet::new();
        macro_rules! note {
            ($table:ident) => {
                covered.insert(stringify!($table));
            };
        }
        every_table!(note);
        assert_eq!(declared, covered);
    }
}
