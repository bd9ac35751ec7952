//! The caseworker workspace: the queue, one inquiry's case, and what can be done
//! with it (reply, note, assign, status, flags, export, erase), plus canned replies.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use time::PrimitiveDateTime;

use super::{Caseworker, CaseworkerAdmin, staff_context, valid_id};
use crate::app::replies;
use crate::db::RepoError;
use crate::db::repo::content::{self, TopicView};
use crate::db::repo::workspace::{self, Assignee, Case, Lateness, QueueFilter, QueueItem, Targets, TeamFilter};
use crate::db::repo::{accounts, directory, now, teams};
use crate::domain::inquiry::{InquiryStatus, clean_text};
use crate::domain::{CannedReplyId, Lang};
use crate::error::AppError;
use crate::mail;
use crate::web::context::PageContext;
use crate::web::forms::FieldError;
use crate::web::forms::{Choice, choices};
use crate::web::{AppState, render, render_with_status, see_other};

const PER_PAGE: i64 = 25;
pub use crate::app::replies::MAX_STAFF_TEXT;

fn targets(state: &AppState) -> Targets {
    Targets { acknowledge_days: state.settings().acknowledge_days, answer_days: state.settings().answer_days }
}

/// Filters as they come from the queue's GET form (bookmarkable).
#[derive(Debug, Default, Deserialize, Clone)]
pub struct QueueQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    assignee: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    page: Option<i64>,
}

impl QueueQuery {
    /// The filter; `my_teams` are the teams of the person asking (for "my teams").
    fn filter(&self, me: &str, my_teams: Vec<String>) -> QueueFilter {
        let mut f = QueueFilter::default();
        match self.status.as_str() {
            "all" => f.all_statuses = true,
            s => f.status = InquiryStatus::parse(s),
        }
        f.topic = Some(self.topic.clone()).filter(|t| !t.is_empty());
        f.lang = Some(self.lang.clone()).filter(|l| !l.is_empty());
        f.assignee = match self.assignee.as_str() {
            "" => None,
            "none" => Some(Assignee::Nobody),
            "me" => Some(Assignee::User(me.to_owned())),
            id => Some(Assignee::User(id.to_owned())),
        };
        f.overdue = self.overdue == "1";
        f.team = match self.team.as_str() {
            "" => None,
            "none" => Some(TeamFilter::Nobody),
            "mine" => Some(TeamFilter::AnyOf(my_teams)),
            id => Some(TeamFilter::AnyOf(vec![id.to_owned()])),
        };
        f
    }

    /// The same filters as a query string, for paging and the export link.
    fn query_string(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("status", &self.status),
            ("topic", &self.topic),
            ("lang", &self.lang),
            ("assignee", &self.assignee),
            ("overdue", &self.overdue),
            ("team", &self.team),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }
}

/// A queue row with what the template shows.
pub struct Row {
    pub item: QueueItem,
    pub age_days: usize,
    pub late: Option<String>,
    pub topic_title: String,
}

fn age_days(created: PrimitiveDateTime, at: PrimitiveDateTime) -> usize {
    usize::try_from((at - created).whole_days()).unwrap_or(0)
}

fn lateness_label(ctx: &PageContext, l: Lateness) -> Option<String> {
    match l {
        Lateness::OnTime => None,
        Lateness::AcknowledgeOverdue => Some(ctx.t("staff-late-acknowledge")),
        Lateness::AnswerOverdue => Some(ctx.t("staff-late-answer")),
    }
}

fn topic_title(topics: &[TopicView], slug: Option<&str>, ctx: &PageContext) -> String {
    match slug {
        None => ctx.t("staff-topic-none"),
        Some(slug) => topics.iter().find(|t| t.slug == slug).map_or_else(|| slug.to_owned(), |t| t.title.clone()),
    }
}

#[derive(Template)]
#[template(path = "staff/queue.html")]
struct QueuePage {
    ctx: PageContext,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    page_label: String,
    statuses: Vec<Choice>,
    topics: Vec<Choice>,
    langs: Vec<Choice>,
    assignees: Vec<Choice>,
    teams: Vec<Choice>,
    overdue: bool,
    query: String,
}

