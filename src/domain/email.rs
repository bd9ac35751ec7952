//! An email address as a person types it: trimmed, one `@`, a dotted domain,
//! no spaces or control characters. Deliverability is the mail server's business.

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EmailError {
    #[error("the email address is empty")]
    Empty,
    #[error("the email address is too long")]
    TooLong,
    #[error("the email address is not in the form name@example.org")]
    Malformed,
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(EmailError::Malformed)?;
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c);
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.len() > 64 || !domain_ok || s.chars().any(bad_char) {
            return Err(EmailError::Malformed);
        }
        // Domains are case-insensitive; the local part is kept as typed.
        Ok(EmailAddress(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to find an account: addresses that differ only in case are one account.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Debug must not leak an address into logs by accident.
impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        let e = EmailAddress::parse("  Ani.Petrosyan@Example.AM ").map(|e| e.to_string());
        assert_eq!(e, Ok("Ani.Petrosyan@example.am".to_owned()));
    }

    #[test]
    fn accepts_non_ascii_addresses() {
        assert!(EmailAddress::parse("şəhla@poçt.az").is_ok());
    }

    #[test]
    fn rejects_malformed_addresses() {
        assert_eq!(EmailAddress::parse(""), Err(EmailError::Empty));
        for bad in [
            "ani",
            "ani@",
            "@example.org",
            "ani@example",
            "a b@example.org",
            "a@@example.org",
            "a@example..org",
            "a@.example.org",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError::Malformed), "{bad}");
        }
    }

    #[test]
    fn debug_does_not_show_the_address() {
        let e = EmailAddress::parse("secret@example.org");
        assert!(e.is_ok_and(|e| !format!("{e:?}").contains("secret")));
    }
}
