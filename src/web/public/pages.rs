//! Home, topic, guide, privacy and search pages.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{PathLang, cached, html_page};
use crate::app::guidance::{self, GuideFound, GuideListItem};
use crate::content::markdown::TocEntry;
use crate::content::search::{SnippetPart, snippet};
use crate::crypto::form_token;
use crate::domain::paging::{self, PagerItem};
use crate::domain::text::search_terms;
use crate::domain::{Lang, Slug};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::{AppState, client_ip, render};

pub struct Crumb {
    pub href: String,
    pub title: String,
}

/// A guide (or topic) in a list, with its language marked when it is not the page's.
pub struct ListItem {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub lang: Option<String>,
    pub date: String,
    pub note: String,
}

fn other_lang(item: &str, page: &Lang) -> Option<String> {
    (item != page.as_str()).then(|| item.to_owned())
}

fn date_of(tr: &Translator, at: time::PrimitiveDateTime) -> String {
    tr.date(at.date())
}

fn list_items(lang: &Lang, items: &[GuideListItem], tr: &Translator, with_dates: bool) -> Vec<ListItem> {
    items
        .iter()
        .map(|g| ListItem {
            href: format!("/{lang}/guides/{}", g.slug),
            title: g.title.clone(),
            summary: g.summary.clone(),
            lang: other_lang(&g.lang, lang),
            date: if with_dates { date_of(tr, g.major_updated_at) } else { String::new() },
            note: if with_dates { g.change_note.clone() } else { String::new() },
        })
        .collect()
}

fn home_crumb(ctx: &PageContext) -> Crumb {
    Crumb { href: ctx.home_href.clone(), title: ctx.t("nav-home") }
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct HomePage {
    ctx: PageContext,
    topics: Vec<ListItem>,
    items: Vec<ListItem>,
    query: String,
}

pub async fn home(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    cached(&state, &req, format!("{lang}|/"), || async {
        let guidance::Home { topics, updates } = guidance::home(&state, &lang).await?;
        let ctx = PageContext::public(&state, &lang, "/");
        let topics = topics
            .iter()
            .map(|t| ListItem {
                href: format!("/{lang}/topics/{}", t.slug),
                title: t.title.clone(),
                summary: t.summary.clone(),
                lang: other_lang(&t.lang, &lang),
                date: String::new(),
                note: String::new(),
            })
            .collect();
        let items = list_items(&lang, &updates, &ctx.tr, true);
        html_page(&HomePage { ctx, topics, items, query: String::new() })
    })
    .await
}

/// One link of a numbered pager: a page number, or an ellipsis for left-out numbers.
pub struct PagerEntry {
    pub number: u32,
    pub href: String,
    /// "Page 3", for screen readers.
    pub label: String,
    pub current: bool,
    pub gap: bool,
}

/// GOV.UK-style pagination: previous and next links and the page numbers around this one.
pub struct Pager {
    pub label: String,
    pub previous: Option<(String, String)>,
    pub next: Option<(String, String)>,
    pub entries: Vec<PagerEntry>,
}

impl Pager {
    /// The pager for page `page` of `pages` at `base` (page 1 is `base` itself, without `?page`).
    fn new(ctx: &PageContext, base: &str, page: u32, pages: u32) -> Pager {
        let href = |n: u32| if n <= 1 { base.to_owned() } else { format!("{base}?page={n}") };
        let entries = paging::pager_items(page, pages)
            .into_iter()
            .map(|item| match item {
                PagerItem::Page(n) => PagerEntry {
                    number: n,
                    href: href(n),
                    label: ctx.t_args("pagination-page", "page", &n.to_string()),
                    current: n == page,
                    gap: false,
                },
                PagerItem::Gap => {
                    PagerEntry { number: 0, href: String::new(), label: String::new(), current: false, gap: true }
                }
            })
            .collect();
        Pager {
            label: ctx.t("pagination-label"),
            previous: (page > 1).then(|| (href(page - 1), ctx.t("pagination-previous"))),
            next: (page < pages).then(|| (href(page + 1), ctx.t("pagination-next"))),
            entries,
        }
    }
}

#[derive(Template)]
#[template(path = "public/topic.html")]
struct TopicPage {
    ctx: PageContext,
    crumbs: Vec<Crumb>,
    /// The page's title: the topic's, with the page number after the first page.
    page_title: String,
    title: String,
    summary: String,
    content_lang: Option<String>,
    items: Vec<ListItem>,
    canonical: String,
    pager: Option<Pager>,
}

/// `?page=N` of a paged list: none is page 1; `?page=1` is sent to the address without it
/// (one address per page); anything but one plain page number is no page at all.
fn page_param(req: &HttpRequest, canonical: &str) -> Result<u32, AppError> {
    let mut found = None;
    for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        if key == "page" {
            if found.is_some() {
                return Err(AppError::NotFound);
            }
            found = Some(paging::parse_page_number(&value).ok_or(AppError::NotFound)?);
        }
    }
    match found {
        None => Ok(1),
        Some(1) => Err(AppError::MovedTo(canonical.to_owned())),
        Some(n) => Ok(n),
    }
}

