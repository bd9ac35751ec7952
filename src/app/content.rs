//! Editing guidance: the guide list and translation dashboard, saving a translation with an
//! optimistic lock, revisions and rollback, publishing, review dates, new guides and topics.

use time::{Date, Duration, PrimitiveDateTime};

use crate::app::App;
use crate::auth::Staff;
use crate::content::files::render_translation;
use crate::db::RepoError;
use crate::db::repo::content::{self as repo, TopicInput};
use crate::db::repo::editor::{self, GuideSummary};
use crate::db::repo::now;
use crate::db::rows::{GuideRevisionRow, GuideRow, GuideTranslationRow};
use crate::domain::content::{GuideText, NewTopic, Position, TranslationEdit, TranslationState};
use crate::domain::diff::{DiffPart, word_diff};
use crate::domain::{AuditAction, GuideId, Lang, RevisionId, Slug};
use crate::error::AppError;

/// A guide's own facts, as every editor page shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideInfo {
    pub id: GuideId,
    pub slug: String,
    pub published: bool,
    pub position: i32,
    pub review_by: Date,
    /// The guide readers are sent to once this one is withdrawn.
    pub replaced_by: Option<String>,
}

impl From<GuideRow> for GuideInfo {
    fn from(g: GuideRow) -> Self {
        GuideInfo {
            id: GuideId::from_stored(g.id),
            slug: g.slug,
            published: g.published,
            position: g.position,
            review_by: g.review_by,
            replaced_by: g.replaced_by,
        }
    }
}

/// One guide in the editor's lists.
#[derive(Debug, Clone)]
pub struct GuideOverview {
    pub guide: GuideInfo,
    pub topic_slug: String,
    /// In the default language (else the slug).
    pub title: String,
    /// Its review date has passed.
    pub review_due: bool,
    /// Each enabled language's state, in the settings' order.
    pub states: Vec<(Lang, TranslationState)>,
}

/// A topic in the editor's language (or the default language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicOverview {
    pub slug: String,
    pub title: String,
}

/// The guide list: guides by topic, and the topics.
#[derive(Debug, Clone)]
pub struct ContentList {
    pub guides: Vec<GuideOverview>,
    pub topics: Vec<TopicOverview>,
}

/// How far one language is translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub lang: Lang,
    pub current: usize,
    pub outdated: usize,
    pub missing: usize,
    /// Current translations per guide, in per cent (rounded down).
    pub percent: usize,
}

/// The translation dashboard.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub guides: Vec<GuideOverview>,
    pub coverage: Vec<Coverage>,
    /// Guides past their review date.
    pub overdue: usize,
}

async fn overviews(app: &App) -> Result<Vec<GuideOverview>, AppError> {
    let settings = app.settings();
    let langs: Vec<String> = settings.languages.iter().map(Lang::to_string).collect();
    let default = settings.default_language.to_string();
    let summaries = app.db.run(move |c| editor::guide_summaries(c, &langs, &default)).await?;
    let today = now().date();
    Ok(summaries
        .into_iter()
        .map(|s: GuideSummary| GuideOverview {
            states: settings
                .languages
                .iter()
                .map(|l| (l.clone(), s.states.get(l.as_str()).copied().unwrap_or(TranslationState::Missing)))
                .collect(),
            review_due: s.guide.review_by < today,
            topic_slug: s.topic_slug,
            title: s.title,
            guide: s.guide.into(),
        })
        .collect())
}

/// Every topic, titled in `lang` where it can be, by position.
async fn topics(app: &App, lang: &Lang) -> Result<Vec<TopicOverview>, AppError> {
    let (l, d) = (lang.to_string(), app.settings().default_language.to_string());
    let topics = app.db.run(move |c| repo::list_topics(c, &l, &d)).await?;
    Ok(topics.into_iter().map(|t| TopicOverview { slug: t.slug, title: t.title }).collect())
}

/// The guide list, with topic titles in the editor's language.
#[tracing::instrument(skip_all)]
pub async fn list(app: &App, lang: &Lang) -> Result<ContentList, AppError> {
    Ok(ContentList { guides: overviews(app).await?, topics: topics(app, lang).await? })
}

