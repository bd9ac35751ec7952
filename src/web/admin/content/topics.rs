//! Topics (`/admin/content/topics/{slug}`, `new` for a new one): the position on the home
//! page and a title and summary per language, the default language's title required.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::{lang_name, path_slug};
use crate::app::content::{self, TopicSaved};
use crate::auth::Editor;
use crate::auth::Staff;
use crate::domain::Lang;
use crate::domain::content::{NewTopic, Position, TextProblem, TopicProblem};
use crate::domain::inquiry::clean_line;
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::{FieldError, FieldErrors, form_value, redirect_with_flash};
use crate::web::{AppState, render, render_with_status};

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

/// One field set per enabled language, filled from `texts` (lang, title, summary).
fn topic_fields(state: &AppState, texts: &[(String, String, String)]) -> Vec<TopicField> {
    let settings = state.settings();
    settings
        .languages
        .iter()
        .map(|l| {
            let found = texts.iter().find(|(lang, _, _)| lang == l.as_str());
            TopicField {
                is_default: *l == settings.default_language,
                lang: l.to_string(),
                name: lang_name(l),
                dir: l.direction().as_str(),
                title: found.map(|t| t.1.clone()).unwrap_or_default(),
                summary: found.map(|t| t.2.clone()).unwrap_or_default(),
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
    let (is_new, slug, position, texts) = if slug.as_str() == "new" {
        (true, String::new(), "0".to_owned(), Vec::new())
    } else {
        let topic = content::topic(&state, &path_slug(&slug)?).await?;
        (false, topic.slug, topic.position.to_string(), topic.texts)
    };
    let fields = topic_fields(&state, &texts);
    let ctx = staff_context(&state, &staff, &req);
    render(&TopicPage { csrf: staff.csrf.clone(), is_new, slug, position, fields, errors: Vec::new(), ctx })
}

/// The translations a topic form gives: (language, title, summary).
type Given = Vec<(Lang, String, String)>;

/// Every language's typed title and summary (cleaned), and those that make a translation: a
/// language without a title has none, but the default language must have one.
fn typed_texts(state: &AppState, form: &[(String, String)]) -> (Vec<(String, String, String)>, Given) {
    let settings = state.settings();
    let mut texts = Vec::new();
    let mut given = Vec::new();
    for l in &settings.languages {
        let title = clean_line(&form_value(form, &format!("title_{l}")));
        let summary = clean_line(&form_value(form, &format!("summary_{l}")));
        if *l == settings.default_language || !title.is_empty() {
            given.push((l.clone(), title.clone(), summary.clone()));
        }
        texts.push((l.to_string(), title, summary));
    }
    (texts, given)
}

/// The form's problems, at the fields they are about.
fn field_errors(ctx: &PageContext, problems: &[TopicProblem], default: &Lang) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for p in problems {
        match p {
            TopicProblem::Slug => errors.push("slug", ctx.t("admin-error-slug")),
            TopicProblem::Position => errors.push("position", ctx.t("admin-error-position")),
            TopicProblem::Text(l, TextProblem::Title) if l == default => {
                errors.push("title_default", ctx.t("admin-error-title"));
            }
            TopicProblem::Text(l, p) => errors.push(format!("{}_{l}", p.field()), ctx.t(p.key())),
        }
    }
    errors
}

pub async fn save_topic(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let is_new = slug.as_str() == "new";
    let get = |k: &str| form_value(&form, k);
    let slug = if is_new { get("slug").trim().to_ascii_lowercase() } else { slug.into_inner() };
    let default = state.settings().default_language.clone();
    let (texts, given) = typed_texts(&state, &form);
    let ctx = staff_context(&state, &staff, &req);
    let errors = match NewTopic::parse(&slug, Position::parse(&get("position")), &given, &default) {
        Err(problems) => field_errors(&ctx, &problems, &default),
        Ok(topic) => match content::save_topic(&state, &staff, topic, is_new).await? {
            TopicSaved::Saved => return Ok(redirect_with_flash(&state, "/admin/content", "admin-done-topic")),
            TopicSaved::SlugTaken => {
                let mut errors = FieldErrors::default();
                errors.push("slug", ctx.t("admin-error-slug-taken"));
                errors
            }
        },
    };
    let fields = topic_fields(&state, &texts);
    error_page(ctx, &staff, is_new, slug, get("position"), fields, errors)
}

fn error_page(
    mut ctx: PageContext,
    staff: &Staff,
    is_new: bool,
    slug: String,
    position: String,
    fields: Vec<TopicField>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    ctx.has_errors = true;
    let page = TopicPage { csrf: staff.csrf.clone(), is_new, slug, position, fields, errors: errors.into_vec(), ctx };
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
