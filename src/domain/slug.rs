//! Stable URL names for topics and guides: lowercase ASCII letters, digits and
//! single hyphens, e.g. `identity-documents`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not a slug (lowercase letters a–z, digits and single hyphens, up to 80 characters)")]
pub struct SlugError(pub String);

impl Slug {
    pub fn parse(input: &str) -> Result<Slug, SlugError> {
        let ok = !input.is_empty()
            && input.len() <= 80
            && input.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !input.starts_with('-')
            && !input.ends_with('-')
            && !input.contains("--");
        if ok { Ok(Slug(input.to_owned())) } else { Err(SlugError(input.to_owned())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_slugs_only() {
        assert!(Slug::parse("identity-documents").is_ok());
        assert!(Slug::parse("a1").is_ok());
        for bad in ["", "-a", "a-", "a--b", "Identity", "şəhər", "a b", "../x", &"x".repeat(81)] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
    }
}
