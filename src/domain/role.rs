//! Staff roles. An account holds one or more; only caseworkers read inquiries.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Caseworker,
    Editor,
    Admin,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not a role (expected caseworker, editor or admin)")]
pub struct RoleError(pub String);

impl Role {
    pub const ALL: [Role; 3] = [Role::Caseworker, Role::Editor, Role::Admin];

    pub fn parse(input: &str) -> Result<Self, RoleError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "caseworker" => Ok(Role::Caseworker),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            _ => Err(RoleError(input.to_owned())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Caseworker => "caseworker",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_role() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(Role::parse(" Admin "), Ok(Role::Admin));
        assert!(Role::parse("root").is_err());
    }
}
