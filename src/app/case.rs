//! One inquiry's case: view, reply, note, assign, status, hand over, flags, export and erase.
//! Each action writes its audit entry in its own transaction; mails are queued in the same one.
//! Every action first goes through `accessible`: need to know between teams (`domain::access`).

use crate::app::App;
use crate::app::queue::{age_days, targets};
use crate::app::replies::{self, CannedReply, MAX_STAFF_TEXT};
use crate::auth::Staff;
use crate::db::RepoError;
use crate::db::repo::audit::{self, Event};
use crate::db::repo::workspace::QueueItem;
use crate::db::repo::{accounts, content, directory, inquiries, new_id, now, teams, workspace};
use crate::domain::access::Scope;
use crate::domain::inquiry::{ContactMethod, InquiryStatus, clean_text};
use crate::domain::{AuditAction, CannedReplyId, InquiryId, Lang, Role, TeamId, UserId};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::mail;

pub use crate::db::repo::workspace::{Case, Lateness};

fn template_error(e: askama::Error) -> AppError {
    AppError::Internal(anyhow::anyhow!("template: {e}"))
}

/// The case actions, as a denied one is named in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    View,
    Reply,
    Note,
    Assign,
    Status,
    HandOver,
    Safeguarding,
    ContentGap,
    Export,
    Erase,
}

impl Act {
    fn as_str(self) -> &'static str {
        match self {
            Act::View => "view",
            Act::Reply => "reply",
            Act::Note => "note",
            Act::Assign => "assign",
            Act::Status => "status",
            Act::HandOver => "handover",
            Act::Safeguarding => "safeguarding",
            Act::ContentGap => "content_gap",
            Act::Export => "export",
            Act::Erase => "erase",
        }
    }
}

/// The team an inquiry is with, if that team still exists (the queue's "no team" rule).
fn team_of(item: &QueueItem) -> Option<&str> {
    item.team_name.as_ref().and(item.team_id.as_deref())
}

/// The access check itself, on one connection: the inquiry's metadata and the actor's scope
/// when the actor may see it; otherwise the refusal is audited (with the action it stopped).
fn check_access(
    c: &mut crate::db::DbConnection,
    me: &str,
    iid: &str,
    act: Act,
) -> Result<Option<(QueueItem, Scope)>, RepoError> {
    let item = workspace::item(c, iid)?;
    let scope = teams::scope_of(c, me)?;
    if scope.allows(team_of(&item)) {
        return Ok(Some((item, scope)));
    }
    let denied = Event::new(Some(me), AuditAction::InquiryAccessDenied, "inquiry", Some(iid));
    audit::record_alone(c, denied.detail(act.as_str()))?;
    Ok(None)
}

fn denied(act: Act) -> AppError {
    tracing::warn!(action = act.as_str(), "another team's inquiry was asked for");
    AppError::NotFound
}

/// The one access check every case action goes through first: the inquiry's metadata (and
/// the actor's scope) when the actor may see it. Another team's inquiry looks exactly like an
/// unknown one (404), and the refusal is audited with the action it stopped.
async fn accessible(app: &App, actor: &Staff, id: &InquiryId, act: Act) -> Result<(QueueItem, Scope), AppError> {
    let (iid, me) = (id.to_string(), actor.user_id.clone());
    let found = app.db.run(move |c| check_access(c, &me, &iid, act)).await?;
    found.ok_or_else(|| denied(act))
}

/// Runs an action's writes in one transaction that first holds the inquiry's row and checks
/// access again: a hand-over committed after [`accessible`] answered cannot let the old
/// team's caseworker act on (or read) the inquiry it took away.
async fn guarded<T, F>(app: &App, actor: &Staff, id: &InquiryId, act: Act, write: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut crate::db::DbConnection) -> Result<T, RepoError> + Send + 'static,
{
    let (iid, me) = (id.to_string(), actor.user_id.clone());
    let done = app
        .db
        .run(move |c| {
            crate::db::write_transaction(c, |c| {
                workspace::hold(c, &iid)?;
                match check_access(c, &me, &iid, act)? {
                    Some(_) => write(c).map(Some),
                    None => Ok(None),
                }
            })
        })
        .await?;
    done.ok_or_else(|| denied(act))
}

/// Enabled caseworkers who may see an inquiry with this team: (id, email).
fn caseworkers_who_see(
    c: &mut crate::db::DbConnection,
    team: Option<&str>,
) -> Result<Vec<(String, String)>, RepoError> {
    let mut out = Vec::new();
    for (id, email) in accounts::caseworkers(c)? {
        if teams::scope_of(c, &id)?.allows(team) {
            out.push((id, email));
        }
    }
    Ok(out)
}

