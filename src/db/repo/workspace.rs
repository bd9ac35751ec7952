//! The caseworker's side of inquiries: the queue, the decrypted case, notes,
//! assignment, status, flags, export and erasure. Every change writes its audit
//! entry in the same transaction.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use super::audit::{self, Event};
use super::inquiries::seal;
use super::outbox::{self, NewMail};
use super::{RepoError, new_id, now};
use crate::crypto::vault::Vault;
use crate::db::rows::{InquiryMessageRow, InquiryRow, NoteRow, OutboxRow, TombstoneRow};
use crate::db::schema::{
    inquiries, inquiry_messages, inquiry_notes, inquiry_tombstones, outbox as outbox_table, staff_users, teams,
};
use crate::db::{DbConnection, write_transaction};
use crate::domain::access::Scope;
use crate::domain::inquiry::InquiryStatus;

/// Response targets, in days from the inquiry's arrival.
#[derive(Debug, Clone, Copy)]
pub struct Targets {
    pub acknowledge_days: u32,
    pub answer_days: u32,
}

/// Who an inquiry is assigned to, as a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    Nobody,
    User(String),
}

/// Which inquiries a queue shows. `status: None` means every open one (not closed).
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub status: Option<InquiryStatus>,
    pub all_statuses: bool,
    pub topic: Option<String>,
    pub lang: Option<String>,
    pub assignee: Option<Assignee>,
    pub overdue: bool,
    pub safeguarding: bool,
    pub team: Option<TeamFilter>,
}

/// Which team's inquiries a queue shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamFilter {
    Nobody,
    /// Any of these teams (one team, or "my teams").
    AnyOf(Vec<String>),
}

/// One row of the queue: metadata only.
#[derive(Debug, Clone)]
pub struct QueueItem {
    pub id: String,
    pub reference: String,
    pub status: InquiryStatus,
    pub topic_slug: Option<String>,
    pub lang: String,
    pub answer_lang: String,
    pub contact_method: String,
    pub assigned_to: Option<String>,
    pub assigned_email: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub acknowledged_at: Option<PrimitiveDateTime>,
    pub answered_at: Option<PrimitiveDateTime>,
    pub closed_at: Option<PrimitiveDateTime>,
    pub safeguarding: bool,
    pub content_gap: Option<String>,
    pub team_id: Option<String>,
    pub team_name: Option<String>,
    pub region_slug: Option<String>,
}

/// Whether an inquiry is past a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    OnTime,
    AcknowledgeOverdue,
    AnswerOverdue,
}

impl QueueItem {
    pub fn lateness(&self, targets: Targets, at: PrimitiveDateTime) -> Lateness {
        let open = matches!(self.status, InquiryStatus::New | InquiryStatus::InProgress);
        if open
            && self.acknowledged_at.is_none()
            && self.created_at + Duration::days(targets.acknowledge_days.into()) < at
        {
            Lateness::AcknowledgeOverdue
        } else if open
            && self.answered_at.is_none()
            && self.created_at + Duration::days(targets.answer_days.into()) < at
        {
            Lateness::AnswerOverdue
        } else {
            Lateness::OnTime
        }
    }
}

type QueueTuple = (InquiryRow, Option<String>, Option<String>);

fn to_item((row, email, team_name): QueueTuple) -> QueueItem {
    QueueItem {
        status: InquiryStatus::parse(&row.status).unwrap_or(InquiryStatus::New),
        id: row.id,
        reference: row.reference,
        topic_slug: row.topic_slug,
        lang: row.lang,
        answer_lang: row.answer_lang,
        contact_method: row.contact_method,
        assigned_to: row.assigned_to,
        assigned_email: email,
        created_at: row.created_at,
        acknowledged_at: row.acknowledged_at,
        answered_at: row.answered_at,
        closed_at: row.closed_at,
        safeguarding: row.safeguarding,
        content_gap: row.content_gap,
        team_id: row.team_id,
        team_name,
        region_slug: row.region_slug,
    }
}