pub async fn topic(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let slug = Slug::parse(req.match_info().get("topic").unwrap_or("")).map_err(|_| AppError::NotFound)?;
    let base = format!("/{lang}/topics/{slug}");
    let page = page_param(&req, &base)?;
    // One cache entry per page; a page past the last is a 404, which is never cached.
    let rest = if page == 1 { format!("/topics/{slug}") } else { format!("/topics/{slug}?page={page}") };
    cached(&state, &req, format!("{lang}|{rest}"), || async {
        let guidance::TopicPage { topic, guides, page, pages } = guidance::topic(&state, &lang, &slug, page).await?;
        let ctx = PageContext::public(&state, &lang, &rest);
        let items = list_items(&lang, &guides, &ctx.tr, false);
        let page_title = if page > 1 {
            ctx.tr.t_args(
                "topic-page-title",
                &[("topic", &topic.title), ("page", &page.to_string()), ("pages", &pages.to_string())],
            )
        } else {
            topic.title.clone()
        };
        html_page(&TopicPage {
            crumbs: vec![home_crumb(&ctx)],
            page_title,
            title: topic.title,
            summary: topic.summary,
            content_lang: other_lang(&topic.lang, &lang),
            items,
            canonical: state.absolute(&format!("/{lang}{rest}")),
            pager: (pages > 1).then(|| Pager::new(&ctx, &base, page, pages)),
            ctx,
        })
    })
    .await
}

/// The "Was this page useful?" form, on the guide page and on its own after an error.
pub struct FeedbackForm {
    pub action: String,
    pub token: String,
    pub useful: String,
    pub comment: String,
    pub choice_error: Option<String>,
    pub comment_error: Option<String>,
    /// On a page of its own the form's heading is the page's h1.
    pub standalone: bool,
}

impl FeedbackForm {
    pub fn new(state: &AppState, lang: &Lang, slug: &str) -> FeedbackForm {
        // Dated by the page cache's clock: a cached page is never older than its limit.
        let now = state.cache.now_unix();
        FeedbackForm {
            action: format!("/{lang}/guides/{slug}/feedback"),
            token: form_token::issue(&state.key, &format!("feedback:{lang}:{slug}"), now),
            useful: String::new(),
            comment: String::new(),
            choice_error: None,
            comment_error: None,
            standalone: false,
        }
    }
}

#[derive(Template)]
#[template(path = "public/guide.html")]
struct GuidePageView {
    ctx: PageContext,
    crumbs: Vec<Crumb>,
    title: String,
    summary: String,
    content_lang: Option<String>,
    fallback_notice: Option<String>,
    outdated_notice: Option<String>,
    last_updated: String,
    change_note: String,
    what_changed: String,
    toc: Vec<TocEntry>,
    body_html: String,
    items: Vec<ListItem>,
    /// "See all guides in <topic>", when the topic has more than those listed.
    all_in_topic: Option<(String, String)>,
    feedback: FeedbackForm,
    topic_slug: String,
    /// "Where to get help": services for the guide's topic.
    help: Vec<super::services::ServiceItem>,
    help_more: usize,
}

/// How many services a guide page lists before linking to the finder.
const HELP_ON_GUIDE: usize = 4;

