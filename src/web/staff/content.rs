//! Content administration for editors: the guide list, the translation editor
//! (source language beside it, preview rendered as the public page will be,
//! major/minor saves, optimistic locking), revisions with word diffs and
//! rollback, publishing, review confirmation and the translation dashboard.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use time::{Duration, PrimitiveDateTime};

use super::{DoneQuery, Editor, Staff, staff_context};
use crate::content::files::render_translation;
use crate::content::markdown;
use crate::db::repo::content::{self as content_repo, TopicView};
use crate::db::repo::editor::{self, GuideSummary, RevisionView, Saved, TranslationState};
use crate::db::repo::now;
use crate::db::rows::{GuideRow, GuideTranslationRow};
use crate::domain::Lang;
use crate::domain::diff::{DiffPart, word_diff};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::{AppState, render, render_with_status, see_other};

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 500;
pub const MAX_BODY: usize = 100_000;

fn langs(state: &AppState) -> Vec<String> {
    state.settings().languages.iter().map(|l| l.to_string()).collect()
}

fn lang_name(code: &str) -> String {
    Lang::parse(code).map(|l| crate::i18n::Translator::new(&l).language_name()).unwrap_or_else(|_| code.to_owned())
}

/// One cell of the guide × language grid.
pub struct Cell {
    pub lang: String,
    pub state: &'static str,
    pub label: String,
    pub href: String,
}

pub struct GuideLine {
    pub summary: GuideSummary,
    pub cells: Vec<Cell>,
    pub review_due: bool,
}

fn lines(state: &AppState, ctx: &PageContext, summaries: Vec<GuideSummary>) -> Vec<GuideLine> {
    let today = now().date();
    summaries
        .into_iter()
        .map(|summary| {
            let cells = langs(state)
                .into_iter()
                .map(|lang| {
                    let st = summary.states.get(&lang).copied().unwrap_or(TranslationState::Missing);
                    Cell {
                        href: format!("/admin/content/guides/{}/{lang}", summary.guide.slug),
                        label: ctx.tp("admin-state-", st.as_str()),
                        state: st.as_str(),
                        lang,
                    }
                })
                .collect();
            GuideLine { review_due: summary.guide.review_by < today, cells, summary }
        })
        .collect()
}

async fn summaries(state: &AppState) -> Result<Vec<GuideSummary>, AppError> {
    let (l, d) = (langs(state), state.settings().default_language.to_string());
    Ok(state.db.run(move |c| editor::guide_summaries(c, &l, &d)).await?)
}

#[derive(Template)]
#[template(path = "admin/content.html")]
struct ContentPage {
    ctx: PageContext,
    csrf: String,
    guides: Vec<GuideLine>,
    topics: Vec<TopicView>,
    langs: Vec<(String, String)>,
    notice: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let ctx = staff_context(&state, &staff, &req);
    let guides = lines(&state, &ctx, summaries(&state).await?);
    let (l, d) = (staff.lang.to_string(), state.settings().default_language.to_string());
    let topics = state.db.run(move |c| content_repo::list_topics(c, &l, &d)).await?;
    let notice = match done.done.as_deref() {
        Some("published") => Some(ctx.t("admin-done-published")),
        Some("unpublished") => Some(ctx.t("admin-done-unpublished")),
        Some("reviewed") => Some(ctx.t("admin-done-reviewed")),
        Some("topic") => Some(ctx.t("admin-done-topic")),
        _ => None,
    };
    render(&ContentPage {
        csrf: staff.csrf.clone(),
        guides,
        topics,
        langs: langs(&state).into_iter().map(|l| (lang_name(&l), l)).collect(),
        notice,
        ctx,
    })
}

pub struct Coverage {
    pub lang: String,
    pub name: String,
    pub current: usize,
    pub outdated: usize,
    pub missing: usize,
    pub percent: usize,
}

#[derive(Template)]
#[template(path = "admin/translations.html")]
struct TranslationsPage {
    ctx: PageContext,
    csrf: String,
    guides: Vec<GuideLine>,
    coverage: Vec<Coverage>,
    langs: Vec<(String, String)>,
    overdue: usize,
}

