//! A new password chosen by a staff member, checked after NIST SP 800-63B:
//! a minimum length, no composition rules, and not a commonly used password
//! (a shipped list, plus one repeated character or a plain sequence). Hashing lives in `auth`.

use std::fmt;

pub const MIN_PASSWORD_CHARS: usize = 12;
/// Argon2 accepts longer input, but nobody types more; a bound keeps hashing cheap.
pub const MAX_PASSWORD_CHARS: usize = 256;

pub struct NewPassword(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("the password is shorter than {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password is longer than {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password is too common or too easy to guess")]
    Common,
    #[error("the two passwords are not the same")]
    Mismatch,
}

/// Commonly used passwords of at least the minimum length, one per line, lower case.
const COMMON: &str = include_str!("common_passwords.txt");

/// Whether a password is on the shipped list, one character repeated, or a plain run like `123456789012`.
pub fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    if chars.windows(2).all(|w| w[0] == w[1]) {
        return true;
    }
    let step = |a: char, b: char| (b as i64) - (a as i64);
    if chars.len() > 1 {
        let first = step(chars[0], chars[1]);
        if (first == 1 || first == -1)
            && chars.windows(2).all(|w| step(w[0], w[1]) == first || step(w[0], w[1]) == first * -9)
        {
            return true;
        }
    }
    COMMON.lines().filter(|l| !l.starts_with('#')).any(|l| l.trim() == lower)
}

impl NewPassword {
    pub fn parse(password: &str, confirmation: &str) -> Result<Self, PasswordError> {
        let chars = password.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(PasswordError::TooLong);
        }
        if is_common(password) {
            return Err(PasswordError::Common);
        }
        if password != confirmation {
            return Err(PasswordError::Mismatch);
        }
        Ok(NewPassword(password.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        // Eleven Armenian letters are 22 bytes but still too short.
        let eleven = "բարևհայաստա";
        assert_eq!(NewPassword::parse(eleven, eleven).err(), Some(PasswordError::TooShort));
        let twelve = "բարևհայաստան";
        assert!(NewPassword::parse(twelve, twelve).is_ok());
        // Twelve letters in alphabet order are a plain run, like `abcdefghijkl`.
        let run = "աբգդեզէըթժիլ";
        assert_eq!(NewPassword::parse(run, run).err(), Some(PasswordError::Common));
    }

    #[test]
    fn requires_the_confirmation_to_match() {
        assert_eq!(
            NewPassword::parse("correct horse battery", "correct horse batterY").err(),
            Some(PasswordError::Mismatch)
        );
    }

    #[test]
    fn rejects_common_and_trivial_passwords() {
        for common in ["password1234", "Password1234", "111111111111", "123456789012", "abcdefghijkl", "9876543210987"]
        {
            assert_eq!(NewPassword::parse(common, common).err(), Some(PasswordError::Common), "{common}");
        }
        let fine = "vanadzor river 1987 morning";
        assert!(NewPassword::parse(fine, fine).is_ok());
    }

    #[test]
    fn rejects_absurdly_long_passwords() {
        let long = "x".repeat(MAX_PASSWORD_CHARS + 1);
        assert_eq!(NewPassword::parse(&long, &long).err(), Some(PasswordError::TooLong));
    }
}
