//! Teams of caseworkers, their routing rules and members, and handing an
//! inquiry from one team to another. Every change is audited in its transaction.

use diesel::prelude::*;

use super::audit::{self, Event};
use super::directory::{packed, unpacked};
use super::outbox::{self, NewMail};
use super::{RepoError, new_id, now};
use crate::crypto::vault::Vault;
use crate::db::rows::{TeamRow, TeamRuleRow};
use crate::db::schema::{inquiries, staff_roles, staff_users, team_members, team_public_names, team_rules, teams};
use crate::db::{DbConnection, lock_teams, write_transaction_with};
use crate::domain::access::Scope;
use crate::domain::inquiry::InquiryStatus;
use crate::domain::routing::{self, Rule};

/// A team with everything the admin pages show.
#[derive(Debug, Clone)]
pub struct TeamView {
    pub team: TeamRow,
    pub rules: Vec<TeamRuleRow>,
    /// (staff id, email)
    pub members: Vec<(String, String)>,
    /// The staff ids of the members who lead (and so see every team's inquiries).
    pub leads: Vec<String>,
    /// (lang, name)
    pub public_names: Vec<(String, String)>,
}

impl TeamView {
    pub fn languages(&self) -> Vec<String> {
        unpacked(&self.team.languages)
    }
}

/// Why a change to the teams was refused, or the database failure that stopped it.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("another team has this name")]
    NameTaken,
    /// The flag moves only by making another team the default, so there is always one.
    #[error("the default team stays the default until another team takes the flag")]
    DefaultNeeded,
    #[error("the team has this rule already")]
    RuleExists,
    #[error("the team still has open inquiries")]
    OpenInquiries,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<diesel::result::Error> for TeamError {
    fn from(e: diesel::result::Error) -> Self {
        TeamError::Repo(e.into())
    }
}

/// A write of the team's name: a unique violation there means the name is taken.
fn name_taken(e: diesel::result::Error) -> TeamError {
    match e {
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
            TeamError::NameTaken
        }
        other => other.into(),
    }
}

/// A write transaction that holds the teams lock, so two admins (or an admin and a hand-over)
/// cannot interleave on PostgreSQL.
fn teams_transaction<T, E: From<RepoError>>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E> {
    write_transaction_with(conn, |c| {
        lock_teams(c)?;
        f(c)
    })
}

/// Whether a team exists (call inside `teams_transaction` or a transaction holding the lock).
pub fn exists(conn: &mut DbConnection, team_id: &str) -> Result<bool, RepoError> {
    let n: i64 = teams::table.filter(teams::id.eq(team_id)).count().get_result(conn)?;
    Ok(n > 0)
}

/// A stored rule as routing reads it.
pub fn rule_of(row: &TeamRuleRow) -> Rule {
    Rule { topic: row.topic_slug.clone(), region: row.region_slug.clone(), lang: row.lang.clone() }
}

/// Every team in routing order.
pub fn list(conn: &mut DbConnection) -> Result<Vec<TeamView>, RepoError> {
    let rows: Vec<TeamRow> =
        teams::table.order((teams::position, teams::name)).select(TeamRow::as_select()).load(conn)?;
    let rules: Vec<TeamRuleRow> = team_rules::table
        .order((team_rules::created_at, team_rules::id))
        .select(TeamRuleRow::as_select())
        .load(conn)?;
    // Members whose account was disabled or who are no longer caseworkers are not listed (or counted).
    let members: Vec<(String, String, String, bool)> = team_members::table
        .inner_join(staff_users::table)
        .filter(staff_users::disabled.eq(false))
        .filter(diesel::dsl::exists(
            staff_roles::table
                .filter(staff_roles::user_id.eq(staff_users::id))
                .filter(staff_roles::role.eq(crate::domain::Role::Caseworker.as_str())),
        ))
        .order(staff_users::email_normalized)
        .select((team_members::team_id, staff_users::id, staff_users::email, team_members::lead))
        .load(conn)?;
    let names: Vec<(String, String, String)> = team_public_names::table
        .order(team_public_names::lang)
        .select((team_public_names::team_id, team_public_names::lang, team_public_names::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|team| TeamView {
            rules: rules.iter().filter(|r| r.team_id == team.id).cloned().collect(),
            members: members.iter().filter(|m| m.0 == team.id).map(|m| (m.1.clone(), m.2.clone())).collect(),
            leads: members.iter().filter(|m| m.0 == team.id && m.3).map(|m| m.1.clone()).collect(),
            public_names: names.iter().filter(|n| n.0 == team.id).map(|n| (n.1.clone(), n.2.clone())).collect(),
            team,
        })
        .collect())
}

