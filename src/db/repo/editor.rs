//! What the content editor reads and writes: the guide list with each language's
//! state, revisions, saving with an optimistic lock, rollback, publishing and
//! review confirmation. Every change bumps the content version (so every instance
//! serves it at once) and writes its audit entry in the same transaction.

use std::collections::HashMap;

use diesel::prelude::*;
use time::Date;

use super::audit::{self, Event};
use super::content::{Change, TranslationInput, in_content_transaction, save_translation};
use super::{RepoError, now};
use crate::crypto::vault::Vault;
use crate::db::DbConnection;
use crate::db::rows::{GuideRevisionRow, GuideRow, GuideTranslationRow};
use crate::db::schema::{guide_revisions, guide_translations, guides, staff_users, topics};
use crate::domain::content::TranslationState;

/// One guide as the editor's lists show it.
#[derive(Debug, Clone)]
pub struct GuideSummary {
    pub guide: GuideRow,
    pub topic_slug: String,
    /// Title in the default language (else the slug).
    pub title: String,
    /// State per language code.
    pub states: HashMap<String, TranslationState>,
}

/// The state of one translation against the default-language text.
pub fn state_of(
    lang: &str,
    default: &str,
    current: Option<&GuideTranslationRow>,
    source: Option<&GuideTranslationRow>,
) -> TranslationState {
    match (current, source) {
        (None, _) => TranslationState::Missing,
        (Some(_), _) if lang == default => TranslationState::Current,
        (Some(t), Some(s)) if t.based_on_major < s.major_revision => TranslationState::Outdated,
        (Some(_), _) => TranslationState::Current,
    }
}

/// Every guide with each language's state, by topic position then guide position.
pub fn guide_summaries(
    conn: &mut DbConnection,
    langs: &[String],
    default: &str,
) -> Result<Vec<GuideSummary>, RepoError> {
    let rows: Vec<(GuideRow, String)> = guides::table
        .inner_join(topics::table)
        .order((topics::position, topics::slug, guides::position, guides::slug))
        .select((GuideRow::as_select(), topics::slug))
        .load(conn)?;
    let translations: Vec<GuideTranslationRow> =
        guide_translations::table.select(GuideTranslationRow::as_select()).load(conn)?;
    let mut by_guide: HashMap<&str, HashMap<&str, &GuideTranslationRow>> = HashMap::new();
    for t in &translations {
        by_guide.entry(t.guide_id.as_str()).or_default().insert(t.lang.as_str(), t);
    }
    let mut out = Vec::with_capacity(rows.len());
    for (guide, topic_slug) in rows {
        let mine = by_guide.get(guide.id.as_str());
        let source = mine.and_then(|m| m.get(default));
        let mut states = HashMap::new();
        for lang in langs {
            let current = mine.and_then(|m| m.get(lang.as_str())).copied();
            states.insert(lang.clone(), state_of(lang, default, current, source.copied()));
        }
        let title = source.map_or_else(|| guide.slug.clone(), |s| s.title.clone());
        out.push(GuideSummary { guide, topic_slug, title, states });
    }
    Ok(out)
}

pub fn guide_by_slug(conn: &mut DbConnection, slug: &str) -> Result<GuideRow, RepoError> {
    Ok(guides::table.filter(guides::slug.eq(slug)).select(GuideRow::as_select()).first(conn)?)
}

/// A guide with the slug of the topic it is in.
pub fn guide_with_topic(conn: &mut DbConnection, slug: &str) -> Result<(GuideRow, String), RepoError> {
    Ok(guides::table
        .inner_join(topics::table)
        .filter(guides::slug.eq(slug))
        .select((GuideRow::as_select(), topics::slug))
        .first(conn)?)
}

/// A revision with the email of whoever saved it.
#[derive(Debug, Clone)]
pub struct RevisionView {
    pub row: GuideRevisionRow,
    pub author: Option<String>,
}

