//! A new password chosen by a staff member, checked after NIST SP 800-63B:
//! a minimum length and no composition rules. Hashing lives in `auth`.

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
    #[error("the two passwords are not the same")]
    Mismatch,
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
        let eleven = "աբգդեզէըթժի";
        assert_eq!(NewPassword::parse(eleven, eleven).err(), Some(PasswordError::TooShort));
        let twelve = "աբգդեզէըթժիլ";
        assert!(NewPassword::parse(twelve, twelve).is_ok());
    }

    #[test]
    fn requires_the_confirmation_to_match() {
        assert_eq!(
            NewPassword::parse("correct horse battery", "correct horse batterY").err(),
            Some(PasswordError::Mismatch)
        );
    }

    #[test]
    fn rejects_absurdly_long_passwords() {
        let long = "x".repeat(MAX_PASSWORD_CHARS + 1);
        assert_eq!(NewPassword::parse(&long, &long).err(), Some(PasswordError::TooLong));
    }
}
