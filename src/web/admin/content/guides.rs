//! One guide's own life: a new draft (`/admin/content/new`), its settings (topic, position,
//! review date, replacement), publishing and withdrawing, and confirming it is still correct.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::editor::SAVED_FLASH;
use super::{lang_name, path_slug};
use crate::app::content::{
    self, GuideCreated, GuideInfo, GuideSettings, GuideSettingsView, NewGuide, SettingsSaved, TopicOverview,
};
use crate::auth::Editor;
use crate::auth::Staff;
use crate::domain::Slug;
use crate::domain::content::{GuideText, Position, parse_day};
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::{Choice, FieldError, FieldErrors, choices, redirect_with_flash};
use crate::web::{AppState, render, render_with_status};

fn topic_choices(topics: Vec<TopicOverview>, selected: &str) -> Vec<Choice> {
    choices(topics.into_iter().map(|t| (t.slug, t.title)).collect(), selected)
}

#[derive(Template)]
#[template(path = "admin/new_guide.html")]
struct NewGuidePage {
    ctx: PageContext,
    csrf: String,
    topics: Vec<Choice>,
    source_name: String,
    input: NewGuideInput,
    slug_error: Option<String>,
    title_error: Option<String>,
    summary_error: Option<String>,
    body_error: Option<String>,
    errors: Vec<FieldError>,
}

#[derive(Deserialize, Default)]
pub struct NewGuideInput {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    body: String,
}

/// The form, with what was typed and what is wrong with it; an unknown topic is no form of ours.
async fn new_guide_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    input: NewGuideInput,
    errors: FieldErrors,
) -> Result<NewGuidePage, AppError> {
    let topics = topic_choices(content::topic_choices(state, &staff.lang).await?, &input.topic);
    if !errors.is_empty() && !topics.iter().any(|t| t.selected) {
        return Err(AppError::BadRequest);
    }
    let mut ctx = staff_context(state, staff, req);
    ctx.has_errors = !errors.is_empty();
    let at = |field: &str| errors.at(field).map(str::to_owned);
    Ok(NewGuidePage {
        csrf: staff.csrf.clone(),
        topics,
        source_name: lang_name(&state.settings().default_language),
        slug_error: at("slug"),
        title_error: at("title"),
        summary_error: at("summary"),
        body_error: at("body"),
        input,
        errors: errors.into_vec(),
        ctx,
    })
}

pub async fn new_guide_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    render(&new_guide_page(&state, &req, &staff, NewGuideInput::default(), FieldErrors::default()).await?)
}

pub async fn create_guide(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    input: web::Form<NewGuideInput>,
) -> Result<HttpResponse, AppError> {
    let input = input.into_inner();
    let ctx = staff_context(&state, &staff, &req);
    let mut errors = FieldErrors::default();
    let slug = Slug::parse(&input.slug.trim().to_ascii_lowercase());
    if slug.is_err() {
        errors.push("slug", ctx.t("admin-error-slug"));
    }
    let text = GuideText::parse(&input.title, &input.summary, &input.body);
    for p in text.as_ref().err().into_iter().flatten() {
        errors.push(p.field(), ctx.t(p.key()));
    }
    if let (Ok(slug), Ok(text)) = (slug, text) {
        let guide = NewGuide { slug: slug.clone(), topic: input.topic.clone(), text };
        match content::create_guide(&state, &staff, guide).await? {
            GuideCreated::Created(_) => {
                let editor = format!("/admin/content/guides/{slug}/{}", state.settings().default_language);
                return Ok(redirect_with_flash(&state, &editor, SAVED_FLASH));
            }
            GuideCreated::SlugTaken => errors.push("slug", ctx.t("admin-error-slug-taken")),
            GuideCreated::UnknownTopic => return Err(AppError::BadRequest),
        }
    }
    let page = new_guide_page(&state, &req, &staff, input, errors).await?;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Deserialize)]
pub struct PublishInput {
    #[serde(default)]
    published: String,
}

