//! The revisions of one translation (`…/{slug}/{lang}/revisions`): who saved what when, a word
//! diff between any two, and rollback (a new revision with an old revision's text).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::editor::SAVED_FLASH;
use super::{enabled_lang, lang_name, path_slug};
use crate::app::content::{self, GuideInfo, Revision, Saved};
use crate::auth::Editor;
use crate::domain::diff::DiffPart;
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::redirect_with_flash;
use crate::web::{AppState, render, see_other};

#[derive(Template)]
#[template(path = "admin/revisions.html")]
struct RevisionsPage {
    ctx: PageContext,
    csrf: String,
    guide: GuideInfo,
    lang: String,
    lang_name: String,
    revisions: Vec<Revision>,
    from: i32,
    to: i32,
    diff: Vec<DiffPart>,
    title_diff: Vec<DiffPart>,
}

#[derive(Deserialize)]
pub struct DiffQuery {
    from: Option<i32>,
    to: Option<i32>,
}

pub async fn revisions(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, String)>,
    query: web::Query<DiffQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang) = path.into_inner();
    let (slug, lang) = (path_slug(&slug)?, enabled_lang(&state, &lang)?);
    let view = content::revisions(&state, &slug, &lang, query.from, query.to).await?;
    render(&RevisionsPage {
        ctx: staff_context(&state, &staff, &req),
        csrf: staff.csrf.clone(),
        guide: view.guide,
        lang_name: lang_name(&lang),
        lang: lang.to_string(),
        revisions: view.revisions,
        from: view.from,
        to: view.to,
        diff: view.diff,
        title_diff: view.title_diff,
    })
}

pub async fn rollback(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    path: web::Path<(String, String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang, number) = path.into_inner();
    let (slug, lang) = (path_slug(&slug)?, enabled_lang(&state, &lang)?);
    let editor = format!("/admin/content/guides/{slug}/{lang}");
    Ok(match content::rollback(&state, &staff, &slug, &lang, number).await? {
        Saved::Stored { .. } => redirect_with_flash(&state, &editor, SAVED_FLASH),
        Saved::Unchanged => redirect_with_flash(&state, &editor, "admin-unchanged"),
        // Someone saved meanwhile: back to the list, which now shows their revision.
        Saved::Conflict(_) => see_other(&format!("{editor}/revisions")),
    })
}
