//! The audit log: who did what, when, to which record — never the content.
//! Append-only (database triggers refuse changes) and chained with a key: each entry
//! carries the MAC of the one before, under a key derived from the server secret that the
//! database does not hold, so someone with the database alone can neither edit an entry and
//! recompute the chain nor forge one; a head kept elsewhere (`homeward audit head`) also shows a cut tail.

use std::cell::RefCell;
use std::sync::Arc;

use diesel::prelude::*;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use time::PrimitiveDateTime;

use super::{RepoError, now};
use crate::db::rows::AuditRow;
use crate::db::schema::{audit_log, staff_users};
use crate::db::{DbConnection, lock_audit, write_transaction};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Entries chained with plain SHA-256, from before the chain was keyed.
pub const PLAIN: i32 = 1;
/// Entries chained with HMAC-SHA256 under the audit key.
pub const KEYED: i32 = 2;

/// The key of the chain: derived from the server secret, never stored in the database.
pub struct ChainKey([u8; 32]);

impl ChainKey {
    pub fn derive(secret: &crate::crypto::SecretKey) -> ChainKey {
        ChainKey(secret.derive("audit-chain"))
    }
}

impl std::fmt::Debug for ChainKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChainKey(…)")
    }
}

thread_local! {
    /// The key of the database this thread is working on. `Db::run` sets it around each
    /// closure, so the many repo functions that append an entry inside their transaction
    /// need no key parameter; a connection used without it cannot append (no unkeyed entry).
    static CURRENT_KEY: RefCell<Option<Arc<ChainKey>>> = const { RefCell::new(None) };
}

/// Runs `f` with `key` as this thread's audit key, restoring the previous one afterwards (even on panic).
pub(crate) fn with_key<T>(key: Option<Arc<ChainKey>>, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Arc<ChainKey>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            CURRENT_KEY.with(|k| *k.borrow_mut() = previous);
        }
    }
    let previous = CURRENT_KEY.with(|k| std::mem::replace(&mut *k.borrow_mut(), key));
    let _restore = Restore(previous);
    f()
}

fn current_key() -> Result<Arc<ChainKey>, RepoError> {
    CURRENT_KEY
        .with(|k| k.borrow().clone())
        .ok_or_else(|| RepoError::Unexpected("the audit log's key is not loaded on this database handle".into()))
}

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

/// What the chain covers of an entry: its fields and the link to the one before.
fn entry_text(prev: &str, seq: i64, at: PrimitiveDateTime, e: &Event<'_>) -> String {
    let micros = at.assume_utc().unix_timestamp_nanos() / 1000;
    // Fields joined with a separator that cannot occur in them (ids, action names, short details).
    format!(
        "{prev}\u{1f}{seq}\u{1f}{micros}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.actor.unwrap_or("-"),
        e.action,
        e.record_type,
        e.record_id.unwrap_or("-"),
        e.detail
    )
}

/// The old, unkeyed link (chain version 1): anyone can recompute it.
fn plain_hash(prev: &str, seq: i64, at: PrimitiveDateTime, e: &Event<'_>) -> String {
    hex::encode(Sha256::digest(entry_text(prev, seq, at, e).as_bytes()))
}

/// The keyed link (chain version 2).
fn entry_mac(key: &ChainKey, prev: &str, seq: i64, at: PrimitiveDateTime, e: &Event<'_>) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&key.0) else { return String::new() };
    mac.update(b"homeward-audit-v2\x1f");
    mac.update(entry_text(prev, seq, at, e).as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn event_of(row: &AuditRow) -> Event<'_> {
    Event {
        actor: row.actor_id.as_deref(),
        action: &row.action,
        record_type: &row.record_type,
        record_id: row.record_id.as_deref(),
        detail: &row.detail,
    }
}

/// The plain SHA-256 of a row as the old chain computed it — what anyone with the database can recompute.
pub fn legacy_hash(row: &AuditRow) -> String {
    plain_hash(&row.prev_hash, row.seq, row.at, &event_of(row))
}

/// Appends an entry inside the caller's write transaction (so the entry and the
/// change it records commit together).
pub fn record(conn: &mut DbConnection, event: Event<'_>) -> Result<(), RepoError> {
    let key = current_key()?;
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
    let hash = entry_mac(&key, &prev_hash, seq, at, &Event { detail: &detail, ..event });
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
            chain_version: KEYED,
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

/// The last entry's sequence number and MAC: kept elsewhere, it shows later whether the
/// log still reaches it unchanged (`homeward audit verify --head SEQ:MAC`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub mac: String,
}

impl Head {
    /// `SEQ:MAC`, as `homeward audit head` prints it.
    pub fn parse(text: &str) -> Result<Head, String> {
        let (seq, mac) = text.trim().split_once(':').ok_or("expected SEQ:MAC, as `homeward audit head` prints")?;
        let seq: i64 = seq.parse().map_err(|_| "the part before ':' is not an entry number")?;
        let mac = mac.to_ascii_lowercase();
        if seq < 0 || mac.len() != 64 || !mac.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("expected SEQ:MAC with a 64-character hexadecimal MAC".into());
        }
        Ok(Head { seq, mac })
    }
}

