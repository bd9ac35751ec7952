//! Outgoing email (`/admin/outbox`): what is not yet delivered, with masked recipients
//! and the last error, and a retry for failed messages.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::app::admin::{self, OutboxLine, OutboxView};
use crate::auth::Admin;
use crate::domain::OutboxId;
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::redirect_with_flash;
use crate::web::{AppState, render};

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    ctx: PageContext,
    csrf: String,
    lines: Vec<OutboxLine>,
    counts: Vec<(String, i64)>,
}

pub async fn outbox_view(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
) -> Result<HttpResponse, AppError> {
    let OutboxView { lines, counts } = admin::outbox(&state, &staff).await?;
    let ctx = staff_context(&state, &staff, &req);
    render(&OutboxPage { csrf: staff.csrf.clone(), lines, counts, ctx })
}

/// Sends a failed email again now; an unknown or delivered one is not found.
pub async fn outbox_retry(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<OutboxId>,
) -> Result<HttpResponse, AppError> {
    admin::retry(&state, &staff, &id).await?;
    Ok(redirect_with_flash(&state, "/admin/outbox", "admin-done-retry"))
}
