//! Teams of caseworkers: create, save (members, languages, public names, default flag),
//! routing rules, order and deletion. Every change is audited in its transaction.

use crate::app::App;
use crate::app::directory::topic_and_region_names;
use crate::auth::Staff;
use crate::db::repo::accounts;
use crate::db::repo::teams::{self, TeamError, TeamInput, TeamView};
use crate::domain::inquiry::clean_line;
use crate::domain::routing::Rule;
use crate::domain::{EmailAddress, Lang, RuleId, TeamId};
use crate::error::AppError;
use crate::i18n::Translator;

/// The longest team name and public name.
pub const MAX_NAME: usize = 100;

/// (slug or code, name) pairs of the topics, regions and languages a rule may name.
#[derive(Debug, Clone, Default)]
pub struct RuleNames {
    pub topics: Vec<(String, String)>,
    pub regions: Vec<(String, String)>,
    pub langs: Vec<(String, String)>,
}

impl RuleNames {
    fn name(list: &[(String, String)], slug: &str) -> String {
        list.iter().find(|(s, _)| s == slug).map_or_else(|| slug.to_owned(), |(_, n)| n.clone())
    }

    fn text(&self, id: RuleId, rule: &Rule) -> RuleText {
        RuleText {
            id,
            topic: rule.topic.as_deref().map(|t| Self::name(&self.topics, t)),
            region: rule.region.as_deref().map(|r| Self::name(&self.regions, r)),
            lang: rule.lang.as_deref().map(|l| Self::name(&self.langs, l)),
        }
    }
}

/// A rule in words: the names of what it matches (`None`: anything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleText {
    pub id: RuleId,
    pub topic: Option<String>,
    pub region: Option<String>,
    pub lang: Option<String>,
}

/// A team as the list shows it.
#[derive(Debug, Clone)]
pub struct TeamLine {
    pub id: TeamId,
    pub name: String,
    pub is_default: bool,
    pub rules: Vec<RuleText>,
    /// Names of the team's languages.
    pub languages: Vec<String>,
    /// Active caseworkers in the team.
    pub members: usize,
}

/// One language box of the team form.
#[derive(Debug, Clone)]
pub struct LangOption {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
    pub checked: bool,
    pub public_name: String,
}

/// One member box of the team form (every active caseworker), with its lead box.
#[derive(Debug, Clone)]
pub struct MemberOption {
    pub id: String,
    pub email: String,
    pub checked: bool,
    /// A lead sees and acts on every team's inquiries, and on those of no team.
    pub lead: bool,
}

/// Everything the team page shows.
#[derive(Debug, Clone)]
pub struct TeamDetail {
    pub id: TeamId,
    pub name: String,
    pub notify_email: String,
    pub langs: Vec<LangOption>,
    pub show_publicly: bool,
    pub is_default: bool,
    pub members: Vec<MemberOption>,
    pub rules: Vec<RuleText>,
    /// What a new rule may choose from.
    pub names: RuleNames,
}

/// What is wrong with a team form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamProblem {
    /// Empty or longer than `MAX_NAME`.
    Name,
    Email,
    /// The public name in this language is longer than `MAX_NAME`.
    PublicNameLong(String),
    /// Shown publicly, but without a name in this (the default) language.
    PublicNameMissing(String),
}

impl TeamProblem {
    /// The id of the input the message belongs to.
    pub fn field(&self) -> String {
        match self {
            TeamProblem::Name => "name".into(),
            TeamProblem::Email => "notify_email".into(),
            TeamProblem::PublicNameLong(l) | TeamProblem::PublicNameMissing(l) => format!("public_name_{l}"),
        }
    }

    /// The staff catalogue key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            TeamProblem::Name => "admin-team-error-name",
            TeamProblem::Email => "admin-team-error-email",
            TeamProblem::PublicNameLong(_) => "admin-team-error-public-name-long",
            TeamProblem::PublicNameMissing(_) => "admin-team-error-public-name",
        }
    }
}

/// A checked team name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamName(String);

