//! Reader feedback, zero-result searches and content gaps (`/admin/feedback`): what readers
//! said and looked for in vain, and what caseworkers tagged as missing.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::app::feedback::{self, ContentGap, GuideFeedback, SearchMiss};
use crate::auth::Editor;
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::{AppState, render};

#[derive(Template)]
#[template(path = "admin/feedback.html")]
struct FeedbackPage {
    ctx: PageContext,
    guides: Vec<GuideFeedback>,
    misses: Vec<SearchMiss>,
    gaps: Vec<ContentGap>,
    default_lang: String,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let overview = feedback::overview(&state).await?;
    render(&FeedbackPage {
        ctx: staff_context(&state, &staff, &req),
        guides: overview.guides,
        misses: overview.misses,
        gaps: overview.gaps,
        default_lang: state.settings().default_language.to_string(),
    })
}