pub async fn dashboard(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let ctx = staff_context(&state, &staff, &req);
    let guides = lines(&state, &ctx, summaries(&state).await?);
    let total = guides.len().max(1);
    let coverage = langs(&state)
        .into_iter()
        .map(|lang| {
            let count =
                |s: &str| guides.iter().filter(|g| g.cells.iter().any(|c| c.lang == lang && c.state == s)).count();
            let (current, outdated, missing) = (count("current"), count("outdated"), count("missing"));
            Coverage { name: lang_name(&lang), percent: current * 100 / total, current, outdated, missing, lang }
        })
        .collect();
    let overdue = guides.iter().filter(|g| g.review_due).count();
    render(&TranslationsPage {
        csrf: staff.csrf.clone(),
        langs: langs(&state).into_iter().map(|l| (lang_name(&l), l)).collect(),
        guides,
        coverage,
        overdue,
        ctx,
    })
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
    let (slug, actor) = (slug.into_inner(), staff.user_id.clone());
    state
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            editor::set_published(c, &guide.id, published, &actor)
        })
        .await?;
    state.cache.invalidate();
    Ok(see_other(if published { "/admin/content?done=published" } else { "/admin/content?done=unpublished" }))
}

/// "Still correct in all languages": the next review is a year from today.
pub async fn confirm_review(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (slug, actor) = (slug.into_inner(), staff.user_id.clone());
    let next = now().date() + Duration::days(365);
    state
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            editor::confirm_review(c, &guide.id, next, &actor)
        })
        .await?;
    state.cache.invalidate();
    Ok(see_other("/admin/content?done=reviewed"))
}

#[derive(Template)]
#[template(path = "admin/editor.html")]
struct EditorPage {
    ctx: PageContext,
    csrf: String,
    guide: GuideRow,
    lang: String,
    lang_name: String,
    lang_dir: &'static str,
    source: Option<GuideTranslationRow>,
    source_name: String,
    is_source: bool,
    state_label: String,
    title: String,
    summary: String,
    body: String,
    change_note: String,
    major: bool,
    revision: i32,
    preview: Option<String>,
    conflict: Option<GuideTranslationRow>,
    title_error: Option<String>,
    summary_error: Option<String>,
    body_error: Option<String>,
    note_error: Option<String>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

struct Loaded {
    guide: GuideRow,
    current: Option<GuideTranslationRow>,
    source: Option<GuideTranslationRow>,
    state: TranslationState,
}

fn enabled_lang(state: &AppState, lang: &str) -> Result<Lang, AppError> {
    Lang::parse(lang).ok().filter(|l| state.settings().languages.contains(l)).ok_or(AppError::NotFound)
}

async fn load(state: &AppState, slug: &str, lang: &str) -> Result<Loaded, AppError> {
    let (slug, lang, default) = (slug.to_owned(), lang.to_owned(), state.settings().default_language.to_string());
    Ok(state
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            let current = content_repo::translation(c, &guide.id, &lang)?;
            let source = content_repo::translation(c, &guide.id, &default)?;
            let state = editor::state_of(&lang, &default, current.as_ref(), source.as_ref());
            Ok::<_, crate::db::RepoError>(Loaded { guide, current, source, state })
        })
        .await?)
}

fn editor_page(state: &AppState, req: &HttpRequest, staff: &Staff, lang: &Lang, loaded: Loaded) -> EditorPage {
    let ctx = staff_context(state, staff, req);
    let is_source = *lang == state.settings().default_language;
    let current = loaded.current;
    EditorPage {
        csrf: staff.csrf.clone(),
        lang: lang.to_string(),
        lang_name: lang_name(lang.as_str()),
        lang_dir: lang.direction().as_str(),
        source_name: lang_name(state.settings().default_language.as_str()),
        is_source,
        state_label: ctx.tp("admin-state-", loaded.state.as_str()),
        title: current.as_ref().map(|c| c.title.clone()).unwrap_or_default(),
        summary: current.as_ref().map(|c| c.summary.clone()).unwrap_or_default(),
        body: current.as_ref().map(|c| c.body_md.clone()).unwrap_or_default(),
        change_note: String::new(),
        major: current.is_none(),
        revision: current.as_ref().map_or(0, |c| c.revision),
        source: if is_source { None } else { loaded.source },
        guide: loaded.guide,
        preview: None,
        conflict: None,
        title_error: None,
        summary_error: None,
        body_error: None,
        note_error: None,
        errors: Vec::new(),
        notice: None,
        ctx,
    }
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<i32>,
}

pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, String)>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang) = path.into_inner();
    let lang = enabled_lang(&state, &lang)?;
    let loaded = load(&state, &slug, lang.as_str()).await?;
    let mut page = editor_page(&state, &req, &staff, &lang, loaded);
    if let Some(n) = query.saved {
        page.notice = Some(page.ctx.t_args("admin-done-saved", "revision", &n.to_string()));
    }
    render(&page)
}

#[derive(Deserialize)]
pub struct EditInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    change_note: String,
    #[serde(default)]
    change: String,
    #[serde(default)]
    revision: i32,
    #[serde(default)]
    action: String,
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, String)>,
    input: web::Form<EditInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang) = path.into_inner();
    let lang = enabled_lang(&state, &lang)?;
    let input = input.into_inner();
    let loaded = load(&state, &slug, lang.as_str()).await?;
    let guide_id = loaded.guide.id.clone();
    let is_new = loaded.current.is_none();
    let mut page = editor_page(&state, &req, &staff, &lang, loaded);
    // Whatever was typed stays in the form, whatever happens next.
    let body = crate::domain::inquiry::clean_text(&input.body);
    page.title = crate::domain::inquiry::clean_line(&input.title);
    page.summary = crate::domain::inquiry::clean_line(&input.summary);
    page.body = input.body.replace("\r\n", "\n");
    page.change_note = crate::domain::inquiry::clean_line(&input.change_note);
    page.major = input.change == "major" || is_new;
    page.revision = input.revision;
    if page.title.is_empty() || page.title.chars().count() > MAX_TITLE {
        page.title_error = Some(page.ctx.t("admin-error-title"));
    }
    if page.summary.chars().count() > MAX_SUMMARY {
        page.summary_error = Some(page.ctx.t("admin-error-summary"));
    }
    if body.is_empty() || body.chars().count() > MAX_BODY {
        page.body_error = Some(page.ctx.t("admin-error-body"));
    }
    if page.major && page.change_note.is_empty() {
        page.note_error = Some(page.ctx.t("admin-error-change-note"));
    }
    let invalid = page.title_error.is_some()
        || page.summary_error.is_some()
        || page.body_error.is_some()
        || page.note_error.is_some();
    if invalid {
        for (field, msg) in [
            ("title", &page.title_error),
            ("summary", &page.summary_error),
            ("body", &page.body_error),
            ("change_note", &page.note_error),
        ] {
            if let Some(message) = msg.clone() {
                page.errors.push(FieldError { field: field.into(), message });
            }
        }
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if input.action == "preview" {
        page.preview = Some(markdown::render(&body).html);
        return render(&page);
    }
    let at = now();
    let stamp = PrimitiveDateTime::new(at.date(), at.time());
    let translation = render_translation(
        lang.as_str(),
        &page.title,
        &page.summary,
        &body,
        &page.change_note,
        stamp,
        Some(staff.user_id.clone()),
    )?;
    let (default, actor, major, expected) =
        (state.settings().default_language.to_string(), staff.user_id.clone(), page.major, input.revision);
    let outcome = state
        .db
        .run(move |c| {
            editor::save(
                c,
                &guide_id,
                &translation,
                major,
                &default,
                expected,
                &actor,
                crate::domain::AuditAction::ContentSave,
            )
        })
        .await?;
    match outcome {
        Saved::Stored(n) => {
            state.cache.invalidate();
            Ok(see_other(&format!("/admin/content/guides/{slug}/{lang}?saved={n}")))
        }
        Saved::Unchanged => {
            page.notice = Some(page.ctx.t("admin-unchanged"));
            render(&page)
        }
        Saved::Conflict(theirs) => {
            // Both texts on one page: theirs to read, the editor's own still in the form.
            page.revision = theirs.revision;
            page.conflict = Some(*theirs);
            page.errors.push(FieldError { field: "body".into(), message: page.ctx.t("admin-error-conflict") });
            page.ctx.has_errors = true;
            render_with_status(StatusCode::CONFLICT, &page)
        }
    }
}

