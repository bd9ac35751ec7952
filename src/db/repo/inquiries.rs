//! Inquiries and their threads. Contact details and message bodies go in and
//! come out through the vault: only ciphertext is ever written.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::audit::{self, Event};
use super::outbox::{self, NewMail};
use super::{RepoError, new_id, now};
use crate::crypto::vault::Vault;
use crate::db::rows::{InquiryMessageRow, InquiryRow, TombstoneRow};
use crate::db::schema::{inquiries, inquiry_messages, inquiry_tombstones, outbox as outbox_table};
use crate::db::{DbConnection, write_transaction};
use crate::domain::inquiry::{InquiryStatus, ValidInquiry};

/// What the caller computed about a new inquiry: its hashes and identities.
pub struct NewInquiry {
    pub id: String,
    pub reference: String,
    pub receipt_hash: String,
    pub form_nonce_hash: String,
    pub submission_hash: String,
    pub lang: String,
    pub inquiry: ValidInquiry,
    /// The team routing chose, if any.
    pub team_id: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Created {
    New,
    /// The same form (same nonce) was sent before with the same content, at `at`.
    AlreadyStored {
        at: PrimitiveDateTime,
    },
    /// The form's nonce was used for a different submission.
    NonceReused,
}

pub(super) fn seal(vault: &Vault, text: &str, aad: String) -> Result<Vec<u8>, RepoError> {
    vault.seal_str(text, &aad).map_err(|e| RepoError::Unexpected(e.to_string()))
}

/// Stores an inquiry, its first message and its emails in one transaction.
pub fn create(
    conn: &mut DbConnection,
    vault: &Vault,
    new: &NewInquiry,
    mails: &[NewMail],
    host: &str,
) -> Result<Created, RepoError> {
    write_transaction(conn, |c| {
        let earlier: Option<(String, PrimitiveDateTime)> = inquiries::table
            .filter(inquiries::form_nonce_hash.eq(&new.form_nonce_hash))
            .select((inquiries::submission_hash, inquiries::created_at))
            .first(c)
            .optional()?;
        if let Some((earlier, at)) = earlier {
            return Ok(if earlier == new.submission_hash {
                Created::AlreadyStored { at }
            } else {
                Created::NonceReused
            });
        }
        let id = &new.id;
        let q = &new.inquiry;
        let at = now();
        // The team was chosen before this transaction; if it was deleted since, the question has no team.
        let team_id = match &new.team_id {
            Some(team) => {
                crate::db::lock_teams(c)?;
                super::teams::exists(c, team)?.then(|| team.clone())
            }
            None => None,
        };
        diesel::insert_into(inquiries::table)
            .values(InquiryRow {
                id: id.clone(),
                reference: new.reference.clone(),
                receipt_hash: new.receipt_hash.clone(),
                form_nonce_hash: new.form_nonce_hash.clone(),
                submission_hash: new.submission_hash.clone(),
                topic_slug: q.topic.clone(),
                lang: new.lang.clone(),
                answer_lang: q.answer_lang.to_string(),
                contact_method: q.method.as_str().to_owned(),
                name_enc: q.name.as_deref().map(|n| seal(vault, n, format!("inquiries.name:{id}"))).transpose()?,
                email_enc: q
                    .email
                    .as_ref()
                    .map(|e| seal(vault, e.as_str(), format!("inquiries.email:{id}")))
                    .transpose()?,
                phone_enc: q.phone.as_deref().map(|p| seal(vault, p, format!("inquiries.phone:{id}"))).transpose()?,
                status: InquiryStatus::New.as_str().to_owned(),
                created_at: at,
                updated_at: at,
                closed_at: None,
                assigned_to: None,
                acknowledged_at: None,
                answered_at: None,
                safeguarding: false,
                content_gap: None,
                team_id,
                region_slug: q.region.clone(),
            })
            .execute(c)?;
        insert_message(c, vault, id, "inquirer", None, &q.message, None)?;
        for mail in mails {
            outbox::enqueue(c, vault, mail, host)?;
        }
        Ok(Created::New)
    })
}

fn insert_message(
    conn: &mut DbConnection,
    vault: &Vault,
    inquiry_id: &str,
    author: &str,
    staff_id: Option<&str>,
    body: &str,
    dedupe_hash: Option<&str>,
) -> Result<(), RepoError> {
    let message_id = new_id();
    diesel::insert_into(inquiry_messages::table)
        .values(InquiryMessageRow {
            body_enc: seal(vault, body, format!("inquiry_messages.body:{message_id}"))?,
            id: message_id,
            inquiry_id: inquiry_id.to_owned(),
            author: author.to_owned(),
            staff_id: staff_id.map(str::to_owned),
            dedupe_hash: dedupe_hash.map(str::to_owned),
            created_at: now(),
        })
        .execute(conn)?;
    Ok(())
}

/// One message of a thread, decrypted.
#[derive(Debug, Clone)]
pub struct ThreadMessage {
    pub from_staff: bool,
    pub body: String,
    pub created_at: PrimitiveDateTime,
}

/// What the inquirer sees on the status page.
#[derive(Debug, Clone)]
pub struct InquiryThread {
    pub id: String,
    pub reference: String,
    pub status: InquiryStatus,
    pub topic_slug: Option<String>,
    pub answer_lang: String,
    pub contact_method: String,
    pub created_at: PrimitiveDateTime,
    pub messages: Vec<ThreadMessage>,
    pub team_id: Option<String>,
}

fn thread_of(conn: &mut DbConnection, vault: &Vault, row: InquiryRow) -> Result<InquiryThread, RepoError> {
    let rows: Vec<InquiryMessageRow> = inquiry_messages::table
        .filter(inquiry_messages::inquiry_id.eq(&row.id))
        .order((inquiry_messages::created_at, inquiry_messages::id))
        .select(InquiryMessageRow::as_select())
        .load(conn)?;
    let mut messages = Vec::new();
    for m in rows {
        let body = vault
            .open_string(&m.body_enc, &format!("inquiry_messages.body:{}", m.id))
            .map_err(|e| RepoError::Unexpected(format!("message {}: {e}", m.id)))?;
        messages.push(ThreadMessage { from_staff: m.author == "staff", body, created_at: m.created_at });
    }
    Ok(InquiryThread {
        status: InquiryStatus::parse(&row.status).unwrap_or(InquiryStatus::New),
        id: row.id,
        reference: row.reference,
        topic_slug: row.topic_slug,
        answer_lang: row.answer_lang,
        contact_method: row.contact_method,
        created_at: row.created_at,
        messages,
        team_id: row.team_id,
    })
}

pub fn by_receipt(conn: &mut DbConnection, vault: &Vault, receipt_hash: &str) -> Result<InquiryThread, RepoError> {
    let row = inquiries::table
        .filter(inquiries::receipt_hash.eq(receipt_hash))
        .select(InquiryRow::as_select())
        .first(conn)?;
    thread_of(conn, vault, row)
}

pub fn by_id(conn: &mut DbConnection, vault: &Vault, id: &str) -> Result<InquiryThread, RepoError> {
    let row = inquiries::table.filter(inquiries::id.eq(id)).select(InquiryRow::as_select()).first(conn)?;
    thread_of(conn, vault, row)
}

/// An inquirer's contact details, decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDetails {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The decrypted contact details (name, email, phone) of an inquiry.
pub fn contact_details(conn: &mut DbConnection, vault: &Vault, id: &str) -> Result<ContactDetails, RepoError> {
    let row = inquiries::table.filter(inquiries::id.eq(id)).select(InquiryRow::as_select()).first(conn)?;
    let open = |blob: Option<Vec<u8>>, what: &str| -> Result<Option<String>, RepoError> {
        blob.map(|b| {
            vault.open_string(&b, &format!("inquiries.{what}:{id}")).map_err(|e| RepoError::Unexpected(e.to_string()))
        })
        .transpose()
    };
    Ok(ContactDetails {
        name: open(row.name_enc, "name")?,
        email: open(row.email_enc, "email")?,
        phone: open(row.phone_enc, "phone")?,
    })
}

/// A follow-up from the inquirer. `dedupe_hash` identifies the form: sent twice, stored once.
/// Returns false when it was already stored.
pub fn add_inquirer_message(
    conn: &mut DbConnection,
    vault: &Vault,
    inquiry_id: &str,
    body: &str,
    dedupe_hash: &str,
) -> Result<bool, RepoError> {
    write_transaction(conn, |c| {
        let seen: i64 =
            inquiry_messages::table.filter(inquiry_messages::dedupe_hash.eq(dedupe_hash)).count().get_result(c)?;
        if seen > 0 {
            return Ok(false);
        }
        insert_message(c, vault, inquiry_id, "inquirer", None, body, Some(dedupe_hash))?;
        // A closed or answered question that gets a new message needs attention again.
        diesel::update(inquiries::table.filter(inquiries::id.eq(inquiry_id)))
            .set((
                inquiries::status.eq(InquiryStatus::InProgress.as_str()),
                inquiries::updated_at.eq(now()),
                inquiries::closed_at.eq(None::<PrimitiveDateTime>),
            ))
            .filter(inquiries::status.eq_any([InquiryStatus::Answered.as_str(), InquiryStatus::Closed.as_str()]))
            .execute(c)?;
        Ok(true)
    })
}

/// A caseworker's reply; `mail` notifies the inquirer when they chose email.
pub fn add_staff_reply(
    conn: &mut DbConnection,
    vault: &Vault,
    inquiry_id: &str,
    staff_id: Option<&str>,
    body: &str,
    mail: Option<&NewMail>,
    host: &str,
) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        let at = now();
        insert_message(c, vault, inquiry_id, "staff", staff_id, body, None)?;
        let n = diesel::update(inquiries::table.filter(inquiries::id.eq(inquiry_id)))
            .set((
                inquiries::status.eq(InquiryStatus::Answered.as_str()),
                inquiries::updated_at.eq(at),
                inquiries::closed_at.eq(None::<PrimitiveDateTime>),
            ))
            .execute(c)?;
        if n == 0 {
            return Err(RepoError::NotFound);
        }
        // The first reply answers the question (and acknowledges it, if nothing did before).
        diesel::update(inquiries::table.filter(inquiries::id.eq(inquiry_id)).filter(inquiries::answered_at.is_null()))
            .set(inquiries::answered_at.eq(Some(at)))
            .execute(c)?;
        diesel::update(
            inquiries::table.filter(inquiries::id.eq(inquiry_id)).filter(inquiries::acknowledged_at.is_null()),
        )
        .set(inquiries::acknowledged_at.eq(Some(at)))
        .execute(c)?;
        if let Some(mail) = mail {
            outbox::enqueue(c, vault, mail, host)?;
        }
        if let Some(staff) = staff_id {
            audit::record(
                c,
                Event::new(Some(staff), crate::domain::AuditAction::InquiryReply, "inquiry", Some(inquiry_id))
                    .detail(if mail.is_some() { "notified by email" } else { "" }),
            )?;
        }
        Ok(())
    })
}