pub fn get(conn: &mut DbConnection, id: &str) -> Result<TeamView, RepoError> {
    list(conn)?.into_iter().find(|t| t.team.id == id).ok_or(RepoError::NotFound)
}

/// (id, name) of every team, in routing order.
pub fn names(conn: &mut DbConnection) -> Result<Vec<(String, String)>, RepoError> {
    Ok(teams::table.order((teams::position, teams::name)).select((teams::id, teams::name)).load(conn)?)
}

/// The ids of the teams a caseworker belongs to.
pub fn teams_of(conn: &mut DbConnection, staff_id: &str) -> Result<Vec<String>, RepoError> {
    Ok(team_members::table.filter(team_members::staff_id.eq(staff_id)).select(team_members::team_id).load(conn)?)
}

/// Which inquiries a caseworker may see and act on (see `domain::access`): a lead flag on
/// any membership, or no team at all, opens everything; else their own teams.
pub fn scope_of(conn: &mut DbConnection, staff_id: &str) -> Result<Scope, RepoError> {
    let own: Vec<(String, bool)> = team_members::table
        .filter(team_members::staff_id.eq(staff_id))
        .select((team_members::team_id, team_members::lead))
        .load(conn)?;
    let lead = own.iter().any(|(_, lead)| *lead);
    let teams_exist = !own.is_empty() || teams::table.count().get_result::<i64>(conn)? > 0;
    Ok(Scope::new(lead, teams_exist, own.into_iter().map(|(t, _)| t).collect()))
}

/// The team a new inquiry goes to (see `domain::routing`). Reads only teams and rules:
/// this runs for every question sent.
pub fn route(conn: &mut DbConnection, inquiry: &routing::Inquiry<'_>) -> Result<Option<TeamRow>, RepoError> {
    let rows: Vec<TeamRow> =
        teams::table.order((teams::position, teams::name)).select(TeamRow::as_select()).load(conn)?;
    let rules: Vec<TeamRuleRow> = team_rules::table.select(TeamRuleRow::as_select()).load(conn)?;
    let for_routing: Vec<routing::Team> = rows
        .iter()
        .map(|t| routing::Team {
            id: t.id.clone(),
            position: t.position,
            is_default: t.is_default,
            rules: rules.iter().filter(|r| r.team_id == t.id).map(rule_of).collect(),
        })
        .collect();
    let chosen = routing::route(&for_routing, inquiry).map(str::to_owned);
    Ok(chosen.and_then(|id| rows.into_iter().find(|t| t.id == id)))
}

/// The name the inquirer sees, if the team chose to be named: in their language, else the default one.
pub fn public_name(
    conn: &mut DbConnection,
    team_id: &str,
    lang: &str,
    default: &str,
) -> Result<Option<String>, RepoError> {
    let shown: Option<bool> =
        teams::table.filter(teams::id.eq(team_id)).select(teams::show_publicly).first(conn).optional()?;
    if shown != Some(true) {
        return Ok(None);
    }
    let names: Vec<(String, String)> = team_public_names::table
        .filter(team_public_names::team_id.eq(team_id))
        .select((team_public_names::lang, team_public_names::name))
        .load(conn)?;
    let pick = |l: &str| names.iter().find(|(nl, _)| nl == l).map(|(_, n)| n.clone());
    Ok(pick(lang).or_else(|| pick(default)))
}

/// A new team, last in routing order. The first team there is becomes the default team.
pub fn create(conn: &mut DbConnection, name: &str, actor: &str) -> Result<String, TeamError> {
    teams_transaction(conn, |c| {
        let last: Option<i32> = teams::table.select(diesel::dsl::max(teams::position)).first(c)?;
        let count: i64 = teams::table.count().get_result(c)?;
        let id = new_id();
        let at = now();
        diesel::insert_into(teams::table)
            .values(TeamRow {
                id: id.clone(),
                name: name.to_owned(),
                notify_email: None,
                languages: String::new(),
                show_publicly: false,
                position: last.unwrap_or(0) + 1,
                is_default: count == 0,
                created_at: at,
                updated_at: at,
            })
            .execute(c)
            .map_err(name_taken)?;
        audit::record(c, Event::new(Some(actor), crate::domain::AuditAction::TeamCreate, "team", Some(&id)))?;
        Ok(id)
    })
}

/// What the team form saves.
#[derive(Debug, Clone, Default)]
pub struct TeamInput {
    pub name: String,
    pub notify_email: Option<String>,
    pub languages: Vec<String>,
    pub show_publicly: bool,
    /// (lang, name); empty names are not stored.
    pub public_names: Vec<(String, String)>,
    pub is_default: bool,
    pub members: Vec<String>,
    /// Members who lead (a lead who is not a member is not kept).
    pub leads: Vec<String>,
}

