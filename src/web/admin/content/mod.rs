//! Content administration (`/admin/content`, `/admin/translations`): the guide list by topic
//! and the translation dashboard here; the editor, revisions, guides and topics in submodules.

pub mod editor;
pub mod guides;
pub mod revisions;
pub mod topics;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::app::content::{self, GuideOverview, TopicOverview};
use crate::auth::Editor;
use crate::domain::{Lang, Slug};
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::{AppState, render};

/// A language's name in its own language (as the switcher shows it).
fn lang_name(lang: &Lang) -> String {
    crate::i18n::Translator::new(lang).language_name()
}

/// The enabled languages as (name, code), for table headings.
fn languages(state: &AppState) -> Vec<(String, String)> {
    state.settings().languages.iter().map(|l| (lang_name(l), l.to_string())).collect()
}

/// A language in an editor URL: only the enabled ones exist.
fn enabled_lang(state: &AppState, lang: &str) -> Result<Lang, AppError> {
    Lang::parse(lang).ok().filter(|l| state.settings().languages.contains(l)).ok_or(AppError::NotFound)
}

/// A guide or topic name in a URL; anything that is not a slug names nothing.
fn path_slug(slug: &str) -> Result<Slug, AppError> {
    Slug::parse(slug).map_err(|_| AppError::NotFound)
}

/// One cell of the guide × language grid.
pub struct Cell {
    pub lang: String,
    pub state: &'static str,
    pub label: String,
    pub href: String,
}

pub struct GuideLine {
    pub summary: GuideOverview,
    pub cells: Vec<Cell>,
    pub review_due: bool,
}

fn lines(ctx: &PageContext, guides: Vec<GuideOverview>) -> Vec<GuideLine> {
    guides
        .into_iter()
        .map(|summary| {
            let cells = summary
                .states
                .iter()
                .map(|(lang, st)| Cell {
                    href: format!("/admin/content/guides/{}/{lang}", summary.guide.slug),
                    label: ctx.tp("admin-state-", st.as_str()),
                    state: st.as_str(),
                    lang: lang.to_string(),
                })
                .collect();
            GuideLine { review_due: summary.review_due, cells, summary }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/content.html")]
struct ContentPage {
    ctx: PageContext,
    csrf: String,
    guides: Vec<GuideLine>,
    topics: Vec<TopicOverview>,
    langs: Vec<(String, String)>,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let list = content::list(&state, &staff.lang).await?;
    let ctx = staff_context(&state, &staff, &req);
    render(&ContentPage {
        csrf: staff.csrf.clone(),
        guides: lines(&ctx, list.guides),
        topics: list.topics,
        langs: languages(&state),
        ctx,
    })
}

pub struct CoverageLine {
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
    coverage: Vec<CoverageLine>,
    langs: Vec<(String, String)>,
    overdue: usize,
}

pub async fn dashboard(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let dashboard = content::dashboard(&state).await?;
    let ctx = staff_context(&state, &staff, &req);
    let coverage = dashboard
        .coverage
        .into_iter()
        .map(|c| CoverageLine {
            name: lang_name(&c.lang),
            lang: c.lang.to_string(),
            current: c.current,
            outdated: c.outdated,
            missing: c.missing,
            percent: c.percent,
        })
        .collect();
    render(&TranslationsPage {
        csrf: staff.csrf.clone(),
        guides: lines(&ctx, dashboard.guides),
        coverage,
        langs: languages(&state),
        overdue: dashboard.overdue,
        ctx,
    })
}
