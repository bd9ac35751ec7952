//! The reads behind the public pages: home, topics, guides, search, the services finder
//! and service pages, the feed and the sitemap, and the page cache's content-version check.

use std::collections::HashMap;

use time::PrimitiveDateTime;

use crate::app::App;
use crate::db::RepoError;
use crate::db::repo::content::{self as repo, Withdrawn};
use crate::db::repo::{directory, editor};
use crate::domain::paging;
use crate::domain::{Lang, Slug};
use crate::error::AppError;

pub use crate::db::repo::content::{GuideListItem, GuidePage, SearchHit, TopicView};
pub use crate::db::repo::directory::{RegionView, ServiceFilter, ServiceView};

fn langs(app: &App, lang: &Lang) -> (String, String) {
    (lang.to_string(), app.settings().default_language.to_string())
}

/// Looks at the database's content version when it is time to (at most once a second) and
/// lets the page cache drop its pages when the content changed.
#[tracing::instrument(skip_all)]
pub async fn check_content_version(app: &App) {
    if !app.cache.due_for_check() {
        return;
    }
    match app.db.run(repo::content_version).await {
        Ok((version, _)) => app.cache.observe_version(version),
        // Serving a slightly old page beats failing; the next request checks again.
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the content version");
            app.cache.invalidate();
        }
    }
}

/// What the home page lists: every topic and the five latest major updates.
pub struct Home {
    pub topics: Vec<TopicView>,
    pub updates: Vec<GuideListItem>,
}

#[tracing::instrument(skip_all)]
pub async fn home(app: &App, lang: &Lang) -> Result<Home, AppError> {
    let (l, d) = langs(app, lang);
    let (topics, updates) =
        app.db.run(move |c| Ok((repo::list_topics(c, &l, &d)?, repo::recent_updates(c, &l, &d, 5)?))).await?;
    Ok(Home { topics, updates })
}

/// How many guides a topic page lists.
pub const TOPIC_PAGE_SIZE: u32 = 20;

/// How many other guides of its topic a guide page lists at most.
pub const RELATED_GUIDES: usize = 8;

/// How many entries the Atom feed of a language carries.
pub const FEED_ENTRIES: i64 = 20;

/// One page of a topic's guides.
pub struct TopicPage {
    pub topic: TopicView,
    pub guides: Vec<GuideListItem>,
    /// This page (from 1) and how many there are (at least 1).
    pub page: u32,
    pub pages: u32,
}

/// Page `page` of a topic's guides ([`TOPIC_PAGE_SIZE`] a page); `NotFound` for an unknown
/// slug or a page past the last (so only pages that exist are ever rendered and cached).
#[tracing::instrument(skip_all, fields(topic = %slug, page))]
pub async fn topic(app: &App, lang: &Lang, slug: &Slug, page: u32) -> Result<TopicPage, AppError> {
    let (l, d, s) = (lang.to_string(), app.settings().default_language.to_string(), slug.to_string());
    Ok(app
        .db
        .run(move |c| {
            let topic = repo::topic_by_slug(c, &s, &l, &d)?;
            let total = u64::try_from(repo::count_guides_in_topic(c, &topic.id, &l, &d)?).unwrap_or(0);
            let (offset, limit) = paging::page_rows(page, TOPIC_PAGE_SIZE, total).ok_or(RepoError::NotFound)?;
            let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(0));
            let guides = repo::guides_in_topic_page(c, &topic.id, &l, &d, offset, limit)?;
            Ok(TopicPage { topic, guides, page, pages: paging::page_count(total, TOPIC_PAGE_SIZE) })
        })
        .await?)
}

/// A published guide with what its page shows around it.
pub struct Guide {
    pub page: GuidePage,
    /// At most [`RELATED_GUIDES`] other guides of its topic, the nearest in the topic's order.
    pub related: Vec<GuideListItem>,
    /// Whether the topic has more guides than these (the page then links to the topic).
    pub more_in_topic: bool,
    /// The services for the guide's topic.
    pub help: Vec<ServiceView>,
}

/// What a guide's address leads to.
pub enum GuideFound {
    Published(Box<Guide>),
    /// Withdrawn without a replacement.
    Gone,
    /// Withdrawn in favour of the guide with this slug.
    ReplacedBy(String),
}

