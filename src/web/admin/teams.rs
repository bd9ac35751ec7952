//! Teams and routing rules (`/admin/teams`): the list, a new team, one team's form,
//! rules, order and deletion. The rules live in `app::teams`; this renders them.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::teams::{
    self, Created, Deleted, Direction, LangOption, MemberOption, RuleAdded, RuleChoice, RuleText, Saved, TeamChanges,
    TeamDetail, TeamForm, TeamName,
};
use crate::auth::{Admin, Staff};
use crate::domain::{RuleId, TeamId};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{Choice, FieldError, form_value, redirect_with_flash};
use crate::web::{AppState, render_with_status};

/// "Topic: Documents · Region: North Valley", in the reader's words.
fn describe(ctx: &PageContext, rule: &RuleText) -> String {
    [
        ("admin-team-rule-topic", &rule.topic),
        ("admin-team-rule-region", &rule.region),
        ("admin-team-rule-lang", &rule.lang),
    ]
    .into_iter()
    .filter_map(|(key, name)| name.as_ref().map(|n| format!("{}: {n}", ctx.t(key))))
    .collect::<Vec<_>>()
    .join(" · ")
}

fn find_error<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
}

fn show<T: Template>(page: &T, has_errors: bool) -> Result<HttpResponse, AppError> {
    render_with_status(if has_errors { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK }, page)
}

pub struct TeamSummary {
    pub id: TeamId,
    pub name: String,
    pub is_default: bool,
    pub rules: Vec<String>,
    pub languages: String,
    pub members: usize,
    pub first: bool,
    pub last: bool,
}

#[derive(Template)]
#[template(path = "admin/teams.html")]
struct TeamsPage {
    ctx: PageContext,
    csrf: String,
    teams: Vec<TeamSummary>,
    name: String,
    errors: Vec<FieldError>,
}

impl TeamsPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }
}

async fn teams_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<TeamsPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let list = teams::list(state, &staff.lang).await?;
    let count = list.len();
    let teams = list
        .into_iter()
        .enumerate()
        .map(|(i, t)| TeamSummary {
            rules: t.rules.iter().map(|r| describe(&ctx, r)).collect(),
            languages: t.languages.join(", "),
            first: i == 0,
            last: i + 1 == count,
            id: t.id,
            name: t.name,
            is_default: t.is_default,
            members: t.members,
        })
        .collect();
    Ok(TeamsPage { csrf: staff.csrf.clone(), teams, name: String::new(), errors: Vec::new(), ctx })
}

pub async fn list(state: web::Data<AppState>, req: HttpRequest, Admin(staff): Admin) -> Result<HttpResponse, AppError> {
    show(&teams_page(&state, &req, &staff).await?, false)
}

#[derive(Deserialize)]
pub struct NewTeamInput {
    #[serde(default)]
    name: String,
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    input: web::Form<NewTeamInput>,
) -> Result<HttpResponse, AppError> {
    let key = match TeamName::parse(&input.name) {
        Ok(name) => match teams::create(&state, &staff, name).await? {
            Created::Created(id) => {
                return Ok(redirect_with_flash(&state, &format!("/admin/teams/{id}"), "admin-team-done-created"));
            }
            Created::NameTaken => "admin-team-error-name-taken",
        },
        Err(problem) => problem.key(),
    };
    let mut page = teams_page(&state, &req, &staff).await?;
    page.errors.push(FieldError::new("name", page.ctx.t(key)));
    page.name = input.name.clone();
    page.ctx.has_errors = true;
    show(&page, true)
}

pub struct RuleLine {
    pub id: RuleId,
    pub text: String,
}

#[derive(Template)]
#[template(path = "admin/team.html")]
struct TeamPage {
    ctx: PageContext,
    csrf: String,
    id: TeamId,
    title: String,
    name: String,
    notify_email: String,
    langs: Vec<LangOption>,
    show_publicly: bool,
    is_default: bool,
    members: Vec<MemberOption>,
    rules: Vec<RuleLine>,
    rule_topics: Vec<Choice>,
    rule_regions: Vec<Choice>,
    rule_langs: Vec<Choice>,
    errors: Vec<FieldError>,
}

impl TeamPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }

    /// The problem with the public names, whichever box it was reported at.
    fn public_name_error(&self) -> Option<&str> {
        self.errors.iter().find(|e| e.field.starts_with("public_name")).map(|e| e.message.as_str())
    }

    /// Shows what was typed instead of what is stored (after a refused save).
    fn keep(&mut self, typed: TeamForm) {
        for l in &mut self.langs {
            l.checked = typed.languages.contains(&l.code);
            l.public_name =
                typed.public_names.iter().find(|(c, _)| *c == l.code).map(|(_, n)| n.clone()).unwrap_or_default();
        }
        for m in &mut self.members {
            m.checked = typed.members.contains(&m.id);
            m.lead = typed.leads.contains(&m.id);
        }
        self.notify_email = crate::domain::inquiry::clean_line(&typed.notify_email);
        (self.name, self.show_publicly, self.is_default) = (typed.name, typed.show_publicly, typed.is_default);
    }

    /// Shows the page with these errors, the rest as it was.
    fn with_errors(mut self, errors: Vec<FieldError>) -> Result<HttpResponse, AppError> {
        self.errors = errors;
        self.ctx.has_errors = true;
        show(&self, true)
    }
}

