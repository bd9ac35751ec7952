//! Machine-readable views: the Atom feed per language, `sitemap.xml` with hreflang
//! alternates (an index over `sitemap-N.xml` files once it outgrows one file), and
//! `robots.txt`. All go through the page cache.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use time::format_description::well_known::Rfc3339;

use super::{PathLang, cached};
use crate::app::guidance;
use crate::content::cache::CachedPage;
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::AppState;

fn xml(page: &impl Template, content_type: &'static str) -> Result<CachedPage, AppError> {
    let text = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(CachedPage::new(text, content_type))
}

fn rfc3339(at: time::PrimitiveDateTime) -> String {
    at.assume_utc().format(&Rfc3339).unwrap_or_default()
}

struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "public/feed.xml")]
struct Feed {
    lang: String,
    title: String,
    self_url: String,
    home_url: String,
    updated: String,
    author: String,
    entries: Vec<FeedEntry>,
}

/// The latest major changes of guides written in this language (at most
/// [`guidance::FEED_ENTRIES`], chosen in the database).
pub async fn feed(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    cached(&state, &req, format!("{lang}|/feed.atom"), || async {
        let (items, changed_at) = guidance::feed(&state, &lang).await?;
        let tr = Translator::new(&lang);
        let entries: Vec<FeedEntry> = items
            .iter()
            .map(|g| FeedEntry {
                title: g.title.clone(),
                url: state.absolute(&format!("/{lang}/guides/{}", g.slug)),
                updated: rfc3339(g.major_updated_at),
                summary: if g.change_note.is_empty() { g.summary.clone() } else { g.change_note.clone() },
            })
            .collect();
        let updated = entries.first().map_or_else(|| rfc3339(changed_at), |e| e.updated.clone());
        xml(
            &Feed {
                lang: lang.to_string(),
                title: tr.t("feed-title"),
                self_url: state.absolute(&format!("/{lang}/feed.atom")),
                home_url: state.absolute(&format!("/{lang}/")),
                updated,
                author: tr.t("site-name"),
                entries,
            },
            "application/atom+xml; charset=utf-8",
        )
    })
    .await
}

struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "public/sitemap.xml")]
struct Sitemap {
    urls: Vec<SitemapUrl>,
}

#[derive(Template)]
#[template(path = "public/sitemap-index.xml")]
struct SitemapIndex {
    /// Each file's address and when its pages last changed.
    files: Vec<(String, String)>,
}

/// The `<url>` entries of one sitemap file: home pages and guides in every enabled
/// language they are written in, each with its alternates.
fn sitemap_urls(state: &AppState, part: guidance::SitemapPart) -> Vec<SitemapUrl> {
    let enabled: Vec<String> = state.settings().languages.iter().map(ToString::to_string).collect();
    let default = state.settings().default_language.to_string();
    let mut urls = Vec::with_capacity(part.homes.len() + part.guides.len());
    let home_alts: Vec<(String, String)> = enabled
        .iter()
        .map(|l| (l.clone(), state.absolute(&format!("/{l}/"))))
        .chain(std::iter::once(("x-default".to_owned(), state.absolute(&format!("/{default}/")))))
        .collect();
    for l in &part.homes {
        urls.push(SitemapUrl { loc: state.absolute(&format!("/{l}/")), lastmod: None, alternates: home_alts.clone() });
    }
    let none = Vec::new();
    for (slug, l, updated) in &part.guides {
        let langs = part.languages.get(slug).unwrap_or(&none);
        let mut alternates: Vec<(String, String)> =
            langs.iter().map(|other| (other.clone(), state.absolute(&format!("/{other}/guides/{slug}")))).collect();
        if langs.contains(&default) {
            alternates.push(("x-default".to_owned(), state.absolute(&format!("/{default}/guides/{slug}"))));
        }
        urls.push(SitemapUrl {
            loc: state.absolute(&format!("/{l}/guides/{slug}")),
            lastmod: Some(rfc3339(*updated)),
            alternates,
        });
    }
    urls
}

/// Home pages and every published guide in every enabled language it is written in; once
/// they outgrow one file (`sitemap_urls_per_file`), an index over `/sitemap-N.xml`.
pub async fn sitemap(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    cached(&state, &req, "*|/sitemap.xml".to_owned(), || async {
        match guidance::sitemap(&state).await? {
            guidance::Sitemap::Single(part) => {
                xml(&Sitemap { urls: sitemap_urls(&state, part) }, "application/xml; charset=utf-8")
            }
            guidance::Sitemap::Index(dates) => {
                let files = (1..)
                    .zip(dates)
                    .map(|(n, at)| (state.absolute(&format!("/sitemap-{n}.xml")), rfc3339(at)))
                    .collect();
                xml(&SitemapIndex { files }, "application/xml; charset=utf-8")
            }
        }
    })
    .await
}

/// `/sitemap-{part}.xml`: one file of the index. A number that is no file is a 404 (never cached).
pub async fn sitemap_part(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let part =
        req.match_info().get("part").and_then(crate::domain::paging::parse_page_number).ok_or(AppError::NotFound)?;
    cached(&state, &req, format!("*|/sitemap-{part}.xml"), || async {
        let part = guidance::sitemap_part(&state, part).await?;
        xml(&Sitemap { urls: sitemap_urls(&state, part) }, "application/xml; charset=utf-8")
    })
    .await
}

pub async fn robots(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    cached(&state, &req, "*|/robots.txt".to_owned(), || async {
        // Staff and one-time pages are no business of search engines.
        let text = format!(
            "User-agent: *\nDisallow: /staff/\nDisallow: /admin/\nDisallow: /setup/\nDisallow: /*/search\n\nSitemap: {}\n",
            state.absolute("/sitemap.xml")
        );
        Ok(CachedPage::new(text, "text/plain; charset=utf-8"))
    })
    .await
}
