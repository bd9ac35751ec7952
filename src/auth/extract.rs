//! The typed extractors a staff handler names in its signature (`Staff`, `Caseworker`, `Admin`…):
//! a forgotten check shows there. They read what `web::staff::guard` found for the request.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError};

use super::Staff;
use crate::domain::Role;

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
            Denied::SignIn(location) => {
                HttpResponse::SeeOther().insert_header((header::LOCATION, location.as_str())).finish()
            }
            Denied::Forbidden => HttpResponse::new(StatusCode::FORBIDDEN),
        }
    }
}

/// The sign-in page, with the way back to where the person was.
pub fn login_location(req: &HttpRequest) -> String {
    let here = match req.uri().path_and_query() {
        Some(pq) if req.method() == actix_web::http::Method::GET => pq.as_str().to_owned(),
        _ => req.path().to_owned(),
    };
    let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
    format!("/staff/login?next={next}")
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