#[derive(Template)]
#[template(path = "admin/revisions.html")]
struct RevisionsPage {
    ctx: PageContext,
    csrf: String,
    guide: GuideRow,
    lang: String,
    lang_name: String,
    revisions: Vec<RevisionView>,
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
    let lang = enabled_lang(&state, &lang)?;
    let l = lang.to_string();
    let (guide, list) = state
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            let list = editor::revisions(c, &guide.id, &l)?;
            Ok::<_, crate::db::RepoError>((guide, list))
        })
        .await?;
    let latest = list.first().map_or(0, |r| r.row.revision);
    let to = query.to.unwrap_or(latest);
    let from = query.from.unwrap_or(to.saturating_sub(1));
    let find = |n: i32| list.iter().find(|r| r.row.revision == n);
    let (diff, title_diff) = match (find(from), find(to)) {
        (Some(a), Some(b)) => (word_diff(&a.row.body_md, &b.row.body_md), word_diff(&a.row.title, &b.row.title)),
        (None, Some(b)) => (word_diff("", &b.row.body_md), word_diff("", &b.row.title)),
        _ => (Vec::new(), Vec::new()),
    };
    let ctx = staff_context(&state, &staff, &req);
    render(&RevisionsPage {
        csrf: staff.csrf.clone(),
        lang_name: lang_name(lang.as_str()),
        lang: lang.to_string(),
        guide,
        revisions: list,
        from,
        to,
        diff,
        title_diff,
        ctx,
    })
}

/// Rollback: a new revision with an old revision's text (a minor change, noted in the audit log).
pub async fn rollback(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    path: web::Path<(String, String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang, number) = path.into_inner();
    let lang = enabled_lang(&state, &lang)?;
    let (l, actor, default) = (lang.to_string(), staff.user_id.clone(), state.settings().default_language.to_string());
    let s = slug.clone();
    let outcome = state
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &s)?;
            let old = editor::revision(c, &guide.id, &l, number)?;
            let current = content_repo::translation(c, &guide.id, &l)?.ok_or(crate::db::RepoError::NotFound)?;
            let at = now();
            let input = render_translation(&l, &old.title, &old.summary, &old.body_md, "", at, Some(actor.clone()))?;
            editor::save(
                c,
                &guide.id,
                &input,
                false,
                &default,
                current.revision,
                &actor,
                crate::domain::AuditAction::ContentRollback,
            )
        })
        .await?;
    state.cache.invalidate();
    match outcome {
        Saved::Stored(n) => Ok(see_other(&format!("/admin/content/guides/{slug}/{lang}?saved={n}"))),
        Saved::Unchanged => Ok(see_other(&format!("/admin/content/guides/{slug}/{lang}"))),
        Saved::Conflict(_) => Ok(see_other(&format!("/admin/content/guides/{slug}/{lang}/revisions"))),
    }
}

#[derive(Template)]
#[template(path = "admin/feedback.html")]
struct FeedbackPage {
    ctx: PageContext,
    guides: Vec<editor::FeedbackSummary>,
    misses: Vec<(String, String, i64, time::Date)>,
    gaps: Vec<(String, i64)>,
    default_lang: String,
}