/// A reply or an internal note, cleaned of control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffText(String);

/// Why a reply or note was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    /// Longer than `MAX_STAFF_TEXT` characters.
    TooLong,
}

impl StaffText {
    pub fn parse(raw: &str) -> Result<StaffText, TextProblem> {
        let text = clean_text(raw);
        match text.chars().count() {
            0 => Err(TextProblem::Empty),
            n if n > MAX_STAFF_TEXT => Err(TextProblem::TooLong),
            _ => Ok(StaffText(text)),
        }
    }
}

/// A team an inquiry can be handed to, with the languages its members speak.
pub struct TeamOption {
    pub id: String,
    pub name: String,
    pub languages: Vec<Lang>,
}

/// Everything the case page shows (the case itself decrypted; the view is audited).
pub struct CaseView {
    pub case: Case,
    pub age_days: usize,
    pub lateness: Lateness,
    /// The topic's title in the reader's language (its slug if it has none); `None`: no topic.
    pub topic_title: Option<String>,
    pub region_name: Option<String>,
    pub answer_lang: Option<Lang>,
    /// Whether a reply is also announced by email.
    pub by_email: bool,
    /// Enabled caseworkers who may see this inquiry (so it can be given to them): (id, email).
    pub caseworkers: Vec<(String, String)>,
    /// Guides a content gap can name: (slug, "topic › guide").
    pub guides: Vec<(String, String)>,
    /// Canned replies in the answer language.
    pub canned: Vec<CannedReply>,
    pub teams: Vec<TeamOption>,
    /// The text of the canned reply asked for, to start the reply from.
    pub draft: Option<String>,
}

/// The guides a caseworker can point at (content gap, canned reply links), in `lang`.
#[tracing::instrument(skip_all)]
pub async fn guides(app: &App, lang: &Lang) -> Result<Vec<(String, String)>, AppError> {
    let (l, d) = (lang.to_string(), app.settings().default_language.to_string());
    Ok(app
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

/// A canned reply's text, with its guide's public address in the reply's language.
pub fn canned_text(app: &App, reply: &CannedReply) -> String {
    match &reply.guide_slug {
        Some(slug) => format!("{}\n\n{}", reply.body, app.absolute(&format!("/{}/guides/{slug}", reply.lang))),
        None => reply.body.clone(),
    }
}

/// Opens the case (decrypting it; audited as a view) with what its forms offer.
/// `canned` names a canned reply to start the reply from (ignored when unknown).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn view(
    app: &App,
    actor: &Staff,
    id: &InquiryId,
    canned: Option<CannedReplyId>,
) -> Result<CaseView, AppError> {
    let (item, _) = accessible(app, actor, id, Act::View).await?;
    let team = team_of(&item).map(str::to_owned);
    let (vault, iid, viewer) = (app.vault.clone(), id.to_string(), actor.user_id.clone());
    let (l, d) = (actor.lang.to_string(), app.settings().default_language.to_string());
    let (case, topics, caseworkers, team_list, regions) = guarded(app, actor, id, Act::View, move |c| {
        let case = workspace::open_case(c, &vault, &iid, &viewer)?;
        let regions = match case.item.region_slug {
            Some(_) => directory::regions_in(c, &l, &d)?,
            None => Vec::new(),
        };
        Ok::<_, RepoError>((
            case,
            content::list_topics(c, &l, &d)?,
            caseworkers_who_see(c, team.as_deref())?,
            teams::list(c)?,
            regions,
        ))
    })
    .await?;
    let guides = guides(app, &actor.lang).await?;
    let answer_lang = Lang::parse(&case.item.answer_lang).ok();
    let canned_replies = replies::list(app, answer_lang.clone()).await?;
    let draft = canned.and_then(|cid| canned_replies.iter().find(|r| r.id == cid)).map(|r| canned_text(app, r));
    let at = now();
    let topic_title = case
        .item
        .topic_slug
        .as_ref()
        .map(|slug| topics.iter().find(|t| &t.slug == slug).map_or_else(|| slug.clone(), |t| t.title.clone()));
    let region_name =
        case.item.region_slug.clone().map(|slug| regions.into_iter().find(|r| r.slug == slug).map_or(slug, |r| r.name));
    let teams = team_list
        .into_iter()
        .map(|t| TeamOption {
            languages: t.languages().iter().filter_map(|l| Lang::parse(l).ok()).collect(),
            id: t.team.id,
            name: t.team.name,
        })
        .collect();
    Ok(CaseView {
        age_days: age_days(case.item.created_at, at),
        lateness: case.item.lateness(targets(app), at),
        by_email: ContactMethod::parse(&case.item.contact_method) == Some(ContactMethod::Email) && case.email.is_some(),
        topic_title,
        region_name,
        answer_lang,
        caseworkers,
        guides,
        canned: canned_replies,
        teams,
        draft,
        case,
    })
}

/// How a reply reaches the inquirer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replied {
    /// A notice (without the reply's text) was queued to their email address.
    Mailed,
    /// They read it on the status page with their receipt code.
    OnStatusPage,
}