/// The queue's filters over `$query` (a boxed query on `inquiries`, joined or not). They name
/// only columns of `inquiries`, so the count runs without joins and can stay inside an index.
macro_rules! filtered_queue {
    ($query:expr, $scope:expr, $filter:expr, $targets:expr) => {{
        let (scope, filter): (&Scope, &QueueFilter) = ($scope, $filter);
        let targets: Targets = $targets;
        let mut query = $query;
        // Need to know: only the teams in scope (no team, too, only for everything).
        // Teams in scope exist (they come from the person's memberships).
        if let Scope::Teams(own) = scope {
            query = query.filter(inquiries::team_id.eq_any(own.clone()));
        }
        if let Some(status) = filter.status {
            query = query.filter(inquiries::status.eq(status.as_str()));
        } else if !filter.all_statuses {
            query = query.filter(inquiries::status.ne(InquiryStatus::Closed.as_str()));
        }
        if let Some(topic) = &filter.topic {
            query = query.filter(inquiries::topic_slug.eq(topic.clone()));
        }
        if let Some(lang) = &filter.lang {
            query = query.filter(inquiries::answer_lang.eq(lang.clone()));
        }
        match &filter.assignee {
            Some(Assignee::Nobody) => query = query.filter(inquiries::assigned_to.is_null()),
            Some(Assignee::User(id)) => query = query.filter(inquiries::assigned_to.eq(id.clone())),
            None => {}
        }
        if filter.safeguarding {
            query = query.filter(inquiries::safeguarding.eq(true));
        }
        match &filter.team {
            // "No team" includes a team deleted while a question was being routed to it.
            Some(TeamFilter::Nobody) => {
                // An alias: the listing joins `teams` as well.
                let known = diesel::alias!(teams as known_teams);
                query = query.filter(
                    inquiries::team_id
                        .is_null()
                        .or(inquiries::team_id.ne_all(known.select(known.field(teams::id).nullable()))),
                )
            }
            Some(TeamFilter::AnyOf(ids)) => query = query.filter(inquiries::team_id.eq_any(ids.clone())),
            None => {}
        }
        if filter.overdue {
            let at = now();
            let open = [InquiryStatus::New.as_str(), InquiryStatus::InProgress.as_str()];
            let ack_before = at - Duration::days(targets.acknowledge_days.into());
            let answer_before = at - Duration::days(targets.answer_days.into());
            query = query.filter(inquiries::status.eq_any(open)).filter(
                inquiries::acknowledged_at
                    .is_null()
                    .and(inquiries::created_at.lt(ack_before))
                    .or(inquiries::answered_at.is_null().and(inquiries::created_at.lt(answer_before))),
            );
        }
        query
    }};
}

/// Inquiries with their assignee's address and their team's name, for listing.
macro_rules! joined_queue {
    () => {
        inquiries::table
            .left_join(staff_users::table.on(inquiries::assigned_to.eq(staff_users::id.nullable())))
            .left_join(teams::table.on(inquiries::team_id.eq(teams::id.nullable())))
            .into_boxed()
    };
}

