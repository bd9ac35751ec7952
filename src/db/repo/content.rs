//! Topics, guides and their translations: what the public pages read, what
//! content import (and later the editor) writes, and full-text search.

use std::collections::HashMap;

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};

use super::{RepoError, new_id, now};
use crate::crypto::vault::Vault;
use crate::db::DbConnection;
use crate::db::rows::{FeedbackRow, GuideRevisionRow, GuideRow, GuideTranslationRow, TopicRow, TopicTranslationRow};
use crate::db::schema::{
    content_state, feedback, guide_revisions, guide_translations, guides, topic_translations, topics,
};

/// A topic in the reader's language (or the default language when untranslated).
#[derive(Debug, Clone)]
pub struct TopicView {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub lang: String,
}

/// One guide in a list: title and summary in the best available language.
#[derive(Debug, Clone)]
pub struct GuideListItem {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub lang: String,
    pub major_updated_at: PrimitiveDateTime,
    pub change_note: String,
    pub topic_slug: String,
}

/// Everything the guide page shows.
#[derive(Debug, Clone)]
pub struct GuidePage {
    pub guide: GuideRow,
    pub topic: TopicView,
    pub translation: GuideTranslationRow,
    /// Languages with a translation of this guide.
    pub languages: Vec<String>,
    /// The translation is older than a major change of the default-language text.
    pub outdated: bool,
}

#[derive(Debug, Clone)]
pub struct SearchHit {
    pub slug: String,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub plain_text: String,
}

/// The current content version (bumped by every change) and when it changed.
pub fn content_version(conn: &mut DbConnection) -> Result<(i64, PrimitiveDateTime), RepoError> {
    Ok(content_state::table
        .filter(content_state::id.eq(1))
        .select((content_state::version, content_state::changed_at))
        .first(conn)?)
}

/// Tells every instance's page cache that content changed.
pub fn bump_content_version(conn: &mut DbConnection) -> Result<(), RepoError> {
    diesel::update(content_state::table.filter(content_state::id.eq(1)))
        .set((content_state::version.eq(content_state::version + 1), content_state::changed_at.eq(now())))
        .execute(conn)?;
    Ok(())
}

pub fn count_topics(conn: &mut DbConnection) -> Result<i64, RepoError> {
    Ok(topics::table.count().get_result(conn)?)
}

/// Picks the reader's language, else the default language, from translations keyed by language.
fn pick<'a, T>(by_lang: &'a HashMap<String, T>, lang: &str, default: &str) -> Option<(&'a str, &'a T)> {
    by_lang
        .get_key_value(lang)
        .or_else(|| by_lang.get_key_value(default))
        .or_else(|| by_lang.iter().min_by(|a, b| a.0.cmp(b.0)))
        .map(|(k, v)| (k.as_str(), v))
}

fn topic_views(
    conn: &mut DbConnection,
    rows: Vec<TopicRow>,
    lang: &str,
    default: &str,
) -> Result<Vec<TopicView>, RepoError> {
    let ids: Vec<&str> = rows.iter().map(|t| t.id.as_str()).collect();
    let translations: Vec<TopicTranslationRow> = topic_translations::table
        .filter(topic_translations::topic_id.eq_any(&ids))
        .filter(topic_translations::lang.eq_any([lang, default]))
        .select(TopicTranslationRow::as_select())
        .load(conn)?;
    let mut by_topic: HashMap<&str, HashMap<String, &TopicTranslationRow>> = HashMap::new();
    for t in &translations {
        by_topic.entry(t.topic_id.as_str()).or_default().insert(t.lang.clone(), t);
    }
    Ok(rows
        .iter()
        .map(|row| {
            let found = by_topic.get(row.id.as_str()).and_then(|m| pick(m, lang, default));
            TopicView {
                id: row.id.clone(),
                slug: row.slug.clone(),
                title: found.map_or_else(|| row.slug.clone(), |(_, t)| t.title.clone()),
                summary: found.map(|(_, t)| t.summary.clone()).unwrap_or_default(),
                lang: found.map_or_else(|| default.to_owned(), |(l, _)| l.to_owned()),
            }
        })
        .collect())
}

pub fn list_topics(conn: &mut DbConnection, lang: &str, default: &str) -> Result<Vec<TopicView>, RepoError> {
    let rows = topics::table.order((topics::position, topics::slug)).select(TopicRow::as_select()).load(conn)?;
    topic_views(conn, rows, lang, default)
}

pub fn topic_by_slug(conn: &mut DbConnection, slug: &str, lang: &str, default: &str) -> Result<TopicView, RepoError> {
    let row = topics::table.filter(topics::slug.eq(slug)).select(TopicRow::as_select()).first(conn)?;
    topic_views(conn, vec![row], lang, default)?.pop().ok_or(RepoError::NotFound)
}

