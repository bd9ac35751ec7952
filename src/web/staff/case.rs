//! One inquiry's case page (`/staff/inquiries/{id}`) and what a caseworker does with it:
//! each form is parsed here and handed to one `app::case` use case; success leaves a flash.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::queue::{lateness_label, status_label};
use crate::app::case::{self, AssignTo, Assignment, Case, CaseView, GapSaved, HandedOver, StaffText, TextProblem};
use crate::app::replies::CannedReply;
use crate::auth::{Caseworker, CaseworkerAdmin, Staff};
use crate::domain::inquiry::InquiryStatus;
use crate::domain::{CannedReplyId, InquiryId, Role, TeamId, UserId};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{Choice, FieldError, choices, redirect_with_flash};
use crate::web::{AppState, render, render_with_status};

#[derive(Template)]
#[template(path = "staff/inquiry.html")]
struct CasePage {
    ctx: PageContext,
    csrf: String,
    case: Case,
    topic_title: String,
    answer_lang_name: String,
    age_days: usize,
    late: Option<String>,
    status_label: String,
    statuses: Vec<Choice>,
    assignees: Vec<Choice>,
    teams: Vec<Choice>,
    region_name: Option<String>,
    guides: Vec<Choice>,
    canned: Vec<CannedReply>,
    reply: String,
    reply_error: Option<String>,
    note: String,
    note_error: Option<String>,
    errors: Vec<FieldError>,
    by_email: bool,
    /// Export and erase are for caseworkers who are also administrators.
    data_requests: bool,
}

/// Teams to hand an inquiry to, each labelled with the languages its members speak.
fn team_options(view: &CaseView, ctx: &PageContext) -> Vec<Choice> {
    let mut opts: Vec<(String, String)> = view
        .teams
        .iter()
        .map(|t| {
            let langs: Vec<String> = t.languages.iter().map(|l| Translator::new(l).language_name()).collect();
            let label = if langs.is_empty() { t.name.clone() } else { format!("{} ({})", t.name, langs.join(", ")) };
            (t.id.clone(), label)
        })
        .collect();
    if view.case.item.team_id.is_none() && !opts.is_empty() {
        opts.insert(0, (String::new(), ctx.t("staff-handover-choose")));
    }
    choices(opts, view.case.item.team_id.as_deref().unwrap_or(""))
}

fn case_page(state: &AppState, req: &HttpRequest, staff: &Staff, view: CaseView) -> CasePage {
    let ctx = staff_context(state, staff, req);
    let item = &view.case.item;
    let statuses = [InquiryStatus::New, InquiryStatus::InProgress, InquiryStatus::Answered, InquiryStatus::Closed]
        .iter()
        .map(|s| (s.as_str().to_owned(), status_label(&ctx, *s)))
        .collect();
    let assignees = std::iter::once((String::new(), ctx.t("staff-assign-nobody"))).chain(view.caseworkers.clone());
    let guides = std::iter::once((String::new(), ctx.t("staff-gap-none"))).chain(view.guides.clone());
    CasePage {
        csrf: staff.csrf.clone(),
        topic_title: view.topic_title.clone().unwrap_or_else(|| ctx.t("staff-topic-none")),
        answer_lang_name: view.answer_lang.as_ref().map(|l| Translator::new(l).language_name()).unwrap_or_default(),
        age_days: view.age_days,
        late: lateness_label(&ctx, view.lateness),
        status_label: status_label(&ctx, item.status),
        statuses: choices(statuses, item.status.as_str()),
        assignees: choices(assignees.collect(), item.assigned_to.as_deref().unwrap_or("")),
        teams: team_options(&view, &ctx),
        guides: choices(guides.collect(), item.content_gap.as_deref().unwrap_or("")),
        by_email: view.by_email,
        data_requests: staff.has(Role::Admin),
        reply: view.draft.unwrap_or_default(),
        reply_error: None,
        note: String::new(),
        note_error: None,
        errors: Vec::new(),
        region_name: view.region_name,
        canned: view.canned,
        case: view.case,
        ctx,
    }
}

