//! HTTP at the edge: the shared state, the one route table, and the middleware
//! stack (compression, security headers, request ids and metrics, error pages, control characters).

mod admin;
pub mod assets;
pub mod context;
mod deadline;
pub mod encoding;
mod errors;
pub mod forms;
mod input;
pub mod metrics;
mod ops;
mod public;
pub mod setup;
pub mod staff;

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{Compress, DefaultHeaders, ErrorHandlers, Next, from_fn};
use actix_web::{HttpMessage, HttpResponse, web};
use askama::Template;
use tracing::Instrument;

use crate::app::App;
use crate::error::AppError;
use assets::Assets;
use metrics::Metrics;

/// Everything a handler may need, shared by all workers: the use cases' `App`
/// (settings, database, keys, cache, rate limits; reached through `Deref`) plus what only HTTP needs.
pub struct AppState {
    pub app: Arc<App>,
    pub assets: Assets,
    pub metrics: Metrics,
}

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

/// The client's address: the connecting peer, or, when that peer is a trusted
/// proxy, the last address it added to `X-Forwarded-For`.
pub fn client_ip(state: &AppState, req: &actix_web::HttpRequest) -> Option<std::net::IpAddr> {
    let peer = req.peer_addr().map(|a| a.ip());
    match peer {
        Some(ip) if state.settings().trusted_proxies.contains(&ip) => req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
            .or(peer),
        _ => peer,
    }
}

/// The largest staff form: a guide of `domain::content::MAX_BODY` characters, URL-encoded, with room to spare.
const STAFF_FORM_LIMIT: usize = 1024 * 1024;
/// Every other form: a question of `domain::inquiry::MAX_MESSAGE_CHARS` characters, URL-encoded.
const PUBLIC_FORM_LIMIT: usize = 64 * 1024;

