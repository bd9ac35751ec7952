//! The durable outbox: every email is a row written in the same transaction as
//! the change that causes it; workers claim due rows, send, and record the outcome.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use super::{RepoError, new_id, now};
use crate::crypto::vault::Vault;
use crate::db::DbConnection;
use crate::db::rows::OutboxRow;
use crate::db::schema::outbox;

/// An email to queue. `event_key` names the event: the same event never queues twice.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub event_key: String,
    pub kind: &'static str,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub inquiry_id: Option<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
pub struct MailContent {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A claimed message, decrypted for sending.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: String,
    pub kind: String,
    pub message_id: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attempts: i32,
}

pub const MAX_ATTEMPTS: i32 = 8;

/// Queues a mail unless its event was queued before; `host` makes the Message-ID.
pub fn enqueue(conn: &mut DbConnection, vault: &Vault, mail: &NewMail, host: &str) -> Result<bool, RepoError> {
    let exists: i64 = outbox::table.filter(outbox::event_key.eq(&mail.event_key)).count().get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    let id = new_id();
    let content = serde_json::to_vec(&MailContent {
        subject: mail.subject.clone(),
        text: mail.text.clone(),
        html: mail.html.clone(),
    })
    .map_err(|e| RepoError::Unexpected(e.to_string()))?;
    let seal = |data: &[u8], what: &str| {
        vault.seal(data, &format!("outbox.{what}:{id}")).map_err(|e| RepoError::Unexpected(e.to_string()))
    };
    let at = now();
    diesel::insert_into(outbox::table)
        .values(OutboxRow {
            id: id.clone(),
            event_key: mail.event_key.clone(),
            kind: mail.kind.to_owned(),
            message_id: format!("<{id}@{host}>"),
            recipient_enc: Some(seal(mail.to.as_bytes(), "recipient")?),
            content_enc: Some(seal(&content, "content")?),
            inquiry_id: mail.inquiry_id.clone(),
            status: "queued".into(),
            attempts: 0,
            next_attempt_at: at,
            last_error: None,
            claimed_by: None,
            claimed_at: None,
            created_at: at,
            sent_at: None,
        })
        .execute(conn)?;
    Ok(true)
}

/// Claims up to `limit` due messages for `worker` and returns them decrypted. A message
/// claimed longer than `lease` ago by a worker that never recorded the outcome (it died)
/// is due again.
pub fn claim(
    conn: &mut DbConnection,
    vault: &Vault,
    worker: &str,
    limit: i64,
    lease: Duration,
) -> Result<Vec<Claimed>, RepoError> {
    let at = now();
    let stale = at - lease;
    // Dialect difference: PostgreSQL claims with FOR UPDATE SKIP LOCKED so concurrent
    // workers never take the same row; SQLite serialises writers with BEGIN IMMEDIATE.
    match conn {
        DbConnection::Postgres(c) => {
            use diesel::sql_types::{BigInt, Text, Timestamp};
            diesel::sql_query(
                "UPDATE outbox SET status = 'sending', claimed_by = $1, claimed_at = $2 WHERE id IN (\
                 SELECT id FROM outbox WHERE (status IN ('queued', 'retrying') AND next_attempt_at <= $2) \
                 OR (status = 'sending' AND claimed_at < $3) ORDER BY created_at LIMIT $4 FOR UPDATE SKIP LOCKED)",
            )
            .bind::<Text, _>(worker)
            .bind::<Timestamp, _>(at)
            .bind::<Timestamp, _>(stale)
            .bind::<BigInt, _>(limit)
            .execute(c)?;
        }
        DbConnection::Sqlite(_) => {
            crate::db::write_transaction(conn, |c| {
                let ids: Vec<String> = outbox::table
                    .filter(
                        outbox::status
                            .eq_any(["queued", "retrying"])
                            .and(outbox::next_attempt_at.le(at))
                            .or(outbox::status.eq("sending").and(outbox::claimed_at.lt(stale))),
                    )
                    .order(outbox::created_at)
                    .limit(limit)
                    .select(outbox::id)
                    .load(c)?;
                diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
                    .set((outbox::status.eq("sending"), outbox::claimed_by.eq(worker), outbox::claimed_at.eq(at)))
                    .execute(c)?;
                Ok(())
            })?;
        }
    }
    let rows: Vec<OutboxRow> = outbox::table
        .filter(outbox::status.eq("sending"))
        .filter(outbox::claimed_by.eq(worker))
        .filter(outbox::claimed_at.eq(at))
        .order(outbox::created_at)
        .select(OutboxRow::as_select())
        .load(conn)?;
    let mut claimed = Vec::new();
    for row in rows {
        let open = |blob: &Option<Vec<u8>>, what: &str| -> Result<Vec<u8>, RepoError> {
            let blob = blob.as_ref().ok_or_else(|| RepoError::Unexpected(format!("outbox {what} missing")))?;
            vault.open(blob, &format!("outbox.{what}:{}", row.id)).map_err(|e| RepoError::Unexpected(e.to_string()))
        };
        let decoded = open(&row.recipient_enc, "recipient").and_then(|to| {
            let content: MailContent = serde_json::from_slice(&open(&row.content_enc, "content")?)
                .map_err(|e| RepoError::Unexpected(e.to_string()))?;
            Ok((String::from_utf8_lossy(&to).into_owned(), content))
        });
        match decoded {
            Ok((to, content)) => claimed.push(Claimed {
                id: row.id,
                kind: row.kind,
                message_id: row.message_id,
                to,
                subject: content.subject,
                text: content.text,
                html: content.html,
                attempts: row.attempts,
            }),
            // A message nobody can read again cannot be sent: fail it visibly.
            Err(e) => {
                record_failure(
                    conn,
                    &row.id,
                    worker,
                    row.attempts,
                    &format!("cannot read the stored message: {e}"),
                    true,
                )?;
            }
        }
    }
    Ok(claimed)
}

