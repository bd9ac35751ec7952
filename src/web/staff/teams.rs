//! `/admin/teams`: teams of caseworkers, their members, notification address,
//! public name and the routing rules that send new inquiries to them.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{Admin, DoneQuery, Staff, form_value, staff_context, topic_and_region_names, valid_id};
use crate::db::RepoError;
use crate::db::repo::accounts;
use crate::db::repo::teams::{self, TeamInput, TeamView};
use crate::domain::inquiry::clean_line;
use crate::domain::routing::Rule;
use crate::domain::{EmailAddress, Lang};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::forms::Choice;
use crate::web::forms::FieldError;
use crate::web::{AppState, render_with_status, see_other};

const MAX_NAME: usize = 100;

fn choice(value: String, label: String, selected: bool) -> Choice {
    Choice { value, label, selected }
}

fn error_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
}

/// Names of topics, regions and languages, in the staff member's language.
struct Names {
    topics: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    langs: Vec<(String, String)>,
}

impl Names {
    fn of(list: &[(String, String)], slug: &str) -> String {
        list.iter().find(|(s, _)| s == slug).map_or_else(|| slug.to_owned(), |(_, n)| n.clone())
    }

    /// "Topic: Documents · Region: North Valley", in the reader's words.
    fn describe(&self, ctx: &PageContext, rule: &Rule) -> String {
        let mut parts = Vec::new();
        if let Some(t) = &rule.topic {
            parts.push(format!("{}: {}", ctx.t("admin-team-rule-topic"), Self::of(&self.topics, t)));
        }
        if let Some(r) = &rule.region {
            parts.push(format!("{}: {}", ctx.t("admin-team-rule-region"), Self::of(&self.regions, r)));
        }
        if let Some(l) = &rule.lang {
            parts.push(format!("{}: {}", ctx.t("admin-team-rule-lang"), Self::of(&self.langs, l)));
        }
        parts.join(" · ")
    }
}

async fn names(state: &AppState, lang: &Lang) -> Result<Names, AppError> {
    let (topics, regions) = topic_and_region_names(state, lang).await?;
    let langs =
        state.settings().languages.iter().map(|l| (l.to_string(), Translator::new(l).language_name())).collect();
    Ok(Names { topics, regions, langs })
}

pub struct TeamSummary {
    pub view: TeamView,
    pub rules: Vec<String>,
    pub languages: String,
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
    notice: Option<String>,
}

impl TeamsPage {
    fn error(&self, field: &str) -> Option<&str> {
        error_for(&self.errors, field)
    }
}

async fn teams_page(state: &AppState, req: &HttpRequest, staff: &Staff) -> Result<TeamsPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let list = state.db.run(teams::list).await?;
    let names = names(state, &staff.lang).await?;
    let count = list.len();
    let teams = list
        .into_iter()
        .enumerate()
        .map(|(i, view)| TeamSummary {
            rules: view.rules.iter().map(|r| names.describe(&ctx, &teams::rule_of(r))).collect(),
            languages: view.languages().iter().map(|l| Names::of(&names.langs, l)).collect::<Vec<_>>().join(", "),
            first: i == 0,
            last: i + 1 == count,
            view,
        })
        .collect();
    Ok(TeamsPage { csrf: staff.csrf.clone(), teams, name: String::new(), errors: Vec::new(), notice: None, ctx })
}

