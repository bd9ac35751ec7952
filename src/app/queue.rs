//! The caseworker queue: filters, paging, lateness, and the CSV export of metadata.
//! Reading the queue decrypts nothing; the export is audited with the number of rows.
//! Both show only what the person may see (`domain::access`): their teams', or all for a lead.

use time::PrimitiveDateTime;

use crate::app::App;
use crate::auth::Staff;
use crate::db::RepoError;
use crate::db::repo::audit;
use crate::db::repo::workspace::{self, Assignee, QueueFilter, Targets, TeamFilter};
use crate::db::repo::{accounts, content, now, teams};
use crate::domain::inquiry::InquiryStatus;
use crate::domain::{AuditAction, Lang, TeamId, UserId};
use crate::error::AppError;

pub use crate::db::repo::content::TopicView;
pub use crate::db::repo::workspace::{Lateness, QueueItem};

/// Rows on one page of the queue.
pub const PER_PAGE: i64 = 25;
/// The most rows one CSV export holds.
const MAX_EXPORT_ROWS: i64 = 100_000;

/// Which statuses the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Everything not closed.
    #[default]
    Open,
    All,
    Only(InquiryStatus),
}

/// Whose inquiries the queue shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssigneeFilter {
    Nobody,
    Me,
    User(UserId),
}

/// Which team's inquiries the queue shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamChoice {
    Nobody,
    /// The teams the person asking belongs to.
    Mine,
    One(TeamId),
}

/// The queue's filters, parsed from its (bookmarkable) GET form.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub status: StatusFilter,
    pub topic: Option<String>,
    pub lang: Option<String>,
    pub assignee: Option<AssigneeFilter>,
    pub overdue: bool,
    pub team: Option<TeamChoice>,
}

/// Response targets from the settings in force.
pub(crate) fn targets(app: &App) -> Targets {
    Targets { acknowledge_days: app.settings().acknowledge_days, answer_days: app.settings().answer_days }
}

/// Whole days between two moments (never negative).
pub fn age_days(created: PrimitiveDateTime, at: PrimitiveDateTime) -> usize {
    usize::try_from((at - created).whole_days()).unwrap_or(0)
}

/// The repository's filter for this actor ("me", "my teams" resolved).
async fn db_filter(app: &App, actor: &Staff, filters: &Filters) -> Result<QueueFilter, AppError> {
    let team = match &filters.team {
        None => None,
        Some(TeamChoice::Nobody) => Some(TeamFilter::Nobody),
        Some(TeamChoice::Mine) => {
            let me = actor.user_id.clone();
            Some(TeamFilter::AnyOf(app.db.run(move |c| teams::teams_of(c, &me)).await?))
        }
        Some(TeamChoice::One(id)) => Some(TeamFilter::AnyOf(vec![id.as_str().to_owned()])),
    };
    let (status, all_statuses) = match filters.status {
        StatusFilter::Open => (None, false),
        StatusFilter::All => (None, true),
        StatusFilter::Only(s) => (Some(s), false),
    };
    Ok(QueueFilter {
        status,
        all_statuses,
        topic: filters.topic.clone(),
        lang: filters.lang.clone(),
        assignee: filters.assignee.as_ref().map(|a| match a {
            AssigneeFilter::Nobody => Assignee::Nobody,
            AssigneeFilter::Me => Assignee::User(actor.user_id.clone()),
            AssigneeFilter::User(id) => Assignee::User(id.as_str().to_owned()),
        }),
        overdue: filters.overdue,
        safeguarding: false,
        team,
    })
}

/// One queue row with its age and lateness now.
pub struct QueueRow {
    pub item: QueueItem,
    pub age_days: usize,
    pub lateness: Lateness,
}

/// One page of the queue, with what its filter form offers.
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// Topics in the reader's language (for the filter and the rows' topic titles).
    pub topics: Vec<TopicView>,
    /// Enabled caseworkers: (id, email).
    pub caseworkers: Vec<(String, String)>,
    /// Teams: (id, name).
    pub teams: Vec<(String, String)>,
}

/// A page of the queue (clamped to 1..=100 000): new and unassigned first, then oldest first.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, page = page))]
pub async fn list(app: &App, actor: &Staff, filters: &Filters, page: i64) -> Result<QueuePage, AppError> {
    let filter = db_filter(app, actor, filters).await?;
    let page = page.clamp(1, 100_000);
    let t = targets(app);
    let (l, d) = (actor.lang.to_string(), app.settings().default_language.to_string());
    let me = actor.user_id.clone();
    let (items, total, topics, caseworkers, team_names) = app
        .db
        .run(move |c| {
            let scope = teams::scope_of(c, &me)?;
            let (items, total) = workspace::queue(c, &scope, &filter, t, page, PER_PAGE)?;
            let topics = content::list_topics(c, &l, &d)?;
            // The team filter offers only the teams whose inquiries this person may see.
            let names = teams::names(c)?.into_iter().filter(|(id, _)| scope.allows(Some(id))).collect();
            Ok::<_, RepoError>((items, total, topics, accounts::caseworkers(c)?, names))
        })
        .await?;
    let at = now();
    let rows = items
        .into_iter()
        .map(|item| QueueRow { age_days: age_days(item.created_at, at), lateness: item.lateness(t, at), item })
        .collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    Ok(QueuePage { rows, total, page, pages, topics, caseworkers, teams: team_names })
}

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn csv_cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r', '|', '%']) { format!("'{value}") } else { value.to_owned() }
}

