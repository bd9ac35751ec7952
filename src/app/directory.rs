//! Editing the services directory: list, create, save, restore, check and publish services.
//! Also the topic and region names that staff forms offer as choices.

use time::{Date, PrimitiveDateTime};

use crate::app::App;
use crate::auth::Staff;
use crate::db::RepoError;
use crate::db::repo::directory::{self, SaveKind, SaveOutcome};
use crate::db::repo::{audit, content, now};
use crate::directory::{parse_service, render_service};
use crate::domain::diff::{DiffPart, word_diff};
use crate::domain::service::{Known, ServiceDraft, ServiceInput, ServiceProblem};
use crate::domain::{AuditAction, Lang, RevisionId, Slug};
use crate::error::AppError;

/// (slug, name) pairs, in the order a form offers them.
pub type Names = Vec<(String, String)>;

/// (slug, name) of every topic and every region, in the given language (or the default one).
#[tracing::instrument(skip_all)]
pub async fn topic_and_region_names(app: &App, lang: &Lang) -> Result<(Names, Names), AppError> {
    let (l, d) = (lang.to_string(), app.settings().default_language.to_string());
    Ok(app
        .db
        .run(move |c| {
            let topics = content::list_topics(c, &l, &d)?.into_iter().map(|t| (t.slug, t.title)).collect();
            let regions = directory::regions_in(c, &l, &d)?.into_iter().map(|r| (r.slug, r.name)).collect();
            Ok::<_, RepoError>((topics, regions))
        })
        .await?)
}

/// One service in the editors' list.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceLine {
    pub slug: String,
    /// In the default language (the slug if it has none).
    pub name: String,
    pub last_checked: Date,
    /// Not checked for longer than `service_check_days`.
    pub stale: bool,
    pub published: bool,
}

/// Every service, published or not, those not checked for the longest first.
#[tracing::instrument(skip_all)]
pub async fn list_for_editors(app: &App) -> Result<Vec<ServiceLine>, AppError> {
    let d = app.settings().default_language.to_string();
    let rows = app.db.run(move |c| directory::all_for_editors(c, &d)).await?;
    let limit = now().date() - time::Duration::days(i64::from(app.settings().service_check_days));
    Ok(rows
        .into_iter()
        .map(|(r, name)| ServiceLine {
            stale: r.last_checked < limit,
            last_checked: r.last_checked,
            published: r.published,
            slug: r.slug,
            name,
        })
        .collect())
}

/// A quick action of the editors' list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickAction {
    /// The details are still right: checked today.
    Checked,
    Publish,
    Unpublish,
}

impl QuickAction {
    /// The action a list button sends (`checked`, `publish`, `unpublish`).
    pub fn parse(text: &str) -> Option<QuickAction> {
        match text {
            "checked" => Some(QuickAction::Checked),
            "publish" => Some(QuickAction::Publish),
            "unpublish" => Some(QuickAction::Unpublish),
            _ => None,
        }
    }
}

/// Marks a service checked today, or publishes or unpublishes it (audited); `NotFound` for an unknown slug.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, service = %slug))]
pub async fn quick_action(app: &App, actor: &Staff, slug: &str, action: QuickAction) -> Result<(), AppError> {
    let (slug, actor) = (slug.to_owned(), actor.user_id.clone());
    app.db
        .run(move |c| {
            content::in_content_transaction(c, |c| {
                let (id, audited) = match action {
                    QuickAction::Checked => {
                        (directory::mark_checked(c, &slug, now().date())?, AuditAction::ServiceChecked)
                    }
                    QuickAction::Publish => (directory::set_published(c, &slug, true)?, AuditAction::ServicePublish),
                    QuickAction::Unpublish => {
                        (directory::set_published(c, &slug, false)?, AuditAction::ServiceUnpublish)
                    }
                };
                audit::record(c, audit::Event::new(Some(&actor), audited, "service", Some(&id)))?;
                Ok::<_, RepoError>(((), true))
            })
        })
        .await?;
    app.cache.invalidate();
    Ok(())
}

/// A service as stored now, for the edit form.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceForEdit {
    pub service: ServiceInput,
    /// What a save must name to overwrite it.
    pub version: i32,
    /// The name in the default language (the slug if it has none).
    pub title: String,
}

fn title_of(service: &ServiceInput, default: &Lang) -> String {
    service.texts.iter().find(|t| t.lang == default.as_str()).map_or_else(|| service.slug.clone(), |t| t.name.clone())
}

