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