impl std::fmt::Display for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.seq, self.mac)
    }
}

/// The newest entry's head (`0:<GENESIS>` for an empty log).
pub fn head(conn: &mut DbConnection) -> Result<Head, RepoError> {
    let last: Option<(i64, String)> = audit_log::table
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::hash))
        .first(conn)
        .optional()?;
    let (seq, mac) = last.unwrap_or((0, GENESIS.to_owned()));
    Ok(Head { seq, mac })
}

/// Walks the chain from the first entry, checking each row with `check`; `Ok(n)`: n entries, all linked.
fn walk(
    conn: &mut DbConnection,
    mut check: impl FnMut(&AuditRow) -> Result<(), String>,
) -> Result<Result<usize, Broken>, RepoError> {
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
            if let Err(reason) = check(&row) {
                return Ok(Err(Broken { seq: row.seq, reason }));
            }
            prev_hash = row.hash;
            expected_seq += 1;
            count += 1;
        }
    }
}

/// Walks the whole chain under the key; with a kept head, also that the log still reaches it
/// unchanged. `Ok(n)`: n entries, all linked; `Err`: the first broken entry.
pub fn verify(conn: &mut DbConnection, kept: Option<&Head>) -> Result<Result<usize, Broken>, RepoError> {
    let key = current_key()?;
    let walked = walk(conn, |row| {
        if row.chain_version != KEYED {
            return Err("is in the old unkeyed format: it was not re-keyed at start-up (the server log says why) \
                        or was rewritten since"
                .into());
        }
        let expected = entry_mac(&key, &row.prev_hash, row.seq, row.at, &event_of(row));
        if !crate::crypto::constant_time_eq(expected.as_bytes(), row.hash.as_bytes()) {
            return Err("its content does not match its MAC (changed)".into());
        }
        if let Some(kept) = kept
            && kept.seq == row.seq
            && !crate::crypto::constant_time_eq(kept.mac.as_bytes(), row.hash.as_bytes())
        {
            return Err("differs from the kept head (the log was rewritten up to here)".into());
        }
        Ok(())
    })?;
    Ok(walked.and_then(|count| match kept {
        Some(kept) if kept.seq > count as i64 => Err(Broken {
            seq: kept.seq,
            reason: format!("the kept head is gone: the log ends at entry {count}, so its tail was cut"),
        }),
        _ => Ok(count),
    }))
}

/// What start-up did with entries of the old unkeyed chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rekeyed {
    /// Every entry was keyed already.
    Nothing,
    /// This many old entries were checked and re-keyed.
    Entries(usize),
    /// The old chain was already broken here: nothing was changed, `audit verify` reports it.
    OldChainBroken(Broken),
    /// Old-format entries after keyed ones: written or rewritten without the key, left as they are.
    AfterKeyed(i64),
    /// Old-format entries, but this is not the start that upgraded the database: someone with the
    /// database may have rewritten the log in the old format, so it is left as it is.
    NotAtUpgrade(i64),
}

/// The migration that keys the chain; the start that applies it re-keys the old entries.
pub const KEYING_MIGRATION: &str = "2026-12-04-200335_audit_chain_key";