/// Published guides with their best translation for `lang`, in list order.
fn guide_items(
    conn: &mut DbConnection,
    guide_rows: Vec<(GuideRow, String)>,
    lang: &str,
    default: &str,
) -> Result<Vec<GuideListItem>, RepoError> {
    let ids: Vec<&str> = guide_rows.iter().map(|(g, _)| g.id.as_str()).collect();
    let translations: Vec<GuideTranslationRow> = guide_translations::table
        .filter(guide_translations::guide_id.eq_any(&ids))
        .filter(guide_translations::lang.eq_any([lang, default]))
        .select(GuideTranslationRow::as_select())
        .load(conn)?;
    let mut by_guide: HashMap<&str, HashMap<String, &GuideTranslationRow>> = HashMap::new();
    for t in &translations {
        by_guide.entry(t.guide_id.as_str()).or_default().insert(t.lang.clone(), t);
    }
    Ok(guide_rows
        .iter()
        .filter_map(|(g, topic_slug)| {
            let (l, t) = by_guide.get(g.id.as_str()).and_then(|m| pick(m, lang, default))?;
            Some(GuideListItem {
                slug: g.slug.clone(),
                title: t.title.clone(),
                summary: t.summary.clone(),
                lang: l.to_owned(),
                major_updated_at: t.major_updated_at,
                change_note: t.change_note.clone(),
                topic_slug: topic_slug.clone(),
            })
        })
        .collect())
}

/// Published guides whose id is among those with a translation in `$lang` or `$default`:
/// the guides a list shows a reader of `$lang` (see `guide_items`).
macro_rules! listed_in {
    ($lang:expr, $default:expr) => {
        guides::id.eq_any(
            guide_translations::table
                .filter(guide_translations::lang.eq_any([$lang, $default]))
                .select(guide_translations::guide_id),
        )
    };
}

/// Every published guide of a topic, in list order (for staff pages; public pages are paged).
pub fn guides_in_topic(
    conn: &mut DbConnection,
    topic_id: &str,
    lang: &str,
    default: &str,
) -> Result<Vec<GuideListItem>, RepoError> {
    let rows: Vec<(GuideRow, String)> = guides::table
        .inner_join(topics::table)
        .filter(guides::topic_id.eq(topic_id))
        .filter(guides::published.eq(true))
        .order((guides::position, guides::slug))
        .select((GuideRow::as_select(), topics::slug))
        .load(conn)?;
    guide_items(conn, rows, lang, default)
}

/// How many guides of a topic a reader of `lang` sees listed.
pub fn count_guides_in_topic(
    conn: &mut DbConnection,
    topic_id: &str,
    lang: &str,
    default: &str,
) -> Result<i64, RepoError> {
    Ok(guides::table
        .filter(guides::topic_id.eq(topic_id))
        .filter(guides::published.eq(true))
        .filter(listed_in!(lang, default))
        .count()
        .get_result(conn)?)
}

/// One page of a topic's guides in list order: at most `limit` after the first `offset`.
pub fn guides_in_topic_page(
    conn: &mut DbConnection,
    topic_id: &str,
    lang: &str,
    default: &str,
    offset: i64,
    limit: i64,
) -> Result<Vec<GuideListItem>, RepoError> {
    let rows: Vec<(GuideRow, String)> = guides::table
        .inner_join(topics::table)
        .filter(guides::topic_id.eq(topic_id))
        .filter(guides::published.eq(true))
        .filter(listed_in!(lang, default))
        .order((guides::position, guides::slug))
        .limit(limit)
        .offset(offset)
        .select((GuideRow::as_select(), topics::slug))
        .load(conn)?;
    guide_items(conn, rows, lang, default)
}

/// The guides of `guide`'s topic nearest to it in list order: at most `limit` before it
/// (nearest first) and at most `limit` after it (nearest first).
pub fn neighbours_in_topic(
    conn: &mut DbConnection,
    guide: &GuideRow,
    lang: &str,
    default: &str,
    limit: i64,
) -> Result<(Vec<GuideListItem>, Vec<GuideListItem>), RepoError> {
    let before: Vec<(GuideRow, String)> = guides::table
        .inner_join(topics::table)
        .filter(guides::topic_id.eq(&guide.topic_id))
        .filter(guides::published.eq(true))
        .filter(listed_in!(lang, default))
        .filter(
            guides::position
                .lt(guide.position)
                .or(guides::position.eq(guide.position).and(guides::slug.lt(&guide.slug))),
        )
        .order((guides::position.desc(), guides::slug.desc()))
        .limit(limit)
        .select((GuideRow::as_select(), topics::slug))
        .load(conn)?;
    let after: Vec<(GuideRow, String)> = guides::table
        .inner_join(topics::table)
        .filter(guides::topic_id.eq(&guide.topic_id))
        .filter(guides::published.eq(true))
        .filter(listed_in!(lang, default))
        .filter(
            guides::position
                .gt(guide.position)
                .or(guides::position.eq(guide.position).and(guides::slug.gt(&guide.slug))),
        )
        .order((guides::position, guides::slug))
        .limit(limit)
        .select((GuideRow::as_select(), topics::slug))
        .load(conn)?;
    Ok((guide_items(conn, before, lang, default)?, guide_items(conn, after, lang, default)?))
}

type ListColumns = (String, String, String, String, PrimitiveDateTime, String, String);

/// What a guide list reads of each guide (see [`ListColumns`]).
const LIST_SELECTION: (
    guides::slug,
    guide_translations::title,
    guide_translations::summary,
    guide_translations::lang,
    guide_translations::major_updated_at,
    guide_translations::change_note,
    topics::slug,
) = (
    guides::slug,
    guide_translations::title,
    guide_translations::summary,
    guide_translations::lang,
    guide_translations::major_updated_at,
    guide_translations::change_note,
    topics::slug,
);