/// The guide behind a slug; `NotFound` when there never was one.
#[tracing::instrument(skip_all, fields(guide = %slug))]
pub async fn guide(app: &App, lang: &Lang, slug: &Slug) -> Result<GuideFound, AppError> {
    let (l, d, s) = (lang.to_string(), app.settings().default_language.to_string(), slug.to_string());
    Ok(app
        .db
        .run(move |c| {
            let page = match repo::guide_page(c, &s, &l, &d) {
                // Withdrawn after being published: say so (or send readers to its replacement).
                Err(RepoError::NotFound) => {
                    return match repo::guide_withdrawn(c, &s)? {
                        Some(Withdrawn::Gone) => Ok(GuideFound::Gone),
                        Some(Withdrawn::ReplacedBy(target)) => Ok(GuideFound::ReplacedBy(target)),
                        None => Err(RepoError::NotFound),
                    };
                }
                other => other?,
            };
            let limit = i64::try_from(RELATED_GUIDES).unwrap_or(i64::MAX);
            let (before, after) = repo::neighbours_in_topic(c, &page.guide, &l, &d, limit)?;
            let related = paging::nearest(before, after, RELATED_GUIDES);
            let in_topic = repo::count_guides_in_topic(c, &page.topic.id, &l, &d)?;
            let more_in_topic = usize::try_from(in_topic).unwrap_or(usize::MAX) > related.len() + 1;
            let filter = ServiceFilter { topic: Some(page.topic.slug.clone()), ..Default::default() };
            let help = directory::find(c, &filter, &l, &d)?;
            Ok(GuideFound::Published(Box::new(Guide { page, related, more_in_topic, help })))
        })
        .await?)
}

/// The title of a published guide in the reader's language (or the default one).
#[tracing::instrument(skip_all, fields(guide = %slug))]
pub async fn guide_title(app: &App, lang: &Lang, slug: &Slug) -> Result<String, AppError> {
    let (l, d, s) = (lang.to_string(), app.settings().default_language.to_string(), slug.to_string());
    let page = app.db.run(move |c| repo::guide_page(c, &s, &l, &d)).await?;
    Ok(page.translation.title)
}

/// What a search asked for: the folded terms searched, the query as typed (to remember a
/// vain search without what may identify someone) and the reader's address (only ever
/// hashed, to count different readers).
pub struct SearchRequest<'a> {
    pub terms: &'a [String],
    pub typed: &'a str,
    pub reader: Option<std::net::IpAddr>,
}

/// A vain search is shown to editors once this many different readers made it (each
/// counted once a day), so one person's search never shows on its own.
pub const MISS_MIN_READERS: i64 = 3;

/// At most 50 guides matching every term, in the reader's or the default language. A search
/// without results is counted for editors: its terms without digits or addresses, sealed,
/// and a keyed hash of the reader's address and the day (never the address).
#[tracing::instrument(skip_all)]
pub async fn search(app: &App, lang: &Lang, request: &SearchRequest<'_>) -> Result<Vec<SearchHit>, AppError> {
    let (l, d) = langs(app, lang);
    let t = request.terms.to_vec();
    let hits = app.db.run(move |c| repo::search(c, &t, &[&l, &d], 50)).await?;
    if hits.is_empty() {
        let kept = crate::domain::text::search_terms(
            lang.as_str(),
            &crate::domain::text::without_personal_data(request.typed),
            request.terms.len(),
        );
        if !kept.is_empty()
            && let Err(e) = count_miss(app, lang, &kept.join(" "), request.reader).await
        {
            tracing::warn!(error = %e, "could not count a search without results");
        }
    }
    Ok(hits)
}

async fn count_miss(app: &App, lang: &Lang, terms: &str, reader: Option<std::net::IpAddr>) -> Result<(), RepoError> {
    use crate::crypto::receipt::fingerprint;
    let id = fingerprint(&app.key, "search-miss", format!("{lang}|{terms}").as_bytes());
    let day = crate::db::repo::now().date();
    let reader = reader.map(|ip| fingerprint(&app.key, "search-reader", format!("{day}|{ip}|{id}").as_bytes()));
    let (vault, lang, terms) = (app.vault.clone(), lang.to_string(), terms.to_owned());
    app.db
        .run(move |c| {
            let miss = editor::Miss { id: &id, lang: &lang, terms: &terms, reader: reader.as_deref() };
            editor::record_search_miss(c, &vault, &miss)
        })
        .await
}

