//! The staff area (`/staff`): sign-in, the account page and the caseworker workspace.
//! `guard` runs before every handler here and under `/admin`: it finds the session,
//! refuses cross-site and forged POSTs, and keeps every page out of caches. Handlers
//! then ask for a typed extractor (`Staff`, `Caseworker`, `Admin`, from `auth`).

pub mod account;
pub mod case;
pub mod login;
pub mod queue;
pub mod replies;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;

use crate::app::accounts::{self, Stage};
use crate::auth::extract::login_location;
use crate::crypto::{form_token, keyed_hash};
use crate::domain::Role;
use crate::web::context::PageContext;
use crate::web::{AppState, render_with_status};

use crate::auth::{Pending, Staff};
use crate::crypto::constant_time_eq;

/// The session cookie. With https it takes the `__Host-` prefix (Secure, whole site, no Domain).
pub fn cookie_name(state: &AppState) -> &'static str {
    if state.settings().is_https() { "__Host-homeward_staff" } else { "homeward_staff" }
}

/// Form tokens for pages shown before sign-in (sign-in, reset) stay valid this long.
const ANON_FORM_SECONDS: i64 = 2 * 3600;
const ANON_FORM_PURPOSE: &str = "staff-anonymous-form";

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

/// The session behind the request's cookie: a signed-in `Staff`, or `Pending` (stored in the
/// request's extensions) while the second factor is still to come.
async fn find_session(req: &ServiceRequest, state: &AppState) -> Result<Option<Staff>, actix_web::Error> {
    let Some(token) = session_token(req, state) else { return Ok(None) };
    Ok(match accounts::find_session(state, &token).await? {
        Some(found) if found.stage == Stage::Full => Some(Staff {
            csrf: csrf_for(state, &found.session_id),
            user_id: found.user_id,
            email: found.email,
            roles: found.roles,
            lang: found.lang,
            session_id: found.session_id,
            has_totp: found.has_totp,
        }),
        Some(found) => {
            let pending = Pending { user_id: found.user_id, session_id: found.session_id, lang: found.lang };
            req.extensions_mut().insert(pending);
            None
        }
        None => None,
    })
}

/// Refuses a POST from another origin or without this session's CSRF token (or, before
/// sign-in, a valid anonymous form token): the answer to send instead, if any.
async fn refuse_post(
    req: &mut ServiceRequest,
    state: &AppState,
    signed_in: Option<&Staff>,
) -> Result<Option<HttpResponse>, actix_web::Error> {
    let origin = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_owned);
    if origin.as_deref() != Some(own_origin(state).as_str()) {
        tracing::warn!("staff form refused: missing or foreign Origin");
        return Ok(Some(refusal(req.request(), state, "staff-refused-origin-title", "staff-refused-origin-body")));
    }
    // A body that cannot be read (too large, too slow) is answered, not failed: the
    // middleware outside sees the response (and turns a late body into 408).
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(e) => return Ok(Some(e.error_response())),
    };
    let given = url::form_urlencoded::parse(&body).find(|(k, _)| k == "csrf").map(|(_, v)| v.into_owned());
    let anonymous_ok = signed_in.is_none() || is_anonymous_path(req.path());
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let valid = given.is_some_and(|given| {
        signed_in.is_some_and(|staff| constant_time_eq(staff.csrf.as_bytes(), given.as_bytes()))
            || (anonymous_ok
                && form_token::verify(&state.key, ANON_FORM_PURPOSE, &given, now, 0, ANON_FORM_SECONDS).is_ok())
    });
    if !valid {
        tracing::warn!("staff form refused: missing or wrong CSRF token");
        // Signed out meanwhile: the sign-in page explains; otherwise a forged or stale form.
        return Ok(Some(if signed_in.is_none() && !is_anonymous_path(req.path()) {
            login_redirect(req.request())
        } else {
            refusal(req.request(), state, "staff-refused-csrf-title", "staff-refused-csrf-body")
        }));
    }
    req.set_payload(Payload::from(body));
    Ok(None)
}

/// Session lookup, `Origin` and CSRF checks, and no-store headers for the whole staff area.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(req.into_response(HttpResponse::InternalServerError().finish()));
    };
    let signed_in = find_session(&req, &state).await?;
    if req.method() == actix_web::http::Method::POST
        && let Some(refused) = refuse_post(&mut req, &state, signed_in.as_ref()).await?
    {
        return Ok(req.into_response(refused));
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