pub async fn guide(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let slug = Slug::parse(req.match_info().get("slug").unwrap_or("")).map_err(|_| AppError::NotFound)?;
    cached(&state, &req, format!("{lang}|/guides/{slug}"), || async {
        let guidance::Guide { page, related, more_in_topic, help } = match guidance::guide(&state, &lang, &slug).await?
        {
            GuideFound::Published(guide) => *guide,
            GuideFound::Gone => return Err(AppError::Gone),
            GuideFound::ReplacedBy(target) => return Err(AppError::MovedTo(format!("/{lang}/guides/{target}"))),
        };
        let mut ctx = PageContext::public(&state, &lang, &format!("/guides/{slug}"));
        // Alternates only for languages the guide is really written in.
        for alt in &mut ctx.alternates {
            alt.hreflang = page.languages.contains(&alt.lang);
        }
        let tr = ctx.tr.clone();
        let t = &page.translation;
        let shown_in =
            Translator::new(&Lang::parse(&t.lang).unwrap_or_else(|_| state.settings().default_language.clone()));
        let fallback_notice = (t.lang != lang.as_str())
            .then(|| tr.t_args("guide-fallback-notice", &[("language", &shown_in.language_name())]));
        let default_name = Translator::new(&state.settings().default_language).language_name();
        let outdated_notice = page.outdated.then(|| tr.t_args("guide-outdated-notice", &[("language", &default_name)]));
        let toc: Vec<TocEntry> = serde_json::from_str(&t.toc_json).unwrap_or_default();
        let topic_href = format!("/{lang}/topics/{}", page.topic.slug);
        let all_in_topic = more_in_topic
            .then(|| (topic_href.clone(), tr.t_args("guide-related-all", &[("topic", &page.topic.title)])));
        let view = GuidePageView {
            crumbs: vec![home_crumb(&ctx), Crumb { href: topic_href, title: page.topic.title.clone() }],
            title: t.title.clone(),
            summary: t.summary.clone(),
            content_lang: other_lang(&t.lang, &lang),
            fallback_notice,
            outdated_notice,
            last_updated: tr.t_args("guide-last-updated", &[("date", &date_of(&tr, t.major_updated_at))]),
            change_note: t.change_note.clone(),
            what_changed: tr.t_args("guide-what-changed", &[("note", &t.change_note)]),
            toc,
            body_html: t.body_html.clone(),
            items: list_items(&lang, &related, &tr, false),
            all_in_topic,
            feedback: FeedbackForm::new(&state, &lang, slug.as_str()),
            topic_slug: page.topic.slug.clone(),
            help_more: help.len().saturating_sub(HELP_ON_GUIDE),
            help: help.into_iter().take(HELP_ON_GUIDE).map(|v| super::services::item(&state, &ctx, &lang, v)).collect(),
            ctx,
        };
        html_page(&view)
    })
    .await
}

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    ctx: PageContext,
}

pub async fn privacy(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    cached(&state, &req, format!("{lang}|/privacy"), || async {
        html_page(&PrivacyPage { ctx: PageContext::public(&state, &lang, "/privacy") })
    })
    .await
}

pub struct SearchResult {
    pub href: String,
    pub title: String,
    pub lang: Option<String>,
    pub lang_name: Option<String>,
    pub snippet: Vec<SnippetPart>,
}

#[derive(Template)]
#[template(path = "public/search.html")]
struct SearchPage {
    ctx: PageContext,
    query: String,
    shortened: bool,
    message: Option<String>,
    help: Option<String>,
    results: Vec<SearchResult>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// At most this many words are searched for; longer queries are cut, not refused.
const MAX_TERMS: usize = 8;

pub async fn search(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: PathLang,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let raw = query.into_inner().q;
    // What is shown back in the box: the first 200 characters.
    let shown: String = raw.trim().chars().take(200).collect();
    let terms = search_terms(lang.as_str(), &raw, MAX_TERMS + 1);
    let shortened = terms.len() > MAX_TERMS || raw.chars().count() > 200;
    let terms: Vec<String> = terms.into_iter().take(MAX_TERMS).collect();
    let ctx = PageContext::public(
        &state,
        &lang,
        &format!("/search?q={}", url::form_urlencoded::byte_serialize(shown.as_bytes()).collect::<String>()),
    );
    let mut page = SearchPage { query: shown.clone(), shortened, message: None, help: None, results: Vec::new(), ctx };
    if terms.is_empty() {
        page.message = Some(page.ctx.t("search-empty"));
    } else {
        let request = guidance::SearchRequest { terms: &terms, typed: &raw, reader: client_ip(&state, &req) };
        let hits = guidance::search(&state, &lang, &request).await?;
        if hits.is_empty() {
            page.message = Some(page.ctx.tr.t_args("search-no-results", &[("query", &shown)]));
            page.help = Some(page.ctx.t("search-no-results-help"));
        } else {
            page.message = Some(page.ctx.tr.t_count("search-results-count", hits.len(), &[("query", &shown)]));
        }
        page.results = hits
            .iter()
            .map(|h| {
                let other = other_lang(&h.lang, &lang);
                let lang_name =
                    other.as_ref().and_then(|l| Lang::parse(l).ok()).map(|l| Translator::new(&l).language_name());
                let source =
                    if h.summary.is_empty() { h.plain_text.clone() } else { format!("{} {}", h.summary, h.plain_text) };
                SearchResult {
                    href: format!("/{lang}/guides/{}", h.slug),
                    title: h.title.clone(),
                    snippet: snippet(&h.lang, &source, &terms, 30),
                    lang: other,
                    lang_name,
                }
            })
            .collect();
    }
    let mut res = render(&page)?;
    // What someone searched for is nobody else's business: keep it out of caches.
    res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(res)
}
