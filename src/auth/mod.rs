//! Staff authentication: password hashing now; sessions, CSRF and typed
//! extractors join here as the staff area grows.

pub mod password;