/// The service for the edit form; `NotFound` for a malformed or unknown slug.
#[tracing::instrument(skip_all, fields(service = %slug))]
pub async fn for_edit(app: &App, slug: &str) -> Result<ServiceForEdit, AppError> {
    let s = Slug::parse(slug).map_err(|_| AppError::NotFound)?.to_string();
    let (row, service) = app.db.run(move |c| directory::for_edit(c, &s)).await?;
    let title = title_of(&service, &app.settings().default_language);
    Ok(ServiceForEdit { service, version: row.version, title })
}

/// Which service a save is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveTarget {
    New,
    /// An edit of the version the editor loaded (`None`: the form carried none, so it is stale).
    Existing {
        slug: String,
        seen_version: Option<i32>,
    },
}

/// What saving the form did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// A new service with this slug.
    Created(String),
    Updated,
    /// The form held exactly what is stored: nothing was written and the version stays.
    Unchanged,
    /// The form does not pass the directory's rules.
    Invalid(Vec<ServiceProblem>),
    /// A new service whose slug another service has.
    SlugTaken,
    /// Someone saved in between: nothing was written.
    Conflict(Conflict),
}

/// Someone else's save in between, and how the refused form differs from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The version now stored: a second save naming it wins.
    pub version: i32,
    /// From the stored version (in the file format) to what the form held.
    pub diff: Vec<DiffPart>,
}

/// The topics and regions that exist, as slugs.
async fn known_slugs(app: &App) -> Result<(Vec<String>, Vec<String>), AppError> {
    let (topics, regions) = topic_and_region_names(app, &app.settings().default_language).await?;
    Ok((topics.into_iter().map(|(s, _)| s).collect(), regions.into_iter().map(|(s, _)| s).collect()))
}

/// Checks and saves the service form: a new service, or an edit of a stored one that refuses to
/// overwrite a newer save. `checked_today` sets the date the details were last checked; otherwise
/// an edit keeps the stored date (read now, so a "checked" mark made meanwhile stands).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn save(
    app: &App,
    actor: &Staff,
    target: SaveTarget,
    mut draft: ServiceDraft,
    checked_today: bool,
) -> Result<Saved, AppError> {
    let today = now().date();
    let (kind, stored_checked) = match &target {
        SaveTarget::New => (SaveKind::Create, today),
        SaveTarget::Existing { slug, seen_version } => {
            let stored = for_edit(app, slug).await?;
            // The slug of a stored service is not edited.
            draft.slug = stored.service.slug.clone();
            (SaveKind::Update(seen_version.unwrap_or(-1)), stored.service.last_checked)
        }
    };
    let (topics, regions) = known_slugs(app).await?;
    let settings = app.settings();
    let known = Known {
        topics: &topics,
        regions: &regions,
        languages: &settings.languages,
        default: &settings.default_language,
    };
    let service = match ServiceInput::parse(&draft, &known, if checked_today { today } else { stored_checked }) {
        Ok(service) => service,
        Err(problems) => return Ok(Saved::Invalid(problems)),
    };
    let body = render_service(&service).map_err(AppError::Internal)?;
    match store(app, actor, &service, &body, kind).await? {
        SaveOutcome::Saved(_) if kind == SaveKind::Create => Ok(Saved::Created(service.slug)),
        SaveOutcome::Saved(_) => Ok(Saved::Updated),
        SaveOutcome::Unchanged => Ok(Saved::Unchanged),
        SaveOutcome::SlugTaken => Ok(Saved::SlugTaken),
        SaveOutcome::Stale => {
            let now_stored = for_edit(app, &service.slug).await?;
            let saved = render_service(&now_stored.service).map_err(AppError::Internal)?;
            Ok(Saved::Conflict(Conflict { version: now_stored.version, diff: word_diff(&saved, &body) }))
        }
    }
}

/// Writes a checked service with its revision and audit event, and tells readers' pages.
async fn store(
    app: &App,
    actor: &Staff,
    service: &ServiceInput,
    body: &str,
    kind: SaveKind,
) -> Result<SaveOutcome, AppError> {
    let (service, body, actor) = (service.clone(), body.to_owned(), actor.user_id.clone());
    let outcome = app
        .db
        .run(move |c| {
            content::in_content_transaction(c, |c| {
                let outcome = directory::save_one(c, &service, &body, kind, &actor)?;
                let SaveOutcome::Saved(id) = &outcome else { return Ok::<_, RepoError>((outcome, false)) };
                let action = match kind {
                    SaveKind::Create => AuditAction::ServiceCreate,
                    SaveKind::Update(_) => AuditAction::ServiceUpdate,
                    SaveKind::Restore(_) => AuditAction::ServiceRestore,
                };
                audit::record(c, audit::Event::new(Some(&actor), action, "service", Some(id)))?;
                Ok((outcome, true))
            })
        })
        .await?;
    if matches!(outcome, SaveOutcome::Saved(_)) {
        app.cache.invalidate();
    }
    Ok(outcome)
}