const CSV_HEADER: [&str; 16] = [
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
];

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// One CSV row: metadata only (no name, no contact detail, no message text).
fn csv_row(item: &QueueItem, t: Targets, at: PrimitiveDateTime) -> Vec<String> {
    let day = |t: Option<PrimitiveDateTime>| t.map(|t| t.assume_utc().date().to_string()).unwrap_or_default();
    vec![
        item.reference.clone(),
        item.status.as_str().to_owned(),
        item.topic_slug.clone().unwrap_or_default(),
        item.lang.clone(),
        item.answer_lang.clone(),
        item.contact_method.clone(),
        yes_no(item.assigned_to.is_some()),
        day(Some(item.created_at)),
        day(item.acknowledged_at),
        day(item.answered_at),
        day(item.closed_at),
        age_days(item.created_at, at).to_string(),
        yes_no(item.lateness(t, at) != Lateness::OnTime),
        yes_no(item.safeguarding),
        item.content_gap.clone().unwrap_or_default(),
        item.team_name.clone().unwrap_or_default(),
    ]
}

/// Every matching inquiry as CSV (oldest first), cells safe for spreadsheets. Audited with the count.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn export_csv(app: &App, actor: &Staff, filters: &Filters) -> Result<Vec<u8>, AppError> {
    let filter = db_filter(app, actor, filters).await?;
    let t = targets(app);
    let me = actor.user_id.clone();
    let items = app
        .db
        .run(move |c| {
            let scope = teams::scope_of(c, &me)?;
            workspace::all_matching(c, &scope, &filter, t, MAX_EXPORT_ROWS)
        })
        .await?;
    let at = now();
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| AppError::Internal(e.into());
    out.write_record(CSV_HEADER).map_err(csv_error)?;
    for item in &items {
        out.write_record(csv_row(item, t, at).iter().map(|c| csv_cell(c))).map_err(csv_error)?;
    }
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    let (actor, count) = (actor.user_id.clone(), items.len().to_string());
    app.db
        .run(move |c| {
            audit::record_alone(
                c,
                audit::Event::new(Some(&actor), AuditAction::InquiriesExportCsv, "inquiry", None).detail(&count),
            )
        })
        .await?;
    Ok(body)
}

