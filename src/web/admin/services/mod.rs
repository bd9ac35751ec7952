//! The services directory for editors (`/admin/services`): the list, services not checked for a
//! long time first, with its quick actions (checked today, publish, unpublish); the form and versions below.

pub mod edit;
pub mod revisions;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::directory::{self, QuickAction, ServiceLine};
use crate::auth::Editor;
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::redirect_with_flash;
use crate::web::{AppState, render};

#[derive(Template)]
#[template(path = "admin/services.html")]
struct ServicesPage {
    ctx: PageContext,
    csrf: String,
    lines: Vec<ServiceLine>,
    stale: usize,
    lang: String,
}

/// The directory for editors: services not checked for a long time first.
pub async fn services(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let lines = directory::list_for_editors(&state).await?;
    render(&ServicesPage {
        ctx: staff_context(&state, &staff, &req),
        csrf: staff.csrf.clone(),
        stale: lines.iter().filter(|l| l.stale).count(),
        lines,
        lang: staff.lang.to_string(),
    })
}

#[derive(Deserialize)]
pub struct ServiceAction {
    #[serde(default)]
    action: String,
}

pub async fn service_action(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    slug: web::Path<String>,
    input: web::Form<ServiceAction>,
) -> Result<HttpResponse, AppError> {
    let Some(action) = QuickAction::parse(&input.action) else { return Err(AppError::BadRequest) };
    directory::quick_action(&state, &staff, &slug, action).await?;
    let done = if action == QuickAction::Checked { "admin-services-done-checked" } else { "admin-done-settings" };
    Ok(redirect_with_flash(&state, "/admin/services", done))
}
