//! Public pages for anonymous readers, all under `/{lang}/`. No cookies here.

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::Lang;
use crate::error::AppError;
use crate::i18n::negotiate;
use crate::web::context::PageContext;
use crate::web::{AppState, render, see_other};

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
            .and_then(|state| state.settings.languages.iter().find(|l| l.as_str() == segment).cloned());
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
    let lang = negotiate(header, &state.settings.languages, &state.settings.default_language);
    let mut res = see_other(&format!("/{lang}/"));
    res.headers_mut()
        .insert(header::VARY, header::HeaderValue::from_static("Accept-Language"));
    res
}

/// `GET /en` → `/en/`.
pub async fn add_slash(lang: PathLang) -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, format!("/{}/", lang.0)))
        .finish()
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct HomePage {
    ctx: PageContext,
}

pub async fn home(state: web::Data<AppState>, lang: PathLang) -> Result<HttpResponse, AppError> {
    render(&HomePage {
        ctx: PageContext::public(&state, &lang.0, "/"),
    })
}

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    ctx: PageContext,
}

pub async fn privacy(state: web::Data<AppState>, lang: PathLang) -> Result<HttpResponse, AppError> {
    render(&PrivacyPage {
        ctx: PageContext::public(&state, &lang.0, "/privacy"),
    })
}

/// Anything unrouted.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}
