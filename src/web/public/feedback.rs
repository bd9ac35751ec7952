//! "Was this page useful?": a yes/no answer and an optional comment, stored with
//! the guide and language only. No cookie; a signed form token and a rate limit.

use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::PathLang;
use super::pages::FeedbackForm;
use crate::app::feedback::{self, FeedbackProblem, NewFeedback};
use crate::app::guidance;
use crate::content::cache::MAX_PAGE_AGE_SECS;
use crate::crypto::form_token;
use crate::domain::{Lang, Slug};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, client_ip, render, render_with_status, see_other};

/// How long a reader may take over a guide page they were served.
const READING_TIME: i64 = 6 * 3600;
/// A reverse proxy may keep a public page this long (`Cache-Control: max-age`).
const PROXY_AGE: i64 = 60;
/// The token in a guide page is as old as the cached page (re-rendered at
/// `MAX_PAGE_AGE_SECS` at the latest), and then the reader reads: whoever is served a
/// page has at least `READING_TIME` to answer, however long ago the content changed.
const TOKEN_MAX_AGE: i64 = MAX_PAGE_AGE_SECS + PROXY_AGE + READING_TIME;

#[derive(Deserialize)]
pub struct FeedbackInput {
    #[serde(default)]
    token: String,
    #[serde(default)]
    useful: String,
    #[serde(default)]
    comment: String,
    /// Honeypot: people never see it, simple bots fill it in.
    #[serde(default)]
    website: String,
}

#[derive(Template)]
#[template(path = "public/feedback.html")]
struct FeedbackPage {
    ctx: PageContext,
    errors: Vec<FieldError>,
    back_href: String,
    back_text: String,
    feedback: FeedbackForm,
}

#[derive(Template)]
#[template(path = "public/feedback_thanks.html")]
struct ThanksPage {
    ctx: PageContext,
    back_href: String,
    back_text: String,
}

fn slug_of(req: &HttpRequest) -> Result<Slug, AppError> {
    Slug::parse(req.match_info().get("slug").unwrap_or("")).map_err(|_| AppError::NotFound)
}

pub async fn submit_feedback(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    input: web::Form<FeedbackInput>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let slug = slug_of(&req)?;
    let title = guidance::guide_title(&state, &lang, &slug).await?;
    let input = input.into_inner();
    let thanks = format!("/{lang}/guides/{slug}/feedback");
    if !input.website.is_empty() {
        // Pretend all went well; a bot learns nothing.
        return Ok(see_other(&thanks));
    }
    if state.settings().rate_limits
        && !state.limiter.allow("feedback", client_ip(&state, &req), 10, Duration::from_secs(600))
    {
        return Err(AppError::TooManyRequests);
    }
    let now = state.cache.now_unix();
    let token_ok =
        form_token::verify(&state.key, &format!("feedback:{lang}:{slug}"), &input.token, now, 0, TOKEN_MAX_AGE).is_ok();
    let problems = match NewFeedback::parse(&input.useful, &input.comment) {
        Ok(feedback) if token_ok => {
            feedback::give(&state, &lang, &slug, feedback).await?;
            return Ok(see_other(&thanks));
        }
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    let mut form = FeedbackForm::new(&state, &lang, slug.as_str());
    (form.standalone, form.useful, form.comment) = (true, input.useful, input.comment);
    refused(&state, &lang, &slug, &title, form, token_ok, &problems)
}

/// The feedback form again, with what the reader chose and wrote and what to put right.
fn refused(
    state: &AppState,
    lang: &Lang,
    slug: &Slug,
    title: &str,
    mut form: FeedbackForm,
    token_ok: bool,
    problems: &[FeedbackProblem],
) -> Result<HttpResponse, AppError> {
    let mut ctx = PageContext::public(state, lang, &format!("/guides/{slug}"));
    let mut errors = Vec::new();
    // An expired token hides the choice's own problem: the reader keeps what they wrote and
    // sends it again with a fresh token.
    let choice_key = if token_ok {
        problems.contains(&FeedbackProblem::Choice).then(|| FeedbackProblem::Choice.key())
    } else {
        Some("feedback-error-expired")
    };
    if let Some(key) = choice_key {
        form.choice_error = Some(ctx.t(key));
        errors.push(FieldError { field: "useful".into(), message: ctx.t(key) });
    }
    if problems.contains(&FeedbackProblem::CommentTooLong) {
        let key = FeedbackProblem::CommentTooLong.key();
        form.comment_error = Some(ctx.t(key));
        errors.push(FieldError { field: "comment".into(), message: ctx.t(key) });
    }
    ctx.has_errors = true;
    let back_text = ctx.tr.t_args("feedback-back", &[("title", title)]);
    let page = FeedbackPage { back_href: format!("/{lang}/guides/{slug}"), back_text, errors, feedback: form, ctx };
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn feedback_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let slug = slug_of(&req)?;
    let title = guidance::guide_title(&state, &lang, &slug).await?;
    let ctx = PageContext::public(&state, &lang, &format!("/guides/{slug}/feedback"));
    let back_text = ctx.tr.t_args("feedback-back", &[("title", &title)]);
    render(&ThanksPage { back_href: format!("/{lang}/guides/{slug}"), back_text, ctx })
}
