//! The audit log: who did what, when, to which record — never the content.
//! Append-only (database triggers refuse changes) and hash-chained: each entry
//! carries the hash of the one before, so `homeward audit verify` finds a
//! changed or deleted entry.

use diesel::prelude::*;
use sha2::{Digest, Sha256};
use time::PrimitiveDateTime;

use super::{RepoError, now};
use crate::db::rows::AuditRow;
use crate::db::schema::{audit_log, staff_users};
use crate::db::{DbConnection, lock_audit, write_transaction};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One thing that happened. `detail` is a short non-personal value (a status, a role list).
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub actor: Option<&'a str>,
    pub action: &'a str,
    pub record_type: &'a str,
    pub record_id: Option<&'a str>,
    pub detail: &'a str,
}

impl<'a> Event<'a> {
    pub fn new(
        actor: Option<&'a str>,
        action: crate::domain::AuditAction,
        record_type: &'a str,
        record_id: Option<&'a str>,
    ) -> Self {
        Event { actor, action: action.as_str(), record_type, record_id, detail: "" }
    }

    pub fn detail(mut self, detail: &'a str) -> Self {
        self.detail = detail;
        self
    }
}

/// Both backends keep microseconds; the hash covers exactly what is stored.
fn stored_time(t: PrimitiveDateTime) -> PrimitiveDateTime {
    let micros = t.nanosecond() / 1000;
    t.replace_nanosecond(micros * 1000).unwrap_or(t)
}

fn entry_hash(prev: &str, seq: i64, at: PrimitiveDateTime, e: &Event<'_>) -> String {
    let micros = at.assume_utc().unix_timestamp_nanos() / 1000;
    // Fields joined with a separator that cannot occur in them (ids, action names, short details).
    let text = format!(
        "{prev}\u{1f}{seq}\u{1f}{micros}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.actor.unwrap_or("-"),
        e.action,
        e.record_type,
        e.record_id.unwrap_or("-"),
        e.detail
    );
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn row_hash(row: &AuditRow) -> String {
    let event = Event {
        actor: row.actor_id.as_deref(),
        action: &row.action,
        record_type: &row.record_type,
        record_id: row.record_id.as_deref(),
        detail: &row.detail,
    };
    entry_hash(&row.prev_hash, row.seq, row.at, &event)
}

/// Appends an entry inside the caller's write transaction (so the entry and the
/// change it records commit together).
pub fn record(conn: &mut DbConnection, event: Event<'_>) -> Result<(), RepoError> {
    lock_audit(conn)?;
    let last: Option<(i64, String)> = audit_log::table
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::hash))
        .first(conn)
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let at = stored_time(now());
    let detail: String = event.detail.chars().take(200).collect();
    let hash = entry_hash(&prev_hash, seq, at, &Event { detail: &detail, ..event });
    diesel::insert_into(audit_log::table)
        .values(AuditRow {
            seq,
            at,
            actor_id: event.actor.map(str::to_owned),
            action: event.action.to_owned(),
            record_type: event.record_type.to_owned(),
            record_id: event.record_id.map(str::to_owned),
            detail,
            prev_hash,
            hash,
        })
        .execute(conn)?;
    Ok(())
}

/// Appends an entry in a transaction of its own.
pub fn record_alone(conn: &mut DbConnection, event: Event<'_>) -> Result<(), RepoError> {
    write_transaction(conn, |c| record(c, event))
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub seq: i64,
    pub reason: String,
}