/// Re-keys entries written with the old plain chain, once: only at the upgrade (`at_upgrade`:
/// this start applied `KEYING_MIGRATION`, or an operator asked), only when the whole log is in
/// the old format and its plain chain is intact. Concurrent starters wait on the audit lock.
pub fn rekey_legacy(conn: &mut DbConnection, at_upgrade: bool) -> Result<Rekeyed, RepoError> {
    let key = current_key()?;
    write_transaction(conn, |c| {
        lock_audit(c)?;
        let first_plain: Option<i64> = audit_log::table
            .filter(audit_log::chain_version.ne(KEYED))
            .select(audit_log::seq)
            .order(audit_log::seq)
            .first(c)
            .optional()?;
        let Some(first_plain) = first_plain else { return Ok(Rekeyed::Nothing) };
        let keyed: i64 = audit_log::table.filter(audit_log::chain_version.eq(KEYED)).count().get_result(c)?;
        if keyed > 0 {
            return Ok(Rekeyed::AfterKeyed(first_plain));
        }
        if !at_upgrade {
            return Ok(Rekeyed::NotAtUpgrade(first_plain));
        }
        let old = walk(c, |row| {
            if legacy_hash(row) == row.hash {
                Ok(())
            } else {
                Err("its content does not match its hash (changed)".into())
            }
        })?;
        if let Err(broken) = old {
            return Ok(Rekeyed::OldChainBroken(broken));
        }
        let mut prev = GENESIS.to_owned();
        let mut after = 0i64;
        let mut done = 0usize;
        loop {
            let rows: Vec<AuditRow> = audit_log::table
                .filter(audit_log::seq.gt(after))
                .order(audit_log::seq)
                .limit(1000)
                .select(AuditRow::as_select())
                .load(c)?;
            let Some(last) = rows.last() else { break };
            after = last.seq;
            for row in &rows {
                let mac = entry_mac(&key, &prev, row.seq, row.at, &event_of(row));
                diesel::update(audit_log::table.filter(audit_log::seq.eq(row.seq)))
                    .set((audit_log::prev_hash.eq(&prev), audit_log::hash.eq(&mac), audit_log::chain_version.eq(KEYED)))
                    .execute(c)?;
                prev = mac;
                done += 1;
            }
        }
        Ok(Rekeyed::Entries(done))
    })
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

    fn key(byte: u8) -> ChainKey {
        ChainKey([byte; 32])
    }

    #[test]
    fn the_mac_covers_every_field_and_needs_the_key() {
        let at = stored_time(now());
        let k = key(7);
        let event = Event::new(Some("u"), crate::domain::AuditAction::InquiryView, "inquiry", Some("i"));
        let base = entry_mac(&k, GENESIS, 1, at, &event);
        assert_eq!(base.len(), 64);
        assert_ne!(base, entry_mac(&key(8), GENESIS, 1, at, &event), "another key, another MAC");
        assert_ne!(base, plain_hash(GENESIS, 1, at, &event), "not the plain hash anyone can compute");
        assert_ne!(base, entry_mac(&k, GENESIS, 2, at, &event));
        assert_ne!(base, entry_mac(&k, GENESIS, 1, at, &Event { actor: Some("v"), ..event }));
        assert_ne!(
            base,
            entry_mac(&k, GENESIS, 1, at, &Event { action: crate::domain::AuditAction::InquiryNote.as_str(), ..event })
        );
        assert_ne!(base, entry_mac(&k, GENESIS, 1, at, &Event { record_id: Some("j"), ..event }));
        assert_ne!(base, entry_mac(&k, GENESIS, 1, at, &event.detail("x")));
        assert_ne!(base, entry_mac(&k, &"1".repeat(64), 1, at, &event));
        assert_eq!(base, entry_mac(&k, GENESIS, 1, at, &event), "stable");
    }

    #[test]
    fn the_keying_migration_is_named_as_its_folders() {
        for backend in ["sqlite", "postgres"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
            assert!(dir.join(KEYING_MIGRATION).is_dir(), "{backend}");
        }
    }

    #[test]
    fn heads_parse_as_printed_and_refuse_garbage() {
        let head = Head { seq: 42, mac: "ab".repeat(32) };
        assert_eq!(Head::parse(&head.to_string()), Ok(head.clone()));
        assert_eq!(Head::parse(&format!(" 42:{}\n", "AB".repeat(32))), Ok(head));
        for bad in ["", "42", "x:ab", "-1:00", &format!("42:{}", "zz".repeat(32)), &format!("42:{}", "ab".repeat(31))] {
            assert!(Head::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn without_a_key_nothing_is_appended_and_the_key_is_restored() {
        assert!(current_key().is_err());
        let outer = Arc::new(key(1));
        with_key(Some(outer.clone()), || {
            with_key(Some(Arc::new(key(2))), || assert_eq!(current_key().map(|k| k.0[0]).ok(), Some(2)));
            assert_eq!(current_key().map(|k| k.0[0]).ok(), Some(1));
        });
        assert!(current_key().is_err());
    }

    /// What a log written by the earlier version looks like: plain SHA-256 links, version 1.
    fn make_unkeyed(c: &mut DbConnection) -> Result<(), RepoError> {
        diesel::sql_query("DROP TRIGGER audit_log_no_update").execute(c)?;
        let rows: Vec<AuditRow> = audit_log::table.order(audit_log::seq).select(AuditRow::as_select()).load(c)?;
        let mut prev = GENESIS.to_owned();
        for row in rows {
            let hash = plain_hash(&prev, row.seq, row.at, &event_of(&row));
            diesel::update(audit_log::table.filter(audit_log::seq.eq(row.seq)))
                .set((audit_log::prev_hash.eq(&prev), audit_log::hash.eq(&hash), audit_log::chain_version.eq(PLAIN)))
                .execute(c)?;
            prev = hash;
        }
        Ok(())
    }

    fn append(c: &mut DbConnection, n: usize) -> Result<(), RepoError> {
        for _ in 0..n {
            record_alone(c, Event::new(None, crate::domain::AuditAction::OutboxRetry, "outbox", Some("m")))?;
        }
        Ok(())
    }

    #[actix_rt::test]
    async fn an_unkeyed_log_is_rekeyed_once_and_a_cut_tail_shows_against_the_kept_head() -> Result<(), RepoError> {
        let app = crate::app::testing::app().await;
        app.db
            .run(|c| {
                append(c, 5)?;
                make_unkeyed(c)?;
                assert!(verify(c, None)?.is_err(), "unkeyed entries do not pass as keyed");
                assert_eq!(rekey_legacy(c, false)?, Rekeyed::NotAtUpgrade(1), "only at the upgrade");
                assert_eq!(rekey_legacy(c, true)?, Rekeyed::Entries(5));
                assert_eq!(rekey_legacy(c, true)?, Rekeyed::Nothing, "once");
                assert_eq!(verify(c, None)?, Ok(5));
                append(c, 2)?;
                let kept = head(c)?;
                assert_eq!(kept.seq, 7);
                assert_eq!(verify(c, Some(&kept))?, Ok(7));
                // Someone with the database cuts the last two entries: the chain alone still links…
                diesel::sql_query("DROP TRIGGER audit_log_no_delete").execute(c)?;
                diesel::sql_query("DELETE FROM audit_log WHERE seq > 5").execute(c)?;
                assert_eq!(verify(c, None)?, Ok(5));
                // …but the kept head is gone.
                assert_eq!(verify(c, Some(&kept))?.map_err(|b| b.seq), Err(7));
                let other = Head { seq: 3, mac: "ab".repeat(32) };
                assert_eq!(verify(c, Some(&other))?.map_err(|b| b.seq), Err(3));
                Ok(())
            })
            .await
    }

    #[actix_rt::test]
    async fn a_broken_unkeyed_log_is_not_rekeyed() -> Result<(), RepoError> {
        let app = crate::app::testing::app().await;
        app.db
            .run(|c| {
                append(c, 4)?;
                make_unkeyed(c)?;
                diesel::sql_query("UPDATE audit_log SET detail = 'x' WHERE seq = 2").execute(c)?;
                assert!(matches!(rekey_legacy(c, true)?, Rekeyed::OldChainBroken(Broken { seq: 2, .. })));
                let versions: Vec<i32> = audit_log::table.select(audit_log::chain_version).load(c)?;
                assert!(versions.iter().all(|v| *v == PLAIN), "nothing changed");
                assert_eq!(verify(c, None)?.map_err(|b| b.seq), Err(1));
                Ok(())
            })
            .await
    }
}