/// Every guide's state per language, each language's coverage, and how many reviews are due.
#[tracing::instrument(skip_all)]
pub async fn dashboard(app: &App) -> Result<Dashboard, AppError> {
    let guides = overviews(app).await?;
    let total = guides.len().max(1);
    let coverage = app
        .settings()
        .languages
        .iter()
        .map(|lang| {
            let count = |state: TranslationState| {
                guides.iter().filter(|g| g.states.iter().any(|(l, s)| l == lang && *s == state)).count()
            };
            let current = count(TranslationState::Current);
            Coverage {
                lang: lang.clone(),
                percent: current * 100 / total,
                current,
                outdated: count(TranslationState::Outdated),
                missing: count(TranslationState::Missing),
            }
        })
        .collect();
    let overdue = guides.iter().filter(|g| g.review_due).count();
    Ok(Dashboard { guides, coverage, overdue })
}

/// Publishes or unpublishes a guide (audited); readers see the change at once.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, guide = %slug, published))]
pub async fn publish(app: &App, actor: &Staff, slug: &Slug, published: bool) -> Result<(), AppError> {
    let (slug, actor) = (slug.to_string(), actor.user_id.clone());
    app.db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            editor::set_published(c, &guide.id, published, &actor)
        })
        .await?;
    app.cache.invalidate();
    Ok(())
}

/// "Still correct in all languages": the next review is due a year from today, returned.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, guide = %slug))]
pub async fn confirm_review(app: &App, actor: &Staff, slug: &Slug) -> Result<Date, AppError> {
    let (slug, actor) = (slug.to_string(), actor.user_id.clone());
    let next = now().date() + Duration::days(365);
    app.db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            editor::confirm_review(c, &guide.id, next, &actor)
        })
        .await?;
    app.cache.invalidate();
    Ok(next)
}

/// The stored text of one translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationText {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub revision: i32,
}

impl From<GuideTranslationRow> for TranslationText {
    fn from(t: GuideTranslationRow) -> Self {
        TranslationText { title: t.title, summary: t.summary, body: t.body_md, revision: t.revision }
    }
}

/// What the translation editor shows.
#[derive(Debug, Clone)]
pub struct EditorView {
    pub guide: GuideInfo,
    /// This language's text, if it has one.
    pub current: Option<TranslationText>,
    /// The default language's text, when this is another language.
    pub source: Option<TranslationText>,
    pub state: TranslationState,
}

/// One translation of a guide for the editor; `NotFound` for an unknown guide.
#[tracing::instrument(skip_all, fields(guide = %slug, lang = %lang))]
pub async fn translation(app: &App, slug: &Slug, lang: &Lang) -> Result<EditorView, AppError> {
    let default = app.settings().default_language.to_string();
    let (slug, l) = (slug.to_string(), lang.to_string());
    let (guide, current, source, state) = app
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            let current = repo::translation(c, &guide.id, &l)?;
            let source = repo::translation(c, &guide.id, &default)?;
            let state = editor::state_of(&l, &default, current.as_ref(), source.as_ref());
            Ok::<_, RepoError>((guide, current, source, state))
        })
        .await?;
    let is_source = *lang == app.settings().default_language;
    Ok(EditorView {
        guide: guide.into(),
        current: current.map(Into::into),
        source: if is_source { None } else { source.map(Into::into) },
        state,
    })
}

/// How saving a translation ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Stored as this revision; readers see it at once.
    Stored { revision: i32 },
    /// The text was the same as the stored one: nothing was written.
    Unchanged,
    /// Someone saved since the revision the editor started from: their text, to show beside
    /// the editor's own (saving again from there overwrites it deliberately).
    Conflict(Box<TranslationText>),
}

impl From<editor::Saved> for Saved {
    fn from(s: editor::Saved) -> Self {
        match s {
            editor::Saved::Stored(revision) => Saved::Stored { revision },
            editor::Saved::Unchanged => Saved::Unchanged,
            editor::Saved::Conflict(row) => Saved::Conflict(Box::new((*row).into())),
        }
    }
}