/// The route table, read top to bottom.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg
        // Operations
        .route("/healthz", web::get().to(ops::healthz))
        .route("/readyz", web::get().to(ops::readyz))
        .route("/static/{path:.*}", web::get().to(assets::serve))
        // First administrator and invited staff
        .route("/setup/done", web::get().to(setup::done))
        .route("/setup/{token}", web::get().to(setup::form))
        .route("/setup/{token}", web::post().to(setup::submit))
        // Staff area: every request passes `staff::guard` (session, Origin, CSRF, no-store)
        .service(
            web::scope("/staff")
                // Staff texts (replies, notes) may be long; in Armenian or Russian each character
                // takes six bytes once URL-encoded.
                .app_data(web::FormConfig::default().limit(STAFF_FORM_LIMIT))
                .app_data(web::PayloadConfig::new(STAFF_FORM_LIMIT))
                .wrap(from_fn(staff::guard))
                .route("", web::get().to(staff::start))
                .route("/", web::get().to(staff::start))
                .route("/login", web::get().to(staff::login::login_form))
                .route("/login", web::post().to(staff::login::login))
                .route("/login/code", web::get().to(staff::login::code_form))
                .route("/login/code", web::post().to(staff::login::code_submit))
                .route("/logout", web::post().to(staff::login::logout))
                .route("/reset", web::get().to(staff::login::reset_form))
                .route("/reset", web::post().to(staff::login::reset_request))
                .route("/reset/{token}", web::get().to(staff::login::reset_password_form))
                .route("/reset/{token}", web::post().to(staff::login::reset_password))
                .route("/account", web::get().to(staff::account::show))
                .route("/account/language", web::post().to(staff::account::language))
                .route("/account/password", web::post().to(staff::account::password))
                .route("/account/sessions", web::post().to(staff::account::sign_out_everywhere))
                .route("/account/2fa", web::get().to(staff::account::two_factor_form))
                .route("/account/2fa", web::post().to(staff::account::two_factor_enrol))
                .route("/account/2fa/disable", web::post().to(staff::account::two_factor_disable))
                .route("/inquiries", web::get().to(staff::queue::queue))
                .route("/inquiries/export.csv", web::get().to(staff::queue::export_csv))
                .route("/inquiries/{id}", web::get().to(staff::case::detail))
                .route("/inquiries/{id}/reply", web::post().to(staff::case::reply))
                .route("/inquiries/{id}/note", web::post().to(staff::case::note))
                .route("/inquiries/{id}/assign", web::post().to(staff::case::assign))
                .route("/inquiries/{id}/status", web::post().to(staff::case::status))
                .route("/inquiries/{id}/team", web::post().to(staff::case::hand_over))
                .route("/inquiries/{id}/safeguarding", web::post().to(staff::case::safeguarding))
                .route("/inquiries/{id}/content-gap", web::post().to(staff::case::content_gap))
                .route("/inquiries/{id}/export", web::post().to(staff::case::export_json))
                .route("/inquiries/{id}/erase", web::get().to(staff::case::erase_confirm))
                .route("/inquiries/{id}/erase", web::post().to(staff::case::erase))
                .route("/replies", web::get().to(staff::replies::replies))
                .route("/replies", web::post().to(staff::replies::add_reply))
                .route("/replies/{id}/delete", web::post().to(staff::replies::delete_reply))
                .default_service(web::to(public::not_found)),
        )
        .service(
            web::scope("/admin")
                .app_data(web::FormConfig::default().limit(STAFF_FORM_LIMIT))
                .app_data(web::PayloadConfig::new(STAFF_FORM_LIMIT))
                .wrap(from_fn(staff::guard))
                .route("/users", web::get().to(admin::users::users))
                .route("/users/invite", web::post().to(admin::users::invite))
                .route("/users/{id}/roles", web::post().to(admin::users::set_roles))
                .route("/users/{id}/disable", web::post().to(admin::users::disable))
                .route("/users/{id}/enable", web::post().to(admin::users::enable))
                .route("/users/{id}/reset-2fa", web::post().to(admin::users::reset_two_factor))
                .route("/audit", web::get().to(admin::audit::audit_log))
                .route("/teams", web::get().to(admin::teams::list))
                .route("/teams", web::post().to(admin::teams::create))
                .route("/teams/{id}", web::get().to(admin::teams::edit))
                .route("/teams/{id}", web::post().to(admin::teams::save))
                .route("/teams/{id}/rules", web::post().to(admin::teams::add_rule))
                .route("/teams/{id}/rules/{rule}/delete", web::post().to(admin::teams::remove_rule))
                .route("/teams/{id}/move", web::post().to(admin::teams::move_team))
                .route("/teams/{id}/delete", web::post().to(admin::teams::delete))
                .route("/settings", web::get().to(admin::settings::settings_form))
                .route("/settings", web::post().to(admin::settings::save_settings))
                .route("/outbox", web::get().to(admin::outbox::outbox_view))
                .route("/outbox/{id}/retry", web::post().to(admin::outbox::outbox_retry))
                .route("/feedback", web::get().to(admin::feedback::list))
                .route("/services", web::get().to(admin::services::services))
                .route("/services/new", web::get().to(admin::services::edit::new_form))
                .route("/services/new", web::post().to(admin::services::edit::create))
                .route("/services/{slug}", web::post().to(admin::services::service_action))
                .route("/services/{slug}/edit", web::get().to(admin::services::edit::edit_form))
                .route("/services/{slug}/edit", web::post().to(admin::services::edit::save))
                .route("/services/{slug}/revisions", web::get().to(admin::services::revisions::revisions))
                .route("/services/{slug}/revisions/{rev}/restore", web::post().to(admin::services::revisions::restore))
                .route("/content", web::get().to(admin::content::list))
                .route("/translations", web::get().to(admin::content::dashboard))
                .route("/content/new", web::get().to(admin::content::guides::new_guide_form))
                .route("/content/new", web::post().to(admin::content::guides::create_guide))
                .route("/content/topics/{slug}", web::get().to(admin::content::topics::topic_form))
                .route("/content/topics/{slug}", web::post().to(admin::content::topics::save_topic))
                .route("/content/guides/{slug}/settings", web::get().to(admin::content::guides::guide_settings))
                .route("/content/guides/{slug}/settings", web::post().to(admin::content::guides::save_guide_settings))
                .route("/content/guides/{slug}/publish", web::post().to(admin::content::guides::publish))
                .route("/content/guides/{slug}/review", web::post().to(admin::content::guides::confirm_review))
                .route("/content/guides/{slug}/{lang}", web::get().to(admin::content::editor::edit))
                .route("/content/guides/{slug}/{lang}", web::post().to(admin::content::editor::save))
                .route("/content/guides/{slug}/{lang}/revisions", web::get().to(admin::content::revisions::revisions))
                .route(
                    "/content/guides/{slug}/{lang}/revisions/{revision}/rollback",
                    web::post().to(admin::content::revisions::rollback),
                )
                .default_service(web::to(public::not_found)),
        )
        // Public pages, all under a language prefix
        .route("/", web::get().to(public::root))
        .route("/sitemap.xml", web::get().to(public::sitemap))
        .route("/sitemap-{part}.xml", web::get().to(public::sitemap_part))
        .route("/robots.txt", web::get().to(public::robots))
        .route("/{lang}", web::get().to(public::add_slash))
        .route("/{lang}/", web::get().to(public::home))
        .route("/{lang}/topics/{topic}", web::get().to(public::topic))
        .route("/{lang}/guides/{slug}", web::get().to(public::guide))
        .route("/{lang}/guides/{slug}/feedback", web::get().to(public::feedback_page))
        .route("/{lang}/guides/{slug}/feedback", web::post().to(public::submit_feedback))
        .route("/{lang}/search", web::get().to(public::search))
        .route("/{lang}/services", web::get().to(public::services::finder))
        .route("/{lang}/services/{slug}", web::get().to(public::services::service))
        .route("/{lang}/feed.atom", web::get().to(public::feed))
        .route("/{lang}/privacy", web::get().to(public::privacy))
        .route("/{lang}/contact", web::get().to(public::contact))
        .route("/{lang}/contact", web::post().to(public::submit_contact))
        .route("/{lang}/status", web::get().to(public::status))
        .route("/{lang}/status", web::post().to(public::check_status))
        .route("/{lang}/status/message", web::post().to(public::add_message))
        .default_service(web::to(public::not_found));
}