pub fn set_status(conn: &mut DbConnection, inquiry_id: &str, status: InquiryStatus) -> Result<(), RepoError> {
    let at = now();
    let closed_at = (status == InquiryStatus::Closed).then_some(at);
    let n = diesel::update(inquiries::table.filter(inquiries::id.eq(inquiry_id)))
        .set((inquiries::status.eq(status.as_str()), inquiries::updated_at.eq(at), inquiries::closed_at.eq(closed_at)))
        .execute(conn)?;
    if n == 0 { Err(RepoError::NotFound) } else { Ok(()) }
}

/// Deletes inquiries closed before `cutoff`, leaving tombstones without personal data;
/// their messages go with them and their emails lose body and recipient.
pub fn purge_closed(conn: &mut DbConnection, cutoff: PrimitiveDateTime) -> Result<usize, RepoError> {
    write_transaction(conn, |c| {
        let rows: Vec<InquiryRow> = inquiries::table
            .filter(inquiries::status.eq(InquiryStatus::Closed.as_str()))
            .filter(inquiries::closed_at.lt(cutoff))
            .select(InquiryRow::as_select())
            .load(c)?;
        let at = now();
        for row in &rows {
            diesel::insert_into(inquiry_tombstones::table)
                .values(TombstoneRow {
                    id: row.id.clone(),
                    reference: row.reference.clone(),
                    topic_slug: row.topic_slug.clone(),
                    lang: row.lang.clone(),
                    outcome: row.status.clone(),
                    created_at: row.created_at,
                    closed_at: row.closed_at,
                    purged_at: at,
                })
                .execute(c)?;
            diesel::update(outbox_table::table.filter(outbox_table::inquiry_id.eq(&row.id)))
                .set((
                    outbox_table::content_enc.eq(None::<Vec<u8>>),
                    outbox_table::recipient_enc.eq(None::<Vec<u8>>),
                    outbox_table::inquiry_id.eq(None::<String>),
                ))
                .execute(c)?;
            diesel::delete(inquiry_messages::table.filter(inquiry_messages::inquiry_id.eq(&row.id))).execute(c)?;
            diesel::delete(inquiries::table.filter(inquiries::id.eq(&row.id))).execute(c)?;
        }
        Ok(rows.len())
    })
}