async fn my_teams(state: &AppState, staff: &super::Staff) -> Result<Vec<String>, AppError> {
    let me = staff.user_id.clone();
    Ok(state.db.run(move |c| teams::teams_of(c, &me)).await?)
}

async fn topics_for(state: &AppState, lang: &Lang) -> Result<Vec<TopicView>, AppError> {
    let (l, d) = (lang.to_string(), state.settings().default_language.to_string());
    Ok(state.db.run(move |c| content::list_topics(c, &l, &d)).await?)
}

fn status_label(ctx: &PageContext, s: InquiryStatus) -> String {
    ctx.t(&format!("staff-status-{}", s.as_str()))
}

pub async fn queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let ctx = staff_context(&state, &staff, &req);
    let filter = query.filter(&staff.user_id, my_teams(&state, &staff).await?);
    let page = query.page.unwrap_or(1).clamp(1, 100_000);
    let t = targets(&state);
    let (items, total) = state.db.run(move |c| workspace::queue(c, &filter, t, page, PER_PAGE)).await?;
    let topics = topics_for(&state, &staff.lang).await?;
    let people = state.db.run(accounts::caseworkers).await?;
    let at = now();
    let rows = items
        .into_iter()
        .map(|item| Row {
            age_days: age_days(item.created_at, at),
            late: lateness_label(&ctx, item.lateness(t, at)),
            topic_title: topic_title(&topics, item.topic_slug.as_deref(), &ctx),
            item,
        })
        .collect();
    let mut statuses = vec![(String::new(), ctx.t("staff-filter-open")), ("all".to_owned(), ctx.t("staff-filter-all"))];
    for s in [InquiryStatus::New, InquiryStatus::InProgress, InquiryStatus::Answered, InquiryStatus::Closed] {
        statuses.push((s.as_str().to_owned(), status_label(&ctx, s)));
    }
    let mut topic_opts = vec![(String::new(), ctx.t("staff-filter-any"))];
    topic_opts.extend(topics.iter().map(|t| (t.slug.clone(), t.title.clone())));
    let mut lang_opts = vec![(String::new(), ctx.t("staff-filter-any"))];
    lang_opts.extend(
        state.settings().languages.iter().map(|l| (l.to_string(), crate::i18n::Translator::new(l).language_name())),
    );
    let mut assignee_opts = vec![
        (String::new(), ctx.t("staff-filter-anyone")),
        ("me".to_owned(), ctx.t("staff-filter-mine")),
        ("none".to_owned(), ctx.t("staff-filter-unassigned")),
    ];
    assignee_opts.extend(people);
    let mut team_opts = vec![
        (String::new(), ctx.t("staff-filter-any-team")),
        ("mine".to_owned(), ctx.t("staff-filter-my-teams")),
        ("none".to_owned(), ctx.t("staff-filter-no-team")),
    ];
    team_opts.extend(state.db.run(teams::names).await?);
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page_label = ctx.t_args("staff-page-of", "page", &format!("{page} / {pages}"));
    let page_view = QueuePage {
        page_label,
        rows,
        total,
        page,
        pages,
        statuses: choices(statuses, &query.status),
        topics: choices(topic_opts, &query.topic),
        langs: choices(lang_opts, &query.lang),
        assignees: choices(assignee_opts, &query.assignee),
        teams: choices(team_opts, &query.team),
        overdue: query.overdue == "1",
        query: query.query_string(),
        ctx,
    };
    render(&page_view)
}

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn csv_cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r', '|', '%']) { format!("'{value}") } else { value.to_owned() }
}