fn show<T: Template>(page: &T, has_errors: bool) -> Result<HttpResponse, AppError> {
    let status = if has_errors { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    render_with_status(status, page)
}

fn done_notice(ctx: &PageContext, done: Option<&str>) -> Option<String> {
    let key = match done? {
        "saved" => "admin-team-done-saved",
        "rule-added" => "admin-team-done-rule-added",
        "rule-removed" => "admin-team-done-rule-removed",
        "moved" => "admin-team-done-moved",
        "deleted" => "admin-team-done-deleted",
        "created" => "admin-team-done-created",
        _ => return None,
    };
    Some(ctx.t(key))
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = teams_page(&state, &req, &staff).await?;
    page.notice = done_notice(&page.ctx, done.done.as_deref());
    show(&page, false)
}

#[derive(Deserialize)]
pub struct NewTeamInput {
    #[serde(default)]
    name: String,
}

/// The name a team form gives, or the message saying what is wrong with it.
fn checked_name(ctx: &PageContext, raw: &str) -> Result<String, String> {
    let name = clean_line(raw);
    if name.is_empty() || name.chars().count() > MAX_NAME { Err(ctx.t("admin-team-error-name")) } else { Ok(name) }
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    input: web::Form<NewTeamInput>,
) -> Result<HttpResponse, AppError> {
    let mut page = teams_page(&state, &req, &staff).await?;
    let name = match checked_name(&page.ctx, &input.name) {
        Ok(name) => name,
        Err(message) => {
            page.errors.push(FieldError { field: "name".into(), message });
            page.name = input.name.clone();
            page.ctx.has_errors = true;
            return show(&page, true);
        }
    };
    let (n, actor) = (name.clone(), staff.user_id.clone());
    match state.db.run(move |c| teams::create(c, &n, &actor)).await {
        Ok(id) => Ok(see_other(&format!("/admin/teams/{id}?done=created"))),
        Err(RepoError::Conflict(_)) => {
            page.errors.push(FieldError { field: "name".into(), message: page.ctx.t("admin-team-error-name-taken") });
            page.name = input.name.clone();
            page.ctx.has_errors = true;
            show(&page, true)
        }
        Err(e) => Err(e.into()),
    }
}

pub struct LangBox {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
    pub checked: bool,
    pub public_name: String,
}

pub struct MemberBox {
    pub id: String,
    pub email: String,
    pub checked: bool,
}

pub struct RuleLine {
    pub id: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "admin/team.html")]
struct TeamPage {
    ctx: PageContext,
    csrf: String,
    id: String,
    title: String,
    name: String,
    notify_email: String,
    langs: Vec<LangBox>,
    show_publicly: bool,
    is_default: bool,
    members: Vec<MemberBox>,
    rules: Vec<RuleLine>,
    rule_topics: Vec<Choice>,
    rule_regions: Vec<Choice>,
    rule_langs: Vec<Choice>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl TeamPage {
    fn error(&self, field: &str) -> Option<&str> {
        error_for(&self.errors, field)
    }

    /// The problem with the public names, whichever box it was reported at.
    fn public_name_error(&self) -> Option<&str> {
        self.errors.iter().find(|e| e.field.starts_with("public_name")).map(|e| e.message.as_str())
    }
}

async fn team_page(state: &AppState, req: &HttpRequest, staff: &Staff, id: &str) -> Result<TeamPage, AppError> {
    valid_id(id)?;
    let ctx = staff_context(state, staff, req);
    let tid = id.to_owned();
    let view = state.db.run(move |c| teams::get(c, &tid)).await?;
    let names = names(state, &staff.lang).await?;
    let people = state.db.run(accounts::caseworkers).await?;
    let team_langs = view.languages();
    let langs = state
        .settings()
        .languages
        .iter()
        .map(|l| LangBox {
            code: l.to_string(),
            name: Translator::new(l).language_name(),
            dir: l.direction().as_str(),
            checked: team_langs.iter().any(|t| t == l.as_str()),
            public_name: view
                .public_names
                .iter()
                .find(|(pl, _)| pl == l.as_str())
                .map(|(_, n)| n.clone())
                .unwrap_or_default(),
        })
        .collect();
    let members = people
        .into_iter()
        .map(|(pid, email)| MemberBox { checked: view.members.iter().any(|(m, _)| *m == pid), id: pid, email })
        .collect();
    let any = |ctx: &PageContext| choice(String::new(), ctx.t("admin-team-rule-any"), true);
    let opts = |list: &[(String, String)]| {
        std::iter::once(any(&ctx))
            .chain(list.iter().map(|(v, l)| choice(v.clone(), l.clone(), false)))
            .collect::<Vec<_>>()
    };
    Ok(TeamPage {
        csrf: staff.csrf.clone(),
        id: view.team.id.clone(),
        title: view.team.name.clone(),
        name: view.team.name.clone(),
        notify_email: view.team.notify_email.clone().unwrap_or_default(),
        langs,
        show_publicly: view.team.show_publicly,
        is_default: view.team.is_default,
        members,
        rules: view
            .rules
            .iter()
            .map(|r| RuleLine { id: r.id.clone(), text: names.describe(&ctx, &teams::rule_of(r)) })
            .collect(),
        rule_topics: opts(&names.topics),
        rule_regions: opts(&names.regions),
        rule_langs: opts(&names.langs),
        errors: Vec::new(),
        notice: None,
        ctx,
    })
}

pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<String>,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = team_page(&state, &req, &staff, &id).await?;
    page.notice = done_notice(&page.ctx, done.done.as_deref());
    show(&page, false)
}