pub async fn publish(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    slug: web::Path<String>,
    input: web::Form<PublishInput>,
) -> Result<HttpResponse, AppError> {
    let published = match input.published.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest),
    };
    content::publish(&state, &staff, &path_slug(&slug)?, published).await?;
    let done = if published { "admin-done-published" } else { "admin-done-unpublished" };
    Ok(redirect_with_flash(&state, "/admin/content", done))
}

/// "Still correct in all languages": the next review is a year from today.
pub async fn confirm_review(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    content::confirm_review(&state, &staff, &path_slug(&slug)?).await?;
    Ok(redirect_with_flash(&state, "/admin/content", "admin-done-reviewed"))
}

#[derive(Template)]
#[template(path = "admin/guide_settings.html")]
struct GuideSettingsPage {
    ctx: PageContext,
    csrf: String,
    guide: GuideInfo,
    topics: Vec<Choice>,
    replacements: Vec<Choice>,
    position: String,
    review_by: String,
    position_error: Option<String>,
    date_error: Option<String>,
    errors: Vec<FieldError>,
}

fn settings_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    view: GuideSettingsView,
    topic_slug: &str,
) -> GuideSettingsPage {
    let ctx = staff_context(state, staff, req);
    let mut replacements = vec![Choice {
        value: String::new(),
        label: ctx.t("admin-replacement-none"),
        selected: view.guide.replaced_by.is_none(),
    }];
    let replaced_by = view.guide.replaced_by.clone().unwrap_or_default();
    replacements.extend(topic_choices(view.others, &replaced_by));
    GuideSettingsPage {
        csrf: staff.csrf.clone(),
        topics: topic_choices(view.topics, topic_slug),
        replacements,
        position: view.guide.position.to_string(),
        review_by: view.guide.review_by.to_string(),
        guide: view.guide,
        position_error: None,
        date_error: None,
        errors: Vec::new(),
        ctx,
    }
}

pub async fn guide_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = content::guide_settings(&state, &staff.lang, &path_slug(&slug)?).await?;
    let topic = view.topic_slug.clone();
    render(&settings_page(&state, &req, &staff, view, &topic))
}

#[derive(Deserialize)]
pub struct SettingsInput {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    review_by: String,
    #[serde(default)]
    replaced_by: String,
}

pub async fn save_guide_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    input: web::Form<SettingsInput>,
) -> Result<HttpResponse, AppError> {
    let slug = path_slug(&slug)?;
    let (position, review_by) = (Position::parse(&input.position), parse_day(&input.review_by));
    let replaced_by = Some(input.replaced_by.trim().to_owned()).filter(|r| !r.is_empty());
    if let (Some(position), Some(review_by)) = (position, review_by) {
        let settings = GuideSettings { topic: input.topic.clone(), position, review_by, replaced_by };
        return match content::save_guide_settings(&state, &staff, &slug, settings).await? {
            SettingsSaved::Saved => Ok(redirect_with_flash(
                &state,
                &format!("/admin/content/guides/{slug}/settings"),
                "admin-done-settings",
            )),
            SettingsSaved::UnknownTopic | SettingsSaved::UnknownReplacement => Err(AppError::BadRequest),
        };
    }
    let view = content::guide_settings(&state, &staff.lang, &slug).await?;
    let mut page = settings_page(&state, &req, &staff, view, &input.topic);
    // A topic or replacement that is not on offer is no form of ours.
    let offered = |c: &[Choice], v: &str| c.iter().any(|c| c.value == v);
    if !offered(&page.topics, &input.topic) || replaced_by.is_some_and(|r| !offered(&page.replacements, &r)) {
        return Err(AppError::BadRequest);
    }
    (page.position, page.review_by) = (input.position.clone(), input.review_by.clone());
    if position.is_none() {
        page.position_error = Some(page.ctx.t("admin-error-position"));
        page.errors.push(FieldError::new("position", page.ctx.t("admin-error-position")));
    }
    if review_by.is_none() {
        page.date_error = Some(page.ctx.t("admin-error-date"));
        page.errors.push(FieldError::new("review_by", page.ctx.t("admin-error-date")));
    }
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