/// The revisions of one translation, newest first.
pub fn revisions(conn: &mut DbConnection, guide_id: &str, lang: &str) -> Result<Vec<RevisionView>, RepoError> {
    let rows: Vec<(GuideRevisionRow, Option<String>)> = guide_revisions::table
        .left_join(staff_users::table.on(guide_revisions::author_id.eq(staff_users::id.nullable())))
        .filter(guide_revisions::guide_id.eq(guide_id))
        .filter(guide_revisions::lang.eq(lang))
        .order(guide_revisions::revision.desc())
        .select((GuideRevisionRow::as_select(), staff_users::email.nullable()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(row, author)| RevisionView { row, author }).collect())
}

pub fn revision(
    conn: &mut DbConnection,
    guide_id: &str,
    lang: &str,
    number: i32,
) -> Result<GuideRevisionRow, RepoError> {
    Ok(guide_revisions::table
        .filter(guide_revisions::guide_id.eq(guide_id))
        .filter(guide_revisions::lang.eq(lang))
        .filter(guide_revisions::revision.eq(number))
        .select(GuideRevisionRow::as_select())
        .first(conn)?)
}

/// How a save ended.
#[derive(Debug)]
pub enum Saved {
    /// Stored as this revision.
    Stored(i32),
    /// Nothing had changed.
    Unchanged,
    /// Someone else saved first: their current text, to show beside the editor's own.
    Conflict(Box<GuideTranslationRow>),
}

/// Saves a translation if nobody saved it since `expected_revision` (0: it did not exist).
#[allow(clippy::too_many_arguments, reason = "one save is one row of many columns; callers name each")]
pub fn save(
    conn: &mut DbConnection,
    guide_id: &str,
    input: &TranslationInput,
    major: bool,
    default_lang: &str,
    expected_revision: i32,
    actor: &str,
    action: crate::domain::AuditAction,
) -> Result<Saved, RepoError> {
    in_content_transaction(conn, |c| {
        let current = super::content::translation(c, guide_id, &input.lang)?;
        let current_revision = current.as_ref().map_or(0, |t| t.revision);
        if current_revision != expected_revision {
            return match current {
                Some(row) => Ok((Saved::Conflict(Box::new(row)), false)),
                None => Err(RepoError::NotFound),
            };
        }
        // A translation follows the default text's current major version.
        let basis = if input.lang == default_lang {
            0
        } else {
            super::content::translation(c, guide_id, default_lang)?.map_or(1, |t| t.major_revision)
        };
        let change = save_translation(c, guide_id, input, major, default_lang, basis)?;
        if change == Change::Unchanged {
            return Ok((Saved::Unchanged, false));
        }
        let stored = super::content::translation(c, guide_id, &input.lang)?.map_or(0, |t| t.revision);
        let detail = format!("{} r{stored}{}", input.lang, if major { " major" } else { "" });
        audit::record(c, Event::new(Some(actor), action, "guide", Some(guide_id)).detail(&detail))?;
        Ok((Saved::Stored(stored), true))
    })
}

/// Publishes or unpublishes a guide.
pub fn set_published(conn: &mut DbConnection, guide_id: &str, published: bool, actor: &str) -> Result<(), RepoError> {
    in_content_transaction(conn, |c| {
        let at = now();
        let was: bool = guides::table.filter(guides::id.eq(guide_id)).select(guides::published).first(c)?;
        // Withdrawn: a guide readers could see is taken down (a draft staying a draft is not).
        let withdrawn_at = if published {
            None
        } else if was {
            Some(at)
        } else {
            None
        };
        let keep_withdrawn = !published && !was;
        if keep_withdrawn {
            diesel::update(guides::table.filter(guides::id.eq(guide_id)))
                .set((guides::published.eq(false), guides::updated_at.eq(at)))
                .execute(c)?;
        } else {
            diesel::update(guides::table.filter(guides::id.eq(guide_id)))
                .set((
                    guides::published.eq(published),
                    guides::updated_at.eq(at),
                    guides::withdrawn_at.eq(withdrawn_at),
                ))
                .execute(c)?;
        }
        let action = if published {
            crate::domain::AuditAction::ContentPublish
        } else {
            crate::domain::AuditAction::ContentUnpublish
        };
        audit::record(c, Event::new(Some(actor), action, "guide", Some(guide_id)))?;
        Ok(((), true))
    })
}