pub fn count(conn: &mut DbConnection) -> Result<i64, RepoError> {
    Ok(inquiries::table.count().get_result(conn)?)
}

/// Inquiries by status, for the metrics.
pub fn counts_by_status(conn: &mut DbConnection) -> Result<Vec<(String, i64)>, RepoError> {
    Ok(inquiries::table
        .group_by(inquiries::status)
        .select((inquiries::status, diesel::dsl::count_star()))
        .load(conn)?)
}

/// An inquiry to store as it is (metadata already decided) with its first message.
/// `row`'s sealed columns are ignored: `name`, `email`, `phone` and `message` are sealed here.
pub struct StoredInquiry {
    pub row: InquiryRow,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub message: String,
}

/// Columns of `inquiries` and `inquiry_messages` (for the bind-parameter limits).
const INQUIRY_COLUMNS: usize = 23;
const MESSAGE_COLUMNS: usize = 7;

/// Stores many inquiries, each with its first message, in one transaction with multi-row
/// inserts; everything personal is sealed exactly as `create` seals it. For bulk loads
/// (the benchmark's synthetic data), not for questions people send.
pub fn insert_many(conn: &mut DbConnection, vault: &Vault, items: Vec<StoredInquiry>) -> Result<usize, RepoError> {
    let mut rows = Vec::with_capacity(items.len());
    let mut messages = Vec::with_capacity(items.len());
    for item in items {
        let mut row = item.row;
        let id = row.id.clone();
        let sealed = |text: Option<String>, what: &str| {
            text.map(|t| seal(vault, &t, format!("inquiries.{what}:{id}"))).transpose()
        };
        row.name_enc = sealed(item.name, "name")?;
        row.email_enc = sealed(item.email, "email")?;
        row.phone_enc = sealed(item.phone, "phone")?;
        let message_id = new_id();
        messages.push(InquiryMessageRow {
            body_enc: seal(vault, &item.message, format!("inquiry_messages.body:{message_id}"))?,
            id: message_id,
            inquiry_id: id.clone(),
            author: "inquirer".to_owned(),
            staff_id: None,
            dedupe_hash: None,
            created_at: row.created_at,
        });
        rows.push(row);
    }
    write_transaction(conn, |c| {
        super::insert_all!(c, inquiries::table, &rows, INQUIRY_COLUMNS);
        super::insert_all!(c, inquiry_messages::table, &messages, MESSAGE_COLUMNS);
        Ok(rows.len())
    })
}