#[derive(Deserialize)]
pub struct CaseQuery {
    canned: Option<String>,
}

pub async fn detail(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    query: web::Query<CaseQuery>,
) -> Result<HttpResponse, AppError> {
    // An unknown or malformed canned reply id simply starts an empty reply.
    let canned = query.canned.as_deref().and_then(|c| CannedReplyId::parse(c).ok());
    let view = case::view(&state, &staff, &id, canned).await?;
    render(&case_page(&state, &req, &staff, view))
}

/// Back to the case, with a confirmation.
fn done(state: &AppState, id: &InquiryId, message_key: &str) -> HttpResponse {
    redirect_with_flash(state, &format!("/staff/inquiries/{id}#main"), message_key)
}

#[derive(Deserialize)]
pub struct TextInput {
    #[serde(default)]
    body: String,
}

/// The two text boxes of the case page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Composer {
    Reply,
    Note,
}

/// The case page again, with what was typed kept and the problem shown at its box.
async fn text_refused(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    id: &InquiryId,
    (raw, problem, composer): (String, TextProblem, Composer),
) -> Result<HttpResponse, AppError> {
    let mut page = case_page(state, req, staff, case::view(state, staff, id, None).await?);
    let (field, empty_key) = match composer {
        Composer::Reply => ("reply", "staff-error-reply-empty"),
        Composer::Note => ("note", "staff-error-note-empty"),
    };
    let message = page.ctx.t(if problem == TextProblem::Empty { empty_key } else { "staff-error-text-long" });
    let (text, error) = match composer {
        Composer::Reply => (&mut page.reply, &mut page.reply_error),
        Composer::Note => (&mut page.note, &mut page.note_error),
    };
    *text = raw;
    *error = Some(message.clone());
    page.errors.push(FieldError::new(field, message));
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<TextInput>,
) -> Result<HttpResponse, AppError> {
    match StaffText::parse(&input.body) {
        Ok(text) => {
            case::reply(&state, &staff, &id, text).await?;
            Ok(done(&state, &id, "staff-done-reply"))
        }
        Err(p) => text_refused(&state, &req, &staff, &id, (input.into_inner().body, p, Composer::Reply)).await,
    }
}

pub async fn note(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<TextInput>,
) -> Result<HttpResponse, AppError> {
    match StaffText::parse(&input.body) {
        Ok(text) => {
            case::add_note(&state, &staff, &id, text).await?;
            Ok(done(&state, &id, "staff-done-note"))
        }
        Err(p) => text_refused(&state, &req, &staff, &id, (input.into_inner().body, p, Composer::Note)).await,
    }
}

#[derive(Deserialize)]
pub struct AssignInput {
    #[serde(default)]
    assignee: String,
}

impl TryFrom<&AssignInput> for AssignTo {
    type Error = AppError;
    fn try_from(input: &AssignInput) -> Result<AssignTo, AppError> {
        match input.assignee.as_str() {
            "" => Ok(AssignTo::Nobody),
            "me" => Ok(AssignTo::Me),
            id => UserId::parse(id).map(AssignTo::User).map_err(|_| AppError::BadRequest),
        }
    }
}

pub async fn assign(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<AssignInput>,
) -> Result<HttpResponse, AppError> {
    match case::assign(&state, &staff, &id, AssignTo::try_from(&*input)?).await? {
        Assignment::Assigned | Assignment::Unassigned => Ok(done(&state, &id, "staff-done-assign")),
        Assignment::NotACaseworker => Err(AppError::BadRequest),
    }
}

#[derive(Deserialize)]
pub struct TeamInput {
    #[serde(default)]
    team: String,
}