/// The regions and topics the services finder offers.
#[tracing::instrument(skip_all)]
pub async fn finder_choices(app: &App, lang: &Lang) -> Result<(Vec<RegionView>, Vec<TopicView>), AppError> {
    let (l, d) = langs(app, lang);
    Ok(app.db.run(move |c| Ok((directory::regions_in(c, &l, &d)?, repo::list_topics(c, &l, &d)?))).await?)
}

/// The published services that match the filter.
#[tracing::instrument(skip_all)]
pub async fn find_services(app: &App, lang: &Lang, filter: ServiceFilter) -> Result<Vec<ServiceView>, AppError> {
    let (l, d) = langs(app, lang);
    Ok(app.db.run(move |c| directory::find(c, &filter, &l, &d)).await?)
}

/// A published service and every topic (to name the service's own); `NotFound` otherwise.
#[tracing::instrument(skip_all, fields(service = %slug))]
pub async fn service(app: &App, lang: &Lang, slug: &Slug) -> Result<(ServiceView, Vec<TopicView>), AppError> {
    let (l, d, s) = (lang.to_string(), app.settings().default_language.to_string(), slug.to_string());
    Ok(app.db.run(move |c| Ok((directory::by_slug(c, &s, &l, &d)?, repo::list_topics(c, &l, &d)?))).await?)
}

/// The feed's material: the [`FEED_ENTRIES`] latest major updates of guides written in
/// `lang`, and when the content last changed.
#[tracing::instrument(skip_all)]
pub async fn feed(app: &App, lang: &Lang) -> Result<(Vec<GuideListItem>, PrimitiveDateTime), AppError> {
    let l = lang.to_string();
    let (items, (_, changed_at)) =
        app.db.run(move |c| Ok((repo::latest_in_language(c, &l, FEED_ENTRIES)?, repo::content_version(c)?))).await?;
    Ok((items, changed_at))
}

/// The guide pages of one sitemap file, and the languages of their guides (for alternates).
pub struct SitemapPart {
    /// The languages whose home page this file lists (the home pages come first).
    pub homes: Vec<String>,
    /// Slug, language and last change of each guide page in the file.
    pub guides: Vec<(String, String, PrimitiveDateTime)>,
    /// For each guide in the file, every enabled language it is written in.
    pub languages: HashMap<String, Vec<String>>,
}

/// What `/sitemap.xml` is.
pub enum Sitemap {
    /// Every URL fits in one file.
    Single(SitemapPart),
    /// An index over `/sitemap-1.xml` … : when each file's pages last changed.
    Index(Vec<PrimitiveDateTime>),
}

/// Which of the sitemap's URLs a file holds: the home pages of `languages` (`homes` URLs)
/// come first, then the guide pages in (slug, language) order.
struct PartRows {
    homes: std::ops::Range<usize>,
    guide_offset: i64,
    guide_limit: i64,
}

fn part_rows(part: u32, per_file: u32, homes: usize, guide_urls: u64) -> Option<PartRows> {
    let home_urls = u64::try_from(homes).unwrap_or(u64::MAX);
    let (start, len) = paging::page_rows(part, per_file, home_urls.saturating_add(guide_urls))?;
    let end = start + len;
    let as_usize = |n: u64| usize::try_from(n.min(home_urls)).unwrap_or(homes);
    let guide_start = start.max(home_urls);
    Some(PartRows {
        homes: as_usize(start)..as_usize(end),
        guide_offset: i64::try_from(guide_start - home_urls).unwrap_or(i64::MAX),
        guide_limit: i64::try_from(end.saturating_sub(guide_start)).unwrap_or(0),
    })
}

fn enabled_languages(app: &App) -> Vec<String> {
    app.settings().languages.iter().map(ToString::to_string).collect()
}

fn read_part(c: &mut crate::db::DbConnection, langs: &[String], rows: &PartRows) -> Result<SitemapPart, RepoError> {
    let homes = langs.get(rows.homes.clone()).unwrap_or_default().to_vec();
    let guides = if rows.guide_limit > 0 {
        repo::sitemap_urls(c, langs, rows.guide_offset, rows.guide_limit)?
    } else {
        Vec::new()
    };
    let mut slugs: Vec<&str> = guides.iter().map(|(s, _, _)| s.as_str()).collect();
    slugs.dedup();
    let mut languages: HashMap<String, Vec<String>> = HashMap::new();
    for (slug, lang) in repo::guide_languages(c, &slugs, langs)? {
        languages.entry(slug).or_default().push(lang);
    }
    Ok(SitemapPart { homes, guides, languages })
}