fn list_item((slug, title, summary, lang, major_updated_at, change_note, topic_slug): ListColumns) -> GuideListItem {
    GuideListItem { slug, title, summary, lang, major_updated_at, change_note, topic_slug }
}

/// The `limit` latest major changes of published guides written in `lang` itself.
pub fn latest_in_language(conn: &mut DbConnection, lang: &str, limit: i64) -> Result<Vec<GuideListItem>, RepoError> {
    let rows: Vec<ListColumns> = guide_translations::table
        .inner_join(guides::table.inner_join(topics::table))
        .filter(guides::published.eq(true))
        .filter(guide_translations::lang.eq(lang))
        .order((guide_translations::major_updated_at.desc(), guides::slug))
        .limit(limit)
        .select(LIST_SELECTION)
        .load(conn)?;
    Ok(rows.into_iter().map(list_item).collect())
}

/// The latest major changes visible in `lang`: its own translations, and the default
/// language's text of guides not translated into it. Two queries of at most `limit` rows.
pub fn recent_updates(
    conn: &mut DbConnection,
    lang: &str,
    default: &str,
    limit: usize,
) -> Result<Vec<GuideListItem>, RepoError> {
    let bound = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut items = latest_in_language(conn, lang, bound)?;
    if lang != default {
        // The same table in the subquery, under another name.
        let own = diesel::alias!(guide_translations as own);
        let translated =
            own.filter(own.field(guide_translations::lang).eq(lang)).select(own.field(guide_translations::guide_id));
        let rows: Vec<ListColumns> = guide_translations::table
            .inner_join(guides::table.inner_join(topics::table))
            .filter(guides::published.eq(true))
            .filter(guide_translations::lang.eq(default))
            .filter(guides::id.ne_all(translated))
            .order((guide_translations::major_updated_at.desc(), guides::slug))
            .limit(bound)
            .select(LIST_SELECTION)
            .load(conn)?;
        items.extend(rows.into_iter().map(list_item));
    }
    items.sort_by(|a, b| b.major_updated_at.cmp(&a.major_updated_at).then_with(|| a.slug.cmp(&b.slug)));
    items.truncate(limit);
    Ok(items)
}

/// A published guide for the public page, in `lang` or the default language.
pub fn guide_page(conn: &mut DbConnection, slug: &str, lang: &str, default: &str) -> Result<GuidePage, RepoError> {
    let guide: GuideRow = guides::table
        .filter(guides::slug.eq(slug))
        .filter(guides::published.eq(true))
        .select(GuideRow::as_select())
        .first(conn)?;
    let translations: Vec<GuideTranslationRow> = guide_translations::table
        .filter(guide_translations::guide_id.eq(&guide.id))
        .select(GuideTranslationRow::as_select())
        .load(conn)?;
    let mut languages: Vec<String> = translations.iter().map(|t| t.lang.clone()).collect();
    languages.sort();
    let by_lang: HashMap<String, GuideTranslationRow> = translations.into_iter().map(|t| (t.lang.clone(), t)).collect();
    let source_major = by_lang.get(default).map(|t| t.major_revision);
    let (_, translation) = pick(&by_lang, lang, default).ok_or(RepoError::NotFound)?;
    let translation = translation.clone();
    let outdated = translation.lang != default && source_major.is_some_and(|m| translation.based_on_major < m);
    let topic_row = topics::table.filter(topics::id.eq(&guide.topic_id)).select(TopicRow::as_select()).first(conn)?;
    let topic = topic_views(conn, vec![topic_row], lang, default)?.pop().ok_or(RepoError::NotFound)?;
    Ok(GuidePage { guide, topic, translation, languages, outdated })
}

/// A guide that was published and then withdrawn by an editor.
pub enum Withdrawn {
    /// Readers are told it is gone (410).
    Gone,
    /// Readers are sent to this published guide instead.
    ReplacedBy(String),
}

/// Whether a guide with this slug was published and then withdrawn, and what replaces it.
pub fn guide_withdrawn(conn: &mut DbConnection, slug: &str) -> Result<Option<Withdrawn>, RepoError> {
    let row: Option<Option<String>> = guides::table
        .filter(guides::slug.eq(slug))
        .filter(guides::published.eq(false))
        .filter(guides::withdrawn_at.is_not_null())
        .select(guides::replaced_by)
        .first(conn)
        .optional()?;
    let Some(replacement) = row else { return Ok(None) };
    if let Some(target) = replacement {
        let live: i64 = guides::table
            .filter(guides::slug.eq(&target))
            .filter(guides::published.eq(true))
            .count()
            .get_result(conn)?;
        if live > 0 {
            return Ok(Some(Withdrawn::ReplacedBy(target)));
        }
    }
    Ok(Some(Withdrawn::Gone))
}

