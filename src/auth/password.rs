//! Password hashing with argon2id at OWASP's parameters (19 MiB, t=2, p=1).
//! Slow on purpose: callers run it on the blocking pool.

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

use crate::domain::NewPassword;

fn hasher() -> Result<Argon2<'static>, argon2::Error> {
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(19 * 1024, 2, 1, None)?))
}

pub fn hash_password(password: &NewPassword) -> anyhow::Result<String> {
    let hash = hasher()
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?
        .hash_password(password.expose().as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches `stored`. An unparsable hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    hasher().is_ok_and(|h| h.verify_password(password.as_bytes(), stored).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_carry_their_parameters() -> anyhow::Result<()> {
        let pw = NewPassword::parse("a long enough passphrase", "a long enough passphrase")?;
        let hash = hash_password(&pw)?;
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("a long enough passphrase", &hash));
        assert!(!verify_password("a long enough passphrasE", &hash));
        assert!(!verify_password("anything", "not a hash"));
        Ok(())
    }
}
