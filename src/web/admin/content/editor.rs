//! The translation editor (`/admin/content/guides/{slug}/{lang}`): the source language beside
//! it, a preview rendered as the public page will be, major/minor saves, optimistic locking.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{enabled_lang, lang_name, path_slug};
use crate::app::content::{self, EditorView, GuideInfo, Saved, TranslationText};
use crate::auth::Editor;
use crate::auth::Staff;
use crate::content::markdown;
use crate::domain::content::{TextProblem, TranslationEdit};
use crate::domain::inquiry::clean_line;
use crate::domain::{Lang, Slug};
use crate::error::AppError;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::{FieldError, Flash, flash_of, redirect_with_flash};
use crate::web::{AppState, render, render_with_status};

/// The confirmation after a save; the editor fills in the revision it shows.
pub(super) const SAVED_FLASH: &str = "admin-done-saved";

#[derive(Template)]
#[template(path = "admin/editor.html")]
struct EditorPage {
    ctx: PageContext,
    csrf: String,
    guide: GuideInfo,
    lang: String,
    lang_name: String,
    lang_dir: &'static str,
    source: Option<TranslationText>,
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
    conflict: Option<TranslationText>,
    title_error: Option<String>,
    summary_error: Option<String>,
    body_error: Option<String>,
    note_error: Option<String>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl EditorPage {
    fn new(state: &AppState, req: &HttpRequest, staff: &Staff, lang: &Lang, view: EditorView) -> EditorPage {
        let ctx = staff_context(state, staff, req);
        let current = view.current;
        EditorPage {
            csrf: staff.csrf.clone(),
            lang: lang.to_string(),
            lang_name: lang_name(lang),
            lang_dir: lang.direction().as_str(),
            source_name: lang_name(&state.settings().default_language),
            is_source: *lang == state.settings().default_language,
            state_label: ctx.tp("admin-state-", view.state.as_str()),
            title: current.as_ref().map(|c| c.title.clone()).unwrap_or_default(),
            summary: current.as_ref().map(|c| c.summary.clone()).unwrap_or_default(),
            body: current.as_ref().map(|c| c.body.clone()).unwrap_or_default(),
            change_note: String::new(),
            major: current.is_none(),
            revision: current.as_ref().map_or(0, |c| c.revision),
            source: view.source,
            guide: view.guide,
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

    /// Whatever was typed stays in the form, whatever happens next.
    fn keep(mut self, input: &EditInput) -> EditorPage {
        self.title = clean_line(&input.title);
        self.summary = clean_line(&input.summary);
        self.body = input.body.replace("\r\n", "\n");
        self.change_note = clean_line(&input.change_note);
        self.major = input.change == "major" || self.revision == 0;
        self.revision = input.revision;
        self
    }

    /// Both texts on one page: theirs to read, the editor's own still in the form (saving
    /// again from here is a deliberate overwrite of their revision).
    fn conflict(mut self, theirs: TranslationText) -> EditorPage {
        self.revision = theirs.revision;
        self.conflict = Some(theirs);
        self.errors.push(FieldError::new("body", self.ctx.t("admin-error-conflict")));
        self.ctx.has_errors = true;
        self
    }

    fn problems(mut self, problems: &[TextProblem]) -> EditorPage {
        for p in problems {
            let message = self.ctx.t(p.key());
            let slot = match p {
                TextProblem::Title => &mut self.title_error,
                TextProblem::Summary => &mut self.summary_error,
                TextProblem::Body => &mut self.body_error,
                TextProblem::ChangeNote => &mut self.note_error,
            };
            *slot = Some(message.clone());
            self.errors.push(FieldError::new(p.field(), message));
        }
        self.ctx.has_errors = true;
        self
    }
}

/// The guide and language of an editor URL.
fn guide_path(state: &AppState, (slug, lang): (String, String)) -> Result<(Slug, Lang), AppError> {
    Ok((path_slug(&slug)?, enabled_lang(state, &lang)?))
}

pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang) = guide_path(&state, path.into_inner())?;
    let view = content::translation(&state, &slug, &lang).await?;
    let mut page = EditorPage::new(&state, &req, &staff, &lang, view);
    if flash_of(&req) == Some(Flash(SAVED_FLASH.to_owned())) {
        page.ctx.flash = Some(page.ctx.t_args(SAVED_FLASH, "revision", &page.revision.to_string()));
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

/// The editor page as it was sent: the stored guide, the typed text.
async fn as_sent(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    (slug, lang): (&Slug, &Lang),
    input: &EditInput,
) -> Result<EditorPage, AppError> {
    let view = content::translation(state, slug, lang).await?;
    Ok(EditorPage::new(state, req, staff, lang, view).keep(input))
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, String)>,
    input: web::Form<EditInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, lang) = guide_path(&state, path.into_inner())?;
    let i = input.into_inner();
    let parsed = TranslationEdit::parse(&i.title, &i.summary, &i.body, &i.change_note, i.change == "major", i.revision);
    let sent = || as_sent(&state, &req, &staff, (&slug, &lang), &i);
    let edit = match parsed {
        Ok(edit) => edit,
        Err(problems) => {
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &sent().await?.problems(&problems));
        }
    };
    if i.action == "preview" {
        let mut page = sent().await?;
        page.preview = Some(markdown::render(&edit.text.body).html);
        return render(&page);
    }
    match content::save_translation(&state, &staff, &slug, &lang, edit).await? {
        Saved::Stored { .. } => {
            Ok(redirect_with_flash(&state, &format!("/admin/content/guides/{slug}/{lang}"), SAVED_FLASH))
        }
        Saved::Unchanged => {
            let mut page = sent().await?;
            page.notice = Some(page.ctx.t("admin-unchanged"));
            render(&page)
        }
        Saved::Conflict(theirs) => render_with_status(StatusCode::CONFLICT, &sent().await?.conflict(*theirs)),
    }
}