/// Metadata only: no name, no contact detail, no message text.
pub async fn export_csv(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let filter = query.filter(&staff.user_id, my_teams(&state, &staff).await?);
    let t = targets(&state);
    let items = state.db.run(move |c| workspace::all_matching(c, &filter, t, 100_000)).await?;
    let at = now();
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, cells: &[String]| {
        out.write_record(cells.iter().map(|c| csv_cell(c))).map_err(|e| AppError::Internal(e.into()))
    };
    let header: Vec<String> = [
        "reference",
        "status",
        "topic",
        "form_language",
        "answer_language",
        "contact_method",
        "assigned",
        "created_at",
        "acknowledged_at",
        "answered_at",
        "closed_at",
        "age_days",
        "overdue",
        "safeguarding",
        "content_gap",
        "team",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    write(&mut out, &header)?;
    let ts = |t: Option<PrimitiveDateTime>| t.map(|t| t.assume_utc().date().to_string()).unwrap_or_default();
    for item in &items {
        let late = item.lateness(t, at) != Lateness::OnTime;
        write(
            &mut out,
            &[
                item.reference.clone(),
                item.status.as_str().to_owned(),
                item.topic_slug.clone().unwrap_or_default(),
                item.lang.clone(),
                item.answer_lang.clone(),
                item.contact_method.clone(),
                if item.assigned_to.is_some() { "yes" } else { "no" }.to_owned(),
                ts(Some(item.created_at)),
                ts(item.acknowledged_at),
                ts(item.answered_at),
                ts(item.closed_at),
                age_days(item.created_at, at).to_string(),
                if late { "yes" } else { "no" }.to_owned(),
                if item.safeguarding { "yes" } else { "no" }.to_owned(),
                item.content_gap.clone().unwrap_or_default(),
                item.team_name.clone().unwrap_or_default(),
            ],
        )?;
    }
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    let actor = staff.user_id.clone();
    let count = items.len().to_string();
    state
        .db
        .run(move |c| {
            crate::db::repo::audit::record_alone(
                c,
                crate::db::repo::audit::Event::new(
                    Some(&actor),
                    crate::domain::AuditAction::InquiriesExportCsv,
                    "inquiry",
                    None,
                )
                .detail(&count),
            )
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"inquiries.csv\""))
        .body(body))
}

/// The guides a caseworker can point at (content gap, canned reply links).
async fn guide_choices(state: &AppState, lang: &Lang) -> Result<Vec<(String, String)>, AppError> {
    let (l, d) = (lang.to_string(), state.settings().default_language.to_string());
    Ok(state
        .db
        .run(move |c| {
            let mut out = Vec::new();
            for topic in content::list_topics(c, &l, &d)? {
                for g in content::guides_in_topic(c, &topic.id, &l, &d)? {
                    out.push((g.slug, format!("{} › {}", topic.title, g.title)));
                }
            }
            Ok::<_, RepoError>(out)
        })
        .await?)
}

/// Teams to hand an inquiry to, each with the languages its members speak.
fn team_choices(list: &[teams::TeamView]) -> Vec<(String, String)> {
    list.iter()
        .map(|t| {
            let langs: Vec<String> = t
                .languages()
                .iter()
                .filter_map(|l| Lang::parse(l).ok())
                .map(|l| crate::i18n::Translator::new(&l).language_name())
                .collect();
            let label =
                if langs.is_empty() { t.team.name.clone() } else { format!("{} ({})", t.team.name, langs.join(", ")) };
            (t.team.id.clone(), label)
        })
        .collect()
}

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
    canned: Vec<replies::CannedReply>,
    reply: String,
    reply_error: Option<String>,
    note: String,
    note_error: Option<String>,
    errors: Vec<FieldError>,
    notice: Option<String>,
    by_email: bool,
    /// Export and erase are for caseworkers who are also administrators.
    data_requests: bool,
}

