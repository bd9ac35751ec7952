//! The audit log (`/admin/audit`): every recorded action, newest first, filtered by
//! action prefix, actor and record, a page at a time.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::admin::{self, AuditLine, AuditLog, AuditQuery};
use crate::auth::Admin;
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::{AppState, render};

#[derive(Deserialize, Default)]
pub struct AuditParams {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    record: String,
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: PageContext,
    entries: Vec<AuditLine>,
    action: String,
    actor: String,
    record: String,
    actors: Vec<(String, String)>,
    page: i64,
    more: bool,
    /// The filters as a query string, for the page links.
    query: String,
}

pub async fn audit_log(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    params: web::Query<AuditParams>,
) -> Result<HttpResponse, AppError> {
    let AuditParams { action, actor, record, page } = params.into_inner();
    let query = AuditQuery { action, actor, record, page: page.unwrap_or(1) };
    let AuditLog { entries, actors, page, more } = admin::audit_log(&state, &staff, &query).await?;
    let mut qs = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("action", &query.action), ("actor", &query.actor), ("record", &query.record)] {
        if !v.is_empty() {
            qs.append_pair(k, v);
        }
    }
    let AuditQuery { action, actor, record, .. } = query;
    let ctx = staff_context(&state, &staff, &req);
    render(&AuditPage { ctx, entries, action, actor, record, actors, page, more, query: qs.finish() })
}
