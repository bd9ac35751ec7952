//! A service's saved versions (`/admin/services/{slug}/revisions`): compare one with the current
//! version, and restore it, checked like a file and refused when someone saved since the page loaded.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::directory::{self, Restore, RevisionLine};
use crate::auth::Editor;
use crate::auth::Staff;
use crate::domain::RevisionId;
use crate::domain::diff::DiffPart;
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::{FieldError, redirect_with_flash};
use crate::web::{AppState, render_with_status};

#[derive(Template)]
#[template(path = "admin/service_revisions.html")]
struct RevisionsPage {
    ctx: PageContext,
    csrf: String,
    slug: String,
    title: String,
    revisions: Vec<RevisionLine>,
    compared: Option<usize>,
    diff: Vec<DiffPart>,
    errors: Vec<FieldError>,
    /// The current version, which a restore form carries.
    version: i32,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    compare: Option<String>,
}

async fn revisions_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    slug: &str,
    compare: Option<&RevisionId>,
) -> Result<RevisionsPage, AppError> {
    let view = directory::revisions(state, slug, compare).await?;
    Ok(RevisionsPage {
        ctx: staff_context(state, staff, req),
        csrf: staff.csrf.clone(),
        slug: view.slug,
        title: view.title,
        revisions: view.lines,
        compared: view.compared,
        diff: view.diff,
        errors: Vec::new(),
        version: view.version,
    })
}

pub async fn revisions(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    query: web::Query<CompareQuery>,
) -> Result<HttpResponse, AppError> {
    // A malformed revision id compares with nothing, like an unknown one.
    let compare = query.compare.as_deref().and_then(|c| RevisionId::parse(c).ok());
    let page = revisions_page(&state, &req, &staff, &slug, compare.as_ref()).await?;
    render_with_status(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct RestoreInput {
    #[serde(default)]
    version: String,
}

/// Makes an old revision the current version (as a new revision). A revision naming a topic or
/// region that no longer exists is refused with the reason.
pub async fn restore(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, RevisionId)>,
    input: web::Form<RestoreInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, revision) = path.into_inner();
    let seen_version = input.version.trim().parse().ok();
    let (key, status) = match directory::restore(&state, &staff, &slug, &revision, seen_version).await? {
        Restore::Restored => {
            let edit = format!("/admin/services/{slug}/edit");
            return Ok(redirect_with_flash(&state, &edit, "admin-service-done-saved"));
        }
        Restore::Unusable => ("admin-service-error-restore", StatusCode::UNPROCESSABLE_ENTITY),
        // Someone saved after this page was loaded: show the list as it is now.
        Restore::Stale => ("admin-service-error-restore-changed", StatusCode::CONFLICT),
    };
    let mut page = revisions_page(&state, &req, &staff, &slug, None).await?;
    page.errors.push(FieldError::new(format!("restore-{revision}"), page.ctx.t(key)));
    page.ctx.has_errors = true;
    render_with_status(status, &page)
}