/// A page of the queue (what `scope` may see): new and unassigned first, then oldest first.
/// Returns the items and the total.
pub fn queue(
    conn: &mut DbConnection,
    scope: &Scope,
    filter: &QueueFilter,
    targets: Targets,
    page: i64,
    per_page: i64,
) -> Result<(Vec<QueueItem>, i64), RepoError> {
    let total: i64 = filtered_queue!(inquiries::table.into_boxed(), scope, filter, targets).count().get_result(conn)?;
    // The page's ids first: whatever plan the database picks, a sort then holds ids and
    // sort keys only, never every matching row with its sealed columns.
    let ids: Vec<String> = filtered_queue!(inquiries::table.into_boxed(), scope, filter, targets)
        .select(inquiries::id)
        .order((
            // Literals, not bound values: the `inquiries_queue` index is on these expressions,
            // and a planner matches an index expression only against the same constant.
            diesel::dsl::sql::<diesel::sql_types::Bool>("(inquiries.status = 'new')").desc(),
            diesel::dsl::sql::<diesel::sql_types::Bool>("(inquiries.assigned_to IS NULL)").desc(),
            inquiries::created_at.asc(),
            inquiries::id.asc(),
        ))
        .offset(page.saturating_sub(1).max(0) * per_page)
        .limit(per_page)
        .load(conn)?;
    let mut rows: Vec<QueueTuple> = joined_queue!()
        .filter(inquiries::id.eq_any(&ids))
        .select((InquiryRow::as_select(), staff_users::email.nullable(), teams::name.nullable()))
        .load(conn)?;
    let place: std::collections::HashMap<&str, usize> =
        ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    rows.sort_by_key(|(row, _, _)| place.get(row.id.as_str()).copied().unwrap_or(usize::MAX));
    Ok((rows.into_iter().map(to_item).collect(), total))
}

/// Every matching inquiry that `scope` may see (for the CSV export), oldest first, at most `limit`.
pub fn all_matching(
    conn: &mut DbConnection,
    scope: &Scope,
    filter: &QueueFilter,
    targets: Targets,
    limit: i64,
) -> Result<Vec<QueueItem>, RepoError> {
    let rows: Vec<QueueTuple> = filtered_queue!(joined_queue!(), scope, filter, targets)
        .select((InquiryRow::as_select(), staff_users::email.nullable(), teams::name.nullable()))
        .order((inquiries::created_at.asc(), inquiries::id.asc()))
        .limit(limit)
        .load(conn)?;
    Ok(rows.into_iter().map(to_item).collect())
}

/// One message or note as a caseworker reads it.
#[derive(Debug, Clone)]
pub struct CaseEntry {
    pub id: String,
    /// `inquirer`, `staff` or `note`.
    pub kind: &'static str,
    pub staff_email: Option<String>,
    pub body: String,
    pub created_at: PrimitiveDateTime,
}

/// Everything a caseworker sees about one inquiry, decrypted.
#[derive(Debug, Clone)]
pub struct Case {
    pub item: QueueItem,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub thread: Vec<CaseEntry>,
    pub notes: Vec<CaseEntry>,
}

fn open(vault: &Vault, blob: &[u8], aad: &str) -> Result<String, RepoError> {
    vault.open_string(blob, aad).map_err(|e| RepoError::Unexpected(format!("{aad}: {e}")))
}

fn item_by_id(conn: &mut DbConnection, id: &str) -> Result<(InquiryRow, QueueItem), RepoError> {
    let (row, email, team_name): QueueTuple = inquiries::table
        .left_join(staff_users::table.on(inquiries::assigned_to.eq(staff_users::id.nullable())))
        .left_join(teams::table.on(inquiries::team_id.eq(teams::id.nullable())))
        .filter(inquiries::id.eq(id))
        .select((InquiryRow::as_select(), staff_users::email.nullable(), teams::name.nullable()))
        .first(conn)?;
    Ok((row.clone(), to_item((row, email, team_name))))
}

/// Metadata of one inquiry, without decrypting anything.
pub fn item(conn: &mut DbConnection, id: &str) -> Result<QueueItem, RepoError> {
    Ok(item_by_id(conn, id)?.1)
}