/// How many guide pages the sitemap lists: the translations of published guides in `langs`.
pub fn count_sitemap_urls(conn: &mut DbConnection, langs: &[String]) -> Result<i64, RepoError> {
    Ok(guide_translations::table
        .inner_join(guides::table)
        .filter(guides::published.eq(true))
        .filter(guide_translations::lang.eq_any(langs))
        .count()
        .get_result(conn)?)
}

/// At most `limit` of the sitemap's guide pages after the first `offset`, in (slug,
/// language) order: slug, language and when that translation last changed.
pub fn sitemap_urls(
    conn: &mut DbConnection,
    langs: &[String],
    offset: i64,
    limit: i64,
) -> Result<Vec<(String, String, PrimitiveDateTime)>, RepoError> {
    Ok(guide_translations::table
        .inner_join(guides::table)
        .filter(guides::published.eq(true))
        .filter(guide_translations::lang.eq_any(langs))
        .order((guides::slug, guide_translations::lang))
        .limit(limit)
        .offset(offset)
        .select((guides::slug, guide_translations::lang, guide_translations::updated_at))
        .load(conn)?)
}

/// When the latest of the same pages as [`sitemap_urls`] changed (the dates only).
pub fn sitemap_lastmod(
    conn: &mut DbConnection,
    langs: &[String],
    offset: i64,
    limit: i64,
) -> Result<Option<PrimitiveDateTime>, RepoError> {
    let dates: Vec<PrimitiveDateTime> = guide_translations::table
        .inner_join(guides::table)
        .filter(guides::published.eq(true))
        .filter(guide_translations::lang.eq_any(langs))
        .order((guides::slug, guide_translations::lang))
        .limit(limit)
        .offset(offset)
        .select(guide_translations::updated_at)
        .load(conn)?;
    Ok(dates.into_iter().max())
}

/// The languages among `langs` each of these published guides is written in: (slug, language).
pub fn guide_languages(
    conn: &mut DbConnection,
    slugs: &[&str],
    langs: &[String],
) -> Result<Vec<(String, String)>, RepoError> {
    Ok(guide_translations::table
        .inner_join(guides::table)
        .filter(guides::published.eq(true))
        .filter(guides::slug.eq_any(slugs))
        .filter(guide_translations::lang.eq_any(langs))
        .order((guides::slug, guide_translations::lang))
        .select((guides::slug, guide_translations::lang))
        .load(conn)?)
}

/// Full-text search over published guides in `langs`, best first.
/// `terms` are already folded; each matches as a word prefix, all must match.
pub fn search(
    conn: &mut DbConnection,
    terms: &[String],
    langs: &[&str],
    limit: i64,
) -> Result<Vec<SearchHit>, RepoError> {
    use diesel::sql_types::{BigInt, Text};

    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Text)]
        guide_id: String,
        #[diesel(sql_type = Text)]
        lang: String,
    }

    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let lang_a = langs.first().copied().unwrap_or("en").to_owned();
    let lang_b = langs.get(1).copied().unwrap_or(&lang_a).to_owned();
    // Dialect difference: full-text search is FTS5 (MATCH, bm25) on SQLite and
    // tsvector/tsquery (@@, ts_rank) on PostgreSQL. Terms hold only letters and digits.
    let found: Vec<Found> = match conn {
        DbConnection::Sqlite(c) => {
            let query = terms.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" AND ");
            diesel::sql_query(
                "SELECT gt.guide_id AS guide_id, gt.lang AS lang FROM guide_search \
                 JOIN guide_translations gt ON gt.rowid = guide_search.rowid \
                 JOIN guides g ON g.id = gt.guide_id \
                 WHERE guide_search MATCH ? AND g.published AND gt.lang IN (?, ?) \
                 ORDER BY bm25(guide_search, 8.0, 1.0) LIMIT ?",
            )
            .bind::<Text, _>(query)
            .bind::<Text, _>(&lang_a)
            .bind::<Text, _>(&lang_b)
            .bind::<BigInt, _>(limit)
            .load(c)?
        }
        DbConnection::Postgres(c) => {
            let query = terms.iter().map(|t| format!("'{t}':*")).collect::<Vec<_>>().join(" & ");
            diesel::sql_query(
                "SELECT gt.guide_id AS guide_id, gt.lang AS lang FROM guide_translations gt \
                 JOIN guides g ON g.id = gt.guide_id, to_tsquery('simple', $1) q \
                 WHERE (setweight(to_tsvector('simple', gt.search_title), 'A') || setweight(to_tsvector('simple', gt.search_body), 'B')) @@ q \
                 AND g.published AND gt.lang IN ($2, $3) \
                 ORDER BY ts_rank(setweight(to_tsvector('simple', gt.search_title), 'A') || setweight(to_tsvector('simple', gt.search_body), 'B'), q) DESC, gt.guide_id \
                 LIMIT $4",
            )
            .bind::<Text, _>(query)
            .bind::<Text, _>(&lang_a)
            .bind::<Text, _>(&lang_b)
            .bind::<BigInt, _>(limit)
            .load(c)?
        }
    };
    // One hit per guide, in rank order, preferring the reader's language.
    let mut order: Vec<String> = Vec::new();
    let mut chosen: HashMap<String, String> = HashMap::new();
    for f in &found {
        match chosen.get(&f.guide_id) {
            None => {
                order.push(f.guide_id.clone());
                chosen.insert(f.guide_id.clone(), f.lang.clone());
            }
            Some(l) if *l != lang_a && f.lang == lang_a => {
                chosen.insert(f.guide_id.clone(), f.lang.clone());
            }
            _ => {}
        }
    }
    let mut hits = Vec::new();
    for guide_id in order {
        let Some(lang) = chosen.get(&guide_id) else { continue };
        let row: Option<(String, String, String, String)> = guide_translations::table
            .inner_join(guides::table)
            .filter(guide_translations::guide_id.eq(&guide_id))
            .filter(guide_translations::lang.eq(lang))
            .select((
                guides::slug,
                guide_translations::title,
                guide_translations::summary,
                guide_translations::plain_text,
            ))
            .first(conn)
            .optional()?;
        if let Some((slug, title, summary, plain_text)) = row {
            hits.push(SearchHit { slug, lang: lang.clone(), title, summary, plain_text });
        }
    }
    Ok(hits)
}