impl TeamName {
    pub fn parse(raw: &str) -> Result<TeamName, TeamProblem> {
        let name = clean_line(raw);
        if name.is_empty() || name.chars().count() > MAX_NAME { Err(TeamProblem::Name) } else { Ok(TeamName(name)) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The team form as sent (boxes ticked, texts as typed).
#[derive(Debug, Clone, Default)]
pub struct TeamForm {
    pub name: String,
    pub notify_email: String,
    pub languages: Vec<String>,
    pub show_publicly: bool,
    /// (language code, name as typed), one per enabled language.
    pub public_names: Vec<(String, String)>,
    pub is_default: bool,
    pub members: Vec<String>,
    /// Members ticked as leads.
    pub leads: Vec<String>,
}

/// A checked team form, ready to save.
#[derive(Debug, Clone)]
pub struct TeamChanges {
    pub name: TeamName,
    pub notify_email: Option<EmailAddress>,
    pub languages: Vec<String>,
    pub show_publicly: bool,
    pub public_names: Vec<(String, String)>,
    pub is_default: bool,
    pub members: Vec<String>,
    /// Only members can lead: a lead box without its member box is dropped.
    pub leads: Vec<String>,
}

impl TeamChanges {
    /// Checks the form against the enabled languages; a shown team needs a public name
    /// in the default language. Members are checked when saving (they must be caseworkers).
    pub fn parse(form: &TeamForm, enabled: &[Lang], default: &Lang) -> Result<TeamChanges, Vec<TeamProblem>> {
        let mut problems = Vec::new();
        let name = TeamName::parse(&form.name).map_err(|p| problems.push(p)).ok();
        let email_text = clean_line(&form.notify_email);
        let notify_email = if email_text.is_empty() {
            None
        } else {
            EmailAddress::parse(&email_text).map_err(|_| problems.push(TeamProblem::Email)).ok()
        };
        let mut public_names = Vec::new();
        for lang in enabled {
            let raw = form.public_names.iter().find(|(l, _)| l == lang.as_str()).map_or("", |(_, n)| n.as_str());
            let public = clean_line(raw);
            if public.chars().count() > MAX_NAME {
                // One message for the public names is enough, at the first box that is too long.
                if !problems.iter().any(|p| matches!(p, TeamProblem::PublicNameLong(_))) {
                    problems.push(TeamProblem::PublicNameLong(lang.to_string()));
                }
            } else if !public.is_empty() {
                public_names.push((lang.to_string(), public));
            }
        }
        if form.show_publicly && !public_names.iter().any(|(l, _)| l == default.as_str()) {
            problems.push(TeamProblem::PublicNameMissing(default.to_string()));
        }
        let languages =
            enabled.iter().filter(|l| form.languages.iter().any(|c| c == l.as_str())).map(Lang::to_string).collect();
        match name {
            Some(name) if problems.is_empty() => Ok(TeamChanges {
                name,
                notify_email,
                languages,
                show_publicly: form.show_publicly,
                public_names,
                is_default: form.is_default,
                members: form.members.clone(),
                leads: form.leads.iter().filter(|l| form.members.contains(l)).cloned().collect(),
            }),
            _ => Err(problems),
        }
    }
}

/// What became of a new team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    Created(TeamId),
    NameTaken,
}

/// What became of a team form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Updated,
    NameTaken,
    /// The default team cannot be unticked: another team takes the flag instead.
    DefaultNeeded,
}

/// A new rule as chosen in the form (empty: any).
#[derive(Debug, Clone, Default)]
pub struct RuleChoice {
    pub topic: String,
    pub region: String,
    pub lang: String,
}

/// What became of a new rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAdded {
    Added,
    /// A rule must name a topic, region or language.
    Empty,
    /// A choice that is not on offer.
    Unknown,
    /// The team has this rule already.
    Exists,
}

/// Which way a team moves in routing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// What became of a deletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    Deleted,
    /// Teams with open inquiries stay.
    OpenInquiries,
}

async fn rule_names(app: &App, lang: &Lang) -> Result<RuleNames, AppError> {
    let (topics, regions) = topic_and_region_names(app, lang).await?;
    let langs = app.settings().languages.iter().map(|l| (l.to_string(), Translator::new(l).language_name())).collect();
    Ok(RuleNames { topics, regions, langs })
}

fn rules_of(view: &TeamView, names: &RuleNames) -> Vec<RuleText> {
    view.rules.iter().map(|r| names.text(RuleId::from_stored(r.id.clone()), &teams::rule_of(r))).collect()
}