/// Saves an editor's text for one language if nobody saved it since they started (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, guide = %slug, lang = %lang))]
pub async fn save_translation(
    app: &App,
    actor: &Staff,
    slug: &Slug,
    lang: &Lang,
    edit: TranslationEdit,
) -> Result<Saved, AppError> {
    let t = &edit.text;
    let translation = render_translation(
        lang.as_str(),
        &t.title,
        &t.summary,
        &t.body,
        &edit.change_note,
        now(),
        Some(actor.user_id.clone()),
    )?;
    let (slug, default, actor) = (slug.to_string(), app.settings().default_language.to_string(), actor.user_id.clone());
    let outcome = app
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            editor::save(
                c,
                &guide.id,
                &translation,
                edit.major,
                &default,
                edit.based_on_revision,
                &actor,
                AuditAction::ContentSave,
            )
        })
        .await?;
    if matches!(outcome, editor::Saved::Stored(_)) {
        app.cache.invalidate();
    }
    Ok(outcome.into())
}

/// One saved version of a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub id: RevisionId,
    pub number: i32,
    pub major: bool,
    pub change_note: String,
    /// The email of whoever saved it (none for imported files).
    pub author: Option<String>,
    pub created_at: PrimitiveDateTime,
}

/// The revisions page: every revision, newest first, and the word diff between two of them.
pub struct RevisionsView {
    pub guide: GuideInfo,
    pub revisions: Vec<Revision>,
    pub from: i32,
    pub to: i32,
    pub title_diff: Vec<DiffPart>,
    pub diff: Vec<DiffPart>,
}

/// The revisions of one translation; `to` defaults to the latest, `from` to the one before it.
#[tracing::instrument(skip_all, fields(guide = %slug, lang = %lang))]
pub async fn revisions(
    app: &App,
    slug: &Slug,
    lang: &Lang,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<RevisionsView, AppError> {
    let (slug, l) = (slug.to_string(), lang.to_string());
    let (guide, list) = app
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            let list = editor::revisions(c, &guide.id, &l)?;
            Ok::<_, RepoError>((guide, list))
        })
        .await?;
    let latest = list.first().map_or(0, |r| r.row.revision);
    let to = to.unwrap_or(latest);
    let from = from.unwrap_or(to.saturating_sub(1));
    let find = |n: i32| list.iter().map(|r| &r.row).find(|r| r.revision == n);
    let (title_diff, diff) = match (find(from), find(to)) {
        (Some(a), Some(b)) => (word_diff(&a.title, &b.title), word_diff(&a.body_md, &b.body_md)),
        (None, Some(b)) => (word_diff("", &b.title), word_diff("", &b.body_md)),
        _ => (Vec::new(), Vec::new()),
    };
    let revisions = list
        .into_iter()
        .map(|r| {
            let GuideRevisionRow { id, revision, major, change_note, created_at, .. } = r.row;
            Revision {
                id: RevisionId::from_stored(id),
                number: revision,
                major,
                change_note,
                author: r.author,
                created_at,
            }
        })
        .collect();
    Ok(RevisionsView { guide: guide.into(), revisions, from, to, title_diff, diff })
}

/// Rollback: a new revision with an old revision's text (a minor change, audited as a rollback).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, guide = %slug, lang = %lang, revision = number))]
pub async fn rollback(app: &App, actor: &Staff, slug: &Slug, lang: &Lang, number: i32) -> Result<Saved, AppError> {
    let (slug, l, default) = (slug.to_string(), lang.to_string(), app.settings().default_language.to_string());
    let actor = actor.user_id.clone();
    let outcome = app
        .db
        .run(move |c| {
            let guide = editor::guide_by_slug(c, &slug)?;
            let old = editor::revision(c, &guide.id, &l, number)?;
            let current = repo::translation(c, &guide.id, &l)?.ok_or(RepoError::NotFound)?;
            let input = render_translation(&l, &old.title, &old.summary, &old.body_md, "", now(), Some(actor.clone()))?;
            editor::save(c, &guide.id, &input, false, &default, current.revision, &actor, AuditAction::ContentRollback)
        })
        .await?;
    app.cache.invalidate();
    Ok(outcome.into())
}

