//! The staff area (`/staff`, `/admin`): sign-in, sessions, the caseworker workspace
//! and the admin pages. `guard` runs before every handler here: it finds the
//! session, refuses cross-site and forged POSTs, and keeps every page out of caches.
//! Handlers then ask for a typed extractor (`Staff`, `Caseworker`, `Admin`).

pub mod account;
pub mod case;
pub mod login;
pub mod queue;
pub mod replies;

pub use crate::app::directory::topic_and_region_names;
pub use crate::web::context::staff_context;
pub use crate::web::forms::form_value;

use std::future::{Ready, ready};

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use time::Duration;

use crate::crypto::{form_token, hash_token, keyed_hash};
use crate::db::repo::sessions::{self, STAGE_FULL};
use crate::domain::{Lang, Role};
use crate::web::context::PageContext;
use crate::web::{AppState, render_with_status};

/// The session cookie. With https it takes the `__Host-` prefix (Secure, whole site, no Domain).
pub fn cookie_name(state: &AppState) -> &'static str {
    if state.settings().is_https() { "__Host-homeward_staff" } else { "homeward_staff" }
}

/// Form tokens for pages shown before sign-in (sign-in, reset) stay valid this long.
const ANON_FORM_SECONDS: i64 = 2 * 3600;
const ANON_FORM_PURPOSE: &str = "staff-anonymous-form";

pub use crate::auth::{Pending, Staff};

fn csrf_for(state: &AppState, session_id: &str) -> String {
    hex::encode(&keyed_hash(&state.key.derive("staff-csrf"), session_id.as_bytes())[..16])
}

/// A form token for pages without a session.
pub fn anonymous_form_token(state: &AppState) -> String {
    form_token::issue(&state.key, ANON_FORM_PURPOSE, time::OffsetDateTime::now_utc().unix_timestamp())
}

fn session_token(req: &ServiceRequest, state: &AppState) -> Option<String> {
    req.cookie(cookie_name(state)).map(|c| c.value().to_owned()).filter(|v| !v.is_empty() && v.len() <= 128)
}

/// The origin (`scheme://host[:port]`) the site is served from.
fn own_origin(state: &AppState) -> String {
    state.base_url.origin().ascii_serialization()
}

#[derive(Template)]
#[template(path = "staff/refused.html")]
struct Refused {
    ctx: PageContext,
    heading: String,
    body: String,
}

fn refusal(req: &HttpRequest, state: &AppState, heading: &str, body: &str) -> HttpResponse {
    let ctx = PageContext::unprefixed(state, req);
    let page = Refused { heading: ctx.t(heading), body: ctx.t(body), ctx };
    render_with_status(StatusCode::FORBIDDEN, &page).unwrap_or_else(|e| e.error_response())
}

/// Session lookup, `Origin` and CSRF checks, and no-store headers for the whole staff area.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(req.into_response(HttpResponse::InternalServerError().finish()));
    };
    let mut signed_in: Option<Staff> = None;
    if let Some(token) = session_token(&req, &state) {
        let hash = hash_token(&token);
        let idle = Duration::minutes(state.settings().session_idle_minutes.into());
        let found = state.db.run(move |c| sessions::find(c, &hash, idle, Duration::seconds(60))).await;
        match found {
            Ok(Some(found)) => {
                let lang = Lang::parse(&found.user.language)
                    .ok()
                    .filter(|l| state.settings().languages.contains(l))
                    .unwrap_or_else(|| state.settings().default_language.clone());
                if found.session.stage == STAGE_FULL {
                    signed_in = Some(Staff {
                        csrf: csrf_for(&state, &found.session.id),
                        user_id: found.user.id,
                        email: found.user.email,
                        roles: found.roles,
                        lang,
                        session_id: found.session.id,
                        has_totp: found.user.totp_secret_enc.is_some(),
                    });
                } else {
                    req.extensions_mut().insert(Pending { user_id: found.user.id, session_id: found.session.id, lang });
                }
            }
            Ok(None) => {}
            Err(e) => return Err(crate::error::AppError::from(e).into()),
        }
    }
    if req.method() == actix_web::http::Method::POST {
        let origin = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_owned);
        if origin.as_deref() != Some(own_origin(&state).as_str()) {
            tracing::warn!("staff form refused: missing or foreign Origin");
            let res = refusal(req.request(), &state, "staff-refused-origin-title", "staff-refused-origin-body");
            return Ok(req.into_response(res));
        }
        let body = req.extract::<web::Bytes>().await?;
        let given = url::form_urlencoded::parse(&body).find(|(k, _)| k == "csrf").map(|(_, v)| v.into_owned());
        let anonymous_ok = signed_in.is_none() || is_anonymous_path(req.path());
        let valid = given.is_some_and(|given| {
            signed_in.as_ref().is_some_and(|staff| constant_time_eq(staff.csrf.as_bytes(), given.as_bytes()))
                || (anonymous_ok
                    && form_token::verify(
                        &state.key,
                        ANON_FORM_PURPOSE,
                        &given,
                        time::OffsetDateTime::now_utc().unix_timestamp(),
                        0,
                        ANON_FORM_SECONDS,
                    )
                    .is_ok())
        });
        if !valid {
            tracing::warn!("staff form refused: missing or wrong CSRF token");
            // Signed out meanwhile: the sign-in page explains; otherwise a forged or stale form.
            let res = if signed_in.is_none() && !is_anonymous_path(req.path()) {
                login_redirect(req.request())
            } else {
                refusal(req.request(), &state, "staff-refused-csrf-title", "staff-refused-csrf-body")
            };
            return Ok(req.into_response(res));
        }
        req.set_payload(Payload::from(body));
    }
    // An admin who must use a second factor and has none yet may only set one up.
    if let Some(staff) = &signed_in
        && state.settings().require_admin_2fa
        && staff.has(Role::Admin)
        && !staff.has_totp
        && !req.path().starts_with("/staff/account/2fa")
        && req.path() != "/staff/logout"
    {
        let res = crate::web::see_other("/staff/account/2fa");
        return Ok(req.into_response(res));
    }
    if let Some(staff) = signed_in {
        req.extensions_mut().insert(staff);
    }
    // A confirmation left by the POST before: shown on this page once, then cleared.
    let had_flash = crate::web::forms::has_flash_cookie(req.request());
    if req.method() == actix_web::http::Method::GET
        && let Some(flash) = crate::web::forms::read_flash(&state, req.request())
    {
        req.extensions_mut().insert(flash);
    }
    let is_get = req.method() == actix_web::http::Method::GET;
    let mut res = next.call(req).await?.map_into_boxed_body();
    if had_flash && is_get && !res.status().is_redirection() {
        let _ = res.response_mut().add_cookie(&crate::web::forms::clear_flash_cookie());
    }
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Same-origin forms then carry a real `Origin` (with `no-referrer` it would be `null`).
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    Ok(res)
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Pages (and their forms) that work without a session.
fn is_anonymous_path(path: &str) -> bool {
    path == "/staff/login" || path == "/staff/login/code" || path.starts_with("/staff/reset")
}