/// What readers said and looked for in vain, and what caseworkers tagged as missing.
pub async fn feedback(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let default = state.settings().default_language.to_string();
    let d = default.clone();
    let (guides, misses, gaps) = state
        .db
        .run(move |c| {
            Ok::<_, crate::db::RepoError>((
                editor::feedback_summaries(c, &d)?,
                editor::search_misses(c, 100)?,
                crate::db::repo::workspace::content_gaps(c)?,
            ))
        })
        .await?;
    let ctx = staff_context(&state, &staff, &req);
    render(&FeedbackPage { ctx, guides, misses, gaps, default_lang: default })
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

async fn topic_choices(state: &AppState, staff: &Staff, selected: &str) -> Result<Vec<Choice>, AppError> {
    let (l, d) = (staff.lang.to_string(), state.settings().default_language.to_string());
    let topics = state.db.run(move |c| content_repo::list_topics(c, &l, &d)).await?;
    Ok(topics.into_iter().map(|t| Choice { selected: t.slug == selected, value: t.slug, label: t.title }).collect())
}

#[derive(Template)]
#[template(path = "admin/new_guide.html")]
struct NewGuidePage {
    ctx: PageContext,
    csrf: String,
    topics: Vec<Choice>,
    source_name: String,
    slug: String,
    title: String,
    summary: String,
    body: String,
    slug_error: Option<String>,
    title_error: Option<String>,
    body_error: Option<String>,
    errors: Vec<FieldError>,
}

pub async fn new_guide_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let ctx = staff_context(&state, &staff, &req);
    render(&NewGuidePage {
        csrf: staff.csrf.clone(),
        topics: topic_choices(&state, &staff, "").await?,
        source_name: lang_name(state.settings().default_language.as_str()),
        slug: String::new(),
        title: String::new(),
        summary: String::new(),
        body: String::new(),
        slug_error: None,
        title_error: None,
        body_error: None,
        errors: Vec::new(),
        ctx,
    })
}

#[derive(Deserialize)]
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

pub async fn create_guide(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    input: web::Form<NewGuideInput>,
) -> Result<HttpResponse, AppError> {
    let input = input.into_inner();
    let ctx = staff_context(&state, &staff, &req);
    let slug = input.slug.trim().to_ascii_lowercase();
    let title = crate::domain::inquiry::clean_line(&input.title);
    let summary = crate::domain::inquiry::clean_line(&input.summary);
    let body = crate::domain::inquiry::clean_text(&input.body);
    let mut page = NewGuidePage {
        csrf: staff.csrf.clone(),
        topics: topic_choices(&state, &staff, &input.topic).await?,
        source_name: lang_name(state.settings().default_language.as_str()),
        slug: input.slug.clone(),
        title: input.title.clone(),
        summary: input.summary.clone(),
        body: input.body.clone(),
        slug_error: None,
        title_error: None,
        body_error: None,
        errors: Vec::new(),
        ctx,
    };
    if !page.topics.iter().any(|t| t.selected) {
        return Err(AppError::BadRequest);
    }
    if crate::domain::Slug::parse(&slug).is_err() {
        page.slug_error = Some(page.ctx.t("admin-error-slug"));
    }
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        page.title_error = Some(page.ctx.t("admin-error-title"));
    }
    if body.is_empty() || body.chars().count() > MAX_BODY || summary.chars().count() > MAX_SUMMARY {
        page.body_error = Some(page.ctx.t("admin-error-body"));
    }
    if page.slug_error.is_none() && page.title_error.is_none() && page.body_error.is_none() {
        let default = state.settings().default_language.to_string();
        let first = render_translation(&default, &title, &summary, &body, "", now(), Some(staff.user_id.clone()))?;
        let (s, t, actor) = (slug.clone(), input.topic.clone(), staff.user_id.clone());
        match state.db.run(move |c| editor::create_guide(c, &s, &t, &first, &default, &actor)).await {
            Ok(_) => {
                return Ok(see_other(&format!(
                    "/admin/content/guides/{slug}/{}?saved=1",
                    state.settings().default_language
                )));
            }
            Err(crate::db::RepoError::Conflict(_)) => page.slug_error = Some(page.ctx.t("admin-error-slug-taken")),
            Err(e) => return Err(e.into()),
        }
    }
    for (field, msg) in [("slug", &page.slug_error), ("title", &page.title_error), ("body", &page.body_error)] {
        if let Some(message) = msg.clone() {
            page.errors.push(FieldError { field: field.into(), message });
        }
    }
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Template)]
#[template(path = "admin/guide_settings.html")]
struct GuideSettingsPage {
    ctx: PageContext,
    csrf: String,
    guide: GuideRow,
    topics: Vec<Choice>,
    replacements: Vec<Choice>,
    position: String,
    review_by: String,
    position_error: Option<String>,
    date_error: Option<String>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

async fn settings_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    guide: GuideRow,
    topic_slug: &str,
) -> Result<GuideSettingsPage, AppError> {
    let all = summaries(state).await?;
    let mut replacements = vec![Choice {
        value: String::new(),
        label: staff_context(state, staff, req).t("admin-replacement-none"),
        selected: guide.replaced_by.is_none(),
    }];
    replacements.extend(all.iter().filter(|g| g.guide.id != guide.id).map(|g| Choice {
        selected: guide.replaced_by.as_deref() == Some(g.guide.slug.as_str()),
        value: g.guide.slug.clone(),
        label: g.title.clone(),
    }));
    Ok(GuideSettingsPage {
        csrf: staff.csrf.clone(),
        topics: topic_choices(state, staff, topic_slug).await?,
        replacements,
        position: guide.position.to_string(),
        review_by: guide.review_by.to_string(),
        guide,
        position_error: None,
        date_error: None,
        errors: Vec::new(),
        notice: None,
        ctx: staff_context(state, staff, req),
    })
}