async fn case_page(state: &AppState, req: &HttpRequest, staff: &super::Staff, id: &str) -> Result<CasePage, AppError> {
    valid_id(id)?;
    let vault = state.vault.clone();
    let (iid, viewer) = (id.to_owned(), staff.user_id.clone());
    let case = state.db.run(move |c| workspace::open_case(c, &vault, &iid, &viewer)).await?;
    let ctx = staff_context(state, staff, req);
    let topics = topics_for(state, &staff.lang).await?;
    let people = state.db.run(accounts::caseworkers).await?;
    let guides = guide_choices(state, &staff.lang).await?;
    let answer_lang = case.item.answer_lang.clone();
    let canned = replies::list(state, Lang::parse(&answer_lang).ok()).await?;
    let team_list = state.db.run(teams::list).await?;
    let region_name = match case.item.region_slug.clone() {
        Some(slug) => {
            let (l, d) = (staff.lang.to_string(), state.settings().default_language.to_string());
            let regions = state.db.run(move |c| directory::regions_in(c, &l, &d)).await?;
            Some(regions.into_iter().find(|r| r.slug == slug).map_or(slug, |r| r.name))
        }
        None => None,
    };
    let at = now();
    let mut assignee_opts = vec![(String::new(), ctx.t("staff-assign-nobody"))];
    assignee_opts.extend(people);
    let mut guide_opts = vec![(String::new(), ctx.t("staff-gap-none"))];
    guide_opts.extend(guides);
    let statuses = [InquiryStatus::New, InquiryStatus::InProgress, InquiryStatus::Answered, InquiryStatus::Closed]
        .iter()
        .map(|s| (s.as_str().to_owned(), status_label(&ctx, *s)))
        .collect();
    let answer_lang_name = Lang::parse(&case.item.answer_lang)
        .map(|l| crate::i18n::Translator::new(&l).language_name())
        .unwrap_or_default();
    Ok(CasePage {
        csrf: staff.csrf.clone(),
        topic_title: topic_title(&topics, case.item.topic_slug.as_deref(), &ctx),
        age_days: age_days(case.item.created_at, at),
        late: lateness_label(&ctx, case.item.lateness(targets(state), at)),
        status_label: status_label(&ctx, case.item.status),
        statuses: choices(statuses, case.item.status.as_str()),
        assignees: choices(assignee_opts, case.item.assigned_to.as_deref().unwrap_or("")),
        teams: {
            let mut opts = team_choices(&team_list);
            if case.item.team_id.is_none() && !opts.is_empty() {
                opts.insert(0, (String::new(), ctx.t("staff-handover-choose")));
            }
            choices(opts, case.item.team_id.as_deref().unwrap_or(""))
        },
        region_name,
        guides: choices(guide_opts, case.item.content_gap.as_deref().unwrap_or("")),
        by_email: case.item.contact_method == "email" && case.email.is_some(),
        data_requests: staff.has(crate::domain::Role::Admin),
        answer_lang_name,
        canned,
        reply: String::new(),
        reply_error: None,
        note: String::new(),
        note_error: None,
        errors: Vec::new(),
        notice: None,
        case,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct CaseQuery {
    canned: Option<String>,
    done: Option<String>,
}

pub async fn detail(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    query: web::Query<CaseQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = case_page(&state, &req, &staff, &id).await?;
    if let Some(canned_id) = query.canned.as_deref().filter(|c| !c.is_empty())
        && let Some(reply) = page.canned.iter().find(|c| c.id.as_str() == canned_id)
    {
        page.reply = canned_text(&state, reply);
    }
    if let Some(done) = query.done.as_deref() {
        let key = match done {
            "reply" => Some("staff-done-reply"),
            "note" => Some("staff-done-note"),
            "assign" => Some("staff-done-assign"),
            "status" => Some("staff-done-status"),
            "flag" => Some("staff-done-flag"),
            "gap" => Some("staff-done-gap"),
            "team" => Some("staff-done-team"),
            "team-same" => Some("staff-done-team-same"),
            _ => None,
        };
        page.notice = key.map(|k| page.ctx.t(k));
    }
    render(&page)
}

/// A canned reply's text, with its guide's public address in the reply's language.
fn canned_text(state: &AppState, reply: &replies::CannedReply) -> String {
    match &reply.guide_slug {
        Some(slug) => format!("{}\n\n{}", reply.body, state.absolute(&format!("/{}/guides/{slug}", reply.lang))),
        None => reply.body.clone(),
    }
}

#[derive(Deserialize)]
pub struct TextInput {
    #[serde(default)]
    body: String,
}

fn after(id: &str, done: &str) -> HttpResponse {
    see_other(&format!("/staff/inquiries/{id}?done={done}#main"))
}

/// The two text boxes of the case page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Composer {
    Reply,
    Note,
}

/// The cleaned text, or the case page again with the text kept and the problem shown at its box.
async fn checked_text(
    state: &AppState,
    req: &HttpRequest,
    staff: &super::Staff,
    id: &str,
    raw: &str,
    composer: Composer,
) -> Result<Result<String, HttpResponse>, AppError> {
    let body = clean_text(raw);
    if !body.is_empty() && body.chars().count() <= MAX_STAFF_TEXT {
        return Ok(Ok(body));
    }
    let mut page = case_page(state, req, staff, id).await?;
    let (field, empty_key) = match composer {
        Composer::Reply => ("reply", "staff-error-reply-empty"),
        Composer::Note => ("note", "staff-error-note-empty"),
    };
    let message = page.ctx.t(if body.is_empty() { empty_key } else { "staff-error-text-long" });
    let (text, error) = match composer {
        Composer::Reply => (&mut page.reply, &mut page.reply_error),
        Composer::Note => (&mut page.note, &mut page.note_error),
    };
    *text = raw.to_owned();
    *error = Some(message.clone());
    page.errors.push(FieldError { field: field.into(), message });
    page.ctx.has_errors = true;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page).map(Err)
}

pub async fn reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    input: web::Form<TextInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let body = match checked_text(&state, &req, &staff, &id, &input.body, Composer::Reply).await? {
        Ok(body) => body,
        Err(page) => return Ok(page),
    };
    let vault = state.vault.clone();
    let iid = id.clone();
    let contact = state.db.run(move |c| crate::db::repo::inquiries::contact_details(c, &vault, &iid)).await?;
    let item = {
        let iid = id.clone();
        state.db.run(move |c| workspace::item(c, &iid)).await?
    };
    let mail = match (&contact.email, item.contact_method.as_str()) {
        (Some(to), "email") => {
            let lang = Lang::parse(&item.answer_lang).unwrap_or_else(|_| state.settings().default_language.clone());
            let status_url = state.absolute(&format!("/{lang}/status"));
            let reply_id = crate::db::repo::new_id();
            Some(
                mail::reply_notice(&lang, to, &status_url, &id, &reply_id)
                    .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?,
            )
        }
        _ => None,
    };
    let vault = state.vault.clone();
    let host = state.mail_host();
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    let notify = mail.is_some();
    state
        .db
        .run(move |c| {
            crate::db::repo::inquiries::add_staff_reply(c, &vault, &iid, Some(&actor), &body, mail.as_ref(), &host)
        })
        .await?;
    if notify {
        state.mail_nudge.notify_one();
    }
    Ok(after(&id, "reply"))
}