/// "Still correct in all languages": the next review is due on `next`.
pub fn confirm_review(conn: &mut DbConnection, guide_id: &str, next: Date, actor: &str) -> Result<(), RepoError> {
    in_content_transaction(conn, |c| {
        let n = diesel::update(guides::table.filter(guides::id.eq(guide_id)))
            .set((guides::review_by.eq(next), guides::updated_at.eq(now())))
            .execute(c)?;
        if n == 0 {
            return Err(RepoError::NotFound);
        }
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::ContentReviewConfirmed, "guide", Some(guide_id))
                .detail(&next.to_string()),
        )?;
        Ok(((), true))
    })
}

/// A search that found nothing, as the use case computed it: ids are keyed hashes.
pub struct Miss<'a> {
    /// Keyed hash of (language, terms).
    pub id: &'a str,
    pub lang: &'a str,
    /// Folded terms without digits or addresses (sealed before they are written).
    pub terms: &'a str,
    /// Keyed hash of the reader's address and the day; `None` when the address is unknown.
    pub reader: Option<&'a str>,
}

/// Counts a search that found nothing, and the reader once a day.
pub fn record_search_miss(conn: &mut DbConnection, vault: &Vault, miss: &Miss<'_>) -> Result<(), RepoError> {
    use crate::db::schema::{search_miss_readers as r, search_misses as m};
    let today = now().date();
    crate::db::write_transaction(conn, |c| {
        let known: Option<String> = m::table.find(miss.id).select(m::id).first(c).optional()?;
        if known.is_none() {
            let sealed = super::inquiries::seal(vault, miss.terms, format!("search_misses.terms:{}", miss.id))?;
            diesel::insert_into(m::table)
                .values((
                    m::id.eq(miss.id),
                    m::lang.eq(miss.lang),
                    m::terms_enc.eq(sealed),
                    m::hits.eq(0i64),
                    m::readers.eq(0i64),
                    m::last_seen.eq(today),
                ))
                .execute(c)?;
        }
        let mut new_reader = 0i64;
        if let Some(reader) = miss.reader {
            let seen: i64 = r::table
                .filter(r::miss_id.eq(miss.id))
                .filter(r::day.eq(today))
                .filter(r::reader.eq(reader))
                .count()
                .get_result(c)?;
            if seen == 0 {
                diesel::insert_into(r::table)
                    .values((r::miss_id.eq(miss.id), r::day.eq(today), r::reader.eq(reader)))
                    .execute(c)?;
                new_reader = 1;
            }
        }
        diesel::update(m::table.find(miss.id))
            .set((m::hits.eq(m::hits + 1), m::readers.eq(m::readers + new_reader), m::last_seen.eq(today)))
            .execute(c)?;
        Ok(())
    })
}

/// The most frequent searches that found nothing and that at least `min_readers`
/// different readers made: (terms, lang, hits, last seen).
pub fn search_misses(
    conn: &mut DbConnection,
    vault: &Vault,
    min_readers: i64,
    limit: i64,
) -> Result<Vec<(String, String, i64, Date)>, RepoError> {
    use crate::db::schema::search_misses as m;
    let rows: Vec<(String, Vec<u8>, String, i64, Date)> = m::table
        .filter(m::readers.ge(min_readers))
        .order((m::hits.desc(), m::last_seen.desc()))
        .limit(limit)
        .select((m::id, m::terms_enc, m::lang, m::hits, m::last_seen))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, sealed, lang, hits, seen)| {
            let terms = vault
                .open_string(&sealed, &format!("search_misses.terms:{id}"))
                .map_err(|e| RepoError::Unexpected(format!("search_misses.terms: {e}")))?;
            Ok((terms, lang, hits, seen))
        })
        .collect()
}