/// One saved version of a service, numbered from the oldest (1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionLine {
    pub id: RevisionId,
    pub number: usize,
    /// `None` for a version written by an import.
    pub author_email: Option<String>,
    pub created_at: PrimitiveDateTime,
}

/// A service's versions, newest first, and optionally how one differs from the current version.
#[derive(Debug, Clone, PartialEq)]
pub struct Revisions {
    pub slug: String,
    pub title: String,
    /// The current version, which a restore must name.
    pub version: i32,
    pub lines: Vec<RevisionLine>,
    /// The number of the version compared, if one was asked for and exists.
    pub compared: Option<usize>,
    /// From the compared version to the current one.
    pub diff: Vec<DiffPart>,
}

/// The revisions page; `NotFound` for an unknown service.
#[tracing::instrument(skip_all, fields(service = %slug))]
pub async fn revisions(app: &App, slug: &str, compare: Option<&RevisionId>) -> Result<Revisions, AppError> {
    let current = for_edit(app, slug).await?;
    let s = current.service.slug.clone();
    let list = app.db.run(move |c| directory::revisions(c, &s)).await?;
    let count = list.len();
    let mut compared = None;
    let mut diff = Vec::new();
    if let Some(rev) = compare.and_then(|id| list.iter().position(|r| r.id == id.as_str()).map(|i| (i, &list[i]))) {
        let now_text = render_service(&current.service).map_err(AppError::Internal)?;
        compared = Some(count - rev.0);
        diff = word_diff(&rev.1.body, &now_text);
    }
    let lines = list
        .into_iter()
        .enumerate()
        .map(|(i, r)| RevisionLine {
            id: RevisionId::from_stored(r.id),
            number: count - i,
            author_email: r.author_email,
            created_at: r.created_at,
        })
        .collect();
    Ok(Revisions { slug: current.service.slug, title: current.title, version: current.version, lines, compared, diff })
}

/// What restoring an old version did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restore {
    /// It is the current version again (as a new version, unless it already was).
    Restored,
    /// It no longer passes the directory's rules (a topic or region it names is gone).
    Unusable,
    /// Someone saved after the page naming `seen_version` was loaded: nothing was written.
    Stale,
}