/// Hands an inquiry to another team, which is emailed (metadata only).
pub async fn hand_over(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<TeamInput>,
) -> Result<HttpResponse, AppError> {
    if input.team.is_empty() {
        let mut page = case_page(&state, &req, &staff, case::view(&state, &staff, &id, None).await?);
        page.errors.push(FieldError::new("team", page.ctx.t("staff-error-team")));
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let team = TeamId::parse(&input.team).map_err(|_| AppError::BadRequest)?;
    match case::hand_over(&state, &staff, &id, &team).await? {
        HandedOver::Moved => Ok(done(&state, &id, "staff-done-team")),
        // The case is no longer theirs to open: back to their queue.
        HandedOver::MovedAway => Ok(redirect_with_flash(&state, "/staff/inquiries", "staff-done-team-away")),
        HandedOver::AlreadyThere => Ok(done(&state, &id, "staff-done-team-same")),
        HandedOver::UnknownTeam => Err(AppError::BadRequest),
    }
}

#[derive(Deserialize)]
pub struct StatusInput {
    #[serde(default)]
    status: String,
}

pub async fn status(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let status = InquiryStatus::parse(&input.status).ok_or(AppError::BadRequest)?;
    case::set_status(&state, &staff, &id, status).await?;
    Ok(done(&state, &id, "staff-done-status"))
}

#[derive(Deserialize)]
pub struct FlagInput {
    #[serde(default)]
    flag: String,
}

pub async fn safeguarding(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<FlagInput>,
) -> Result<HttpResponse, AppError> {
    let raise = match input.flag.as_str() {
        "raise" => true,
        "clear" => false,
        _ => return Err(AppError::BadRequest),
    };
    case::flag_safeguarding(&state, &staff, &id, raise).await?;
    Ok(done(&state, &id, "staff-done-flag"))
}

#[derive(Deserialize)]
pub struct GapInput {
    #[serde(default)]
    guide: String,
}

pub async fn content_gap(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<InquiryId>,
    input: web::Form<GapInput>,
) -> Result<HttpResponse, AppError> {
    let guide = Some(input.guide.trim().to_owned()).filter(|g| !g.is_empty());
    match case::flag_content_gap(&state, &staff, &id, guide).await? {
        GapSaved::Saved => Ok(done(&state, &id, "staff-done-gap")),
        GapSaved::UnknownGuide => Err(AppError::BadRequest),
    }
}

/// Everything stored about the inquiry, as a JSON download (audited).
pub async fn export_json(
    state: web::Data<AppState>,
    CaseworkerAdmin(staff): CaseworkerAdmin,
    id: web::Path<InquiryId>,
) -> Result<HttpResponse, AppError> {
    let export = case::export(&state, &staff, &id).await?;
    let body = serde_json::to_vec_pretty(&export.document).map_err(|e| AppError::Internal(e.into()))?;
    let disposition = format!("attachment; filename=\"{}.json\"", export.reference);
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CONTENT_DISPOSITION, disposition))
        .body(body))
}

#[derive(Template)]
#[template(path = "staff/erase.html")]
struct ErasePage {
    ctx: PageContext,
    id: String,
    reference: String,
    csrf: String,
}

pub async fn erase_confirm(
    state: web::Data<AppState>,
    req: HttpRequest,
    CaseworkerAdmin(staff): CaseworkerAdmin,
    id: web::Path<InquiryId>,
) -> Result<HttpResponse, AppError> {
    let reference = case::erase_target(&state, &staff, &id).await?;
    let ctx = staff_context(&state, &staff, &req);
    render(&ErasePage { ctx, id: id.into_inner().into_string(), reference, csrf: staff.csrf.clone() })
}

#[derive(Template)]
#[template(path = "staff/erased.html")]
struct ErasedPage {
    ctx: PageContext,
    reference: String,
}

pub async fn erase(
    state: web::Data<AppState>,
    req: HttpRequest,
    CaseworkerAdmin(staff): CaseworkerAdmin,
    id: web::Path<InquiryId>,
) -> Result<HttpResponse, AppError> {
    let reference = case::erase(&state, &staff, &id).await?;
    render(&ErasedPage { ctx: staff_context(&state, &staff, &req), reference })
}
