//! Language tags as Homeward uses them in URLs, `<html lang>` and Fluent lookups.
//! Only a lowercase primary subtag (2–3 letters) is accepted, e.g. `en`, `hy`, `az`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LangError {
    #[error("{0:?} is not a language code (expected two or three letters, e.g. \"en\")")]
    Invalid(String),
}

/// Text direction of a script, for `<html dir>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Languages written right to left. Enabling one of them needs no other change:
/// the page frame reads the direction from here and the CSS uses logical properties.
const RTL_LANGUAGES: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "ha", "he", "khw", "ks", "ps", "sd", "ur", "yi"];

impl Lang {
    pub fn parse(input: &str) -> Result<Self, LangError> {
        let trimmed = input.trim();
        let ok = (2..=3).contains(&trimmed.len()) && trimmed.chars().all(|c| c.is_ascii_lowercase());
        if ok { Ok(Lang(trimmed.to_owned())) } else { Err(LangError::Invalid(input.to_owned())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn direction(&self) -> Direction {
        if RTL_LANGUAGES.contains(&self.0.as_str()) { Direction::Rtl } else { Direction::Ltr }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_primary_language_subtags() {
        for code in ["en", "hy", "az", "ru", "ckb"] {
            assert_eq!(Lang::parse(code).map(|l| l.to_string()), Ok(code.to_owned()));
        }
    }

    #[test]
    fn rejects_anything_else() {
        for code in ["", "e", "EN", "en-GB", "english", "e1", "../"] {
            assert!(Lang::parse(code).is_err(), "{code:?} was accepted");
        }
    }

    #[test]
    fn knows_right_to_left_scripts() {
        assert_eq!(Lang::parse("ar").map(|l| l.direction()), Ok(Direction::Rtl));
        assert_eq!(Lang::parse("fa").map(|l| l.direction()), Ok(Direction::Rtl));
        assert_eq!(Lang::parse("hy").map(|l| l.direction()), Ok(Direction::Ltr));
    }
}