pub fn mark_sent(conn: &mut DbConnection, id: &str, worker: &str) -> Result<(), RepoError> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)).filter(outbox::claimed_by.eq(worker)))
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(Some(now())),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Exponential backoff: 30 s, 1 min, 2 min, … capped at an hour.
pub fn backoff(attempts: i32) -> Duration {
    let seconds = 30i64.saturating_mul(1i64 << attempts.clamp(0, 7));
    Duration::seconds(seconds.min(3600))
}

/// Records a failed attempt: retried later, or failed for good after the last attempt
/// or when the server's answer was permanent.
pub fn record_failure(
    conn: &mut DbConnection,
    id: &str,
    worker: &str,
    attempts_before: i32,
    error: &str,
    permanent: bool,
) -> Result<(), RepoError> {
    let attempts = attempts_before + 1;
    let failed = permanent || attempts >= MAX_ATTEMPTS;
    let error: String = error.chars().take(500).collect();
    diesel::update(outbox::table.filter(outbox::id.eq(id)).filter(outbox::claimed_by.eq(worker)))
        .set((
            outbox::status.eq(if failed { "failed" } else { "retrying" }),
            outbox::attempts.eq(attempts),
            outbox::next_attempt_at.eq(now() + backoff(attempts_before)),
            outbox::last_error.eq(Some(error)),
            outbox::claimed_by.eq(None::<String>),
            outbox::claimed_at.eq(None::<PrimitiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Gives back what `worker` claimed but did not send (on shutdown).
pub fn release(conn: &mut DbConnection, worker: &str) -> Result<usize, RepoError> {
    Ok(diesel::update(outbox::table.filter(outbox::status.eq("sending")).filter(outbox::claimed_by.eq(worker)))
        .set((
            outbox::status.eq("queued"),
            outbox::claimed_by.eq(None::<String>),
            outbox::claimed_at.eq(None::<PrimitiveDateTime>),
        ))
        .execute(conn)?)
}

/// Makes retrying and failed messages (or the one named) due now: one more attempt each.
pub fn retry_now(conn: &mut DbConnection, id: Option<&str>) -> Result<usize, RepoError> {
    let mut query = diesel::update(outbox::table).filter(outbox::status.eq_any(["retrying", "failed"])).into_boxed();
    if let Some(id) = id {
        query = query.filter(outbox::id.eq(id.to_owned()));
    }
    Ok(query.set((outbox::status.eq("retrying"), outbox::next_attempt_at.eq(now()))).execute(conn)?)
}

/// Removes bodies and recipients of messages delivered before `before`.
pub fn purge_delivered(conn: &mut DbConnection, before: PrimitiveDateTime) -> Result<usize, RepoError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::status.eq("sent"))
            .filter(outbox::sent_at.lt(before))
            .filter(outbox::content_enc.is_not_null()),
    )
    .set((outbox::content_enc.eq(None::<Vec<u8>>), outbox::recipient_enc.eq(None::<Vec<u8>>)))
    .execute(conn)?)
}

/// Which of `ids` are messages whose body is still kept (the rest were delivered long
/// enough ago, purged with their inquiry, erased, or never existed).
pub fn with_body(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<String>, RepoError> {
    Ok(outbox::table
        .filter(outbox::id.eq_any(ids))
        .filter(outbox::content_enc.is_not_null())
        .select(outbox::id)
        .load(conn)?)
}

/// Messages by delivery state, for operators.
pub fn counts_by_status(conn: &mut DbConnection) -> Result<Vec<(String, i64)>, RepoError> {
    Ok(outbox::table.group_by(outbox::status).select((outbox::status, diesel::dsl::count_star())).load(conn)?)
}

/// The delivery state of every message of one kind, oldest first (tests, admin view).
pub fn list(conn: &mut DbConnection) -> Result<Vec<OutboxRow>, RepoError> {
    Ok(outbox::table.order(outbox::created_at).select(OutboxRow::as_select()).load(conn)?)
}

/// Messages not yet delivered (queued, sending, retrying, failed), failed ones first.
pub fn undelivered(conn: &mut DbConnection, limit: i64) -> Result<Vec<OutboxRow>, RepoError> {
    Ok(outbox::table
        .filter(outbox::status.ne("sent"))
        .order((outbox::status.eq("failed").desc(), outbox::created_at.desc()))
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)?)
}