/// A select's options: "any" first, then the list, with `selected` marked.
fn options(ctx: &PageContext, list: &[(String, String)], selected: &str) -> Vec<Choice> {
    std::iter::once((String::new(), ctx.t("admin-team-rule-any")))
        .chain(list.iter().cloned())
        .map(|(value, label)| Choice { selected: value == selected, value, label })
        .collect()
}

async fn team_page(state: &AppState, req: &HttpRequest, staff: &Staff, id: &TeamId) -> Result<TeamPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let TeamDetail { id, name, notify_email, langs, show_publicly, is_default, members, rules, names } =
        teams::detail(state, &staff.lang, id).await?;
    Ok(TeamPage {
        csrf: staff.csrf.clone(),
        id,
        title: name.clone(),
        name,
        notify_email,
        langs,
        show_publicly,
        is_default,
        members,
        rules: rules.iter().map(|r| RuleLine { id: r.id.clone(), text: describe(&ctx, r) }).collect(),
        rule_topics: options(&ctx, &names.topics, ""),
        rule_regions: options(&ctx, &names.regions, ""),
        rule_langs: options(&ctx, &names.langs, ""),
        errors: Vec::new(),
        ctx,
    })
}

pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<TeamId>,
) -> Result<HttpResponse, AppError> {
    show(&team_page(&state, &req, &staff, &id).await?, false)
}

/// The team form as sent: boxes ticked, names per enabled language.
fn team_form(state: &AppState, form: &[(String, String)]) -> TeamForm {
    let all = |k: &str| form.iter().filter(|(key, _)| key == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let ticked = |k: &str| form.iter().any(|(key, value)| key == k && value == "1");
    TeamForm {
        name: form_value(form, "name"),
        notify_email: form_value(form, "notify_email"),
        languages: all("languages"),
        show_publicly: ticked("show_publicly"),
        public_names: state
            .settings()
            .languages
            .iter()
            .map(|l| (l.to_string(), form_value(form, &format!("public_name_{l}"))))
            .collect(),
        is_default: ticked("is_default"),
        members: all("members"),
        leads: all("leads"),
    }
}

/// Saves the team's details and members; on a problem, the form again with what was typed.
pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<TeamId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let mut page = team_page(&state, &req, &staff, &id).await?;
    let typed = team_form(&state, &form);
    let settings = state.settings();
    let problems: Vec<FieldError> = match TeamChanges::parse(&typed, &settings.languages, &settings.default_language) {
        Ok(changes) => match teams::save(&state, &staff, &id, changes).await? {
            Saved::Updated => {
                return Ok(redirect_with_flash(&state, &format!("/admin/teams/{id}"), "admin-team-done-saved"));
            }
            Saved::NameTaken => vec![FieldError::new("name", page.ctx.t("admin-team-error-name-taken"))],
            Saved::DefaultNeeded => vec![FieldError::new("is_default", page.ctx.t("admin-team-error-default"))],
        },
        Err(problems) => problems.iter().map(|p| FieldError::new(p.field(), page.ctx.t(p.key()))).collect(),
    };
    page.keep(typed);
    page.with_errors(problems)
}

#[derive(Deserialize)]
pub struct RuleInput {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    lang: String,
}

pub async fn add_rule(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<TeamId>,
    input: web::Form<RuleInput>,
) -> Result<HttpResponse, AppError> {
    let mut page = team_page(&state, &req, &staff, &id).await?;
    let RuleInput { topic, region, lang } = input.into_inner();
    let choice = RuleChoice { topic: topic.clone(), region: region.clone(), lang: lang.clone() };
    let key = match teams::add_rule(&state, &staff, &id, choice).await? {
        RuleAdded::Added => {
            return Ok(redirect_with_flash(&state, &format!("/admin/teams/{id}#rules"), "admin-team-done-rule-added"));
        }
        RuleAdded::Unknown => "admin-team-error-rule-choice",
        RuleAdded::Empty => "admin-team-error-rule-empty",
        RuleAdded::Exists => "admin-team-error-rule-exists",
    };
    // The choices stay selected (one that is not on offer matches no option).
    for (list, value) in
        [(&mut page.rule_topics, &topic), (&mut page.rule_regions, &region), (&mut page.rule_langs, &lang)]
    {
        list.iter_mut().for_each(|c| c.selected = c.value == *value);
    }
    let error = FieldError::new("rule-topic", page.ctx.t(key));
    page.with_errors(vec![error])
}

pub async fn remove_rule(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    path: web::Path<(TeamId, RuleId)>,
) -> Result<HttpResponse, AppError> {
    let (id, rule) = path.into_inner();
    teams::remove_rule(&state, &staff, &id, &rule).await?;
    Ok(redirect_with_flash(&state, &format!("/admin/teams/{id}#rules"), "admin-team-done-rule-removed"))
}

#[derive(Deserialize)]
pub struct MoveInput {
    direction: Direction,
}

/// Moves a team up or down; anything but `up` or `down` is a bad request.
pub async fn move_team(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<TeamId>,
    input: web::Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    teams::move_team(&state, &staff, &id, input.direction).await?;
    Ok(redirect_with_flash(&state, "/admin/teams", "admin-team-done-moved"))
}

pub async fn delete(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<TeamId>,
) -> Result<HttpResponse, AppError> {
    match teams::delete(&state, &staff, &id).await? {
        Deleted::Deleted => Ok(redirect_with_flash(&state, "/admin/teams", "admin-team-done-deleted")),
        Deleted::OpenInquiries => {
            let page = team_page(&state, &req, &staff, &id).await?;
            let error = FieldError::new("delete", page.ctx.t("admin-team-error-open-inquiries"));
            page.with_errors(vec![error])
        }
    }
}