/// The decrypted case. Records the view of personal data in the audit log.
pub fn open_case(conn: &mut DbConnection, vault: &Vault, id: &str, viewer: &str) -> Result<Case, RepoError> {
    write_transaction(conn, |c| {
        let (row, item) = item_by_id(c, id)?;
        let sealed = |blob: &Option<Vec<u8>>, what: &str| -> Result<Option<String>, RepoError> {
            blob.as_ref().map(|b| open(vault, b, &format!("inquiries.{what}:{id}"))).transpose()
        };
        let name = sealed(&row.name_enc, "name")?;
        let email = sealed(&row.email_enc, "email")?;
        let phone = sealed(&row.phone_enc, "phone")?;
        let messages: Vec<(InquiryMessageRow, Option<String>)> = inquiry_messages::table
            .left_join(staff_users::table.on(inquiry_messages::staff_id.eq(staff_users::id.nullable())))
            .filter(inquiry_messages::inquiry_id.eq(id))
            .order((inquiry_messages::created_at, inquiry_messages::id))
            .select((InquiryMessageRow::as_select(), staff_users::email.nullable()))
            .load(c)?;
        let mut thread = Vec::with_capacity(messages.len());
        for (m, staff_email) in messages {
            thread.push(CaseEntry {
                body: open(vault, &m.body_enc, &format!("inquiry_messages.body:{}", m.id))?,
                kind: if m.author == "staff" { "staff" } else { "inquirer" },
                id: m.id,
                staff_email,
                created_at: m.created_at,
            });
        }
        let note_rows: Vec<(NoteRow, Option<String>)> = inquiry_notes::table
            .left_join(staff_users::table.on(inquiry_notes::staff_id.eq(staff_users::id.nullable())))
            .filter(inquiry_notes::inquiry_id.eq(id))
            .order((inquiry_notes::created_at, inquiry_notes::id))
            .select((NoteRow::as_select(), staff_users::email.nullable()))
            .load(c)?;
        let mut notes = Vec::with_capacity(note_rows.len());
        for (n, staff_email) in note_rows {
            notes.push(CaseEntry {
                body: open(vault, &n.body_enc, &format!("inquiry_notes.body:{}", n.id))?,
                kind: "note",
                id: n.id,
                staff_email,
                created_at: n.created_at,
            });
        }
        audit::record(c, Event::new(Some(viewer), crate::domain::AuditAction::InquiryView, "inquiry", Some(id)))?;
        Ok(Case { item, name, email, phone, thread, notes })
    })
}

/// Holds the inquiry's row for the rest of the write transaction (a row lock on PostgreSQL;
/// SQLite's BEGIN IMMEDIATE already holds the only write lock), so a hand-over cannot slip
/// between an access check and the action it guards.
pub fn hold(conn: &mut DbConnection, id: &str) -> Result<(), RepoError> {
    let n = diesel::update(inquiries::table.filter(inquiries::id.eq(id)))
        .set(inquiries::team_id.eq(inquiries::team_id))
        .execute(conn)?;
    if n == 1 { Ok(()) } else { Err(RepoError::NotFound) }
}

fn touch(conn: &mut DbConnection, id: &str) -> Result<(), RepoError> {
    let n = diesel::update(inquiries::table.filter(inquiries::id.eq(id)))
        .set(inquiries::updated_at.eq(now()))
        .execute(conn)?;
    if n == 1 { Ok(()) } else { Err(RepoError::NotFound) }
}

fn acknowledge(conn: &mut DbConnection, id: &str) -> Result<(), RepoError> {
    diesel::update(inquiries::table.filter(inquiries::id.eq(id)).filter(inquiries::acknowledged_at.is_null()))
        .set(inquiries::acknowledged_at.eq(Some(now())))
        .execute(conn)?;
    Ok(())
}

/// An internal note: never shown to the inquirer.
pub fn add_note(conn: &mut DbConnection, vault: &Vault, id: &str, staff: &str, body: &str) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        touch(c, id)?;
        let note_id = new_id();
        diesel::insert_into(inquiry_notes::table)
            .values(NoteRow {
                body_enc: seal(vault, body, format!("inquiry_notes.body:{note_id}"))?,
                id: note_id.clone(),
                inquiry_id: id.to_owned(),
                staff_id: Some(staff.to_owned()),
                created_at: now(),
            })
            .execute(c)?;
        audit::record(c, Event::new(Some(staff), crate::domain::AuditAction::InquiryNote, "inquiry", Some(id)))
    })
}

