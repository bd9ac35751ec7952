//! The caseworker queue (`/staff/inquiries`) and its CSV export: the GET form's filters
//! are parsed here into `app::queue::Filters`; listing and exporting happen in `app::queue`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::queue::{self, AssigneeFilter, Filters, Lateness, QueueItem, StatusFilter, TeamChoice, TopicView};
use crate::auth::Caseworker;
use crate::domain::inquiry::InquiryStatus;
use crate::domain::{TeamId, UserId};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{Choice, choices};
use crate::web::{AppState, render};

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

impl TryFrom<&QueueQuery> for Filters {
    type Error = AppError;

    /// A malformed person or team id is a bad request (the form only offers real ones).
    fn try_from(q: &QueueQuery) -> Result<Filters, AppError> {
        let non_empty = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        Ok(Filters {
            status: match q.status.as_str() {
                "all" => StatusFilter::All,
                s => InquiryStatus::parse(s).map_or(StatusFilter::Open, StatusFilter::Only),
            },
            topic: non_empty(&q.topic),
            lang: non_empty(&q.lang),
            assignee: match q.assignee.as_str() {
                "" => None,
                "none" => Some(AssigneeFilter::Nobody),
                "me" => Some(AssigneeFilter::Me),
                id => Some(AssigneeFilter::User(UserId::parse(id).map_err(|_| AppError::BadRequest)?)),
            },
            overdue: q.overdue == "1",
            team: match q.team.as_str() {
                "" => None,
                "none" => Some(TeamChoice::Nobody),
                "mine" => Some(TeamChoice::Mine),
                id => Some(TeamChoice::One(TeamId::parse(id).map_err(|_| AppError::BadRequest)?)),
            },
        })
    }
}

impl QueueQuery {
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

/// The label of a lateness tag (none when on time); the case page uses it too.
pub(super) fn lateness_label(ctx: &PageContext, l: Lateness) -> Option<String> {
    match l {
        Lateness::OnTime => None,
        Lateness::AcknowledgeOverdue => Some(ctx.t("staff-late-acknowledge")),
        Lateness::AnswerOverdue => Some(ctx.t("staff-late-answer")),
    }
}

pub(super) fn status_label(ctx: &PageContext, s: InquiryStatus) -> String {
    ctx.t(&format!("staff-status-{}", s.as_str()))
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

/// Options with the given leading ones (value, catalogue key) first.
fn options(ctx: &PageContext, lead: &[(&str, &str)], rest: Vec<(String, String)>) -> Vec<(String, String)> {
    lead.iter().map(|(v, k)| ((*v).to_owned(), ctx.t(k))).chain(rest).collect()
}

pub async fn queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    Caseworker(staff): Caseworker,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let filters = Filters::try_from(&*query)?;
    let found = queue::list(&state, &staff, &filters, query.page.unwrap_or(1)).await?;
    let ctx = staff_context(&state, &staff, &req);
    let rows = found
        .rows
        .into_iter()
        .map(|r| Row {
            age_days: r.age_days,
            late: lateness_label(&ctx, r.lateness),
            topic_title: topic_title(&found.topics, r.item.topic_slug.as_deref(), &ctx),
            item: r.item,
        })
        .collect();
    let statuses = [InquiryStatus::New, InquiryStatus::InProgress, InquiryStatus::Answered, InquiryStatus::Closed]
        .map(|s| (s.as_str().to_owned(), status_label(&ctx, s)));
    let statuses = options(&ctx, &[("", "staff-filter-open"), ("all", "staff-filter-all")], statuses.into());
    let topics = found.topics.iter().map(|t| (t.slug.clone(), t.title.clone())).collect();
    let langs = queue::languages(&state).into_iter().map(|(l, name)| (l.to_string(), name)).collect();
    let anyone = [("", "staff-filter-anyone"), ("me", "staff-filter-mine"), ("none", "staff-filter-unassigned")];
    let any_team = [("", "staff-filter-any-team"), ("mine", "staff-filter-my-teams"), ("none", "staff-filter-no-team")];
    let page_label = ctx.t_args("staff-page-of", "page", &format!("{} / {}", found.page, found.pages));
    render(&QueuePage {
        page_label,
        rows,
        total: found.total,
        page: found.page,
        pages: found.pages,
        statuses: choices(statuses, &query.status),
        topics: choices(options(&ctx, &[("", "staff-filter-any")], topics), &query.topic),
        langs: choices(options(&ctx, &[("", "staff-filter-any")], langs), &query.lang),
        assignees: choices(options(&ctx, &anyone, found.caseworkers), &query.assignee),
        teams: choices(options(&ctx, &any_team, found.teams), &query.team),
        overdue: filters.overdue,
        query: query.query_string(),
        ctx,
    })
}

/// Metadata only: no name, no contact detail, no message text.
pub async fn export_csv(
    state: web::Data<AppState>,
    Caseworker(staff): Caseworker,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let body = queue::export_csv(&state, &staff, &Filters::try_from(&*query)?).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"inquiries.csv\""))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(status: &str, assignee: &str, team: &str) -> QueueQuery {
        QueueQuery { status: status.into(), assignee: assignee.into(), team: team.into(), ..Default::default() }
    }

    #[test]
    fn the_queue_form_becomes_filters() {
        let f = Filters::try_from(&query("", "", "")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((f.status, f.assignee, f.team), (StatusFilter::Open, None, None));
        let f = Filters::try_from(&query("all", "me", "mine")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (f.status, f.assignee, f.team),
            (StatusFilter::All, Some(AssigneeFilter::Me), Some(TeamChoice::Mine))
        );
        let f = Filters::try_from(&query("closed", "none", "none")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.status, StatusFilter::Only(InquiryStatus::Closed));
        assert_eq!((f.assignee, f.team), (Some(AssigneeFilter::Nobody), Some(TeamChoice::Nobody)));
        // An unknown status shows the open ones, as the form's first option does.
        assert_eq!(Filters::try_from(&query("nonsense", "", "")).map(|f| f.status).ok(), Some(StatusFilter::Open));
        let id = UserId::generate();
        let f = Filters::try_from(&query("", id.as_str(), "")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.assignee, Some(AssigneeFilter::User(id)));
        assert!(matches!(Filters::try_from(&query("", "../x", "")), Err(AppError::BadRequest)));
        assert!(matches!(Filters::try_from(&query("", "", "not-a-team")), Err(AppError::BadRequest)));
    }
}