/// Saves the team's details and members; on a problem, the form again with what was typed.
pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let mut page = team_page(&state, &req, &staff, &id).await?;
    let get = |k: &str| form_value(&form, k);
    let has = |k: &str, v: &str| form.iter().any(|(key, value)| key == k && value == v);
    let mut errors = Vec::new();
    let name = checked_name(&page.ctx, &get("name")).unwrap_or_else(|message| {
        errors.push(FieldError { field: "name".into(), message });
        String::new()
    });
    let email_text = clean_line(&get("notify_email"));
    let notify_email = if email_text.is_empty() {
        None
    } else {
        match EmailAddress::parse(&email_text) {
            Ok(e) => Some(e.as_str().to_owned()),
            Err(_) => {
                errors.push(FieldError { field: "notify_email".into(), message: page.ctx.t("admin-team-error-email") });
                None
            }
        }
    };
    let show_publicly = has("show_publicly", "1");
    let is_default = has("is_default", "1");
    let mut public_names = Vec::new();
    for l in &mut page.langs {
        l.checked = has("languages", &l.code);
        let raw = get(&format!("public_name_{}", l.code));
        let public = clean_line(&raw);
        l.public_name = raw;
        if public.chars().count() > MAX_NAME {
            if !errors.iter().any(|e| e.field.starts_with("public_name")) {
                errors.push(FieldError {
                    field: format!("public_name_{}", l.code).into(),
                    message: page.ctx.t("admin-team-error-public-name-long"),
                });
            }
        } else if !public.is_empty() {
            public_names.push((l.code.clone(), public));
        }
    }
    let default_lang = state.settings().default_language.to_string();
    if show_publicly && !public_names.iter().any(|(l, _)| *l == default_lang) {
        errors.push(FieldError {
            field: format!("public_name_{default_lang}").into(),
            message: page.ctx.t("admin-team-error-public-name"),
        });
    }
    // Only members that are caseworkers now; a box for anyone else is ignored.
    for m in &mut page.members {
        m.checked = has("members", &m.id);
    }
    let input = TeamInput {
        name,
        notify_email,
        languages: page.langs.iter().filter(|l| l.checked).map(|l| l.code.clone()).collect(),
        show_publicly,
        public_names,
        is_default,
        members: page.members.iter().filter(|m| m.checked).map(|m| m.id.clone()).collect(),
    };
    page.name = get("name");
    page.notify_email = email_text;
    page.show_publicly = show_publicly;
    page.is_default = is_default;
    if errors.is_empty() {
        let (tid, actor) = (id.to_string(), staff.user_id.clone());
        match state.db.run(move |c| teams::update(c, &tid, &input, &actor)).await {
            Ok(()) => return Ok(see_other(&format!("/admin/teams/{id}?done=saved"))),
            Err(RepoError::Conflict(what)) if what == "default" => {
                errors.push(FieldError { field: "is_default".into(), message: page.ctx.t("admin-team-error-default") })
            }
            Err(RepoError::Conflict(_)) => {
                errors.push(FieldError { field: "name".into(), message: page.ctx.t("admin-team-error-name-taken") })
            }
            Err(e) => return Err(e.into()),
        }
    }
    page.errors = errors;
    page.ctx.has_errors = true;
    show(&page, true)
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
    id: web::Path<String>,
    input: web::Form<RuleInput>,
) -> Result<HttpResponse, AppError> {
    let mut page = team_page(&state, &req, &staff, &id).await?;
    let pick = |list: &mut Vec<Choice>, value: &str| -> Result<Option<String>, ()> {
        if value.is_empty() {
            return Ok(None);
        }
        if !list.iter().any(|c| c.value == value) {
            return Err(());
        }
        for c in list.iter_mut() {
            c.selected = c.value == value;
        }
        Ok(Some(value.to_owned()))
    };
    let (topic, region, lang) = (
        pick(&mut page.rule_topics, &input.topic),
        pick(&mut page.rule_regions, &input.region),
        pick(&mut page.rule_langs, &input.lang),
    );
    let rule = match (topic, region, lang) {
        (Ok(topic), Ok(region), Ok(lang)) => Rule { topic, region, lang },
        _ => {
            page.errors
                .push(FieldError { field: "rule-topic".into(), message: page.ctx.t("admin-team-error-rule-choice") });
            page.ctx.has_errors = true;
            return show(&page, true);
        }
    };
    if rule.is_empty() {
        page.errors.push(FieldError { field: "rule-topic".into(), message: page.ctx.t("admin-team-error-rule-empty") });
        page.ctx.has_errors = true;
        return show(&page, true);
    }
    let (tid, actor) = (id.to_string(), staff.user_id.clone());
    match state.db.run(move |c| teams::add_rule(c, &tid, &rule, &actor)).await {
        Ok(()) => Ok(see_other(&format!("/admin/teams/{id}?done=rule-added#rules"))),
        Err(RepoError::Conflict(_)) => {
            page.errors
                .push(FieldError { field: "rule-topic".into(), message: page.ctx.t("admin-team-error-rule-exists") });
            page.ctx.has_errors = true;
            show(&page, true)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_rule(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, rule) = path.into_inner();
    valid_id(&id)?;
    valid_id(&rule)?;
    let (tid, actor) = (id.clone(), staff.user_id.clone());
    state.db.run(move |c| teams::remove_rule(c, &tid, &rule, &actor)).await?;
    Ok(see_other(&format!("/admin/teams/{id}?done=rule-removed#rules")))
}

#[derive(Deserialize)]
pub struct MoveInput {
    #[serde(default)]
    direction: String,
}

pub async fn move_team(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
    input: web::Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let up = match input.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest),
    };
    let (tid, actor) = (id.to_string(), staff.user_id.clone());
    state.db.run(move |c| teams::move_team(c, &tid, up, &actor)).await?;
    Ok(see_other("/admin/teams?done=moved"))
}

pub async fn delete(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    valid_id(&id)?;
    let (tid, actor) = (id.to_string(), staff.user_id.clone());
    match state.db.run(move |c| teams::delete(c, &tid, &actor)).await {
        Ok(()) => Ok(see_other("/admin/teams?done=deleted")),
        Err(RepoError::Conflict(_)) => {
            let mut page = team_page(&state, &req, &staff, &id).await?;
            page.errors
                .push(FieldError { field: "delete".into(), message: page.ctx.t("admin-team-error-open-inquiries") });
            page.ctx.has_errors = true;
            show(&page, true)
        }
        Err(e) => Err(e.into()),
    }
}
