//! Staff authentication: who is acting (`Staff`), the typed extractors that hand it to
//! handlers, password hashing and the second factor (TOTP and recovery codes).
//! The session guard and CSRF checks that fill the request in live in `web::staff`.

pub mod extract;
pub mod password;

pub use extract::{Admin, Caseworker, CaseworkerAdmin, Denied, Editor};

/// How long a password reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;
/// How long a one-time account link (first administrator, invitation) stays valid.
pub const ACCOUNT_LINK_HOURS: i64 = 24;

pub mod totp;

use crate::domain::{Lang, Role};

/// A signed-in staff member, as every staff handler sees them.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user_id: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub lang: Lang,
    pub session_id: String,
    /// The CSRF token every form of this session carries.
    pub csrf: String,
    pub has_totp: bool,
}

impl Staff {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Password given, second factor pending: only the code page accepts this.
#[derive(Debug, Clone)]
pub struct Pending {
    pub user_id: String,
    pub session_id: String,
    pub lang: Lang,
}