pub async fn note(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    input: web::Form<TextInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let body = match checked_text(&state, &req, &staff, &id, &input.body, Composer::Note).await? {
        Ok(body) => body,
        Err(page) => return Ok(page),
    };
    let vault = state.vault.clone();
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    state.db.run(move |c| workspace::add_note(c, &vault, &iid, &actor, &body)).await?;
    Ok(after(&id, "note"))
}

#[derive(Deserialize)]
pub struct AssignInput {
    #[serde(default)]
    assignee: String,
}

pub async fn assign(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    input: web::Form<AssignInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let target = match input.assignee.as_str() {
        "" => None,
        "me" => Some(staff.user_id.clone()),
        other => {
            // Only an enabled caseworker can be given an inquiry.
            let people = state.db.run(accounts::caseworkers).await?;
            if !people.iter().any(|(pid, _)| pid == other) {
                return Err(AppError::BadRequest);
            }
            Some(other.to_owned())
        }
    };
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    state.db.run(move |c| workspace::assign(c, &iid, target.as_deref(), &actor)).await?;
    Ok(after(&id, "assign"))
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
    id: web::Path<String>,
    input: web::Form<TeamInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    if input.team.is_empty() {
        let mut page = case_page(&state, &req, &staff, &id).await?;
        page.errors.push(FieldError { field: "team".into(), message: page.ctx.t("staff-error-team") });
        page.ctx.has_errors = true;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let team_list = state.db.run(teams::list).await?;
    let Some(team) = team_list.into_iter().find(|t| t.team.id == input.team) else {
        return Err(AppError::BadRequest);
    };
    let item = {
        let iid = id.clone();
        state.db.run(move |c| workspace::item(c, &iid)).await?
    };
    let staff_lang = state.settings().default_language.clone();
    let topics = topics_for(&state, &staff_lang).await?;
    let staff_tr = crate::i18n::Translator::new(&staff_lang);
    let topic_title = match &item.topic_slug {
        Some(slug) => topics.iter().find(|t| &t.slug == slug).map_or_else(|| slug.clone(), |t| t.title.clone()),
        None => staff_tr.t("email-staff-no-topic"),
    };
    let language_name =
        Lang::parse(&item.answer_lang).map(|l| crate::i18n::Translator::new(&l).language_name()).unwrap_or_default();
    let link = state.absolute(&format!("/staff/inquiries/{}", item.id));
    let about = mail::InquirySummary {
        reference: &item.reference,
        topic: &topic_title,
        language: &language_name,
        team: &team.team.name,
        link: &link,
        inquiry_id: &item.id,
    };
    let mails = match &team.team.notify_email {
        Some(to) => vec![
            mail::staff_new_inquiry(&staff_lang, to, &about, true)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?,
        ],
        None => Vec::new(),
    };
    let vault = state.vault.clone();
    let host = state.mail_host();
    let (iid, actor, tid) = (id.clone(), staff.user_id.clone(), team.team.id.clone());
    let moved = state.db.run(move |c| teams::hand_over(c, &vault, &iid, &tid, &mails, &host, &actor)).await?;
    if moved {
        state.mail_nudge.notify_one();
    }
    Ok(after(&id, if moved { "team" } else { "team-same" }))
}

#[derive(Deserialize)]
pub struct StatusInput {
    #[serde(default)]
    status: String,
}

pub async fn status(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    input: web::Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let status = InquiryStatus::parse(&input.status).ok_or(AppError::BadRequest)?;
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    state.db.run(move |c| workspace::change_status(c, &iid, status, &actor)).await?;
    Ok(after(&id, "status"))
}

#[derive(Deserialize)]
pub struct FlagInput {
    #[serde(default)]
    flag: String,
}

pub async fn safeguarding(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    input: web::Form<FlagInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let raise = match input.flag.as_str() {
        "raise" => true,
        "clear" => false,
        _ => return Err(AppError::BadRequest),
    };
    let item = {
        let iid = id.clone();
        state.db.run(move |c| workspace::item(c, &iid)).await?
    };
    let mut mails = Vec::new();
    if raise && !item.safeguarding {
        let link = state.absolute(&format!("/staff/inquiries/{}", item.id));
        let seed = format!("{}:{}", item.id, crate::db::repo::new_id());
        for to in &state.settings().protection_lead {
            mails.push(
                mail::safeguarding_alert(
                    &state.settings().default_language,
                    to.as_str(),
                    &item.reference,
                    &link,
                    &seed,
                )
                .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?,
            );
        }
    }
    let vault = state.vault.clone();
    let host = state.mail_host();
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    let notify = !mails.is_empty();
    state.db.run(move |c| workspace::set_safeguarding(c, &vault, &iid, raise, &mails, &host, &actor)).await?;
    if notify {
        state.mail_nudge.notify_one();
    }
    Ok(after(&id, "flag"))
}

#[derive(Deserialize)]
pub struct GapInput {
    #[serde(default)]
    guide: String,
}

pub async fn content_gap(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<String>,
    input: web::Form<GapInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let guide = Some(input.guide.trim().to_owned()).filter(|g| !g.is_empty());
    if let Some(slug) = &guide {
        let known = guide_choices(&state, &staff.lang).await?;
        if !known.iter().any(|(s, _)| s == slug) {
            return Err(AppError::BadRequest);
        }
    }
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    state.db.run(move |c| workspace::set_content_gap(c, &iid, guide.as_deref(), &actor)).await?;
    Ok(after(&id, "gap"))
}

/// Everything stored about the inquiry, as a JSON download (audited).
pub async fn export_json(
    state: web::Data<AppState>,
    CaseworkerAdmin(staff): CaseworkerAdmin,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let vault = state.vault.clone();
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    let value = state.db.run(move |c| workspace::export(c, &vault, &iid, &actor)).await?;
    let reference = value.get("reference").and_then(|r| r.as_str()).unwrap_or("inquiry").to_owned();
    let body = serde_json::to_vec_pretty(&value).map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{reference}.json\"")))
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
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let iid = id.clone();
    let item = state.db.run(move |c| workspace::item(c, &iid)).await?;
    let ctx = staff_context(&state, &staff, &req);
    render(&ErasePage { ctx, id: id.into_inner(), reference: item.reference, csrf: staff.csrf.clone() })
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
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let (iid, actor) = (id.clone(), staff.user_id.clone());
    let reference = state.db.run(move |c| workspace::erase(c, &iid, &actor)).await?;
    tracing::info!(inquiry_id = %id, "inquiry erased on request");
    let ctx = staff_context(&state, &staff, &req);
    render(&ErasedPage { ctx, reference })
}