pub fn update(conn: &mut DbConnection, id: &str, input: &TeamInput, actor: &str) -> Result<(), TeamError> {
    teams_transaction(conn, |c| {
        let was_default: bool = teams::table.filter(teams::id.eq(id)).select(teams::is_default).first(c)?;
        if was_default && !input.is_default {
            return Err(TeamError::DefaultNeeded);
        }
        if input.is_default {
            diesel::update(teams::table.filter(teams::id.ne(id))).set(teams::is_default.eq(false)).execute(c)?;
        }
        let n = diesel::update(teams::table.filter(teams::id.eq(id)))
            .set((
                teams::name.eq(&input.name),
                teams::notify_email.eq(input.notify_email.as_deref()),
                teams::languages.eq(packed(&input.languages)),
                teams::show_publicly.eq(input.show_publicly),
                teams::is_default.eq(input.is_default),
                teams::updated_at.eq(now()),
            ))
            .execute(c)
            .map_err(name_taken)?;
        if n == 0 {
            return Err(RepoError::NotFound.into());
        }
        diesel::delete(team_public_names::table.filter(team_public_names::team_id.eq(id))).execute(c)?;
        for (lang, name) in input.public_names.iter().filter(|(_, n)| !n.is_empty()) {
            diesel::insert_into(team_public_names::table)
                .values((
                    team_public_names::team_id.eq(id),
                    team_public_names::lang.eq(lang),
                    team_public_names::name.eq(name),
                ))
                .execute(c)?;
        }
        diesel::delete(team_members::table.filter(team_members::team_id.eq(id))).execute(c)?;
        for staff in &input.members {
            diesel::insert_into(team_members::table)
                .values((
                    team_members::team_id.eq(id),
                    team_members::staff_id.eq(staff),
                    team_members::lead.eq(input.leads.contains(staff)),
                ))
                .execute(c)?;
        }
        let leads = input.members.iter().filter(|m| input.leads.contains(m)).count();
        let detail = format!("members={};leads={leads}", input.members.len());
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::TeamUpdate, "team", Some(id)).detail(&detail),
        )?;
        Ok(())
    })
}

fn rule_detail(rule: &Rule) -> String {
    format!(
        "topic={};region={};lang={}",
        rule.topic.as_deref().unwrap_or("*"),
        rule.region.as_deref().unwrap_or("*"),
        rule.lang.as_deref().unwrap_or("*")
    )
}

/// Adds a rule; the same rule twice on one team is refused.
pub fn add_rule(conn: &mut DbConnection, team_id: &str, rule: &Rule, actor: &str) -> Result<(), TeamError> {
    teams_transaction(conn, |c| {
        let exists: i64 = teams::table.filter(teams::id.eq(team_id)).count().get_result(c)?;
        if exists == 0 {
            return Err(RepoError::NotFound.into());
        }
        let same = team_rules::table
            .filter(team_rules::team_id.eq(team_id))
            .select(TeamRuleRow::as_select())
            .load(c)?
            .iter()
            .any(|r| rule_of(r) == *rule);
        if same {
            return Err(TeamError::RuleExists);
        }
        diesel::insert_into(team_rules::table)
            .values(TeamRuleRow {
                id: new_id(),
                team_id: team_id.to_owned(),
                topic_slug: rule.topic.clone(),
                region_slug: rule.region.clone(),
                lang: rule.lang.clone(),
                created_at: now(),
            })
            .execute(c)?;
        let detail = rule_detail(rule);
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::TeamRuleAdd, "team", Some(team_id)).detail(&detail),
        )?;
        Ok(())
    })
}

pub fn remove_rule(conn: &mut DbConnection, team_id: &str, rule_id: &str, actor: &str) -> Result<(), RepoError> {
    teams_transaction(conn, |c| {
        let row: TeamRuleRow = team_rules::table
            .filter(team_rules::id.eq(rule_id))
            .filter(team_rules::team_id.eq(team_id))
            .select(TeamRuleRow::as_select())
            .first(c)?;
        diesel::delete(team_rules::table.filter(team_rules::id.eq(rule_id))).execute(c)?;
        let detail = rule_detail(&rule_of(&row));
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::TeamRuleRemove, "team", Some(team_id)).detail(&detail),
        )
    })
}