/// A local path to come back to after sign-in; anything else becomes `/staff/`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.chars().any(|c| c.is_control() || c == '\\')
                && n.len() <= 512 =>
        {
            n.to_owned()
        }
        _ => "/staff/".to_owned(),
    }
}

fn login_redirect(req: &HttpRequest) -> HttpResponse {
    crate::web::see_other(&login_location(req))
}

/// The sign-in page, with the way back to where the person was.
fn login_location(req: &HttpRequest) -> String {
    let here = match req.uri().path_and_query() {
        Some(pq) if req.method() == actix_web::http::Method::GET => pq.as_str().to_owned(),
        _ => req.path().to_owned(),
    };
    let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
    format!("/staff/login?next={next}")
}

/// Why a staff extractor refused: not signed in (→ sign-in page) or not allowed (→ 403).
#[derive(Debug)]
pub enum Denied {
    SignIn(String),
    Forbidden,
}

impl std::fmt::Display for Denied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Denied::SignIn(_) => f.write_str("sign-in required"),
            Denied::Forbidden => f.write_str("forbidden"),
        }
    }
}

impl ResponseError for Denied {
    fn status_code(&self) -> StatusCode {
        match self {
            Denied::SignIn(_) => StatusCode::SEE_OTHER,
            Denied::Forbidden => StatusCode::FORBIDDEN,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Denied::SignIn(location) => crate::web::see_other(location),
            Denied::Forbidden => HttpResponse::new(StatusCode::FORBIDDEN),
        }
    }
}

fn signed_in(req: &HttpRequest) -> Result<Staff, Denied> {
    req.extensions().get::<Staff>().cloned().ok_or_else(|| Denied::SignIn(login_location(req)))
}

fn with_role(req: &HttpRequest, role: Role) -> Result<Staff, Denied> {
    let staff = signed_in(req)?;
    if staff.has(role) { Ok(staff) } else { Err(Denied::Forbidden) }
}

impl FromRequest for Staff {
    type Error = Denied;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(signed_in(req))
    }
}

/// A signed-in caseworker: the only role that reads inquiries.
pub struct Caseworker(pub Staff);

impl FromRequest for Caseworker {
    type Error = Denied;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(with_role(req, Role::Caseworker).map(Caseworker))
    }
}

/// A signed-in caseworker who is also an administrator: the only one who may export
/// or erase an inquiry on request.
pub struct CaseworkerAdmin(pub Staff);

impl FromRequest for CaseworkerAdmin {
    type Error = Denied;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            with_role(req, Role::Caseworker)
                .and_then(|s| if s.has(Role::Admin) { Ok(CaseworkerAdmin(s)) } else { Err(Denied::Forbidden) }),
        )
    }
}

/// A signed-in administrator (accounts, audit log).
pub struct Admin(pub Staff);

impl FromRequest for Admin {
    type Error = Denied;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(with_role(req, Role::Admin).map(Admin))
    }
}

/// A signed-in editor (content administration).
pub struct Editor(pub Staff);

impl FromRequest for Editor {
    type Error = Denied;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(with_role(req, Role::Editor).map(Editor))
    }
}

/// `?done=…` after a redirect: which confirmation the page shows.
#[derive(serde::Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// `/staff/`: where each role starts.
pub async fn start(staff: Staff) -> HttpResponse {
    let to = if staff.has(Role::Caseworker) {
        "/staff/inquiries"
    } else if staff.has(Role::Editor) {
        "/admin/content"
    } else if staff.has(Role::Admin) {
        "/admin/users"
    } else {
        "/staff/account"
    };
    crate::web::see_other(to)
}

/// Ids in staff URLs are UUIDs; anything else is simply not found.
pub fn valid_id(id: &str) -> Result<(), crate::error::AppError> {
    uuid::Uuid::parse_str(id).map(|_| ()).map_err(|_| crate::error::AppError::NotFound)
}

/// Runs argon2 (slow on purpose) on the blocking pool.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, crate::error::AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| crate::error::AppError::Internal(anyhow::anyhow!("blocking task: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_limited_to_local_paths() {
        assert_eq!(safe_next(Some("/staff/inquiries?status=new")), "/staff/inquiries?status=new");
        for bad in ["https://evil.example/", "//evil.example/", "/\\evil.example", "staff", "/a\nb", ""] {
            assert_eq!(safe_next(Some(bad)), "/staff/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/staff/");
    }
}