/// Forgets searches not seen since `before` (housekeeping, with the retention period),
/// and who searched on days before today.
pub fn purge_search_misses(conn: &mut DbConnection, before: Date) -> Result<usize, RepoError> {
    use crate::db::schema::{search_miss_readers as r, search_misses as m};
    diesel::delete(r::table.filter(r::day.lt(now().date()))).execute(conn)?;
    Ok(diesel::delete(m::table.filter(m::last_seen.lt(before))).execute(conn)?)
}

/// Reader feedback on one guide.
#[derive(Debug, Clone)]
pub struct FeedbackSummary {
    pub slug: String,
    pub title: String,
    pub yes: i64,
    pub no: i64,
    /// Newest first: (lang, comment, when).
    pub comments: Vec<(String, String, time::PrimitiveDateTime)>,
}

/// Yes/no counts and the latest comments per guide, guides with most "no" first.
pub fn feedback_summaries(
    conn: &mut DbConnection,
    vault: &Vault,
    default: &str,
) -> Result<Vec<FeedbackSummary>, RepoError> {
    use crate::db::rows::FeedbackRow;
    use crate::db::schema::feedback;
    let rows: Vec<(FeedbackRow, String)> = feedback::table
        .inner_join(guides::table)
        .order(feedback::created_at.desc())
        .select((FeedbackRow::as_select(), guides::slug))
        .load(conn)?;
    let mut by_slug: Vec<FeedbackSummary> = Vec::new();
    for (row, slug) in rows {
        let index = match by_slug.iter().position(|s| s.slug == slug) {
            Some(i) => i,
            None => {
                let title = guide_translations::table
                    .inner_join(guides::table)
                    .filter(guides::slug.eq(&slug))
                    .filter(guide_translations::lang.eq(default))
                    .select(guide_translations::title)
                    .first::<String>(conn)
                    .optional()?
                    .unwrap_or_else(|| slug.clone());
                by_slug.push(FeedbackSummary { slug: slug.clone(), title, yes: 0, no: 0, comments: Vec::new() });
                by_slug.len() - 1
            }
        };
        let entry = &mut by_slug[index];
        if row.useful {
            entry.yes += 1;
        } else {
            entry.no += 1;
        }
        if entry.comments.len() < 20 {
            let opened = match &row.comment_enc {
                Some(sealed) => Some(
                    vault
                        .open_string(sealed, &super::content::comment_aad(&row.id))
                        .map_err(|e| RepoError::Unexpected(format!("feedback.comment: {e}")))?,
                ),
                // Not sealed yet (start-up seals what earlier versions left in clear).
                None => row.comment.clone(),
            };
            if let Some(c) = opened.filter(|c| !c.trim().is_empty()) {
                entry.comments.push((row.lang, c, row.created_at));
            }
        }
    }
    by_slug.sort_by(|a, b| b.no.cmp(&a.no).then(a.slug.cmp(&b.slug)));
    Ok(by_slug)
}

/// A guide's own settings as the editor changes them.
pub struct GuideSettings {
    pub topic_slug: String,
    pub position: i32,
    pub review_by: Date,
    /// Where readers go once it is withdrawn (a guide slug), if anywhere.
    pub replaced_by: Option<String>,
}