/// Assigns (or, with `None`, unassigns). Taking up a new inquiry acknowledges it and puts it in progress.
pub fn assign(conn: &mut DbConnection, id: &str, assignee: Option<&str>, actor: &str) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        touch(c, id)?;
        diesel::update(inquiries::table.filter(inquiries::id.eq(id)))
            .set(inquiries::assigned_to.eq(assignee))
            .execute(c)?;
        if assignee.is_some() {
            acknowledge(c, id)?;
            diesel::update(
                inquiries::table.filter(inquiries::id.eq(id)).filter(inquiries::status.eq(InquiryStatus::New.as_str())),
            )
            .set(inquiries::status.eq(InquiryStatus::InProgress.as_str()))
            .execute(c)?;
        }
        let action = if assignee.is_some() {
            crate::domain::AuditAction::InquiryAssign
        } else {
            crate::domain::AuditAction::InquiryUnassign
        };
        audit::record(c, Event::new(Some(actor), action, "inquiry", Some(id)).detail(assignee.unwrap_or("")))
    })
}

/// A status change by a caseworker (including reopening a closed inquiry).
pub fn change_status(conn: &mut DbConnection, id: &str, status: InquiryStatus, actor: &str) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        let at = now();
        let closed_at = (status == InquiryStatus::Closed).then_some(at);
        let n = diesel::update(inquiries::table.filter(inquiries::id.eq(id)))
            .set((
                inquiries::status.eq(status.as_str()),
                inquiries::updated_at.eq(at),
                inquiries::closed_at.eq(closed_at),
            ))
            .execute(c)?;
        if n == 0 {
            return Err(RepoError::NotFound);
        }
        if status != InquiryStatus::New {
            acknowledge(c, id)?;
        }
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::InquiryStatus, "inquiry", Some(id))
                .detail(status.as_str()),
        )
    })
}

/// Raises or clears the safeguarding flag; raising it queues `mails` (to the protection lead).
pub fn set_safeguarding(
    conn: &mut DbConnection,
    vault: &Vault,
    id: &str,
    flag: bool,
    mails: &[NewMail],
    host: &str,
    actor: &str,
) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        touch(c, id)?;
        diesel::update(inquiries::table.filter(inquiries::id.eq(id)))
            .set(inquiries::safeguarding.eq(flag))
            .execute(c)?;
        for mail in mails {
            outbox::enqueue(c, vault, mail, host)?;
        }
        let action = if flag {
            crate::domain::AuditAction::InquirySafeguardingRaise
        } else {
            crate::domain::AuditAction::InquirySafeguardingClear
        };
        audit::record(c, Event::new(Some(actor), action, "inquiry", Some(id)))
    })
}

/// Tags the inquiry with the guide that should have answered it (`None` clears the tag).
pub fn set_content_gap(conn: &mut DbConnection, id: &str, guide: Option<&str>, actor: &str) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        touch(c, id)?;
        diesel::update(inquiries::table.filter(inquiries::id.eq(id)))
            .set(inquiries::content_gap.eq(guide))
            .execute(c)?;
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::InquiryContentGap, "inquiry", Some(id))
                .detail(guide.unwrap_or("")),
        )
    })
}

/// Content-gap tags with their counts, most frequent first.
pub fn content_gaps(conn: &mut DbConnection) -> Result<Vec<(String, i64)>, RepoError> {
    use diesel::dsl::count_star;
    let rows: Vec<(Option<String>, i64)> = inquiries::table
        .filter(inquiries::content_gap.is_not_null())
        .group_by(inquiries::content_gap)
        .select((inquiries::content_gap, count_star()))
        .load(conn)?;
    let mut gaps: Vec<(String, i64)> = rows.into_iter().filter_map(|(g, n)| g.map(|g| (g, n))).collect();
    gaps.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(gaps)
}

