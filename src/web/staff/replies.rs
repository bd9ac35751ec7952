//! Canned replies (`/staff/replies`): the list per language, the add form and delete.
//! The texts are checked by `app::replies::NewCannedReply::parse`; storing is `app::replies`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::replies::{self, CannedProblem, CannedReply, NewCannedReply};
use crate::auth::{Caseworker, Staff};
use crate::domain::{CannedReplyId, Lang};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{Choice, FieldError, choices};
use crate::web::{AppState, render, render_with_status, see_other};

#[derive(Template)]
#[template(path = "staff/replies.html")]
struct RepliesPage {
    ctx: PageContext,
    csrf: String,
    replies: Vec<(CannedReply, String)>,
    langs: Vec<Choice>,
    guides: Vec<Choice>,
    title: String,
    body: String,
    title_error: Option<String>,
    body_error: Option<String>,
    errors: Vec<FieldError>,
}

async fn replies_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<RepliesPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let language_name = |code: &str| Lang::parse(code).map(|l| Translator::new(&l).language_name()).unwrap_or_default();
    let replies = replies::list(state, None)
        .await?
        .into_iter()
        .map(|r| {
            let name = language_name(&r.lang);
            (r, name)
        })
        .collect();
    let langs =
        state.settings().languages.iter().map(|l| (l.to_string(), Translator::new(l).language_name())).collect();
    let mut guide_opts = vec![(String::new(), ctx.t("staff-canned-no-guide"))];
    guide_opts.extend(crate::app::case::guides(state, &staff.lang).await?);
    Ok(RepliesPage {
        csrf: staff.csrf.clone(),
        replies,
        langs: choices(langs, staff.lang.as_str()),
        guides: choices(guide_opts, ""),
        title: String::new(),
        body: String::new(),
        title_error: None,
        body_error: None,
        errors: Vec::new(),
        ctx,
    })
}

pub async fn replies(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
) -> Result<HttpResponse, AppError> {
    render(&replies_page(&state, &req, &staff).await?)
}

#[derive(Deserialize)]
pub struct CannedInput {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    guide: String,
}

pub async fn add_reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    input: web::Form<CannedInput>,
) -> Result<HttpResponse, AppError> {
    let input = input.into_inner();
    let lang = Lang::parse(&input.lang).ok().filter(|l| state.settings().languages.contains(l));
    let guide = Some(input.guide.trim().to_owned()).filter(|g| !g.is_empty());
    let mut page = replies_page(&state, &req, &staff).await?;
    // The language and the guide come from the form's lists; anything else was not sent by it.
    let (Some(lang), true) = (lang, guide.as_ref().is_none_or(|slug| page.guides.iter().any(|g| &g.value == slug)))
    else {
        return Err(AppError::BadRequest);
    };
    let problems = match NewCannedReply::parse(lang.clone(), &input.title, &input.body, guide.clone()) {
        Ok(reply) => {
            replies::create(&state, &staff, reply).await?;
            return Ok(see_other("/staff/replies"));
        }
        Err(problems) => problems,
    };
    for p in problems {
        let message = page.ctx.t(p.key());
        match p {
            CannedProblem::Title => page.title_error = Some(message.clone()),
            CannedProblem::Body => page.body_error = Some(message.clone()),
        }
        page.errors.push(FieldError::new(p.field(), message));
    }
    (page.title, page.body) = (input.title, input.body);
    page.langs.iter_mut().for_each(|c| c.selected = c.value == lang.as_str());
    page.guides.iter_mut().for_each(|c| c.selected = Some(&c.value) == guide.as_ref());
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn delete_reply(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<CannedReplyId>,
) -> Result<HttpResponse, AppError> {
    replies::delete(&state, &staff, id.into_inner()).await?;
    Ok(see_other("/staff/replies"))
}