#[derive(Template)]
#[template(path = "staff/replies.html")]
struct RepliesPage {
    ctx: PageContext,
    csrf: String,
    replies: Vec<(replies::CannedReply, String)>,
    langs: Vec<Choice>,
    guides: Vec<Choice>,
    title: String,
    body: String,
    title_error: Option<String>,
    body_error: Option<String>,
    errors: Vec<FieldError>,
}

async fn replies_page(state: &AppState, req: &HttpRequest, staff: &super::Staff) -> Result<RepliesPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let replies = replies::list(state, None)
        .await?
        .into_iter()
        .map(|r| {
            let name =
                Lang::parse(&r.lang).map(|l| crate::i18n::Translator::new(&l).language_name()).unwrap_or_default();
            (r, name)
        })
        .collect();
    let langs = state
        .settings()
        .languages
        .iter()
        .map(|l| (l.to_string(), crate::i18n::Translator::new(l).language_name()))
        .collect();
    let mut guide_opts = vec![(String::new(), ctx.t("staff-canned-no-guide"))];
    guide_opts.extend(guide_choices(state, &staff.lang).await?);
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
    let (Some(lang), true) = (lang, guide.as_ref().is_none_or(|slug| page.guides.iter().any(|g| &g.value == slug)))
    else {
        return Err(AppError::BadRequest);
    };
    match replies::NewCannedReply::parse(lang.clone(), &input.title, &input.body, guide.clone()) {
        Ok(reply) => {
            replies::create(&state, &staff, reply).await?;
            Ok(see_other("/staff/replies"))
        }
        Err(problems) => {
            for p in problems {
                let message = page.ctx.t(p.key());
                match p {
                    replies::CannedProblem::Title => page.title_error = Some(message.clone()),
                    replies::CannedProblem::Body => page.body_error = Some(message.clone()),
                }
                page.errors.push(FieldError::new(p.field(), message));
            }
            (page.title, page.body) = (input.title, input.body);
            page.langs.iter_mut().for_each(|c| c.selected = c.value == lang.as_str());
            page.guides.iter_mut().for_each(|c| c.selected = Some(&c.value) == guide.as_ref());
            page.ctx.has_errors = true;
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

pub async fn delete_reply(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    id: web::Path<CannedReplyId>,
) -> Result<HttpResponse, AppError> {
    replies::delete(&state, &staff, id.into_inner()).await?;
    Ok(see_other("/staff/replies"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_cannot_become_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("housing"), "housing");
        assert_eq!(csv_cell(""), "");
    }
}
