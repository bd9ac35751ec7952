//! Row structs: `XxxRow` for reads, `NewXxx` for inserts. Checked against both backends.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{account_tokens, staff_roles, staff_users};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_users)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct StaffUserRow {
    pub id: String,
    pub email: String,
    pub email_normalized: String,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub language: String,
    pub totp_secret_enc: Option<Vec<u8>>,
    pub totp_last_step: Option<i64>,
    pub digest_sent_on: Option<time::Date>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = staff_users)]
pub struct NewStaffUser<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub password_hash: &'a str,
    pub disabled: bool,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub language: &'a str,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = staff_roles)]
pub struct NewStaffRole<'a> {
    pub user_id: &'a str,
    pub role: &'a str,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = account_tokens)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AccountTokenRow {
    pub id: String,
    pub token_hash: String,
    pub purpose: String,
    pub email: Option<String>,
    pub roles: String,
    pub created_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
    pub used_at: Option<PrimitiveDateTime>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = account_tokens)]
pub struct NewAccountToken<'a> {
    pub id: &'a str,
    pub token_hash: &'a str,
    pub purpose: &'a str,
    pub email: Option<&'a str>,
    pub roles: &'a str,
    pub created_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
}

use crate::db::schema::{feedback, guide_revisions, guide_translations, guides, topic_translations, topics};
use time::Date;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = topics)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TopicRow {
    pub id: String,
    pub slug: String,
    pub position: i32,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = topic_translations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TopicTranslationRow {
    pub topic_id: String,
    pub lang: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = guides)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
// `None` is NULL, not DEFAULT (no nullable column has a default): SQLite can then take many rows in one INSERT.
#[diesel(treat_none_as_default_value = false)]
pub struct GuideRow {
    pub id: String,
    pub slug: String,
    pub topic_id: String,
    pub position: i32,
    pub published: bool,
    pub review_by: Date,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub withdrawn_at: Option<PrimitiveDateTime>,
    pub replaced_by: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = guide_translations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct GuideTranslationRow {
    pub id: String,
    pub guide_id: String,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub body_html: String,
    pub toc_json: String,
    pub plain_text: String,
    pub search_title: String,
    pub search_body: String,
    pub change_note: String,
    pub major_updated_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub revision: i32,
    pub major_revision: i32,
    pub based_on_major: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = guide_revisions)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
// `None` is NULL, not DEFAULT (no nullable column has a default): SQLite can then take many rows in one INSERT.
#[diesel(treat_none_as_default_value = false)]
pub struct GuideRevisionRow {
    pub id: String,
    pub guide_id: String,
    pub lang: String,
    pub revision: i32,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub change_note: String,
    pub major: bool,
    pub author_id: Option<String>,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = feedback)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct FeedbackRow {
    pub id: String,
    pub guide_id: String,
    pub lang: String,
    pub useful: bool,
    /// Always `None` now: comments are sealed in `comment_enc`.
    pub comment: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub comment_enc: Option<Vec<u8>>,
}

use crate::db::schema::{data_keys, inquiries, inquiry_messages, inquiry_tombstones, outbox};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = data_keys)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct DataKeyRow {
    pub id: String,
    pub wrapped_key: Vec<u8>,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = inquiries)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
// `None` is NULL, not DEFAULT (no nullable column has a default): SQLite can then take many rows in one INSERT.
#[diesel(treat_none_as_default_value = false)]
pub struct InquiryRow {
    pub id: String,
    pub reference: String,
    pub receipt_hash: String,
    pub form_nonce_hash: String,
    pub submission_hash: String,
    pub topic_slug: Option<String>,
    pub lang: String,
    pub answer_lang: String,
    pub contact_method: String,
    pub name_enc: Option<Vec<u8>>,
    pub email_enc: Option<Vec<u8>>,
    pub phone_enc: Option<Vec<u8>>,
    pub status: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub closed_at: Option<PrimitiveDateTime>,
    pub assigned_to: Option<String>,
    pub acknowledged_at: Option<PrimitiveDateTime>,
    pub answered_at: Option<PrimitiveDateTime>,
    pub safeguarding: bool,
    pub content_gap: Option<String>,
    pub team_id: Option<String>,
    pub region_slug: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = inquiry_messages)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
// `None` is NULL, not DEFAULT (no nullable column has a default): SQLite can then take many rows in one INSERT.
#[diesel(treat_none_as_default_value = false)]
pub struct InquiryMessageRow {
    pub id: String,
    pub inquiry_id: String,
    pub author: String,
    pub staff_id: Option<String>,
    pub body_enc: Vec<u8>,
    pub dedupe_hash: Option<String>,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = inquiry_tombstones)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TombstoneRow {
    pub id: String,
    pub reference: String,
    pub topic_slug: Option<String>,
    pub lang: String,
    pub outcome: String,
    pub created_at: PrimitiveDateTime,
    pub closed_at: Option<PrimitiveDateTime>,
    pub purged_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct OutboxRow {
    pub id: String,
    pub event_key: String,
    pub kind: String,
    pub message_id: String,
    pub recipient_enc: Option<Vec<u8>>,
    pub content_enc: Option<Vec<u8>>,
    pub inquiry_id: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: PrimitiveDateTime,
    pub last_error: Option<String>,
    pub claimed_by: Option<String>,
    pub claimed_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    pub sent_at: Option<PrimitiveDateTime>,
}

use crate::db::schema::{audit_log, canned_replies, inquiry_notes, staff_sessions};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = staff_sessions)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct SessionRow {
    pub id: String,
    pub token_hash: String,
    pub user_id: String,
    pub stage: String,
    pub created_at: PrimitiveDateTime,
    pub last_seen_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = inquiry_notes)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct NoteRow {
    pub id: String,
    pub inquiry_id: String,
    pub staff_id: Option<String>,
    pub body_enc: Vec<u8>,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = canned_replies)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CannedReplyRow {
    pub id: String,
    pub lang: String,
    pub title: String,
    pub body: String,
    pub guide_slug: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AuditRow {
    pub seq: i64,
    pub at: PrimitiveDateTime,
    pub actor_id: Option<String>,
    pub action: String,
    pub record_type: String,
    pub record_id: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    /// 1: plain SHA-256 (before the chain was keyed); 2: HMAC under the server's audit key.
    pub chain_version: i32,
}

use crate::db::schema::{service_translations, services};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = services)]
#[diesel(treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ServiceRow {
    pub id: String,
    pub slug: String,
    pub kind: String,
    pub topics: String,
    pub region_slug: String,
    pub address: String,
    pub phone: String,
    pub email: Option<String>,
    pub website: Option<String>,
    pub languages: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub last_checked: Date,
    pub published: bool,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_translations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ServiceTranslationRow {
    pub service_id: String,
    pub lang: String,
    pub name: String,
    pub description: String,
    pub hours: String,
    pub accessibility: Option<String>,
}

use crate::db::schema::{team_rules, teams};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = teams)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TeamRow {
    pub id: String,
    pub name: String,
    pub notify_email: Option<String>,
    pub languages: String,
    pub show_publicly: bool,
    pub position: i32,
    pub is_default: bool,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = team_rules)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TeamRuleRow {
    pub id: String,
    pub team_id: String,
    pub topic_slug: Option<String>,
    pub region_slug: Option<String>,
    pub lang: Option<String>,
    pub created_at: PrimitiveDateTime,
}