/// Adds a reply to the thread (the inquiry is then answered) and, when the inquirer asked to
/// be told by email, queues one notice in the same transaction.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn reply(app: &App, actor: &Staff, id: &InquiryId, text: StaffText) -> Result<Replied, AppError> {
    let (item, _) = accessible(app, actor, id, Act::Reply).await?;
    let (vault, iid) = (app.vault.clone(), id.to_string());
    let contact = app.db.run(move |c| inquiries::contact_details(c, &vault, &iid)).await?;
    let mail = match (&contact.email, ContactMethod::parse(&item.contact_method)) {
        (Some(to), Some(ContactMethod::Email)) => {
            let lang = Lang::parse(&item.answer_lang).unwrap_or_else(|_| app.settings().default_language.clone());
            let status_url = app.absolute(&format!("/{lang}/status"));
            Some(mail::reply_notice(&lang, to, &status_url, id.as_str(), &new_id()).map_err(template_error)?)
        }
        _ => None,
    };
    let (vault, host) = (app.vault.clone(), app.mail_host());
    let (staff, iid, actor) = (actor, id.to_string(), actor.user_id.clone());
    let mailed = mail.is_some();
    guarded(app, staff, id, Act::Reply, move |c| {
        inquiries::add_staff_reply(c, &vault, &iid, Some(&actor), &text.0, mail.as_ref(), &host)
    })
    .await?;
    if mailed {
        app.nudge_mail();
        Ok(Replied::Mailed)
    } else {
        Ok(Replied::OnStatusPage)
    }
}

/// Adds an internal note (never shown to the inquirer).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn add_note(app: &App, actor: &Staff, id: &InquiryId, text: StaffText) -> Result<(), AppError> {
    let (staff, vault, iid, actor) = (actor, app.vault.clone(), id.to_string(), actor.user_id.clone());
    guarded(app, staff, id, Act::Note, move |c| workspace::add_note(c, &vault, &iid, &actor, &text.0)).await
}

/// Who an inquiry goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignTo {
    Nobody,
    Me,
    User(UserId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assignment {
    Assigned,
    Unassigned,
    /// Only an enabled caseworker who may see the inquiry (its team's, or a lead) can be given it.
    NotACaseworker,
}

/// Assigns the inquiry (taking up a new one acknowledges it and puts it in progress), or unassigns it.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn assign(app: &App, actor: &Staff, id: &InquiryId, to: AssignTo) -> Result<Assignment, AppError> {
    let (item, _) = accessible(app, actor, id, Act::Assign).await?;
    let target = match to {
        AssignTo::Nobody => None,
        AssignTo::Me => Some(actor.user_id.clone()),
        AssignTo::User(user) => {
            let team = team_of(&item).map(str::to_owned);
            let people = app.db.run(move |c| caseworkers_who_see(c, team.as_deref())).await?;
            if !people.iter().any(|(pid, _)| pid == user.as_str()) {
                return Ok(Assignment::NotACaseworker);
            }
            Some(user.into_string())
        }
    };
    let outcome = if target.is_some() { Assignment::Assigned } else { Assignment::Unassigned };
    let (staff, iid, actor) = (actor, id.to_string(), actor.user_id.clone());
    guarded(app, staff, id, Act::Assign, move |c| workspace::assign(c, &iid, target.as_deref(), &actor)).await?;
    Ok(outcome)
}

/// Changes the status (closing records when; any other status acknowledges the inquiry).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn set_status(app: &App, actor: &Staff, id: &InquiryId, status: InquiryStatus) -> Result<(), AppError> {
    let (staff, iid, actor) = (actor, id.to_string(), actor.user_id.clone());
    guarded(app, staff, id, Act::Status, move |c| workspace::change_status(c, &iid, status, &actor)).await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandedOver {
    /// Now with the new team, which was emailed (metadata only) if it has an address.
    Moved,
    /// Moved as above, and the actor (not in the new team, not a lead) no longer sees it.
    MovedAway,
    /// It was with that team already: nothing changed, nothing sent.
    AlreadyThere,
    UnknownTeam,
}

