//! Turns every error status without a page of its own into the error page,
//! in the reader's language, with a way back.

use actix_web::dev::ServiceResponse;
use actix_web::http::{StatusCode, header};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpMessage, HttpResponse, web};
use askama::Template;

use crate::error::{Busy, ListLanguages};
use crate::i18n::Translator;
use crate::web::context::{Alternate, PageContext};
use crate::web::{AppState, Rendered, RequestId};

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    ctx: PageContext,
    title: String,
    body: String,
    languages: Vec<Alternate>,
    request_id: Option<String>,
}

pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if res.response().extensions().get::<Rendered>().is_some() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let Some(state) = res.request().app_data::<web::Data<AppState>>().cloned() else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    let status = res.status();
    let list_languages = res.response().extensions().get::<ListLanguages>().is_some();
    let busy = res.response().extensions().get::<Busy>().is_some();
    let request_id = res.request().extensions().get::<RequestId>().map(|r| r.0.clone());
    let mut ctx = PageContext::unprefixed(&state, res.request());
    // On an error page the switcher would only repeat the error; the page lists languages where useful.
    ctx.alternates.clear();
    let key = match status.as_u16() {
        503 if busy => "busy".to_owned(),
        code @ (400 | 403 | 404 | 405 | 408 | 410 | 413 | 429 | 503) => code.to_string(),
        _ if list_languages => "404".to_owned(),
        code if code >= 500 => "500".to_owned(),
        _ => "400".to_owned(),
    };
    let (title, body) = if list_languages {
        (ctx.t("error-language-title"), ctx.t("error-language-body"))
    } else {
        (ctx.t(&format!("error-{key}-title")), ctx.t(&format!("error-{key}-body")))
    };
    let languages = if list_languages {
        state
            .settings()
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.to_string(),
                name: Translator::new(l).language_name(),
                href: format!("/{l}/"),
                abs_href: state.absolute(&format!("/{l}/")),
                current: false,
                hreflang: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    // Request ids help with server faults; on a 404 they are noise.
    let request_id = if status.is_server_error() { request_id } else { None };
    let page = ErrorPage { ctx, title, body, languages, request_id };
    let html = match page.render() {
        Ok(html) => html,
        Err(e) => {
            tracing::error!(error = %e, "cannot render the error page");
            return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
        }
    };
    let (req, old) = res.into_parts();
    let mut builder = HttpResponse::build(status);
    for (name, value) in old.headers() {
        // Keep Allow, Retry-After and the like; the body and its type are new.
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            builder.append_header((name.clone(), value.clone()));
        }
    }
    let mut new = builder.content_type("text/html; charset=utf-8").body(html);
    if status == StatusCode::SERVICE_UNAVAILABLE || status.is_server_error() {
        new.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    }
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, new).map_into_right_body()))
}