/// Everything stored about one inquiry, as JSON, for a subject-access request. Audited.
pub fn export(conn: &mut DbConnection, vault: &Vault, id: &str, actor: &str) -> Result<serde_json::Value, RepoError> {
    let case = open_case(conn, vault, id, actor)?;
    write_transaction(conn, |c| {
        let mails: Vec<OutboxRow> = outbox_table::table
            .filter(outbox_table::inquiry_id.eq(id))
            .order(outbox_table::created_at)
            .select(OutboxRow::as_select())
            .load(c)?;
        let history = audit::for_record(c, id)?;
        audit::record(c, Event::new(Some(actor), crate::domain::AuditAction::InquiryExport, "inquiry", Some(id)))?;
        let time = |t: PrimitiveDateTime| t.assume_utc().format(&time::format_description::well_known::Rfc3339).ok();
        let entry = |e: &CaseEntry| {
            serde_json::json!({
                "kind": e.kind, "staff": e.staff_email, "body": e.body, "created_at": time(e.created_at)
            })
        };
        let item = &case.item;
        Ok(serde_json::json!({
            "reference": item.reference,
            "status": item.status.as_str(),
            "topic": item.topic_slug,
            "form_language": item.lang,
            "answer_language": item.answer_lang,
            "contact_method": item.contact_method,
            "name": case.name,
            "email": case.email,
            "phone": case.phone,
            "created_at": time(item.created_at),
            "acknowledged_at": item.acknowledged_at.and_then(time),
            "answered_at": item.answered_at.and_then(time),
            "closed_at": item.closed_at.and_then(time),
            "assigned_to": item.assigned_email,
            "safeguarding": item.safeguarding,
            "content_gap": item.content_gap,
            "team": item.team_name,
            "region": item.region_slug,
            "messages": case.thread.iter().map(entry).collect::<Vec<_>>(),
            "internal_notes": case.notes.iter().map(entry).collect::<Vec<_>>(),
            "emails": mails.iter().map(|m| serde_json::json!({
                "kind": m.kind, "status": m.status, "created_at": time(m.created_at), "sent_at": m.sent_at.and_then(time)
            })).collect::<Vec<_>>(),
            "audit": history.iter().map(|a| serde_json::json!({
                "at": time(a.at), "action": a.action, "detail": a.detail
            })).collect::<Vec<_>>(),
        }))
    })
}

/// Erases one inquiry everywhere (messages, notes, its emails), leaving a tombstone
/// without personal data and an audit entry.
pub fn erase(conn: &mut DbConnection, id: &str, actor: &str) -> Result<String, RepoError> {
    write_transaction(conn, |c| {
        let row: InquiryRow = inquiries::table.filter(inquiries::id.eq(id)).select(InquiryRow::as_select()).first(c)?;
        diesel::insert_into(inquiry_tombstones::table)
            .values(TombstoneRow {
                id: row.id.clone(),
                reference: row.reference.clone(),
                topic_slug: row.topic_slug.clone(),
                lang: row.lang.clone(),
                outcome: "erased".to_owned(),
                created_at: row.created_at,
                closed_at: row.closed_at,
                purged_at: now(),
            })
            .execute(c)?;
        diesel::delete(outbox_table::table.filter(outbox_table::inquiry_id.eq(id))).execute(c)?;
        diesel::delete(inquiry_notes::table.filter(inquiry_notes::inquiry_id.eq(id))).execute(c)?;
        diesel::delete(inquiry_messages::table.filter(inquiry_messages::inquiry_id.eq(id))).execute(c)?;
        diesel::delete(inquiries::table.filter(inquiries::id.eq(id))).execute(c)?;
        audit::record(c, Event::new(Some(actor), crate::domain::AuditAction::InquiryErase, "inquiry", Some(id)))?;
        Ok(row.reference)
    })
}

/// Open inquiries assigned to one caseworker that they may still see, for their digest
/// (never closed ones, never another team's).
pub fn open_for(conn: &mut DbConnection, user_id: &str, targets: Targets) -> Result<Vec<QueueItem>, RepoError> {
    let scope = super::teams::scope_of(conn, user_id)?;
    let filter = QueueFilter { assignee: Some(Assignee::User(user_id.to_owned())), ..Default::default() };
    all_matching(conn, &scope, &filter, targets, 500)
}
