//! Canned replies: ready-made answers per language that caseworkers start a reply from.

use diesel::prelude::*;

use super::{RepoError, new_id, now};
use crate::db::DbConnection;
use crate::db::rows::CannedReplyRow;
use crate::db::schema::canned_replies;

pub fn list(conn: &mut DbConnection, lang: Option<&str>) -> Result<Vec<CannedReplyRow>, RepoError> {
    let mut query = canned_replies::table.into_boxed();
    if let Some(lang) = lang {
        query = query.filter(canned_replies::lang.eq(lang.to_owned()));
    }
    Ok(query.order((canned_replies::lang, canned_replies::title)).select(CannedReplyRow::as_select()).load(conn)?)
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> Result<CannedReplyRow, RepoError> {
    Ok(canned_replies::table.filter(canned_replies::id.eq(id)).select(CannedReplyRow::as_select()).first(conn)?)
}

pub fn create(
    conn: &mut DbConnection,
    lang: &str,
    title: &str,
    body: &str,
    guide_slug: Option<&str>,
) -> Result<String, RepoError> {
    let at = now();
    let id = new_id();
    diesel::insert_into(canned_replies::table)
        .values(CannedReplyRow {
            id: id.clone(),
            lang: lang.to_owned(),
            title: title.to_owned(),
            body: body.to_owned(),
            guide_slug: guide_slug.map(str::to_owned),
            created_at: at,
            updated_at: at,
        })
        .execute(conn)?;
    Ok(id)
}

pub fn delete(conn: &mut DbConnection, id: &str) -> Result<(), RepoError> {
    let n = diesel::delete(canned_replies::table.filter(canned_replies::id.eq(id))).execute(conn)?;
    if n == 1 { Ok(()) } else { Err(RepoError::NotFound) }
}

pub fn count(conn: &mut DbConnection) -> Result<i64, RepoError> {
    Ok(canned_replies::table.count().get_result(conn)?)
}