/// Builds the actix `App` for one worker: the same for `serve` and the tests.
pub fn app(
    state: web::Data<AppState>,
) -> actix_web::App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let mut headers = DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"));
    if state.settings().is_https() {
        headers = headers.add((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains"));
    }
    actix_web::App::new()
        .app_data(state)
        .app_data(web::FormConfig::default().limit(PUBLIC_FORM_LIMIT))
        .configure(configure)
        // Control characters in the path, the query or a form field: handled here, once.
        .wrap(from_fn(input::clean_input))
        // The body deadline sits outside, so reading the form above is bounded too.
        .wrap(from_fn(deadline::body_deadline))
        .wrap(ErrorHandlers::new().default_handler(errors::render_error_page))
        .wrap(from_fn(deadline::close_after_timeout))
        .wrap(from_fn(observe))
        .wrap(headers)
        // Compresses what is made per request (forms, search, staff pages) at actix's fast
        // levels (gzip 1, brotli 3); cached pages and static files carry `Content-Encoding`
        // already (`web::encoding`), and `Compress` leaves those alone.
        .wrap(Compress::default())
}

/// The operators' own listener (`metrics_bind`, loopback by default): `/metrics` and nothing
/// else. The site's listener does not serve it.
pub fn metrics_app(
    state: web::Data<AppState>,
) -> actix_web::App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    actix_web::App::new().app_data(state).route("/metrics", web::get().to(ops::metrics))
}

/// Request id, one log line per request (route pattern, never the path or the
/// client address), and the request metrics.
async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = std::time::Instant::now();
    let route = req.match_pattern().unwrap_or_else(|| "(unmatched)".to_owned());
    let method = req.method().to_string();
    let request_id = uuid::Uuid::now_v7().simple().to_string();
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let span = tracing::info_span!("request", id = %request_id, method = %method, route = %route);
    let result = next.call(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let status = match &result {
        Ok(res) => res.status().as_u16(),
        Err(e) => e.as_response_error().status_code().as_u16(),
    };
    span.in_scope(|| tracing::info!(status, elapsed_ms = elapsed.as_secs_f64() * 1000.0, "served"));
    if let Some(state) = state {
        state.metrics.observe_request(&method, &route, status, elapsed);
    }
    result.map(|mut res| {
        if let Ok(v) = HeaderValue::from_str(&request_id) {
            res.headers_mut().insert(header::HeaderName::from_static("x-request-id"), v);
        }
        res
    })
}

/// The id of the current request, shown on error pages so a reader can quote it.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Marks a response whose body is already a page, so the error handler leaves it alone.
#[derive(Clone, Copy, Debug)]
pub struct Rendered;

/// Renders a page template into an HTML response with the given status.
pub fn render_with_status(status: actix_web::http::StatusCode, page: &impl Template) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    let mut response = HttpResponse::build(status).content_type("text/html; charset=utf-8").body(html);
    response.extensions_mut().insert(Rendered);
    Ok(response)
}

pub fn render(page: &impl Template) -> Result<HttpResponse, AppError> {
    render_with_status(actix_web::http::StatusCode::OK, page)
}

/// A 303 See Other: the answer to a successful POST and to language negotiation.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}