/// The languages the site answers in, each with its own name (for the language filter).
pub fn languages(app: &App) -> Vec<(Lang, String)> {
    app.settings().languages.iter().map(|l| (l.clone(), crate::i18n::Translator::new(l).language_name())).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::app::inquiries::{Asked, Question, ask};
    use crate::app::teams::tests::team_with;
    use crate::app::testing;
    use crate::domain::InquiryId;
    use crate::domain::Role;
    use crate::domain::inquiry::InquiryForm;

    /// Asks a question (by email, answered in `answer_lang`) and returns its id.
    pub(crate) async fn asked(app: &App, message: &str, answer_lang: &str, nonce: u8) -> InquiryId {
        let form = InquiryForm {
            topic: "other".into(),
            answer_lang: answer_lang.into(),
            message: message.into(),
            email: "ani@example.am".into(),
            method: "email".into(),
            consent: true,
            ..Default::default()
        };
        let lang = Lang::parse("en").unwrap_or_else(|e| panic!("{e}"));
        match ask(app, Question { form, nonce: [nonce; 16], lang }).await {
            Ok(Asked::Sent { id, .. }) => id,
            _ => panic!("not sent"),
        }
    }

    fn ids(page: &QueuePage) -> Vec<String> {
        page.rows.iter().map(|r| r.item.id.clone()).collect()
    }

    #[actix_rt::test]
    async fn the_queue_filters_by_language_assignee_and_status() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = testing::staff_with(&app, "case@homeward.example", &[Role::Caseworker]).await;
        let hy = asked(&app, "Հարց", "hy", 1).await;
        let ru = asked(&app, "Вопрос", "ru", 2).await;
        let all = list(&app, &staff, &Filters::default(), 1).await?;
        assert_eq!(all.total, 2);
        assert_eq!(all.pages, 1);
        let only_hy = Filters { lang: Some("hy".into()), ..Default::default() };
        assert_eq!(ids(&list(&app, &staff, &only_hy, 1).await?), vec![hy.to_string()]);
        let mine = Filters { assignee: Some(AssigneeFilter::Me), ..Default::default() };
        assert!(list(&app, &staff, &mine, 1).await?.rows.is_empty());
        let nobody = Filters { assignee: Some(AssigneeFilter::Nobody), ..Default::default() };
        assert_eq!(list(&app, &staff, &nobody, 1).await?.total, 2);
        let closed = Filters { status: StatusFilter::Only(InquiryStatus::Closed), ..Default::default() };
        assert!(list(&app, &staff, &closed, 1).await?.rows.is_empty());
        // Not in any team: "my teams" finds nothing, "no team" finds both.
        let my_teams = Filters { team: Some(TeamChoice::Mine), ..Default::default() };
        assert!(list(&app, &staff, &my_teams, 1).await?.rows.is_empty());
        let no_team = Filters { team: Some(TeamChoice::Nobody), ..Default::default() };
        assert_eq!(list(&app, &staff, &no_team, 1).await?.total, 2);
        // A page past the end is empty, not an error; page 0 means the first.
        assert!(list(&app, &staff, &Filters::default(), 9).await?.rows.is_empty());
        assert_eq!(list(&app, &staff, &Filters::default(), 0).await?.page, 1);
        assert!(ids(&all).contains(&ru.to_string()));
        Ok(())
    }

    #[actix_rt::test]
    async fn the_csv_export_holds_metadata_only_and_is_audited() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = testing::staff_with(&app, "case@homeward.example", &[Role::Caseworker]).await;
        asked(&app, "=HYPERLINK(\"secret\")", "hy", 1).await;
        let csv =
            String::from_utf8(export_csv(&app, &staff, &Filters::default()).await?).unwrap_or_else(|e| panic!("{e}"));
        assert!(csv.starts_with("reference,status,topic"));
        assert_eq!(csv.lines().count(), 2);
        assert!(!csv.contains("secret") && !csv.contains("ani@example.am"), "{csv}");
        assert_eq!(testing::audit_actions(&app).await.last().map(String::as_str), Some("inquiries.export_csv"));
        Ok(())
    }

    #[actix_rt::test]
    async fn the_queue_counts_and_csv_hold_only_the_teams_one_may_see() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let a = testing::staff_with(&app, "a@homeward.example", &[Role::Caseworker]).await;
        let b = testing::staff_with(&app, "b@homeward.example", &[Role::Caseworker]).await;
        let lead = testing::staff_with(&app, "lead@homeward.example", &[Role::Caseworker]).await;
        let outsider = testing::staff_with(&app, "out@homeward.example", &[Role::Caseworker]).await;
        let unrouted = asked(&app, "Before any team", "hy", 1).await;
        team_with(&app, &admin, "Team A", &[&a], &[]).await;
        let team_b = team_with(&app, &admin, "Team B", &[&b], &[&lead]).await;
        let for_a = asked(&app, "For A", "hy", 2).await;
        let for_b = asked(&app, "For B", "hy", 3).await;
        crate::app::case::hand_over(&app, &lead, &for_b, &team_b).await?;
        let all = Filters { status: StatusFilter::All, ..Default::default() };
        assert_eq!(ids(&list(&app, &a, &all, 1).await?), vec![for_a.to_string()]);
        assert_eq!(ids(&list(&app, &b, &all, 1).await?), vec![for_b.to_string()]);
        assert_eq!(list(&app, &lead, &all, 1).await?.total, 3, "a lead sees every team and no team");
        assert_eq!(list(&app, &outsider, &all, 1).await?.total, 0, "in no team: nothing");
        // Filters cannot reach past the scope: another team, or "no team".
        let other_team = Filters { team: Some(TeamChoice::One(team_b.clone())), ..all.clone() };
        assert_eq!(list(&app, &a, &other_team, 1).await?.total, 0);
        let no_team = Filters { team: Some(TeamChoice::Nobody), ..all.clone() };
        assert_eq!(list(&app, &a, &no_team, 1).await?.total, 0);
        assert_eq!(ids(&list(&app, &lead, &no_team, 1).await?), vec![unrouted.to_string()]);
        // The team filter offers only one's own teams; a lead gets them all.
        assert_eq!(list(&app, &b, &all, 1).await?.teams, vec![(team_b.to_string(), "Team B".to_owned())]);
        assert_eq!(list(&app, &lead, &all, 1).await?.teams.len(), 2);
        let csv = |who| {
            let app = &app;
            let all = all.clone();
            async move { String::from_utf8(export_csv(app, who, &all).await?).map_err(|e| AppError::Internal(e.into())) }
        };
        assert_eq!(csv(&a).await?.lines().count(), 2, "the header and team A's one row");
        assert_eq!(csv(&outsider).await?.lines().count(), 1, "only the header");
        assert_eq!(csv(&lead).await?.lines().count(), 4);
        Ok(())
    }

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