/// Every team in routing order, with names in `lang`.
#[tracing::instrument(skip_all)]
pub async fn list(app: &App, lang: &Lang) -> Result<Vec<TeamLine>, AppError> {
    let views = app.db.run(teams::list).await?;
    let names = rule_names(app, lang).await?;
    Ok(views
        .into_iter()
        .map(|view| TeamLine {
            rules: rules_of(&view, &names),
            languages: view.languages().iter().map(|l| RuleNames::name(&names.langs, l)).collect(),
            members: view.members.len(),
            id: TeamId::from_stored(view.team.id),
            name: view.team.name,
            is_default: view.team.is_default,
        })
        .collect())
}

/// One team with its form: every enabled language and every active caseworker as boxes.
#[tracing::instrument(skip_all, fields(team = %id))]
pub async fn detail(app: &App, lang: &Lang, id: &TeamId) -> Result<TeamDetail, AppError> {
    let tid = id.to_string();
    let view = app.db.run(move |c| teams::get(c, &tid)).await?;
    let people = app.db.run(accounts::caseworkers).await?;
    let names = rule_names(app, lang).await?;
    let team_langs = view.languages();
    let langs = app
        .settings()
        .languages
        .iter()
        .map(|l| LangOption {
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
        .map(|(pid, email)| MemberOption {
            checked: view.members.iter().any(|(m, _)| *m == pid),
            lead: view.leads.contains(&pid),
            id: pid,
            email,
        })
        .collect();
    Ok(TeamDetail {
        id: id.clone(),
        rules: rules_of(&view, &names),
        name: view.team.name,
        notify_email: view.team.notify_email.unwrap_or_default(),
        langs,
        show_publicly: view.team.show_publicly,
        is_default: view.team.is_default,
        members,
        names,
    })
}

/// A new team, last in routing order (the first team becomes the default one).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn create(app: &App, actor: &Staff, name: TeamName) -> Result<Created, AppError> {
    let actor = actor.user_id.clone();
    match app.db.run(move |c| Ok(teams::create(c, name.as_str(), &actor))).await? {
        Ok(id) => Ok(Created::Created(TeamId::from_stored(id))),
        Err(TeamError::NameTaken) => Ok(Created::NameTaken),
        Err(e) => Err(unexpected(e)),
    }
}

/// Saves a team's details, members and leads; only active caseworkers can be members.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, team = %id))]
pub async fn save(app: &App, actor: &Staff, id: &TeamId, changes: TeamChanges) -> Result<Saved, AppError> {
    let (tid, actor) = (id.to_string(), actor.user_id.clone());
    let result = app
        .db
        .run(move |c| {
            let caseworkers = accounts::caseworkers(c)?;
            let input = TeamInput {
                name: changes.name.0,
                notify_email: changes.notify_email.map(|e| e.as_str().to_owned()),
                languages: changes.languages,
                show_publicly: changes.show_publicly,
                public_names: changes.public_names,
                is_default: changes.is_default,
                members: caseworkers
                    .into_iter()
                    .map(|(pid, _)| pid)
                    .filter(|pid| changes.members.contains(pid))
                    .collect(),
                leads: changes.leads,
            };
            Ok(teams::update(c, &tid, &input, &actor))
        })
        .await?;
    match result {
        Ok(()) => Ok(Saved::Updated),
        Err(TeamError::NameTaken) => Ok(Saved::NameTaken),
        Err(TeamError::DefaultNeeded) => Ok(Saved::DefaultNeeded),
        Err(e) => Err(unexpected(e)),
    }
}

/// Adds a routing rule made of choices the team page offers.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, team = %id))]
pub async fn add_rule(app: &App, actor: &Staff, id: &TeamId, choice: RuleChoice) -> Result<RuleAdded, AppError> {
    let names = rule_names(app, &actor.lang).await?;
    let pick = |list: &[(String, String)], value: &str| -> Result<Option<String>, ()> {
        match value {
            "" => Ok(None),
            v if list.iter().any(|(s, _)| s == v) => Ok(Some(v.to_owned())),
            _ => Err(()),
        }
    };
    let rule = match (
        pick(&names.topics, &choice.topic),
        pick(&names.regions, &choice.region),
        pick(&names.langs, &choice.lang),
    ) {
        (Ok(topic), Ok(region), Ok(lang)) => Rule { topic, region, lang },
        _ => return Ok(RuleAdded::Unknown),
    };
    if rule.is_empty() {
        return Ok(RuleAdded::Empty);
    }
    let (tid, actor) = (id.to_string(), actor.user_id.clone());
    match app.db.run(move |c| Ok(teams::add_rule(c, &tid, &rule, &actor))).await? {
        Ok(()) => Ok(RuleAdded::Added),
        Err(TeamError::RuleExists) => Ok(RuleAdded::Exists),
        Err(e) => Err(unexpected(e)),
    }
}

/// Removes one rule of a team; `NotFound` when the team has no such rule.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, team = %id, rule = %rule))]
pub async fn remove_rule(app: &App, actor: &Staff, id: &TeamId, rule: &RuleId) -> Result<(), AppError> {
    let (tid, rid, actor) = (id.to_string(), rule.to_string(), actor.user_id.clone());
    app.db.run(move |c| teams::remove_rule(c, &tid, &rid, &actor)).await?;
    Ok(())
}

/// Swaps a team with its neighbour in routing order (nothing happens at either end).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, team = %id))]
pub async fn move_team(app: &App, actor: &Staff, id: &TeamId, direction: Direction) -> Result<(), AppError> {
    let (tid, actor) = (id.to_string(), actor.user_id.clone());
    app.db.run(move |c| teams::move_team(c, &tid, direction == Direction::Up, &actor)).await?;
    Ok(())
}

/// Deletes a team without open inquiries; the default flag passes to the next team.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, team = %id))]
pub async fn delete(app: &App, actor: &Staff, id: &TeamId) -> Result<Deleted, AppError> {
    let (tid, actor) = (id.to_string(), actor.user_id.clone());
    match app.db.run(move |c| Ok(teams::delete(c, &tid, &actor))).await? {
        Ok(()) => Ok(Deleted::Deleted),
        Err(TeamError::OpenInquiries) => Ok(Deleted::OpenInquiries),
        Err(e) => Err(unexpected(e)),
    }
}

/// A refusal the use case did not expect for this action, or the database failure.
fn unexpected(e: TeamError) -> AppError {
    match e {
        TeamError::Repo(e) => e.into(),
        other => AppError::Internal(anyhow::Error::new(other)),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::app::inquiries::{Asked, Question, ask};
    use crate::app::testing;
    use crate::domain::Role;
    use crate::domain::inquiry::InquiryForm;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    fn name(text: &str) -> TeamName {
        TeamName::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    async fn new_team(app: &App, actor: &Staff, text: &str) -> TeamId {
        match create(app, actor, name(text)).await {
            Ok(Created::Created(id)) => id,
            other => panic!("{text}: {other:?}"),
        }
    }

    /// A new team with these members and leads (the first team is the default one).
    pub(crate) async fn team_with(
        app: &App,
        admin: &Staff,
        name_text: &str,
        members: &[&Staff],
        leads: &[&Staff],
    ) -> TeamId {
        let id = new_team(app, admin, name_text).await;
        let is_default = list(app, &lang("en")).await.is_ok_and(|l| l.len() == 1);
        let form = TeamForm {
            name: name_text.into(),
            is_default,
            members: members.iter().chain(leads).map(|m| m.user_id.clone()).collect(),
            leads: leads.iter().map(|m| m.user_id.clone()).collect(),
            ..Default::default()
        };
        let changes = TeamChanges::parse(&form, &[lang("en")], &lang("en")).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(save(app, admin, &id, changes).await.ok(), Some(Saved::Updated), "{name_text} is saved");
        id
    }

    fn changes(text: &str, is_default: bool, members: &[&str]) -> TeamChanges {
        let form = TeamForm {
            name: text.into(),
            is_default,
            members: members.iter().map(|m| (*m).to_owned()).collect(),
            ..Default::default()
        };
        TeamChanges::parse(&form, &[lang("en")], &lang("en")).unwrap_or_else(|e| panic!("{e:?}"))
    }

    async fn defaults(app: &App) -> Vec<String> {
        list(app, &lang("en"))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .filter(|t| t.is_default)
            .map(|t| t.name)
            .collect()
    }

    #[test]
    fn team_names_are_cleaned_and_limited() {
        assert_eq!(TeamName::parse("  Legal \u{7} aid ").map(|n| n.as_str().to_owned()), Ok("Legal aid".to_owned()));
        assert_eq!(TeamName::parse(" \t"), Err(TeamProblem::Name));
        assert_eq!(TeamName::parse(&"x".repeat(MAX_NAME + 1)), Err(TeamProblem::Name));
        assert!(TeamName::parse(&"ա".repeat(MAX_NAME)).is_ok(), "characters are counted, not bytes");
    }

    #[test]
    fn the_team_form_checks_the_address_and_the_public_names() {
        let enabled = [lang("en"), lang("hy")];
        let form = TeamForm {
            name: "Legal aid".into(),
            notify_email: "not an address".into(),
            show_publicly: true,
            public_names: vec![("en".into(), " ".into()), ("hy".into(), "ա".repeat(MAX_NAME + 1))],
            ..Default::default()
        };
        let problems = TeamChanges::parse(&form, &enabled, &lang("en")).err().unwrap_or_default();
        assert_eq!(
            problems,
            vec![
                TeamProblem::Email,
                TeamProblem::PublicNameLong("hy".into()),
                TeamProblem::PublicNameMissing("en".into())
            ]
        );
        assert_eq!(
            problems.iter().map(TeamProblem::field).collect::<Vec<_>>(),
            ["notify_email", "public_name_hy", "public_name_en"]
        );
        // Languages that are not enabled are dropped; empty public names are not kept.
        let form = TeamForm {
            name: "Legal aid".into(),
            notify_email: " desk@example.org ".into(),
            languages: vec!["hy".into(), "xx".into()],
            public_names: vec![("en".into(), "Free legal aid".into()), ("hy".into(), String::new())],
            ..Default::default()
        };
        let ok = TeamChanges::parse(&form, &enabled, &lang("en")).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(ok.languages, ["hy"]);
        assert_eq!(ok.notify_email.map(|e| e.as_str().to_owned()).as_deref(), Some("desk@example.org"));
        assert_eq!(ok.public_names, [("en".to_owned(), "Free legal aid".to_owned())]);
    }

    #[actix_rt::test]
    async fn the_first_team_is_the_default_and_stays_so_until_another_takes_the_flag() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let first = new_team(&app, &admin, "General desk").await;
        let second = new_team(&app, &admin, "Legal aid").await;
        assert_eq!(defaults(&app).await, ["General desk"]);
        // Unticking the default team is refused and changes nothing.
        assert_eq!(save(&app, &admin, &first, changes("Renamed", false, &[])).await?, Saved::DefaultNeeded);
        assert_eq!(detail(&app, &lang("en"), &first).await?.name, "General desk");
        assert_eq!(save(&app, &admin, &second, changes("Legal aid", true, &[])).await?, Saved::Updated);
        assert_eq!(defaults(&app).await, ["Legal aid"]);
        assert_eq!(save(&app, &admin, &first, changes("General desk", false, &[])).await?, Saved::Updated);
        // Deleting the default team passes the flag to the next team in order.
        assert_eq!(delete(&app, &admin, &second).await?, Deleted::Deleted);
        assert_eq!(defaults(&app).await, ["General desk"]);
        let unknown = TeamId::generate();
        assert!(matches!(save(&app, &admin, &unknown, changes("Ghost", true, &[])).await, Err(AppError::NotFound)));
        assert!(matches!(delete(&app, &admin, &unknown).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        assert_eq!(
            actions,
            ["account.create", "team.create", "team.create", "team.update", "team.update", "team.delete"]
        );
        Ok(())
    }

    #[actix_rt::test]
    async fn a_name_another_team_has_is_refused() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let legal = new_team(&app, &admin, "Legal aid").await;
        assert_eq!(create(&app, &admin, name("Legal aid")).await?, Created::NameTaken);
        let other = new_team(&app, &admin, "Social").await;
        assert_eq!(save(&app, &admin, &other, changes("Legal aid", false, &[])).await?, Saved::NameTaken);
        assert_eq!(list(&app, &lang("en")).await?.iter().map(|t| t.id.clone()).collect::<Vec<_>>(), [legal, other]);
        Ok(())
    }

    #[actix_rt::test]
    async fn only_active_caseworkers_become_members() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let worker = testing::staff_with(&app, "worker@homeward.example", &[Role::Caseworker]).await;
        let editor = testing::staff_with(&app, "editor@homeward.example", &[Role::Editor]).await;
        let team = new_team(&app, &admin, "Legal aid").await;
        let members = [worker.user_id.as_str(), editor.user_id.as_str(), "not-an-account"];
        assert_eq!(save(&app, &admin, &team, changes("Legal aid", true, &members)).await?, Saved::Updated);
        let page = detail(&app, &lang("en"), &team).await?;
        let ticked: Vec<&str> = page.members.iter().filter(|m| m.checked).map(|m| m.email.as_str()).collect();
        assert_eq!(ticked, ["worker@homeward.example"]);
        assert_eq!(list(&app, &lang("en")).await?[0].members, 1);
        Ok(())
    }

    #[actix_rt::test]
    async fn only_members_lead_and_the_team_page_shows_who_does() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff_with(&app, "admin@homeward.example", &[Role::Admin]).await;
        let lead = testing::staff_with(&app, "lead@homeward.example", &[Role::Caseworker]).await;
        let other = testing::staff_with(&app, "other@homeward.example", &[Role::Caseworker]).await;
        let team = new_team(&app, &admin, "Legal aid").await;
        let form = TeamForm {
            name: "Legal aid".into(),
            is_default: true,
            members: vec![lead.user_id.clone()],
            leads: vec![lead.user_id.clone(), other.user_id.clone()],
            ..Default::default()
        };
        let changes = TeamChanges::parse(&form, &[lang("en")], &lang("en")).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(changes.leads, std::slice::from_ref(&lead.user_id), "a lead box without its member box is dropped");
        assert_eq!(save(&app, &admin, &team, changes).await?, Saved::Updated);
        let page = detail(&app, &lang("en"), &team).await?;
        let leads: Vec<&str> = page.members.iter().filter(|m| m.lead).map(|m| m.email.as_str()).collect();
        assert_eq!(leads, ["lead@homeward.example"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn rules_name_something_on_offer_and_only_once() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let team = new_team(&app, &admin, "Armenian desk").await;
        let choice =
            |topic: &str, lang: &str| RuleChoice { topic: topic.into(), region: String::new(), lang: lang.into() };
        assert_eq!(add_rule(&app, &admin, &team, choice("", "")).await?, RuleAdded::Empty);
        assert_eq!(add_rule(&app, &admin, &team, choice("astrology", "")).await?, RuleAdded::Unknown);
        assert_eq!(add_rule(&app, &admin, &team, choice("", "xx")).await?, RuleAdded::Unknown);
        assert_eq!(add_rule(&app, &admin, &team, choice("", "hy")).await?, RuleAdded::Added);
        assert_eq!(add_rule(&app, &admin, &team, choice("", "hy")).await?, RuleAdded::Exists);
        let page = detail(&app, &lang("en"), &team).await?;
        assert_eq!(page.rules.len(), 1);
        assert_eq!(page.rules[0].lang.as_deref(), Some("Հայերեն"), "the language by its own name");
        let rule = page.rules[0].id.clone();
        remove_rule(&app, &admin, &team, &rule).await?;
        assert!(detail(&app, &lang("en"), &team).await?.rules.is_empty());
        assert!(matches!(remove_rule(&app, &admin, &team, &rule).await, Err(AppError::NotFound)));
        assert!(matches!(add_rule(&app, &admin, &TeamId::generate(), choice("", "ru")).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions, ["account.create", "team.create", "team.rule_add", "team.rule_remove"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn teams_move_in_routing_order_and_one_with_open_inquiries_stays() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let first = new_team(&app, &admin, "First").await;
        new_team(&app, &admin, "Second").await;
        let names = |teams: Vec<TeamLine>| teams.into_iter().map(|t| t.name).collect::<Vec<_>>();
        move_team(&app, &admin, &first, Direction::Down).await?;
        assert_eq!(names(list(&app, &lang("en")).await?), ["Second", "First"]);
        // At the end there is nowhere to go: nothing changes.
        move_team(&app, &admin, &first, Direction::Down).await?;
        assert_eq!(names(list(&app, &lang("en")).await?), ["Second", "First"]);
        assert!(matches!(move_team(&app, &admin, &TeamId::generate(), Direction::Up).await, Err(AppError::NotFound)));
        // A new question goes to the default team (the first one created); it cannot be deleted now.
        let form = InquiryForm {
            topic: "other".into(),
            answer_lang: "en".into(),
            message: "Where do I register?".into(),
            email: "ani@example.am".into(),
            method: "email".into(),
            consent: true,
            ..Default::default()
        };
        let asked = ask(&app, Question { form, nonce: [7; 16], lang: lang("en") }).await?;
        assert!(matches!(asked, Asked::Sent { .. }), "the question is stored");
        assert_eq!(delete(&app, &admin, &first).await?, Deleted::OpenInquiries);
        assert_eq!(names(list(&app, &lang("en")).await?), ["Second", "First"]);
        Ok(())
    }
}