/// The AAD a feedback comment is sealed under: the comment belongs to this row.
pub(super) fn comment_aad(id: &str) -> String {
    format!("feedback.comment:{id}")
}

/// Stores a reader's answer; the comment only sealed.
pub fn add_feedback(
    conn: &mut DbConnection,
    vault: &Vault,
    guide_slug: &str,
    lang: &str,
    useful: bool,
    comment: Option<&str>,
) -> Result<(), RepoError> {
    let guide_id: String = guides::table
        .filter(guides::slug.eq(guide_slug))
        .filter(guides::published.eq(true))
        .select(guides::id)
        .first(conn)?;
    let id = new_id();
    let comment_enc = comment.map(|c| super::inquiries::seal(vault, c, comment_aad(&id))).transpose()?;
    diesel::insert_into(feedback::table)
        .values(FeedbackRow {
            id,
            guide_id,
            lang: lang.to_owned(),
            useful,
            comment: None,
            created_at: now(),
            comment_enc,
        })
        .execute(conn)?;
    Ok(())
}

/// Seals comments stored in clear by earlier versions and empties the clear column;
/// returns how many. Runs at start-up.
pub fn seal_clear_comments(conn: &mut DbConnection, vault: &Vault) -> Result<usize, RepoError> {
    crate::db::write_transaction(conn, |c| {
        let clear: Vec<(String, Option<String>)> = feedback::table
            .filter(feedback::comment.is_not_null())
            .select((feedback::id, feedback::comment))
            .load(c)?;
        for (id, comment) in &clear {
            let sealed = comment
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| super::inquiries::seal(vault, t, comment_aad(id)))
                .transpose()?;
            diesel::update(feedback::table.filter(feedback::id.eq(id)))
                .set((feedback::comment_enc.eq(sealed), feedback::comment.eq(None::<String>)))
                .execute(c)?;
        }
        Ok(clear.len())
    })
}

// ---- Writing content (import now, the editor later) ----

pub struct TopicInput {
    pub slug: String,
    pub position: i32,
    /// (lang, title, summary)
    pub translations: Vec<(String, String, String)>,
}

pub struct GuideInput {
    pub slug: String,
    pub topic_slug: String,
    pub position: i32,
    pub published: bool,
    pub review_by: Date,
}

/// A translation to save, with its rendered forms computed by the caller.
pub struct TranslationInput {
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub body_html: String,
    pub toc_json: String,
    pub plain_text: String,
    pub search_title: String,
    pub search_body: String,
    pub change_note: String,
    /// When the text last changed in substance (the public "last updated").
    pub major_updated_at: PrimitiveDateTime,
    pub author_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Created,
    Updated,
    Unchanged,
}

pub fn upsert_topic(conn: &mut DbConnection, input: &TopicInput) -> Result<Change, RepoError> {
    let at = now();
    let existing =
        topics::table.filter(topics::slug.eq(&input.slug)).select(TopicRow::as_select()).first(conn).optional()?;
    let (id, mut change) = match existing {
        None => {
            let id = new_id();
            diesel::insert_into(topics::table)
                .values(TopicRow {
                    id: id.clone(),
                    slug: input.slug.clone(),
                    position: input.position,
                    created_at: at,
                    updated_at: at,
                })
                .execute(conn)?;
            (id, Change::Created)
        }
        Some(row) => {
            let mut change = Change::Unchanged;
            if row.position != input.position {
                diesel::update(topics::table.filter(topics::id.eq(&row.id)))
                    .set((topics::position.eq(input.position), topics::updated_at.eq(at)))
                    .execute(conn)?;
                change = Change::Updated;
            }
            (row.id, change)
        }
    };
    for (lang, title, summary) in &input.translations {
        let current: Option<TopicTranslationRow> = topic_translations::table
            .filter(topic_translations::topic_id.eq(&id))
            .filter(topic_translations::lang.eq(lang))
            .select(TopicTranslationRow::as_select())
            .first(conn)
            .optional()?;
        match current {
            Some(c) if c.title == *title && c.summary == *summary => {}
            Some(_) => {
                diesel::update(
                    topic_translations::table
                        .filter(topic_translations::topic_id.eq(&id))
                        .filter(topic_translations::lang.eq(lang)),
                )
                .set((topic_translations::title.eq(title), topic_translations::summary.eq(summary)))
                .execute(conn)?;
                if change == Change::Unchanged {
                    change = Change::Updated;
                }
            }
            None => {
                diesel::insert_into(topic_translations::table)
                    .values(TopicTranslationRow {
                        topic_id: id.clone(),
                        lang: lang.clone(),
                        title: title.clone(),
                        summary: summary.clone(),
                    })
                    .execute(conn)?;
                if change == Change::Unchanged {
                    change = Change::Updated;
                }
            }
        }
    }
    Ok(change)
}

