//! Public pages for anonymous readers, all under `/{lang}/`. No cookies here.
//! Pages are rendered once into the page cache and served from it until content changes.

mod feedback;
mod feeds;
mod inquiry;
mod pages;
pub mod services;

pub use feedback::{feedback_page, submit_feedback};
pub use feeds::{feed, robots, sitemap, sitemap_part};
pub use inquiry::{add_message, check_status, contact, status, submit_contact};
pub use pages::{guide, home, privacy, search, topic};

use std::future::Future;
use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};

use crate::content::cache::CachedPage;
use crate::domain::Lang;
use crate::error::AppError;
use crate::i18n::negotiate;
use crate::web::{AppState, Rendered, encoding, see_other};

/// The enabled language named by the `{lang}` path segment; any other is a 404
/// page that lists the enabled languages.
pub struct PathLang(pub Lang);

impl FromRequest for PathLang {
    type Error = AppError;
    type Future = std::future::Ready<Result<PathLang, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let segment = req.match_info().get("lang").unwrap_or("");
        let found = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| state.settings().languages.iter().find(|l| l.as_str() == segment).cloned());
        let result = match found {
            Some(lang) => Ok(PathLang(lang)),
            // `/de/` deserves the list of languages; `/favicon.ico` a plain 404.
            None if Lang::parse(segment).is_ok() => Err(AppError::UnknownLanguage),
            None => Err(AppError::NotFound),
        };
        std::future::ready(result)
    }
}

/// `GET /`: to the reader's language.
pub async fn root(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let header = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|h| h.to_str().ok());
    let lang = negotiate(header, &state.settings().languages, &state.settings().default_language);
    let mut res = see_other(&format!("/{lang}/"));
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    res
}

/// `GET /en` → `/en/`.
pub async fn add_slash(lang: PathLang) -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, format!("/{}/", lang.0))).finish()
}

/// Anything unrouted.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// Serves `key` from the page cache, rendering it with `render` on a miss and compressing it
/// once, on the cache's compression thread, before it is kept. Answers in the coding the request accepts,
/// and 304 to a matching `If-None-Match`.
async fn cached<F, Fut>(state: &AppState, req: &HttpRequest, key: String, render: F) -> Result<HttpResponse, AppError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<CachedPage, AppError>>,
{
    crate::app::guidance::check_content_version(state).await;
    let page: Arc<CachedPage> = match state.cache.get(&key) {
        Some(page) => page,
        None => {
            let page = state
                .cache
                .compress(render().await?)
                .await
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the page compression thread failed")))?;
            state.cache.put(key, page)
        }
    };
    // Anonymous, cookie-free pages: a reverse proxy may keep them briefly.
    let mut res = encoding::respond(req, &page.variants, page.content_type, "public, max-age=60");
    res.extensions_mut().insert(Rendered);
    Ok(res)
}

/// Renders an askama template into a cacheable HTML page.
fn html_page(page: &impl askama::Template) -> Result<CachedPage, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(CachedPage::new(html, "text/html; charset=utf-8"))
}