/// Moves, reorders, re-dates a guide or names its replacement.
pub fn update_guide(conn: &mut DbConnection, guide_id: &str, s: &GuideSettings, actor: &str) -> Result<(), RepoError> {
    in_content_transaction(conn, |c| {
        let topic_id: String = topics::table.filter(topics::slug.eq(&s.topic_slug)).select(topics::id).first(c)?;
        if let Some(target) = &s.replaced_by {
            let exists: i64 =
                guides::table.filter(guides::slug.eq(target)).filter(guides::id.ne(guide_id)).count().get_result(c)?;
            if exists == 0 {
                return Err(RepoError::Conflict("replaced_by".into()));
            }
        }
        let n = diesel::update(guides::table.filter(guides::id.eq(guide_id)))
            .set((
                guides::topic_id.eq(&topic_id),
                guides::position.eq(s.position),
                guides::review_by.eq(s.review_by),
                guides::replaced_by.eq(&s.replaced_by),
                guides::updated_at.eq(now()),
            ))
            .execute(c)?;
        if n == 0 {
            return Err(RepoError::NotFound);
        }
        let detail = format!("topic {} position {}", s.topic_slug, s.position);
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::ContentGuideSettings, "guide", Some(guide_id))
                .detail(&detail),
        )?;
        Ok(((), true))
    })
}

/// A new guide (a draft) with its first text in the default language.
pub fn create_guide(
    conn: &mut DbConnection,
    slug: &str,
    topic_slug: &str,
    first: &TranslationInput,
    default_lang: &str,
    actor: &str,
) -> Result<String, RepoError> {
    in_content_transaction(conn, |c| {
        let taken: i64 = guides::table.filter(guides::slug.eq(slug)).count().get_result(c)?;
        if taken > 0 {
            return Err(RepoError::Conflict("slug".into()));
        }
        let topic_id: String = topics::table.filter(topics::slug.eq(topic_slug)).select(topics::id).first(c)?;
        let last: Option<i32> =
            guides::table.filter(guides::topic_id.eq(&topic_id)).select(diesel::dsl::max(guides::position)).first(c)?;
        let (id, _) = super::content::upsert_guide(
            c,
            &super::content::GuideInput {
                slug: slug.to_owned(),
                topic_slug: topic_slug.to_owned(),
                position: last.unwrap_or(0) + 1,
                published: false,
                review_by: now().date() + time::Duration::days(365),
            },
        )?;
        save_translation(c, &id, first, true, default_lang, 0)?;
        audit::record(
            c,
            Event::new(Some(actor), crate::domain::AuditAction::ContentGuideCreate, "guide", Some(&id)).detail(slug),
        )?;
        Ok((id, true))
    })
}

/// Creates or updates a topic (position and the titles given).
/// Creates or updates a topic. With `create_only`, a topic that already has this slug is
/// `Conflict("exists")` (checked under the content lock, so two editors cannot both create it).
pub fn save_topic(
    conn: &mut DbConnection,
    input: &super::content::TopicInput,
    create_only: bool,
    actor: &str,
) -> Result<(), RepoError> {
    in_content_transaction(conn, |c| {
        if create_only {
            let n: i64 = topics::table.filter(topics::slug.eq(&input.slug)).count().get_result(c)?;
            if n > 0 {
                return Err(RepoError::Conflict("exists".into()));
            }
        }
        let change = super::content::upsert_topic(c, input)?;
        if change == Change::Unchanged {
            return Ok(((), false));
        }
        let action = if change == Change::Created {
            crate::domain::AuditAction::ContentTopicCreate
        } else {
            crate::domain::AuditAction::ContentTopicUpdate
        };
        audit::record(c, Event::new(Some(actor), action, "topic", None).detail(&input.slug))?;
        Ok(((), true))
    })
}

/// A topic with every translation, for its edit form.
pub fn topic_for_edit(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<(crate::db::rows::TopicRow, Vec<crate::db::rows::TopicTranslationRow>), RepoError> {
    use crate::db::rows::{TopicRow, TopicTranslationRow};
    use crate::db::schema::topic_translations;
    let topic = topics::table.filter(topics::slug.eq(slug)).select(TopicRow::as_select()).first(conn)?;
    let translations = topic_translations::table
        .filter(topic_translations::topic_id.eq(&topic.id))
        .select(TopicTranslationRow::as_select())
        .load(conn)?;
    Ok((topic, translations))
}