/// Creates or updates a guide's own settings; returns its id.
pub fn upsert_guide(conn: &mut DbConnection, input: &GuideInput) -> Result<(String, Change), RepoError> {
    let topic_id: String = topics::table.filter(topics::slug.eq(&input.topic_slug)).select(topics::id).first(conn)?;
    let existing =
        guides::table.filter(guides::slug.eq(&input.slug)).select(GuideRow::as_select()).first(conn).optional()?;
    let planned = plan_guide(existing.as_ref(), topic_id, input, now());
    match &planned.write {
        GuideWrite::None => {}
        GuideWrite::Insert(row) => {
            diesel::insert_into(guides::table).values(row).execute(conn)?;
        }
        GuideWrite::Update(row) => update_guide(conn, row)?,
    }
    Ok((planned.id, planned.change))
}

/// What saving a guide's settings writes.
enum GuideWrite {
    None,
    Insert(GuideRow),
    Update(GuideRow),
}

struct PlannedGuide {
    id: String,
    change: Change,
    write: GuideWrite,
}

/// Decides what saving `input` over `existing` does, without writing.
fn plan_guide(
    existing: Option<&GuideRow>,
    topic_id: String,
    input: &GuideInput,
    at: PrimitiveDateTime,
) -> PlannedGuide {
    match existing {
        None => {
            let id = new_id();
            let row = GuideRow {
                id: id.clone(),
                slug: input.slug.clone(),
                topic_id,
                position: input.position,
                published: input.published,
                review_by: input.review_by,
                created_at: at,
                updated_at: at,
                withdrawn_at: None,
                replaced_by: None,
            };
            PlannedGuide { id, change: Change::Created, write: GuideWrite::Insert(row) }
        }
        Some(row) => {
            let same = row.topic_id == topic_id
                && row.position == input.position
                && row.published == input.published
                && row.review_by == input.review_by;
            if same {
                return PlannedGuide { id: row.id.clone(), change: Change::Unchanged, write: GuideWrite::None };
            }
            let changed = GuideRow {
                topic_id,
                position: input.position,
                published: input.published,
                review_by: input.review_by,
                updated_at: at,
                ..row.clone()
            };
            PlannedGuide { id: row.id.clone(), change: Change::Updated, write: GuideWrite::Update(changed) }
        }
    }
}