async fn guide_and_topic(state: &AppState, slug: String) -> Result<(GuideRow, String), AppError> {
    Ok(state
        .db
        .run(move |c| {
            use diesel::prelude::*;
            let guide = editor::guide_by_slug(c, &slug)?;
            let topic: String = crate::db::schema::topics::table
                .filter(crate::db::schema::topics::id.eq(&guide.topic_id))
                .select(crate::db::schema::topics::slug)
                .first(c)?;
            Ok::<_, crate::db::RepoError>((guide, topic))
        })
        .await?)
}

pub async fn guide_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let (guide, topic) = guide_and_topic(&state, slug.into_inner()).await?;
    let mut page = settings_page(&state, &req, &staff, guide, &topic).await?;
    if done.done.as_deref() == Some("saved") {
        page.notice = Some(page.ctx.t("admin-done-settings"));
    }
    render(&page)
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
    let slug = slug.into_inner();
    let (guide, _) = guide_and_topic(&state, slug.clone()).await?;
    let guide_id = guide.id.clone();
    let mut page = settings_page(&state, &req, &staff, guide, &input.topic).await?;
    if !page.topics.iter().any(|t| t.selected) {
        return Err(AppError::BadRequest);
    }
    let replaced_by = Some(input.replaced_by.trim().to_owned()).filter(|r| !r.is_empty());
    if let Some(r) = &replaced_by
        && !page.replacements.iter().any(|c| &c.value == r)
    {
        return Err(AppError::BadRequest);
    }
    let position = input.position.trim().parse::<i32>().ok().filter(|p| (0..=10_000).contains(p));
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let review_by = time::Date::parse(input.review_by.trim(), &format).ok();
    page.position = input.position.clone();
    page.review_by = input.review_by.clone();
    if position.is_none() {
        page.position_error = Some(page.ctx.t("admin-error-position"));
    }
    if review_by.is_none() {
        page.date_error = Some(page.ctx.t("admin-error-date"));
    }
    let (Some(position), Some(review_by)) = (position, review_by) else {
        for (field, msg) in [("position", &page.position_error), ("review_by", &page.date_error)] {
            if let Some(message) = msg.clone() {
                page.errors.push(FieldError { field: field.into(), message });
            }
        }
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let settings = editor::GuideSettings { topic_slug: input.topic.clone(), position, review_by, replaced_by };
    let actor = staff.user_id.clone();
    state.db.run(move |c| editor::update_guide(c, &guide_id, &settings, &actor)).await?;
    state.cache.invalidate();
    Ok(see_other(&format!("/admin/content/guides/{slug}/settings?done=saved")))
}

pub struct TopicField {
    pub is_default: bool,
    pub lang: String,
    pub name: String,
    pub dir: &'static str,
    pub title: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "admin/topic.html")]
