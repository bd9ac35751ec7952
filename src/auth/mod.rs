//! Staff authentication: password hashing and the second factor (TOTP and
//! recovery codes). Sessions, CSRF and the typed extractors live in `web::staff`.

pub mod password;
pub mod totp;