fn update_guide(conn: &mut DbConnection, row: &GuideRow) -> Result<(), RepoError> {
    diesel::update(guides::table.filter(guides::id.eq(&row.id)))
        .set((
            guides::topic_id.eq(&row.topic_id),
            guides::position.eq(row.position),
            guides::published.eq(row.published),
            guides::review_by.eq(row.review_by),
            guides::updated_at.eq(row.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn translation(
    conn: &mut DbConnection,
    guide_id: &str,
    lang: &str,
) -> Result<Option<GuideTranslationRow>, RepoError> {
    Ok(guide_translations::table
        .filter(guide_translations::guide_id.eq(guide_id))
        .filter(guide_translations::lang.eq(lang))
        .select(GuideTranslationRow::as_select())
        .first(conn)
        .optional()?)
}

/// What deciding about a stored translation needs: its text and revision counters,
/// not its rendered forms (an import of thousands keeps only these in memory).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = guide_translations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TranslationState {
    pub id: String,
    pub guide_id: String,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub change_note: String,
    pub major_updated_at: PrimitiveDateTime,
    pub revision: i32,
    pub major_revision: i32,
    pub based_on_major: i32,
}

impl From<&GuideTranslationRow> for TranslationState {
    fn from(r: &GuideTranslationRow) -> Self {
        TranslationState {
            id: r.id.clone(),
            guide_id: r.guide_id.clone(),
            lang: r.lang.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            body_md: r.body_md.clone(),
            change_note: r.change_note.clone(),
            major_updated_at: r.major_updated_at,
            revision: r.revision,
            major_revision: r.major_revision,
            based_on_major: r.based_on_major,
        }
    }
}

fn translation_state(
    conn: &mut DbConnection,
    guide_id: &str,
    lang: &str,
) -> Result<Option<TranslationState>, RepoError> {
    Ok(guide_translations::table
        .filter(guide_translations::guide_id.eq(guide_id))
        .filter(guide_translations::lang.eq(lang))
        .select(TranslationState::as_select())
        .first(conn)
        .optional()?)
}

/// A translation save decided in memory: the row to store, its revision, and whether the row is new.
struct PlannedTranslation {
    row: GuideTranslationRow,
    revision: GuideRevisionRow,
    created: bool,
}

/// Decides what `save_translation` writes over `existing`; `None` when nothing changes.
fn plan_translation(
    existing: Option<&TranslationState>,
    guide_id: &str,
    input: &TranslationInput,
    major: bool,
    default_lang: &str,
    based_on_major: i32,
    at: PrimitiveDateTime,
) -> Option<PlannedTranslation> {
    if let Some(e) = existing {
        let same_text = e.title == input.title && e.summary == input.summary && e.body_md == input.body_md;
        let same_note = !major || (e.change_note == input.change_note && e.major_updated_at == input.major_updated_at);
        let same_basis = input.lang == default_lang || e.based_on_major == based_on_major;
        if same_text && same_note && same_basis {
            return None;
        }
    }
    let major = major || existing.is_none();
    let revision = existing.map_or(1, |e| e.revision + 1);
    let major_revision = match existing {
        None => 1,
        Some(e) if major => e.major_revision + 1,
        Some(e) => e.major_revision,
    };
    let based_on_major = if input.lang == default_lang { major_revision } else { based_on_major };
    let (change_note, major_updated_at) = match existing {
        Some(e) if !major => (e.change_note.clone(), e.major_updated_at),
        _ => (input.change_note.clone(), input.major_updated_at),
    };
    let row = GuideTranslationRow {
        id: existing.map_or_else(new_id, |e| e.id.clone()),
        guide_id: guide_id.to_owned(),
        lang: input.lang.clone(),
        title: input.title.clone(),
        summary: input.summary.clone(),
        body_md: input.body_md.clone(),
        body_html: input.body_html.clone(),
        toc_json: input.toc_json.clone(),
        plain_text: input.plain_text.clone(),
        search_title: input.search_title.clone(),
        search_body: input.search_body.clone(),
        change_note,
        major_updated_at,
        updated_at: at,
        revision,
        major_revision,
        based_on_major,
    };
    let revision = GuideRevisionRow {
        id: new_id(),
        guide_id: guide_id.to_owned(),
        lang: input.lang.clone(),
        revision,
        title: input.title.clone(),
        summary: input.summary.clone(),
        body_md: input.body_md.clone(),
        change_note: if major { input.change_note.clone() } else { String::new() },
        major,
        author_id: input.author_id.clone(),
        created_at: at,
    };
    Some(PlannedTranslation { row, revision, created: existing.is_none() })
}

/// Saves a translation as a new revision. A `major` change publishes its change note
/// and, in the default language, makes the other languages outdated; a minor one does neither.
/// `based_on_major`: for a non-default language, the default text's major revision this
/// translation follows (ignored for the default language).
pub fn save_translation(
    conn: &mut DbConnection,
    guide_id: &str,
    input: &TranslationInput,
    major: bool,
    default_lang: &str,
    based_on_major: i32,
) -> Result<Change, RepoError> {
    let existing = translation_state(conn, guide_id, &input.lang)?;
    let Some(planned) =
        plan_translation(existing.as_ref(), guide_id, input, major, default_lang, based_on_major, now())
    else {
        return Ok(Change::Unchanged);
    };
    if planned.created {
        diesel::insert_into(guide_translations::table).values(&planned.row).execute(conn)?;
    } else {
        diesel::update(guide_translations::table.filter(guide_translations::id.eq(&planned.row.id)))
            .set(&planned.row)
            .execute(conn)?;
    }
    diesel::insert_into(guide_revisions::table).values(&planned.revision).execute(conn)?;
    Ok(if planned.created { Change::Created } else { Change::Updated })
}

/// Columns of the rows a content import inserts (for the bind-parameter limits).
const GUIDE_COLUMNS: usize = 10;
const TRANSLATION_COLUMNS: usize = 17;
const REVISION_COLUMNS: usize = 11;
/// Translations an import keeps in memory before writing them (a bound on its memory).
const IMPORT_BATCH: usize = 1_000;

/// A whole-site content import inside one transaction: the stored guides and translations
/// are read once, every decision is made in memory, and the writes go out as multi-row
/// inserts of up to `IMPORT_BATCH` translations (updates of existing rows one by one).
pub struct ImportPlan {
    topic_ids: HashMap<String, String>,
    guides: HashMap<String, GuideRow>,
    translations: HashMap<(String, String), TranslationState>,
    at: PrimitiveDateTime,
    new_guides: Vec<GuideRow>,
    changed_guides: Vec<GuideRow>,
    new_translations: Vec<GuideTranslationRow>,
    changed_translations: Vec<GuideTranslationRow>,
    revisions: Vec<GuideRevisionRow>,
}

impl ImportPlan {
    /// Reads what is stored (call after the topics are saved).
    pub fn load(conn: &mut DbConnection) -> Result<ImportPlan, RepoError> {
        let topic_ids = topics::table.select((topics::slug, topics::id)).load::<(String, String)>(conn)?;
        let guides = guides::table.select(GuideRow::as_select()).load(conn)?;
        let translations = guide_translations::table.select(TranslationState::as_select()).load(conn)?;
        Ok(ImportPlan {
            topic_ids: topic_ids.into_iter().collect(),
            guides: guides.into_iter().map(|g| (g.slug.clone(), g)).collect(),
            translations: translations.into_iter().map(|t| ((t.guide_id.clone(), t.lang.clone()), t)).collect(),
            at: now(),
            new_guides: Vec::new(),
            changed_guides: Vec::new(),
            new_translations: Vec::new(),
            changed_translations: Vec::new(),
            revisions: Vec::new(),
        })
    }

    /// As `upsert_guide`, in memory; returns the guide's id.
    pub fn guide(&mut self, input: &GuideInput) -> Result<(String, Change), RepoError> {
        let topic_id = self.topic_ids.get(&input.topic_slug).cloned().ok_or(RepoError::NotFound)?;
        let planned = plan_guide(self.guides.get(&input.slug), topic_id, input, self.at);
        match planned.write {
            GuideWrite::None => {}
            GuideWrite::Insert(row) => {
                self.guides.insert(row.slug.clone(), row.clone());
                self.new_guides.push(row);
            }
            GuideWrite::Update(row) => {
                self.guides.insert(row.slug.clone(), row.clone());
                self.changed_guides.push(row);
            }
        }
        Ok((planned.id, planned.change))
    }

    /// The stored (or already planned) state of a translation.
    pub fn translation(&self, guide_id: &str, lang: &str) -> Option<&TranslationState> {
        self.translations.get(&(guide_id.to_owned(), lang.to_owned()))
    }

    /// As `save_translation`, in memory; writes out a batch when enough are pending.
    pub fn save_translation(
        &mut self,
        conn: &mut DbConnection,
        guide_id: &str,
        input: &TranslationInput,
        major: bool,
        default_lang: &str,
        based_on_major: i32,
    ) -> Result<Change, RepoError> {
        let existing = self.translation(guide_id, &input.lang);
        let Some(planned) = plan_translation(existing, guide_id, input, major, default_lang, based_on_major, self.at)
        else {
            return Ok(Change::Unchanged);
        };
        self.translations.insert((guide_id.to_owned(), input.lang.clone()), TranslationState::from(&planned.row));
        self.revisions.push(planned.revision);
        let change = if planned.created {
            self.new_translations.push(planned.row);
            Change::Created
        } else {
            self.changed_translations.push(planned.row);
            Change::Updated
        };
        if self.new_translations.len() + self.changed_translations.len() >= IMPORT_BATCH {
            self.flush(conn)?;
        }
        Ok(change)
    }

    /// Writes everything pending: guides first (translations refer to them).
    pub fn flush(&mut self, conn: &mut DbConnection) -> Result<(), RepoError> {
        insert_all!(conn, guides::table, &self.new_guides, GUIDE_COLUMNS);
        self.new_guides.clear();
        for row in std::mem::take(&mut self.changed_guides) {
            update_guide(conn, &row)?;
        }
        insert_all!(conn, guide_translations::table, &self.new_translations, TRANSLATION_COLUMNS);
        self.new_translations.clear();
        for row in std::mem::take(&mut self.changed_translations) {
            diesel::update(guide_translations::table.filter(guide_translations::id.eq(&row.id)))
                .set(&row)
                .execute(conn)?;
        }
        insert_all!(conn, guide_revisions::table, &self.revisions, REVISION_COLUMNS);
        self.revisions.clear();
        Ok(())
    }
}

/// Runs a content change in one write transaction, one at a time across instances,
/// and bumps the content version if anything changed.
pub fn in_content_transaction<T, E: From<RepoError>>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<(T, bool), E>,
) -> Result<T, E> {
    crate::db::write_transaction_with(conn, |c| {
        crate::db::lock_content(c)?;
        let (value, changed) = f(c)?;
        if changed {
            bump_content_version(c)?;
        }
        Ok(value)
    })
}

/// Everything needed to write the content back out as files.
pub struct ExportGuide {
    pub guide: GuideRow,
    pub topic_slug: String,
    pub translations: Vec<GuideTranslationRow>,
}

pub struct ExportTopic {
    pub topic: TopicRow,
    pub translations: Vec<TopicTranslationRow>,
}

pub fn export_all(conn: &mut DbConnection) -> Result<(Vec<ExportTopic>, Vec<ExportGuide>), RepoError> {
    let topic_rows = topics::table.order(topics::slug).select(TopicRow::as_select()).load(conn)?;
    let mut topics_out = Vec::new();
    let mut slug_of: HashMap<String, String> = HashMap::new();
    for topic in topic_rows {
        let translations = topic_translations::table
            .filter(topic_translations::topic_id.eq(&topic.id))
            .order(topic_translations::lang)
            .select(TopicTranslationRow::as_select())
            .load(conn)?;
        slug_of.insert(topic.id.clone(), topic.slug.clone());
        topics_out.push(ExportTopic { topic, translations });
    }
    let guide_rows = guides::table.order(guides::slug).select(GuideRow::as_select()).load(conn)?;
    let mut guides_out = Vec::new();
    for guide in guide_rows {
        let translations = guide_translations::table
            .filter(guide_translations::guide_id.eq(&guide.id))
            .order(guide_translations::lang)
            .select(GuideTranslationRow::as_select())
            .load(conn)?;
        let topic_slug = slug_of.get(&guide.topic_id).cloned().unwrap_or_default();
        guides_out.push(ExportGuide { guide, topic_slug, translations });
    }
    Ok((topics_out, guides_out))
}
