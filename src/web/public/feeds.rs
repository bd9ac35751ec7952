//! Machine-readable views: the Atom feed per language, `sitemap.xml` with hreflang
//! alternates, and `robots.txt`. All go through the page cache.

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

/// Recent major changes of guides written in this language.
pub async fn feed(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    cached(&state, &req, format!("{lang}|/feed.atom"), || async {
        let (items, changed_at) = guidance::feed(&state, &lang).await?;
        let tr = Translator::new(&lang);
        let entries: Vec<FeedEntry> = items
            .iter()
            .filter(|g| g.lang == lang.as_str())
            .take(20)
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

/// Home pages and every published guide in every enabled language it is written in.
pub async fn sitemap(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    cached(&state, &req, "*|/sitemap.xml".to_owned(), || async {
        let guides = guidance::sitemap(&state).await?;
        let enabled: Vec<String> = state.settings().languages.iter().map(ToString::to_string).collect();
        let default = state.settings().default_language.to_string();
        let mut urls = Vec::new();
        let home_alts: Vec<(String, String)> = enabled
            .iter()
            .map(|l| (l.clone(), state.absolute(&format!("/{l}/"))))
            .chain(std::iter::once(("x-default".to_owned(), state.absolute(&format!("/{default}/")))))
            .collect();
        for l in &enabled {
            urls.push(SitemapUrl {
                loc: state.absolute(&format!("/{l}/")),
                lastmod: None,
                alternates: home_alts.clone(),
            });
        }
        for (slug, langs) in guides {
            let langs: Vec<_> = langs.into_iter().filter(|(l, _)| enabled.contains(l)).collect();
            let mut alternates: Vec<(String, String)> =
                langs.iter().map(|(l, _)| (l.clone(), state.absolute(&format!("/{l}/guides/{slug}")))).collect();
            if langs.iter().any(|(l, _)| *l == default) {
                alternates.push(("x-default".to_owned(), state.absolute(&format!("/{default}/guides/{slug}"))));
            }
            for (l, updated) in &langs {
                urls.push(SitemapUrl {
                    loc: state.absolute(&format!("/{l}/guides/{slug}")),
                    lastmod: Some(rfc3339(*updated)),
                    alternates: alternates.clone(),
                });
            }
        }
        xml(&Sitemap { urls }, "application/xml; charset=utf-8")
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