/// (guide URLs, all URLs with the language homes) the sitemap holds.
fn sitemap_size(c: &mut crate::db::DbConnection, langs: &[String]) -> Result<(u64, u64), RepoError> {
    let guide_urls = u64::try_from(repo::count_sitemap_urls(c, langs)?).unwrap_or(0);
    Ok((guide_urls, u64::try_from(langs.len()).unwrap_or(0).saturating_add(guide_urls)))
}

/// `/sitemap.xml`: every URL when they fit in one file of `sitemap_urls_per_file`, else an
/// index over the files (one bounded query per file for its date).
#[tracing::instrument(skip_all)]
pub async fn sitemap(app: &App) -> Result<Sitemap, AppError> {
    let (langs, per_file) = (enabled_languages(app), app.settings().sitemap_urls_per_file);
    Ok(app
        .db
        .run(move |c| {
            let (guide_urls, total) = sitemap_size(c, &langs)?;
            let parts = paging::page_count(total, per_file);
            if parts == 1 {
                let rows = part_rows(1, per_file, langs.len(), guide_urls).ok_or(RepoError::NotFound)?;
                return Ok(Sitemap::Single(read_part(c, &langs, &rows)?));
            }
            let (_, changed_at) = repo::content_version(c)?;
            let mut dates = Vec::new();
            for part in 1..=parts {
                let rows = part_rows(part, per_file, langs.len(), guide_urls).ok_or(RepoError::NotFound)?;
                let latest = if rows.guide_limit > 0 {
                    repo::sitemap_lastmod(c, &langs, rows.guide_offset, rows.guide_limit)?
                } else {
                    None
                };
                dates.push(latest.unwrap_or(changed_at));
            }
            Ok(Sitemap::Index(dates))
        })
        .await?)
}