/// Swaps a team with its neighbour in routing order.
pub fn move_team(conn: &mut DbConnection, id: &str, up: bool, actor: &str) -> Result<(), RepoError> {
    teams_transaction(conn, |c| {
        let order: Vec<(String, i32)> =
            teams::table.order((teams::position, teams::name)).select((teams::id, teams::position)).load(c)?;
        let at = order.iter().position(|(t, _)| t == id).ok_or(RepoError::NotFound)?;
        let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|i| *i < order.len()) };
        let Some(other) = other else { return Ok(()) };
        // Renumber everything so that equal positions cannot make the swap a no-op.
        let mut ids: Vec<String> = order.into_iter().map(|(t, _)| t).collect();
        ids.swap(at, other);
        for (i, t) in ids.iter().enumerate() {
            let position = i32::try_from(i + 1).unwrap_or(i32::MAX);
            diesel::update(teams::table.filter(teams::id.eq(t))).set(teams::position.eq(position)).execute(c)?;
        }
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::TeamReorder, "team", Some(id)).detail(if up {
                "up"
            } else {
                "down"
            }),
        )
    })
}

/// Deletes a team that has no open inquiries; closed ones keep no team.
pub fn delete(conn: &mut DbConnection, id: &str, actor: &str) -> Result<(), TeamError> {
    teams_transaction(conn, |c| {
        let open: i64 = inquiries::table
            .filter(inquiries::team_id.eq(id))
            .filter(inquiries::status.ne(InquiryStatus::Closed.as_str()))
            .count()
            .get_result(c)?;
        if open > 0 {
            return Err(TeamError::OpenInquiries);
        }
        diesel::update(inquiries::table.filter(inquiries::team_id.eq(id)))
            .set(inquiries::team_id.eq(None::<String>))
            .execute(c)?;
        diesel::delete(team_members::table.filter(team_members::team_id.eq(id))).execute(c)?;
        diesel::delete(team_rules::table.filter(team_rules::team_id.eq(id))).execute(c)?;
        diesel::delete(team_public_names::table.filter(team_public_names::team_id.eq(id))).execute(c)?;
        let was_default: bool = teams::table.filter(teams::id.eq(id)).select(teams::is_default).first(c)?;
        diesel::delete(teams::table.filter(teams::id.eq(id))).execute(c)?;
        if was_default {
            // The next team in routing order becomes the default, so unmatched questions still reach a team.
            let next: Option<String> =
                teams::table.order((teams::position, teams::name)).select(teams::id).first(c).optional()?;
            if let Some(next) = next {
                diesel::update(teams::table.filter(teams::id.eq(&next))).set(teams::is_default.eq(true)).execute(c)?;
            }
        }
        audit::record(c, Event::new(Some(actor), crate::domain::AuditAction::TeamDelete, "team", Some(id)))?;
        Ok(())
    })
}

/// Hands an inquiry to another team and emails that team. The assignment is kept only
/// when the assignee belongs to the new team. Returns false when it already was that team's.
pub fn hand_over(
    conn: &mut DbConnection,
    vault: &Vault,
    inquiry_id: &str,
    team_id: &str,
    mails: &[NewMail],
    host: &str,
    actor: &str,
) -> Result<bool, RepoError> {
    teams_transaction(conn, |c| {
        let (current, assignee): (Option<String>, Option<String>) = inquiries::table
            .filter(inquiries::id.eq(inquiry_id))
            .select((inquiries::team_id, inquiries::assigned_to))
            .first(c)?;
        if current.as_deref() == Some(team_id) {
            return Ok(false);
        }
        if !exists(c, team_id)? {
            return Err(RepoError::NotFound);
        }
        let keeps_assignee = match &assignee {
            Some(staff) => {
                let n: i64 = team_members::table
                    .filter(team_members::team_id.eq(team_id))
                    .filter(team_members::staff_id.eq(staff))
                    .count()
                    .get_result(c)?;
                n > 0
            }
            None => true,
        };
        let at = now();
        if keeps_assignee {
            diesel::update(inquiries::table.filter(inquiries::id.eq(inquiry_id)))
                .set((inquiries::team_id.eq(team_id), inquiries::updated_at.eq(at)))
                .execute(c)?;
        } else {
            diesel::update(inquiries::table.filter(inquiries::id.eq(inquiry_id)))
                .set((
                    inquiries::team_id.eq(team_id),
                    inquiries::assigned_to.eq(None::<String>),
                    inquiries::updated_at.eq(at),
                ))
                .execute(c)?;
        }
        for mail in mails {
            outbox::enqueue(c, vault, mail, host)?;
        }
        let detail = format!(
            "{}->{team_id}{}",
            current.as_deref().unwrap_or("none"),
            if keeps_assignee { "" } else { ";unassigned" }
        );
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::InquiryHandover, "inquiry", Some(inquiry_id))
                .detail(&detail),
        )?;
        Ok(true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips() {
        let langs = vec!["hy".to_owned(), "ru".to_owned()];
        assert_eq!(packed(&langs), ",hy,ru,");
        assert_eq!(unpacked(&packed(&langs)), langs);
        assert!(unpacked(&packed(&[])).is_empty());
    }
}