/// A new guide as an editor starts it: its name, topic and first text in the default language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGuide {
    pub slug: Slug,
    pub topic: String,
    pub text: GuideText,
}

/// How creating a guide ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuideCreated {
    /// A draft with its first revision.
    Created(GuideId),
    /// Another guide has this slug.
    SlugTaken,
    /// There is no topic with this slug.
    UnknownTopic,
}

/// The topics to choose from, titled in `lang`.
#[tracing::instrument(skip_all)]
pub async fn topic_choices(app: &App, lang: &Lang) -> Result<Vec<TopicOverview>, AppError> {
    topics(app, lang).await
}

/// Creates a draft guide, last in its topic, with a review due in a year (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, guide = %guide.slug))]
pub async fn create_guide(app: &App, actor: &Staff, guide: NewGuide) -> Result<GuideCreated, AppError> {
    let default = app.settings().default_language.to_string();
    let t = &guide.text;
    let first = render_translation(&default, &t.title, &t.summary, &t.body, "", now(), Some(actor.user_id.clone()))?;
    let actor = actor.user_id.clone();
    let created =
        app.db.run(move |c| editor::create_guide(c, guide.slug.as_str(), &guide.topic, &first, &default, &actor)).await;
    match created {
        Ok(id) => Ok(GuideCreated::Created(GuideId::from_stored(id))),
        Err(RepoError::Conflict(_)) => Ok(GuideCreated::SlugTaken),
        // The topic is the only thing looked up that may be missing.
        Err(RepoError::NotFound) => Ok(GuideCreated::UnknownTopic),
        Err(e) => Err(e.into()),
    }
}

/// The guide settings form: the guide, its topic, and what it could move to or be replaced by.
#[derive(Debug, Clone)]
pub struct GuideSettingsView {
    pub guide: GuideInfo,
    pub topic_slug: String,
    pub topics: Vec<TopicOverview>,
    /// Every other guide, with its default-language title.
    pub others: Vec<TopicOverview>,
}

/// A guide's settings for its form, topic titles in `lang`.
#[tracing::instrument(skip_all, fields(guide = %slug))]
pub async fn guide_settings(app: &App, lang: &Lang, slug: &Slug) -> Result<GuideSettingsView, AppError> {
    let s = slug.to_string();
    let (guide, topic_slug) = app.db.run(move |c| editor::guide_with_topic(c, &s)).await?;
    let guide = GuideInfo::from(guide);
    let others = overviews(app)
        .await?
        .into_iter()
        .filter(|g| g.guide.id != guide.id)
        .map(|g| TopicOverview { slug: g.guide.slug, title: g.title })
        .collect();
    Ok(GuideSettingsView { guide, topic_slug, topics: topics(app, lang).await?, others })
}

/// A guide's settings as the editor changes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideSettings {
    pub topic: String,
    pub position: Position,
    pub review_by: Date,
    /// Where readers go once it is withdrawn (another guide's slug), if anywhere.
    pub replaced_by: Option<String>,
}

/// How saving a guide's settings ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsSaved {
    Saved,
    UnknownTopic,
    /// Not another existing guide.
    UnknownReplacement,
}

/// Moves, reorders, re-dates a guide or names its replacement (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, guide = %slug))]
pub async fn save_guide_settings(
    app: &App,
    actor: &Staff,
    slug: &Slug,
    settings: GuideSettings,
) -> Result<SettingsSaved, AppError> {
    let (s, actor) = (slug.to_string(), actor.user_id.clone());
    let guide = app.db.run(move |c| editor::guide_by_slug(c, &s)).await?;
    let changes = editor::GuideSettings {
        topic_slug: settings.topic,
        position: settings.position.get(),
        review_by: settings.review_by,
        replaced_by: settings.replaced_by,
    };
    match app.db.run(move |c| editor::update_guide(c, &guide.id, &changes, &actor)).await {
        Ok(()) => {
            app.cache.invalidate();
            Ok(SettingsSaved::Saved)
        }
        Err(RepoError::Conflict(_)) => Ok(SettingsSaved::UnknownReplacement),
        // The guide was just found: what is missing is the topic.
        Err(RepoError::NotFound) => Ok(SettingsSaved::UnknownTopic),
        Err(e) => Err(e.into()),
    }
}