/// `/sitemap-{part}.xml` of the index; `NotFound` past the last file, and for every file
/// while the whole sitemap fits in `/sitemap.xml`.
#[tracing::instrument(skip_all, fields(part))]
pub async fn sitemap_part(app: &App, part: u32) -> Result<SitemapPart, AppError> {
    let (langs, per_file) = (enabled_languages(app), app.settings().sitemap_urls_per_file);
    Ok(app
        .db
        .run(move |c| {
            let (guide_urls, total) = sitemap_size(c, &langs)?;
            if paging::page_count(total, per_file) == 1 {
                return Err(RepoError::NotFound);
            }
            let rows = part_rows(part, per_file, langs.len(), guide_urls).ok_or(RepoError::NotFound)?;
            read_part(c, &langs, &rows)
        })
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn guide_file(title: &str, published: bool) -> String {
        format!(
            "+++\ntitle = \"{title}\"\nsummary = \"Summary of {title}\"\nupdated = \"2026-11-20\"\nchange_note = \"First\"\norder = 1\nreview_by = \"2027-01-01\"\npublished = {published}\n+++\n\n## Apply\n\nBring a photograph.\n"
        )
    }

    /// An app with one topic ("legal"), a published guide ("passports") and a draft.
    async fn app_with_content() -> testing::TestApp {
        let app = testing::app().await;
        let files = vec![
            (
                "legal/_topic.en.md".to_owned(),
                "+++\ntitle = \"Legal\"\nsummary = \"About law\"\norder = 1\n+++\n".to_owned(),
            ),
            ("legal/passports.en.md".to_owned(), guide_file("Passports", true)),
            ("legal/draft.en.md".to_owned(), guide_file("Secret draft", false)),
        ];
        app.db
            .run(move |c| {
                crate::content::files::import(c, &files, &lang("en"))
                    .map_err(|e| RepoError::Unexpected(format!("{e:?}")))
            })
            .await
            .unwrap_or_else(|e| panic!("import: {e}"));
        app
    }

    #[actix_rt::test]
    async fn published_guides_are_listed_and_drafts_are_not() -> Result<(), AppError> {
        let app = app_with_content().await;
        let home = home(&app, &lang("ru")).await?;
        assert_eq!(home.topics.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(), vec!["legal"]);
        assert_eq!(home.updates.iter().map(|g| g.slug.as_str()).collect::<Vec<_>>(), vec!["passports"]);
        let page = topic(&app, &lang("en"), &slug("legal"), 1).await?;
        assert_eq!((page.topic.title.as_str(), page.guides.len(), page.pages), ("Legal", 1, 1));
        assert!(matches!(super::topic(&app, &lang("en"), &slug("nothing"), 1).await, Err(AppError::NotFound)));
        assert!(matches!(super::topic(&app, &lang("en"), &slug("legal"), 2).await, Err(AppError::NotFound)));
        let (items, _) = feed(&app, &lang("en")).await?;
        assert_eq!(items.len(), 1);
        assert!(feed(&app, &lang("ru")).await?.0.is_empty(), "the feed lists texts written in its language");
        let Sitemap::Single(part) = sitemap(&app).await? else { panic!("a small sitemap is one file") };
        assert_eq!((part.homes.len(), part.guides.len()), (4, 1));
        assert!(matches!(sitemap_part(&app, 1).await, Err(AppError::NotFound)));
        Ok(())
    }

    #[test]
    fn sitemap_files_hold_the_home_pages_first_then_the_guide_pages() {
        let rows = |part| part_rows(part, 3, 4, 5).map(|r| (r.homes, r.guide_offset, r.guide_limit));
        assert_eq!(rows(1), Some((0..3, 0, 0)));
        assert_eq!(rows(2), Some((3..4, 0, 2)));
        assert_eq!(rows(3), Some((4..4, 2, 3)));
        assert_eq!(rows(4), None);
        assert_eq!(rows(0), None);
        let big = |part| part_rows(part, 1000, 4, 12_000).map(|r| (r.homes, r.guide_offset, r.guide_limit));
        assert_eq!(big(1), Some((0..4, 0, 996)));
        assert_eq!(big(2), Some((4..4, 996, 1000)));
        assert_eq!(big(13), Some((4..4, 11_996, 4)));
        assert_eq!(big(14), None);
    }

    #[actix_rt::test]
    async fn a_guide_is_found_by_slug_in_the_best_language() -> Result<(), AppError> {
        let app = app_with_content().await;
        let GuideFound::Published(guide) = guide(&app, &lang("hy"), &slug("passports")).await? else {
            panic!("not published")
        };
        assert_eq!(guide.page.translation.lang, "en", "falls back to the default language");
        assert!(guide.help.is_empty());
        assert_eq!(guide_title(&app, &lang("hy"), &slug("passports")).await?, "Passports");
        assert!(matches!(super::guide(&app, &lang("en"), &slug("draft")).await, Err(AppError::NotFound)));
        assert!(matches!(guide_title(&app, &lang("en"), &slug("draft")).await, Err(AppError::NotFound)));
        Ok(())
    }

    #[actix_rt::test]
    async fn search_finds_published_text_only() -> Result<(), AppError> {
        let app = app_with_content().await;
        let ask = |word: &str| [word.to_owned()];
        let terms = ask("photograph");
        let hits =
            search(&app, &lang("en"), &SearchRequest { terms: &terms, typed: "photograph", reader: None }).await?;
        assert_eq!(hits.iter().map(|h| h.slug.as_str()).collect::<Vec<_>>(), vec!["passports"]);
        let terms = ask("secret");
        let request = SearchRequest { terms: &terms, typed: "secret", reader: None };
        assert!(search(&app, &lang("en"), &request).await?.is_empty());
        Ok(())
    }

    #[actix_rt::test]
    async fn the_finder_offers_the_topics_and_unknown_services_are_not_found() -> Result<(), AppError> {
        let app = app_with_content().await;
        let (_, topics) = finder_choices(&app, &lang("en")).await?;
        assert_eq!(topics.len(), 1);
        let filter = ServiceFilter { topic: Some("legal".into()), ..Default::default() };
        assert!(find_services(&app, &lang("en"), filter).await?.is_empty());
        assert!(matches!(service(&app, &lang("en"), &slug("nowhere")).await, Err(AppError::NotFound)));
        Ok(())
    }

    #[actix_rt::test]
    async fn a_content_change_empties_the_page_cache_at_the_next_check() -> Result<(), AppError> {
        let app = app_with_content().await;
        check_content_version(&app).await;
        app.cache.put("en|/".into(), crate::content::cache::CachedPage::new("old".into(), "text/html"));
        app.cache.check_on_next_request();
        check_content_version(&app).await;
        assert!(app.cache.get("en|/").is_some(), "the same version keeps pages");
        app.db.run(repo::bump_content_version).await?;
        app.cache.check_on_next_request();
        check_content_version(&app).await;
        assert!(app.cache.get("en|/").is_none(), "a new version drops them");
        Ok(())
    }
}