/// Hands the inquiry to another team; the assignment goes unless the assignee is a member there.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id, team = %team))]
pub async fn hand_over(app: &App, actor: &Staff, id: &InquiryId, team: &TeamId) -> Result<HandedOver, AppError> {
    let (item, scope) = accessible(app, actor, id, Act::HandOver).await?;
    let staff_lang = app.settings().default_language.clone();
    let (tid, l) = (team.to_string(), staff_lang.to_string());
    let (team, topics) = app
        .db
        .run(move |c| {
            let team = teams::list(c)?.into_iter().find(|t| t.team.id == tid);
            Ok::<_, RepoError>((team, content::list_topics(c, &l, &l)?))
        })
        .await?;
    let Some(team) = team else { return Ok(HandedOver::UnknownTeam) };
    let staff_tr = Translator::new(&staff_lang);
    let topic_title = match &item.topic_slug {
        Some(slug) => topics.iter().find(|t| &t.slug == slug).map_or_else(|| slug.clone(), |t| t.title.clone()),
        None => staff_tr.t("email-staff-no-topic"),
    };
    let language_name = Lang::parse(&item.answer_lang).map(|l| Translator::new(&l).language_name()).unwrap_or_default();
    let link = app.absolute(&format!("/staff/inquiries/{}", item.id));
    let about = mail::InquirySummary {
        reference: &item.reference,
        topic: &topic_title,
        language: &language_name,
        team: &team.team.name,
        link: &link,
        inquiry_id: &item.id,
    };
    let mails = match &team.team.notify_email {
        Some(to) => vec![mail::staff_new_inquiry(&staff_lang, to, &about, true).map_err(template_error)?],
        None => Vec::new(),
    };
    let (vault, host) = (app.vault.clone(), app.mail_host());
    let (staff, iid, actor, tid) = (actor, id.to_string(), actor.user_id.clone(), team.team.id.clone());
    let still_seen = scope.allows(Some(tid.as_str()));
    let moved =
        guarded(app, staff, id, Act::HandOver, move |c| teams::hand_over(c, &vault, &iid, &tid, &mails, &host, &actor))
            .await?;
    if moved {
        app.nudge_mail();
        Ok(if still_seen { HandedOver::Moved } else { HandedOver::MovedAway })
    } else {
        Ok(HandedOver::AlreadyThere)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flagged {
    /// Raised; `alerts` mails went to the protection lead (none when it was raised already).
    Raised {
        alerts: usize,
    },
    Cleared,
}

/// Raises or clears the safeguarding flag; newly raising it alerts the protection lead.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id, raise = raise))]
pub async fn flag_safeguarding(app: &App, actor: &Staff, id: &InquiryId, raise: bool) -> Result<Flagged, AppError> {
    let (item, _) = accessible(app, actor, id, Act::Safeguarding).await?;
    let mut mails = Vec::new();
    if raise && !item.safeguarding {
        let link = app.absolute(&format!("/staff/inquiries/{}", item.id));
        let seed = format!("{}:{}", item.id, new_id());
        let settings = app.settings();
        for to in &settings.protection_lead {
            mails.push(
                mail::safeguarding_alert(&settings.default_language, to.as_str(), &item.reference, &link, &seed)
                    .map_err(template_error)?,
            );
        }
    }
    let alerts = mails.len();
    let (vault, host) = (app.vault.clone(), app.mail_host());
    let (staff, iid, actor) = (actor, id.to_string(), actor.user_id.clone());
    guarded(app, staff, id, Act::Safeguarding, move |c| {
        workspace::set_safeguarding(c, &vault, &iid, raise, &mails, &host, &actor)
    })
    .await?;
    if alerts > 0 {
        app.nudge_mail();
    }
    Ok(if raise { Flagged::Raised { alerts } } else { Flagged::Cleared })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapSaved {
    Saved,
    UnknownGuide,
}

/// Tags the inquiry with the guide that should have answered it (`None` clears the tag).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn flag_content_gap(
    app: &App,
    actor: &Staff,
    id: &InquiryId,
    guide: Option<String>,
) -> Result<GapSaved, AppError> {
    accessible(app, actor, id, Act::ContentGap).await?;
    if let Some(slug) = &guide
        && !guides(app, &actor.lang).await?.iter().any(|(s, _)| s == slug)
    {
        return Ok(GapSaved::UnknownGuide);
    }
    let (staff, iid, actor) = (actor, id.to_string(), actor.user_id.clone());
    guarded(app, staff, id, Act::ContentGap, move |c| workspace::set_content_gap(c, &iid, guide.as_deref(), &actor))
        .await?;
    Ok(GapSaved::Saved)
}

/// Export and erase answer a data request: only a caseworker who is also an administrator
/// may make one (the web extractor checks this too; this keeps other callers honest).
fn may_answer_data_requests(actor: &Staff) -> Result<(), AppError> {
    if actor.has(Role::Caseworker) && actor.has(Role::Admin) { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Everything stored about one inquiry, for a subject-access request.
pub struct Export {
    pub reference: String,
    pub document: serde_json::Value,
}

/// Exports the inquiry with its messages, notes, emails and history (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn export(app: &App, actor: &Staff, id: &InquiryId) -> Result<Export, AppError> {
    may_answer_data_requests(actor)?;
    let (staff, vault, iid, actor) = (actor, app.vault.clone(), id.to_string(), actor.user_id.clone());
    let document = guarded(app, staff, id, Act::Export, move |c| workspace::export(c, &vault, &iid, &actor)).await?;
    let reference = document.get("reference").and_then(|r| r.as_str()).unwrap_or("inquiry").to_owned();
    Ok(Export { reference, document })
}

/// The reference of an inquiry about to be erased (for the confirmation page).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn erase_target(app: &App, actor: &Staff, id: &InquiryId) -> Result<String, AppError> {
    may_answer_data_requests(actor)?;
    Ok(accessible(app, actor, id, Act::Erase).await?.0.reference)
}

/// Erases the inquiry everywhere (messages, notes, its emails), leaving a tombstone without
/// personal data and an audit entry. Returns its reference.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, inquiry = %id))]
pub async fn erase(app: &App, actor: &Staff, id: &InquiryId) -> Result<String, AppError> {
    may_answer_data_requests(actor)?;
    let (staff, iid, actor) = (actor, id.to_string(), actor.user_id.clone());
    let reference = guarded(app, staff, id, Act::Erase, move |c| workspace::erase(c, &iid, &actor)).await?;
    tracing::info!("inquiry erased on request");
    // Its emails went with it; so do their copies in the mail folder.
    if let Some(dir) = crate::mail::transport::mail_dir(&app.base_settings) {
        crate::mail::transport::sweep_files(&app.db, &dir).await.map_err(AppError::Internal)?;
    }
    Ok(reference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::queue::tests::asked;
    use crate::app::teams::tests::team_with;
    use crate::app::testing;
    use crate::db::repo::outbox;

    async fn mail_kinds(app: &App) -> Vec<String> {
        let rows = app.db.run(outbox::list).await.unwrap_or_else(|e| panic!("{e}"));
        rows.into_iter().map(|r| r.kind).collect()
    }

    fn text(t: &str) -> StaffText {
        StaffText::parse(t).unwrap_or_else(|e| panic!("{e:?}"))
    }

    async fn caseworker(app: &App) -> Staff {
        testing::staff_with(app, "case@homeward.example", &[Role::Caseworker]).await
    }

    #[test]
    fn staff_texts_are_cleaned_and_limited() {
        assert_eq!(StaffText::parse(" \r\n\u{7} "), Err(TextProblem::Empty));
        assert_eq!(StaffText::parse(&"ю".repeat(MAX_STAFF_TEXT + 1)), Err(TextProblem::TooLong));
        assert_eq!(StaffText::parse(" Call us \r\n").map(|t| t.0), Ok("Call us".to_owned()));
    }

    #[actix_rt::test]
    async fn a_reply_queues_exactly_one_mail_and_answers_the_inquiry() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let id = asked(&app, "Где мой паспорт?", "ru", 1).await;
        let before = mail_kinds(&app).await.len();
        assert_eq!(reply(&app, &staff, &id, text("Приходите в среду")).await?, Replied::Mailed);
        let kinds = mail_kinds(&app).await;
        assert_eq!(kinds.len(), before + 1);
        assert_eq!(kinds.iter().filter(|k| *k == "reply_notice").count(), 1);
        let view = view(&app, &staff, &id, None).await?;
        assert_eq!(view.case.item.status, InquiryStatus::Answered);
        assert!(view.by_email);
        assert_eq!(view.case.thread.last().map(|m| m.body.as_str()), Some("Приходите в среду"));
        assert!(testing::audit_actions(&app).await.contains(&"inquiry.reply".to_owned()));
        Ok(())
    }

    #[actix_rt::test]
    async fn a_reply_to_someone_without_email_is_read_on_the_status_page() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let id = asked(&app, "Вопрос", "ru", 1).await;
        app.db
            .run({
                let id = id.to_string();
                move |c| {
                    use diesel::prelude::*;
                    diesel::update(crate::db::schema::inquiries::table.find(&id))
                        .set(crate::db::schema::inquiries::contact_method.eq("receipt"))
                        .execute(c)
                        .map_err(RepoError::from)
                }
            })
            .await?;
        let before = mail_kinds(&app).await.len();
        assert_eq!(reply(&app, &staff, &id, text("Ответ")).await?, Replied::OnStatusPage);
        assert_eq!(mail_kinds(&app).await.len(), before);
        Ok(())
    }

    #[actix_rt::test]
    async fn actions_on_an_unknown_inquiry_find_nothing() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let unknown = InquiryId::generate();
        assert!(matches!(view(&app, &staff, &unknown, None).await, Err(AppError::NotFound)));
        assert!(matches!(reply(&app, &staff, &unknown, text("x")).await, Err(AppError::NotFound)));
        assert!(matches!(add_note(&app, &staff, &unknown, text("x")).await, Err(AppError::NotFound)));
        assert!(matches!(set_status(&app, &staff, &unknown, InquiryStatus::Closed).await, Err(AppError::NotFound)));
        let admin = testing::staff(&app).await;
        assert!(matches!(erase(&app, &admin, &unknown).await, Err(AppError::NotFound)));
        assert!(mail_kinds(&app).await.is_empty());
        Ok(())
    }

    #[actix_rt::test]
    async fn notes_assignment_and_status_are_saved_and_audited() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let editor = testing::staff_with(&app, "editor@homeward.example", &[Role::Editor]).await;
        let id = asked(&app, "Вопрос", "ru", 1).await;
        add_note(&app, &staff, &id, text("Called back")).await?;
        let not_a_caseworker = UserId::parse(&editor.user_id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(assign(&app, &staff, &id, AssignTo::User(not_a_caseworker)).await?, Assignment::NotACaseworker);
        assert_eq!(assign(&app, &staff, &id, AssignTo::Me).await?, Assignment::Assigned);
        let seen = view(&app, &staff, &id, None).await?;
        assert_eq!(seen.case.notes.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(), vec!["Called back"]);
        assert_eq!(seen.case.item.assigned_to.as_deref(), Some(staff.user_id.as_str()));
        assert_eq!(seen.case.item.status, InquiryStatus::InProgress, "taking it up puts it in progress");
        assert_eq!(assign(&app, &staff, &id, AssignTo::Nobody).await?, Assignment::Unassigned);
        set_status(&app, &staff, &id, InquiryStatus::Closed).await?;
        let seen = view(&app, &staff, &id, None).await?;
        assert_eq!((seen.case.item.assigned_to, seen.case.item.status), (None, InquiryStatus::Closed));
        let actions = testing::audit_actions(&app).await;
        for action in ["inquiry.note", "inquiry.assign", "inquiry.unassign", "inquiry.status", "inquiry.view"] {
            assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
        }
        assert_eq!(actions.iter().filter(|a| *a == "inquiry.assign").count(), 1, "the refused one is not");
        Ok(())
    }

    fn denials(actions: &[String]) -> usize {
        actions.iter().filter(|a| *a == "inquiry.access_denied").count()
    }

    #[actix_rt::test]
    async fn another_teams_caseworker_finds_nothing_and_every_attempt_is_audited() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let a = testing::staff_with(&app, "a@homeward.example", &[Role::Caseworker]).await;
        let b = testing::staff_with(&app, "b@homeward.example", &[Role::Caseworker, Role::Admin]).await;
        let team_a = team_with(&app, &admin, "Team A", &[&a], &[]).await;
        let team_b = team_with(&app, &admin, "Team B", &[&b], &[]).await;
        let id = asked(&app, "Где мой паспорт?", "ru", 1).await;
        assert_eq!(view(&app, &a, &id, None).await?.case.item.team_id.as_deref(), Some(team_a.as_str()));
        let nf = |r: Result<(), AppError>| matches!(r, Err(AppError::NotFound));
        assert!(nf(view(&app, &b, &id, None).await.map(|_| ())));
        assert!(nf(reply(&app, &b, &id, text("x")).await.map(|_| ())));
        assert!(nf(add_note(&app, &b, &id, text("x")).await));
        assert!(nf(assign(&app, &b, &id, AssignTo::Me).await.map(|_| ())));
        assert!(nf(set_status(&app, &b, &id, InquiryStatus::Closed).await));
        assert!(nf(hand_over(&app, &b, &id, &team_b).await.map(|_| ())));
        assert!(nf(flag_safeguarding(&app, &b, &id, true).await.map(|_| ())));
        assert!(nf(flag_content_gap(&app, &b, &id, None).await.map(|_| ())));
        assert!(nf(export(&app, &b, &id).await.map(|_| ())));
        assert!(nf(erase_target(&app, &b, &id).await.map(|_| ())));
        assert!(nf(erase(&app, &b, &id).await.map(|_| ())));
        assert_eq!(denials(&testing::audit_actions(&app).await), 11, "each refusal is audited");
        // Nothing was done: no reply, no note, same status.
        let seen = view(&app, &a, &id, None).await?;
        assert_eq!((seen.case.thread.len(), seen.case.notes.len()), (1, 0));
        assert_eq!(seen.case.item.status, InquiryStatus::New);
        // Only those who may see it can be given it; the page offers only them.
        let to_b = UserId::parse(&b.user_id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(assign(&app, &a, &id, AssignTo::User(to_b)).await?, Assignment::NotACaseworker);
        assert!(seen.caseworkers.iter().all(|(cid, _)| *cid != b.user_id));
        // An unknown inquiry is not found either, and that is no denial.
        assert!(nf(view(&app, &b, &InquiryId::generate(), None).await.map(|_| ())));
        assert_eq!(denials(&testing::audit_actions(&app).await), 11);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_lead_sees_every_team_and_a_hand_over_moves_the_access() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let a = testing::staff_with(&app, "a@homeward.example", &[Role::Caseworker]).await;
        let b = testing::staff_with(&app, "b@homeward.example", &[Role::Caseworker]).await;
        let lead = testing::staff_with(&app, "lead@homeward.example", &[Role::Caseworker]).await;
        let before_teams = asked(&app, "Вопрос до групп", "ru", 1).await;
        team_with(&app, &admin, "Team A", &[&a], &[]).await;
        let team_b = team_with(&app, &admin, "Team B", &[&b], &[&lead]).await;
        let id = asked(&app, "Вопрос", "ru", 2).await;
        // The lead (of team B) sees team A's inquiry and the one of no team; members see neither.
        view(&app, &lead, &id, None).await?;
        view(&app, &lead, &before_teams, None).await?;
        assert!(matches!(view(&app, &a, &before_teams, None).await, Err(AppError::NotFound)));
        assert!(matches!(view(&app, &b, &id, None).await, Err(AppError::NotFound)));
        // A hands it to B: A is sent back to its queue and loses access, B gains it.
        assert_eq!(assign(&app, &a, &id, AssignTo::Me).await?, Assignment::Assigned);
        assert_eq!(hand_over(&app, &a, &id, &team_b).await?, HandedOver::MovedAway);
        assert!(matches!(view(&app, &a, &id, None).await, Err(AppError::NotFound)));
        assert!(matches!(add_note(&app, &a, &id, text("still here?")).await, Err(AppError::NotFound)));
        let seen = view(&app, &b, &id, None).await?;
        assert_eq!(seen.case.item.assigned_to, None, "the assignment stays behind");
        add_note(&app, &b, &id, text("Taken over")).await?;
        // The lead hands it on and still sees it.
        let team_a = view(&app, &lead, &before_teams, None).await?.teams.into_iter().find(|t| t.name == "Team A");
        let team_a = TeamId::parse(&team_a.map(|t| t.id).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(hand_over(&app, &lead, &id, &team_a).await?, HandedOver::Moved);
        view(&app, &a, &id, None).await?;
        Ok(())
    }

    #[actix_rt::test]
    async fn a_hand_over_between_the_check_and_the_write_stops_the_write() -> Result<(), AppError> {
        let app = testing::app().await;
        let admin = testing::staff(&app).await;
        let a = testing::staff_with(&app, "a@homeward.example", &[Role::Caseworker]).await;
        let lead = testing::staff_with(&app, "lead@homeward.example", &[Role::Caseworker]).await;
        team_with(&app, &admin, "Team A", &[&a], &[]).await;
        let team_b = team_with(&app, &admin, "Team B", &[], &[&lead]).await;
        let id = asked(&app, "Вопрос", "ru", 1).await;
        // A's action has passed its first check when the lead moves the inquiry away.
        accessible(&app, &a, &id, Act::Note).await?;
        assert_eq!(hand_over(&app, &lead, &id, &team_b).await?, HandedOver::Moved);
        let (vault, iid, me) = (app.vault.clone(), id.to_string(), a.user_id.clone());
        let write = guarded(&app, &a, &id, Act::Note, move |c| workspace::add_note(c, &vault, &iid, &me, "late note"));
        assert!(matches!(write.await, Err(AppError::NotFound)));
        assert_eq!(view(&app, &lead, &id, None).await?.case.notes.len(), 0, "the late write did not happen");
        assert_eq!(denials(&testing::audit_actions(&app).await), 1, "and the refusal is audited");
        Ok(())
    }

    #[actix_rt::test]
    async fn handing_over_to_the_same_team_changes_nothing() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let id = asked(&app, "Вопрос", "ru", 1).await;
        let admin = testing::staff(&app).await;
        let team = team_with(&app, &admin, "Legal aid", &[], &[&staff]).await;
        assert_eq!(hand_over(&app, &staff, &id, &team).await?, HandedOver::Moved);
        assert_eq!(view(&app, &staff, &id, None).await?.case.item.team_name.as_deref(), Some("Legal aid"));
        let handovers = |a: &Vec<String>| a.iter().filter(|a| *a == "inquiry.handover").count();
        assert_eq!(handovers(&testing::audit_actions(&app).await), 1);
        assert_eq!(hand_over(&app, &staff, &id, &team).await?, HandedOver::AlreadyThere);
        assert_eq!(handovers(&testing::audit_actions(&app).await), 1, "nothing changed, nothing audited");
        assert_eq!(hand_over(&app, &staff, &id, &TeamId::generate()).await?, HandedOver::UnknownTeam);
        Ok(())
    }

    #[actix_rt::test]
    async fn flags_are_raised_cleared_and_checked() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let id = asked(&app, "Вопрос", "ru", 1).await;
        assert!(matches!(flag_safeguarding(&app, &staff, &id, true).await?, Flagged::Raised { .. }));
        assert!(view(&app, &staff, &id, None).await?.case.item.safeguarding);
        assert_eq!(flag_safeguarding(&app, &staff, &id, true).await?, Flagged::Raised { alerts: 0 });
        assert_eq!(flag_safeguarding(&app, &staff, &id, false).await?, Flagged::Cleared);
        assert!(!view(&app, &staff, &id, None).await?.case.item.safeguarding);
        assert_eq!(flag_content_gap(&app, &staff, &id, Some("no-such-guide".into())).await?, GapSaved::UnknownGuide);
        assert_eq!(flag_content_gap(&app, &staff, &id, None).await?, GapSaved::Saved);
        let actions = testing::audit_actions(&app).await;
        assert!(actions.contains(&"inquiry.safeguarding_raise".to_owned()));
        assert!(actions.contains(&"inquiry.safeguarding_clear".to_owned()));
        assert_eq!(actions.iter().filter(|a| *a == "inquiry.content_gap").count(), 1);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_canned_reply_starts_the_reply_with_its_guide_link() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = caseworker(&app).await;
        let id = asked(&app, "Вопрос", "ru", 1).await;
        let ru = Lang::parse("ru").unwrap_or_else(|e| panic!("{e}"));
        let canned = replies::NewCannedReply::parse(ru, "Паспорт", "Смотрите здесь.", Some("passports".into()))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let canned = replies::create(&app, &staff, canned).await?;
        let seen = view(&app, &staff, &id, Some(canned)).await?;
        assert_eq!(seen.canned.len(), 1);
        assert_eq!(seen.draft.as_deref(), Some("Смотрите здесь.\n\nhttp://127.0.0.1:8080/ru/guides/passports"));
        assert_eq!(view(&app, &staff, &id, Some(CannedReplyId::generate())).await?.draft, None);
        Ok(())
    }

    #[actix_rt::test]
    async fn erasing_removes_the_personal_data_and_is_audited() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = testing::staff(&app).await;
        let id = asked(&app, "Где мой паспорт?", "ru", 1).await;
        add_note(&app, &staff, &id, text("Called back")).await?;
        let caseworker = caseworker(&app).await;
        assert!(matches!(export(&app, &caseworker, &id).await, Err(AppError::Forbidden)));
        assert!(matches!(erase(&app, &caseworker, &id).await, Err(AppError::Forbidden)));
        let exported = export(&app, &staff, &id).await?;
        assert_eq!(exported.document["messages"][0]["body"], "Где мой паспорт?");
        assert_eq!(exported.document["internal_notes"][0]["body"], "Called back");
        assert_eq!(exported.document["email"], "ani@example.am");
        assert_eq!(erase_target(&app, &staff, &id).await?, exported.reference);
        assert_eq!(erase(&app, &staff, &id).await?, exported.reference);
        assert!(matches!(view(&app, &staff, &id, None).await, Err(AppError::NotFound)));
        assert!(matches!(erase_target(&app, &staff, &id).await, Err(AppError::NotFound)));
        let iid = id.to_string();
        let left = app
            .db
            .run(move |c| outbox::list(c).map(|m| m.iter().filter(|m| m.inquiry_id.as_deref() == Some(&iid)).count()))
            .await?;
        assert_eq!(left, 0, "its emails go too");
        let actions = testing::audit_actions(&app).await;
        assert!(actions.contains(&"inquiry.export".to_owned()));
        assert_eq!(actions.last().map(String::as_str), Some("inquiry.erase"));
        Ok(())
    }
}