/// Makes an old version the current one, checked like a file; `NotFound` for an unknown
/// service or revision.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, service = %slug, revision = %revision))]
pub async fn restore(
    app: &App,
    actor: &Staff,
    slug: &str,
    revision: &RevisionId,
    seen_version: Option<i32>,
) -> Result<Restore, AppError> {
    let current = for_edit(app, slug).await?;
    let s = current.service.slug.clone();
    let list = app.db.run(move |c| directory::revisions(c, &s)).await?;
    let Some(body) = list.into_iter().find(|r| r.id == revision.as_str()).map(|r| r.body) else {
        return Err(AppError::NotFound);
    };
    let (topics, regions) = known_slugs(app).await?;
    let settings = app.settings();
    let path = format!("{}.toml", current.service.slug);
    let Ok(service) = parse_service(&path, &body, &topics, &regions, &settings.languages, &settings.default_language)
    else {
        return Ok(Restore::Unusable);
    };
    match store(app, actor, &service, &body, SaveKind::Restore(seen_version.unwrap_or(-1))).await? {
        SaveOutcome::Stale => Ok(Restore::Stale),
        SaveOutcome::Saved(_) | SaveOutcome::Unchanged | SaveOutcome::SlugTaken => Ok(Restore::Restored),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;
    use crate::domain::service::DraftText;

    const OFFICE: &str = "sample-civil-registry-capital";

    /// An app with the sample topics and the sample directory.
    async fn app_with_directory() -> testing::TestApp {
        let app = testing::app().await;
        let settings = app.settings();
        crate::content::load_sample_if_empty(&app.db, &settings.default_language)
            .unwrap_or_else(|e| panic!("content: {e:#}"));
        crate::directory::load_sample_if_empty(&app.db, &settings.languages, &settings.default_language)
            .unwrap_or_else(|e| panic!("directory: {e:#}"));
        app
    }

    /// The form an editor would send back for a stored service, unchanged.
    fn draft_of(s: &ServiceInput) -> ServiceDraft {
        ServiceDraft {
            slug: s.slug.clone(),
            kind: s.kind.clone(),
            topics: s.topics.clone(),
            region: s.region.clone(),
            address: s.address.clone(),
            phone: s.phone.clone(),
            email: s.email.clone().unwrap_or_default(),
            website: s.website.clone().unwrap_or_default(),
            languages: s.languages.clone(),
            latitude: s.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: s.longitude.map(|v| v.to_string()).unwrap_or_default(),
            texts: s
                .texts
                .iter()
                .map(|t| DraftText {
                    lang: t.lang.clone(),
                    name: t.name.clone(),
                    description: t.description.clone(),
                    hours: t.hours.clone(),
                    accessibility: t.accessibility.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }

    fn existing(version: i32) -> SaveTarget {
        SaveTarget::Existing { slug: OFFICE.into(), seen_version: Some(version) }
    }

    #[actix_rt::test]
    async fn editors_list_every_service_and_mark_publish_and_unpublish() -> Result<(), AppError> {
        let app = app_with_directory().await;
        let staff = testing::staff(&app).await;
        let lines = list_for_editors(&app).await?;
        assert_eq!(lines.len(), 12);
        assert!(lines.windows(2).all(|w| w[0].last_checked <= w[1].last_checked), "oldest check first");
        quick_action(&app, &staff, OFFICE, QuickAction::Checked).await?;
        quick_action(&app, &staff, OFFICE, QuickAction::Unpublish).await?;
        let office = list_for_editors(&app).await?.into_iter().find(|l| l.slug == OFFICE);
        let office = office.unwrap_or_else(|| panic!("listed"));
        assert_eq!((office.last_checked, office.stale, office.published), (now().date(), false, false));
        quick_action(&app, &staff, OFFICE, QuickAction::Publish).await?;
        assert!(list_for_editors(&app).await?.iter().any(|l| l.slug == OFFICE && l.published));
        assert!(matches!(
            quick_action(&app, &staff, "no-such-office", QuickAction::Checked).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(QuickAction::parse("unpublish"), Some(QuickAction::Unpublish));
        assert_eq!(QuickAction::parse("delete"), None);
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions[1..], ["service.checked", "service.unpublish", "service.publish"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_new_service_is_created_once_and_bad_input_is_refused() -> Result<(), AppError> {
        let app = app_with_directory().await;
        let staff = testing::staff(&app).await;
        let mut draft = draft_of(&for_edit(&app, OFFICE).await?.service);
        draft.slug = "returnee-desk".into();
        assert_eq!(
            save(&app, &staff, SaveTarget::New, draft.clone(), true).await?,
            Saved::Created("returnee-desk".into())
        );
        let added = for_edit(&app, "returnee-desk").await?;
        assert_eq!(added.service.last_checked, now().date());
        assert_eq!(save(&app, &staff, SaveTarget::New, draft.clone(), true).await?, Saved::SlugTaken);
        draft.slug = "other-desk".into();
        draft.phone = "call me".into();
        draft.region = "atlantis".into();
        assert_eq!(
            save(&app, &staff, SaveTarget::New, draft, true).await?,
            Saved::Invalid(vec![
                ServiceProblem::UnknownRegion("atlantis".into()),
                ServiceProblem::Phone("call me".into())
            ])
        );
        assert!(matches!(for_edit(&app, "other-desk").await, Err(AppError::NotFound)), "nothing was written");
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions[1..], ["service.create"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_save_over_a_newer_save_is_a_conflict_and_an_unchanged_save_writes_nothing() -> Result<(), AppError> {
        let app = app_with_directory().await;
        let staff = testing::staff(&app).await;
        let loaded = for_edit(&app, OFFICE).await?;
        let unchanged = save(&app, &staff, existing(loaded.version), draft_of(&loaded.service), false).await?;
        assert_eq!(unchanged, Saved::Unchanged);
        assert_eq!(for_edit(&app, OFFICE).await?.version, loaded.version, "the version stays");
        assert_eq!(revisions(&app, OFFICE, None).await?.lines.len(), 1, "no new revision");

        let mut first = draft_of(&loaded.service);
        first.address = "1 First Street".into();
        assert_eq!(save(&app, &staff, existing(loaded.version), first, false).await?, Saved::Updated);
        let after_first = for_edit(&app, OFFICE).await?;
        assert_ne!(after_first.version, loaded.version);
        assert_eq!(after_first.service.last_checked, loaded.service.last_checked, "not marked checked");

        let mut second = draft_of(&loaded.service);
        second.address = "2 Second Street".into();
        let Saved::Conflict(conflict) = save(&app, &staff, existing(loaded.version), second.clone(), false).await?
        else {
            panic!("a save over a newer save must be refused");
        };
        assert_eq!(conflict.version, after_first.version);
        assert!(conflict.diff.iter().any(|p| p.kind == "added" && p.text.contains("Second")));
        assert_eq!(for_edit(&app, OFFICE).await?, after_first, "the first save stands");
        let no_version = SaveTarget::Existing { slug: OFFICE.into(), seen_version: None };
        assert!(matches!(save(&app, &staff, no_version, second.clone(), false).await?, Saved::Conflict(_)));
        // Saving again with the version the conflict named wins.
        assert_eq!(save(&app, &staff, existing(conflict.version), second, true).await?, Saved::Updated);
        let saved = for_edit(&app, OFFICE).await?.service;
        assert_eq!((saved.address.as_str(), saved.last_checked), ("2 Second Street", now().date()));
        let unknown = SaveTarget::Existing { slug: "no-such-office".into(), seen_version: Some(1) };
        assert!(matches!(save(&app, &staff, unknown, draft_of(&saved), false).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions[1..], ["service.update", "service.update"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn old_versions_are_compared_and_restored_but_not_from_a_stale_page() -> Result<(), AppError> {
        let app = app_with_directory().await;
        let staff = testing::staff(&app).await;
        let before = for_edit(&app, OFFICE).await?;
        let mut draft = draft_of(&before.service);
        draft.texts[0].hours = "Never on Sundays".into();
        assert_eq!(save(&app, &staff, existing(before.version), draft, false).await?, Saved::Updated);
        let list = revisions(&app, OFFICE, None).await?;
        assert_eq!(list.lines.iter().map(|l| l.number).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(list.lines[0].author_email.as_deref(), Some("staff@homeward.example"));
        assert_eq!(list.lines[1].author_email, None, "the import");
        let first = list.lines[1].id.clone();
        let compared = revisions(&app, OFFICE, Some(&first)).await?;
        assert_eq!(compared.compared, Some(1));
        assert!(compared.diff.iter().any(|p| p.kind == "added" && p.text.contains("Sundays")));

        let stale = restore(&app, &staff, OFFICE, &first, Some(before.version)).await?;
        assert_eq!(stale, Restore::Stale);
        assert_eq!(restore(&app, &staff, OFFICE, &first, None).await?, Restore::Stale);
        assert_eq!(restore(&app, &staff, OFFICE, &first, Some(list.version)).await?, Restore::Restored);
        assert_eq!(for_edit(&app, OFFICE).await?.service, before.service, "exactly the old version");
        assert_eq!(revisions(&app, OFFICE, None).await?.lines.len(), 3);
        let missing = RevisionId::generate();
        assert!(matches!(restore(&app, &staff, OFFICE, &missing, Some(1)).await, Err(AppError::NotFound)));
        assert!(matches!(restore(&app, &staff, "no-such-office", &first, Some(1)).await, Err(AppError::NotFound)));
        assert!(matches!(revisions(&app, "Bad Slug!", None).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions[1..], ["service.update", "service.restore"]);
        Ok(())
    }

    #[actix_rt::test]
    async fn a_version_that_no_longer_passes_the_rules_is_not_restored() -> Result<(), AppError> {
        use diesel::RunQueryDsl;
        let app = app_with_directory().await;
        let staff = testing::staff(&app).await;
        let before = for_edit(&app, OFFICE).await?;
        let first = revisions(&app, OFFICE, None).await?.lines[0].id.clone();
        let mut draft = draft_of(&before.service);
        draft.address = "3 Third Street".into();
        assert_eq!(save(&app, &staff, existing(before.version), draft, false).await?, Saved::Updated);
        // The first version names a region that has since gone from the directory.
        let sql =
            format!("UPDATE service_revisions SET body = replace(body, 'capital', 'atlantis') WHERE id = '{first}'");
        app.db.run(move |c| diesel::sql_query(sql).execute(c).map_err(RepoError::from)).await?;
        let version = for_edit(&app, OFFICE).await?.version;
        assert_eq!(restore(&app, &staff, OFFICE, &first, Some(version)).await?, Restore::Unusable);
        assert_eq!(for_edit(&app, OFFICE).await?.service.address, "3 Third Street", "nothing was written");
        Ok(())
    }
}