struct TopicPage {
    ctx: PageContext,
    csrf: String,
    is_new: bool,
    slug: String,
    position: String,
    fields: Vec<TopicField>,
    errors: Vec<FieldError>,
}

fn topic_fields(state: &AppState, existing: &[crate::db::rows::TopicTranslationRow]) -> Vec<TopicField> {
    state
        .settings()
        .languages
        .iter()
        .map(|l| {
            let found = existing.iter().find(|t| t.lang == l.as_str());
            TopicField {
                is_default: *l == state.settings().default_language,
                lang: l.to_string(),
                name: lang_name(l.as_str()),
                dir: l.direction().as_str(),
                title: found.map(|t| t.title.clone()).unwrap_or_default(),
                summary: found.map(|t| t.summary.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

pub async fn topic_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let ctx = staff_context(&state, &staff, &req);
    let page = if slug == "new" {
        TopicPage {
            csrf: staff.csrf.clone(),
            is_new: true,
            slug: String::new(),
            position: "0".into(),
            fields: topic_fields(&state, &[]),
            errors: Vec::new(),
            ctx,
        }
    } else {
        let s = slug.clone();
        let (topic, translations) = state.db.run(move |c| editor::topic_for_edit(c, &s)).await?;
        TopicPage {
            csrf: staff.csrf.clone(),
            is_new: false,
            slug,
            position: topic.position.to_string(),
            fields: topic_fields(&state, &translations),
            errors: Vec::new(),
            ctx,
        }
    };
    render(&page)
}

pub async fn save_topic(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let path_slug = slug.into_inner();
    let is_new = path_slug == "new";
    let get = |k: &str| super::form_value(&form, k);
    let slug = if is_new { get("slug").trim().to_ascii_lowercase() } else { path_slug.clone() };
    let mut errors = Vec::new();
    let ctx = staff_context(&state, &staff, &req);
    if crate::domain::Slug::parse(&slug).is_err() {
        errors.push(FieldError { field: "slug".into(), message: ctx.t("admin-error-slug") });
    }
    let position = get("position").trim().parse::<i32>().ok().filter(|p| (0..=10_000).contains(p));
    if position.is_none() {
        errors.push(FieldError { field: "position".into(), message: ctx.t("admin-error-position") });
    }
    let mut translations = Vec::new();
    let mut fields = Vec::new();
    for l in &state.settings().languages {
        let title = crate::domain::inquiry::clean_line(&get(&format!("title_{l}")));
        let summary = crate::domain::inquiry::clean_line(&get(&format!("summary_{l}")));
        if *l == state.settings().default_language && (title.is_empty() || title.chars().count() > MAX_TITLE) {
            errors.push(FieldError { field: "title_default".into(), message: ctx.t("admin-error-title") });
        }
        if !title.is_empty() {
            translations.push((l.to_string(), title.clone(), summary.clone()));
        }
        fields.push(TopicField {
            is_default: *l == state.settings().default_language,
            lang: l.to_string(),
            name: lang_name(l.as_str()),
            dir: l.direction().as_str(),
            title,
            summary,
        });
    }
    if !errors.is_empty() {
        let mut page =
            TopicPage { csrf: staff.csrf.clone(), is_new, slug, position: get("position"), fields, errors, ctx };
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let input = content_repo::TopicInput { slug: slug.clone(), position: position.unwrap_or(0), translations };
    let actor = staff.user_id.clone();
    match state.db.run(move |c| editor::save_topic(c, &input, is_new, &actor)).await {
        Ok(()) => {}
        Err(crate::db::RepoError::Conflict(_)) => {
            let message = ctx.t("admin-error-slug-taken");
            let mut page = TopicPage {
                csrf: staff.csrf.clone(),
                is_new,
                slug,
                position: get("position"),
                fields,
                errors: vec![FieldError { field: "slug".into(), message }],
                ctx,
            };
            page.ctx.has_errors = true;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(e) => return Err(e.into()),
    }
    state.cache.invalidate();
    Ok(see_other("/admin/content?done=topic"))
}