/// A topic for its edit form: position and the texts per language code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicEdit {
    pub slug: String,
    pub position: i32,
    /// (lang, title, summary)
    pub texts: Vec<(String, String, String)>,
}

/// One topic with every translation; `NotFound` for an unknown slug.
#[tracing::instrument(skip_all, fields(topic = %slug))]
pub async fn topic(app: &App, slug: &Slug) -> Result<TopicEdit, AppError> {
    let s = slug.to_string();
    let (topic, translations) = app.db.run(move |c| editor::topic_for_edit(c, &s)).await?;
    Ok(TopicEdit {
        slug: topic.slug,
        position: topic.position,
        texts: translations.into_iter().map(|t| (t.lang, t.title, t.summary)).collect(),
    })
}

/// How saving a topic ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicSaved {
    Saved,
    /// Creating: a topic with this slug exists already (it is left as it was).
    SlugTaken,
}

/// Creates (`create`) or updates a topic (audited when something changed).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, topic = %topic.slug, create))]
pub async fn save_topic(app: &App, actor: &Staff, topic: NewTopic, create: bool) -> Result<TopicSaved, AppError> {
    let input = TopicInput {
        slug: topic.slug.to_string(),
        position: topic.position.get(),
        translations: topic.translations.into_iter().map(|(l, t)| (l.to_string(), t.title, t.summary)).collect(),
    };
    let actor = actor.user_id.clone();
    match app.db.run(move |c| editor::save_topic(c, &input, create, &actor)).await {
        Ok(()) => {
            app.cache.invalidate();
            Ok(TopicSaved::Saved)
        }
        Err(RepoError::Conflict(_)) if create => Ok(TopicSaved::SlugTaken),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;
    use crate::domain::content::TopicText;
    use crate::domain::{Lang, Role};

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn text(title: &str, body: &str) -> GuideText {
        GuideText::parse(title, "", body).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn edit(body: &str, major: bool, note: &str, based_on: i32) -> TranslationEdit {
        TranslationEdit::parse("Renting a flat", "Contracts", body, note, major, based_on)
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// An app with one topic `housing` and one draft guide `renting` (English revision 1).
    async fn with_guide() -> (testing::TestApp, Staff) {
        let app = testing::app().await;
        let staff = testing::staff_with(&app, "editor@homeward.example", &[Role::Editor]).await;
        let topic = NewTopic::parse(
            "housing",
            Position::new(1),
            &[(lang("en"), "Housing".into(), String::new()), (lang("ru"), "Жильё".into(), String::new())],
            &lang("en"),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(save_topic(&app, &staff, topic, true).await.ok(), Some(TopicSaved::Saved));
        let guide = NewGuide { slug: slug("renting"), topic: "housing".into(), text: text("Renting a flat", "Ask.") };
        assert!(matches!(create_guide(&app, &staff, guide).await, Ok(GuideCreated::Created(_))));
        (app, staff)
    }

    #[actix_rt::test]
    async fn a_new_guide_is_a_draft_listed_with_its_states_and_a_taken_slug_is_refused() -> Result<(), AppError> {
        let (app, staff) = with_guide().await;
        let list = list(&app, &lang("ru")).await?;
        assert_eq!(list.topics, vec![TopicOverview { slug: "housing".into(), title: "Жильё".into() }]);
        let [guide] = list.guides.as_slice() else { panic!("{:?}", list.guides) };
        assert_eq!(
            (guide.guide.slug.as_str(), guide.topic_slug.as_str(), guide.guide.published),
            ("renting", "housing", false)
        );
        assert_eq!(guide.states.first(), Some(&(lang("en"), TranslationState::Current)));
        assert!(guide.states.iter().skip(1).all(|(_, s)| *s == TranslationState::Missing));
        let again = NewGuide { slug: slug("renting"), topic: "housing".into(), text: text("Again", "x") };
        assert_eq!(create_guide(&app, &staff, again).await?, GuideCreated::SlugTaken);
        let nowhere = NewGuide { slug: slug("other"), topic: "nowhere".into(), text: text("Other", "x") };
        assert_eq!(create_guide(&app, &staff, nowhere).await?, GuideCreated::UnknownTopic);
        assert_eq!(list_len(&app).await?, 1, "nothing was created by the refused attempts");
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions.iter().filter(|a| *a == "content.guide_create").count(), 1);
        Ok(())
    }

    async fn list_len(app: &App) -> Result<usize, AppError> {
        Ok(dashboard(app).await?.guides.len())
    }

    #[actix_rt::test]
    async fn saving_over_a_newer_save_is_a_conflict_and_an_unchanged_save_writes_nothing() -> Result<(), AppError> {
        let (app, staff) = with_guide().await;
        let (renting, en) = (slug("renting"), lang("en"));
        let saved = save_translation(&app, &staff, &renting, &en, edit("Ask for a contract.", false, "", 1)).await?;
        assert_eq!(saved, Saved::Stored { revision: 2 });
        // A second editor still on revision 1.
        let late = save_translation(&app, &staff, &renting, &en, edit("My own text.", false, "", 1)).await?;
        let Saved::Conflict(theirs) = late else { panic!("{late:?}") };
        assert_eq!((theirs.body.as_str(), theirs.revision), ("Ask for a contract.", 2));
        let before = testing::audit_actions(&app).await.len();
        let same = save_translation(&app, &staff, &renting, &en, edit("Ask for a contract.", false, "", 2)).await?;
        assert_eq!(same, Saved::Unchanged);
        assert_eq!(testing::audit_actions(&app).await.len(), before, "nothing was written");
        assert_eq!(revisions(&app, &renting, &en, None, None).await?.revisions.len(), 2);
        let unknown = save_translation(&app, &staff, &slug("nowhere"), &en, edit("x", false, "", 1)).await;
        assert!(matches!(unknown, Err(AppError::NotFound)));
        Ok(())
    }

    #[actix_rt::test]
    async fn a_major_change_makes_translations_outdated() -> Result<(), AppError> {
        let (app, staff) = with_guide().await;
        let (renting, en, ru) = (slug("renting"), lang("en"), lang("ru"));
        let first = save_translation(&app, &staff, &renting, &ru, edit("Спросите.", false, "Новый", 0)).await?;
        assert_eq!(first, Saved::Stored { revision: 1 });
        assert_eq!(translation(&app, &renting, &ru).await?.state, TranslationState::Current);
        save_translation(&app, &staff, &renting, &en, edit("New rules.", true, "Rules", 1)).await?;
        let view = translation(&app, &renting, &ru).await?;
        assert_eq!(view.state, TranslationState::Outdated);
        assert_eq!(view.source.map(|s| s.body), Some("New rules.".to_owned()), "the source is shown beside it");
        assert!(translation(&app, &renting, &en).await?.source.is_none(), "the source language has no source");
        let dashboard = dashboard(&app).await?;
        let ru_coverage = dashboard.coverage.iter().find(|c| c.lang == ru).unwrap_or_else(|| panic!("ru"));
        assert_eq!((ru_coverage.current, ru_coverage.outdated, ru_coverage.missing, ru_coverage.percent), (0, 1, 0, 0));
        Ok(())
    }

    #[actix_rt::test]
    async fn rollback_makes_a_new_revision_with_the_old_text() -> Result<(), AppError> {
        let (app, staff) = with_guide().await;
        let (renting, en) = (slug("renting"), lang("en"));
        save_translation(&app, &staff, &renting, &en, edit("Bring your new passport.", false, "", 1)).await?;
        let view = revisions(&app, &renting, &en, None, None).await?;
        assert_eq!((view.from, view.to), (1, 2));
        assert!(view.diff.iter().any(|p| p.kind == "added" && p.text.contains("new")), "the new word is marked");
        assert_eq!(rollback(&app, &staff, &renting, &en, 1).await?, Saved::Stored { revision: 3 });
        assert_eq!(translation(&app, &renting, &en).await?.current.map(|c| c.body), Some("Ask.".to_owned()));
        assert_eq!(rollback(&app, &staff, &renting, &en, 3).await?, Saved::Unchanged, "the same text again");
        assert!(matches!(rollback(&app, &staff, &renting, &en, 9).await, Err(AppError::NotFound)));
        assert!(testing::audit_actions(&app).await.contains(&"content.rollback".to_owned()));
        Ok(())
    }

    #[actix_rt::test]
    async fn publishing_review_and_settings_are_audited_and_checked() -> Result<(), AppError> {
        let (app, staff) = with_guide().await;
        let renting = slug("renting");
        publish(&app, &staff, &renting, true).await?;
        assert!(translation(&app, &renting, &lang("en")).await?.guide.published);
        let next = confirm_review(&app, &staff, &renting).await?;
        assert_eq!(next, now().date() + Duration::days(365));
        assert!(matches!(publish(&app, &staff, &slug("nowhere"), true).await, Err(AppError::NotFound)));
        let day = crate::domain::content::parse_day("2030-01-31").unwrap_or_else(|| panic!("day"));
        let position = Position::new(4).unwrap_or_else(|| panic!("position"));
        let settings = |topic: &str, replaced_by: Option<&str>| GuideSettings {
            topic: topic.into(),
            position,
            review_by: day,
            replaced_by: replaced_by.map(str::to_owned),
        };
        assert_eq!(
            save_guide_settings(&app, &staff, &renting, settings("nowhere", None)).await?,
            SettingsSaved::UnknownTopic
        );
        assert_eq!(
            save_guide_settings(&app, &staff, &renting, settings("housing", Some("renting"))).await?,
            SettingsSaved::UnknownReplacement,
            "a guide cannot replace itself"
        );
        assert_eq!(save_guide_settings(&app, &staff, &renting, settings("housing", None)).await?, SettingsSaved::Saved);
        let view = guide_settings(&app, &lang("en"), &renting).await?;
        assert_eq!((view.topic_slug.as_str(), view.guide.position, view.guide.review_by), ("housing", 4, day));
        assert!(view.others.is_empty());
        let actions = testing::audit_actions(&app).await;
        for a in ["content.publish", "content.review_confirmed", "content.guide_settings"] {
            assert_eq!(actions.iter().filter(|x| *x == a).count(), 1, "{a}: {actions:?}");
        }
        Ok(())
    }

    #[actix_rt::test]
    async fn a_topic_is_created_once_and_updated_after() -> Result<(), AppError> {
        let (app, staff) = with_guide().await;
        let en = lang("en");
        let other = NewTopic {
            slug: slug("housing"),
            position: Position::new(3).unwrap_or_else(|| panic!("position")),
            translations: vec![(en.clone(), TopicText { title: "Somebody else's".into(), summary: String::new() })],
        };
        assert_eq!(save_topic(&app, &staff, other.clone(), true).await?, TopicSaved::SlugTaken);
        let stored = topic(&app, &slug("housing")).await?;
        assert_eq!(stored.position, 1, "the existing topic is left as it was");
        assert!(stored.texts.iter().any(|(l, t, _)| l == "en" && t == "Housing"));
        assert_eq!(save_topic(&app, &staff, other, false).await?, TopicSaved::Saved);
        assert_eq!(topic(&app, &slug("housing")).await?.position, 3);
        assert!(matches!(topic(&app, &slug("nowhere")).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        assert!(
            actions.contains(&"content.topic_create".to_owned())
                && actions.contains(&"content.topic_update".to_owned())
        );
        Ok(())
    }
}