/// Walks the whole chain. `Ok(n)`: n entries, all linked; `Err`: the first broken entry.
pub fn verify(conn: &mut DbConnection) -> Result<Result<usize, Broken>, RepoError> {
    let mut prev_hash = GENESIS.to_owned();
    let mut expected_seq = 1i64;
    let mut count = 0usize;
    loop {
        let rows: Vec<AuditRow> = audit_log::table
            .filter(audit_log::seq.ge(expected_seq))
            .order(audit_log::seq)
            .limit(1000)
            .select(AuditRow::as_select())
            .load(conn)?;
        if rows.is_empty() {
            return Ok(Ok(count));
        }
        for row in rows {
            if row.seq != expected_seq {
                return Ok(Err(Broken {
                    seq: expected_seq,
                    reason: format!("entry {expected_seq} is missing (the next one is {})", row.seq),
                }));
            }
            if row.prev_hash != prev_hash {
                return Ok(Err(Broken {
                    seq: row.seq,
                    reason: "does not link to the entry before it (that entry was changed or removed)".into(),
                }));
            }
            if row_hash(&row) != row.hash {
                return Ok(Err(Broken {
                    seq: row.seq,
                    reason: "its content does not match its hash (changed)".into(),
                }));
            }
            prev_hash = row.hash;
            expected_seq += 1;
            count += 1;
        }
    }
}

/// One entry as the admin page shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub seq: i64,
    pub at: PrimitiveDateTime,
    pub actor_email: Option<String>,
    pub action: String,
    pub record_type: String,
    pub record_id: Option<String>,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub record_id: Option<String>,
}

/// Newest first, `per_page` at a time; the second value says whether there is more.
pub fn list(
    conn: &mut DbConnection,
    filter: &Filter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Entry>, bool), RepoError> {
    let mut query = audit_log::table
        .left_join(staff_users::table.on(audit_log::actor_id.eq(staff_users::id.nullable())))
        .select((
            audit_log::seq,
            audit_log::at,
            staff_users::email.nullable(),
            audit_log::action,
            audit_log::record_type,
            audit_log::record_id,
            audit_log::detail,
        ))
        .order(audit_log::seq.desc())
        .into_boxed();
    if let Some(action) = &filter.action {
        // Prefix match: `inquiry.` finds every inquiry action.
        let escaped = action.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        query = query.filter(audit_log::action.like(format!("{escaped}%")).escape('\\'));
    }
    if let Some(actor) = &filter.actor {
        query = query.filter(audit_log::actor_id.eq(actor.clone()));
    }
    if let Some(record) = &filter.record_id {
        query = query.filter(audit_log::record_id.eq(record.clone()));
    }
    #[allow(clippy::type_complexity, reason = "the selected columns, read once just below")]
    let rows: Vec<(i64, PrimitiveDateTime, Option<String>, String, String, Option<String>, String)> =
        query.offset(page.saturating_sub(1).max(0) * per_page).limit(per_page + 1).load(conn)?;
    let more = rows.len() as i64 > per_page;
    let entries = rows
        .into_iter()
        .take(per_page as usize)
        .map(|(seq, at, actor_email, action, record_type, record_id, detail)| Entry {
            seq,
            at,
            actor_email,
            action,
            record_type,
            record_id,
            detail,
        })
        .collect();
    Ok((entries, more))
}

/// Every action recorded about one record, oldest first (for an inquiry's export).
pub fn for_record(conn: &mut DbConnection, record_id: &str) -> Result<Vec<AuditRow>, RepoError> {
    Ok(audit_log::table
        .filter(audit_log::record_id.eq(record_id))
        .order(audit_log::seq)
        .select(AuditRow::as_select())
        .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_every_field() {
        let at = stored_time(now());
        let event = Event::new(Some("u"), crate::domain::AuditAction::InquiryView, "inquiry", Some("i"));
        let base = entry_hash(GENESIS, 1, at, &event);
        assert_eq!(base.len(), 64);
        assert_ne!(base, entry_hash(GENESIS, 2, at, &event));
        assert_ne!(base, entry_hash(GENESIS, 1, at, &Event { actor: Some("v"), ..event }));
        assert_ne!(
            base,
            entry_hash(GENESIS, 1, at, &Event { action: crate::domain::AuditAction::InquiryNote.as_str(), ..event })
        );
        assert_ne!(base, entry_hash(GENESIS, 1, at, &Event { record_id: Some("j"), ..event }));
        assert_ne!(base, entry_hash(GENESIS, 1, at, &event.detail("x")));
        assert_ne!(base, entry_hash(&"1".repeat(64), 1, at, &event));
    }
}
