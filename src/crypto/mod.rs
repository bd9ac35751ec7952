//! Secrets: the server key (from settings or a generated key file), keys derived
//! from it per purpose, and random one-time tokens stored only as hashes.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use hmac::{Hmac, KeyInit, Mac};
use rand::TryRng;
use secrecy::{ExposeSecret, SecretBox};
use sha2::{Digest, Sha256};

use crate::config::SecretKeySource;

/// The 32-byte server secret. Never printed; `Debug` shows nothing.
pub struct SecretKey(SecretBox<[u8; 32]>);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

impl SecretKey {
    fn from_hex(text: &str) -> anyhow::Result<SecretKey> {
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(text.trim(), &mut bytes).context("the key is not 64 hexadecimal characters")?;
        Ok(SecretKey(SecretBox::new(Box::new(bytes))))
    }

    /// A key for one purpose (e.g. "receipt", "form-token"), so no two uses share a key.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        keyed_hash(self.0.expose_secret(), purpose.as_bytes())
    }

    /// Loads the configured key, or reads/creates the key file (mode 0600) on first run.
    pub fn load(source: &SecretKeySource) -> anyhow::Result<SecretKey> {
        match source {
            SecretKeySource::Inline(hex) => SecretKey::from_hex(hex.expose_secret()).context("HOMEWARD_SECRET_KEY"),
            SecretKeySource::File(path) => load_or_create_key_file(path),
        }
    }
}

fn load_or_create_key_file(path: &Path) -> anyhow::Result<SecretKey> {
    match std::fs::read_to_string(path) {
        Ok(text) => SecretKey::from_hex(&text).with_context(|| format!("key file {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            }
            let bytes = os_random::<32>()?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file =
                options.open(path).with_context(|| format!("cannot create the key file {}", path.display()))?;
            writeln!(file, "{}", hex::encode(bytes))
                .and_then(|_| file.sync_all())
                .with_context(|| format!("cannot write the key file {}", path.display()))?;
            tracing::warn!(path = %path.display(), "generated a new secret key file; back it up, it decrypts every stored inquiry");
            Ok(SecretKey(SecretBox::new(Box::new(bytes))))
        }
        Err(e) => Err(e).with_context(|| format!("cannot read the key file {}", path.display())),
    }
}

/// HMAC-SHA256 of `data` under `key`.
/// Compares two MACs in constant time.
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

pub fn keyed_hash(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC takes keys of any length, so this cannot fail; fall back to a plain hash to stay total.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().into()
        }
        Err(_) => Sha256::digest(data).into(),
    }
}

/// Bytes straight from the operating system's random generator.
pub fn os_random<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    rand::rngs::SysRng
        .try_fill_bytes(&mut bytes)
        .map_err(|e| anyhow::anyhow!("the OS random generator failed: {e}"))?;
    Ok(bytes)
}

/// A random one-time token for a link: 32 bytes from the OS, hex-encoded.
pub fn generate_token() -> anyhow::Result<String> {
    Ok(hex::encode(os_random::<32>()?))
}

/// What is stored of a token: its SHA-256 (the token itself is already high-entropy).
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares secrets (tokens, MACs) in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() -> anyhow::Result<()> {
        let a = generate_token()?;
        let b = generate_token()?;
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), a);
        Ok(())
    }

    #[test]
    fn key_file_is_created_once_with_private_mode() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("sub").join("secret.key");
        let first = SecretKey::load(&SecretKeySource::File(path.clone()))?;
        let second = SecretKey::load(&SecretKeySource::File(path.clone()))?;
        assert_eq!(first.derive("x"), second.derive("x"));
        assert_ne!(first.derive("x"), first.derive("y"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
        }
        Ok(())
    }

    #[test]
    fn a_damaged_key_file_stops_the_start() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("secret.key");
        std::fs::write(&path, "not a key")?;
        assert!(SecretKey::load(&SecretKeySource::File(path)).is_err());
        Ok(())
    }
}

/// Signed, time-limited form tokens: `<issued unix seconds>.<hmac>`. They prove a
/// form came from this site, recently, without any cookie.
pub mod form_token {
    use super::{SecretKey, keyed_hash};

    #[derive(Debug, PartialEq, Eq)]
    pub enum TokenError {
        Invalid,
        Expired,
        TooFast,
    }

    fn mac(key: &SecretKey, purpose: &str, issued: i64) -> String {
        hex::encode(&keyed_hash(&key.derive("form-token"), format!("{purpose}|{issued}").as_bytes())[..16])
    }

    pub fn issue(key: &SecretKey, purpose: &str, now: i64) -> String {
        format!("{now}.{}", mac(key, purpose, now))
    }

    /// A token that also carries a random nonce: `<issued>.<nonce hex>.<hmac>`.
    pub fn issue_with_nonce(key: &SecretKey, purpose: &str, now: i64, nonce: &[u8; 16]) -> String {
        let nonce = hex::encode(nonce);
        format!("{now}.{nonce}.{}", mac(key, &format!("{purpose}|{nonce}"), now))
    }

    /// Checks a token made by `issue_with_nonce`; returns the nonce.
    pub fn verify_with_nonce(
        key: &SecretKey,
        purpose: &str,
        token: &str,
        now: i64,
        min_age: i64,
        max_age: i64,
    ) -> Result<[u8; 16], TokenError> {
        let mut parts = token.splitn(3, '.');
        let (Some(issued), Some(nonce), Some(given)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(TokenError::Invalid);
        };
        let mut bytes = [0u8; 16];
        hex::decode_to_slice(nonce, &mut bytes).map_err(|_| TokenError::Invalid)?;
        verify(key, &format!("{purpose}|{nonce}"), &format!("{issued}.{given}"), now, min_age, max_age)?;
        Ok(bytes)
    }

    /// Checks a token for `purpose`: made by us, at least `min_age` and at most `max_age` seconds ago.
    /// Returns the time it was issued (a stable identity for "the same form sent twice").
    pub fn verify(
        key: &SecretKey,
        purpose: &str,
        token: &str,
        now: i64,
        min_age: i64,
        max_age: i64,
    ) -> Result<i64, TokenError> {
        let (issued, given) = token.split_once('.').ok_or(TokenError::Invalid)?;
        let issued: i64 = issued.parse().map_err(|_| TokenError::Invalid)?;
        let expected = mac(key, purpose, issued);
        // Constant-time comparison of the MACs.
        let same = expected.len() == given.len()
            && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
        if !same {
            return Err(TokenError::Invalid);
        }
        let age = now - issued;
        if age > max_age || age < -60 {
            return Err(TokenError::Expired);
        }
        if age < min_age {
            return Err(TokenError::TooFast);
        }
        Ok(issued)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::config::SecretKeySource;

        fn key() -> SecretKey {
            let hex = secrecy::SecretString::from("11".repeat(32));
            SecretKey::load(&SecretKeySource::Inline(hex)).unwrap_or_else(|_| unreachable!())
        }

        #[test]
        fn tokens_verify_for_their_purpose_and_time_only() {
            let k = key();
            let t = issue(&k, "feedback:en:id", 1000);
            assert_eq!(verify(&k, "feedback:en:id", &t, 1010, 0, 3600), Ok(1000));
            assert_eq!(verify(&k, "feedback:ru:id", &t, 1010, 0, 3600), Err(TokenError::Invalid));
            assert_eq!(verify(&k, "feedback:en:id", &t, 1000 + 3601, 0, 3600), Err(TokenError::Expired));
            assert_eq!(verify(&k, "feedback:en:id", &t, 1002, 5, 3600), Err(TokenError::TooFast));
            let forged = t.replace("1000.", "2000.");
            assert_eq!(verify(&k, "feedback:en:id", &forged, 2010, 0, 3600), Err(TokenError::Invalid));
            assert_eq!(verify(&k, "x", "garbage", 0, 0, 1), Err(TokenError::Invalid));
        }

        #[test]
        fn nonce_tokens_carry_their_nonce_and_cannot_swap_it() {
            let k = key();
            let t = issue_with_nonce(&k, "contact:en", 100, &[9; 16]);
            assert_eq!(verify_with_nonce(&k, "contact:en", &t, 110, 3, 3600), Ok([9; 16]));
            assert_eq!(verify_with_nonce(&k, "contact:en", &t, 101, 3, 3600), Err(TokenError::TooFast));
            let swapped = t.replace(&hex::encode([9u8; 16]), &hex::encode([8u8; 16]));
            assert_eq!(verify_with_nonce(&k, "contact:en", &swapped, 110, 3, 3600), Err(TokenError::Invalid));
        }
    }
}

pub mod vault;

/// Receipt codes: derived from the form's random nonce (so sending the same form
/// twice shows the same code) and stored only as a keyed hash.
pub mod receipt {
    use super::{SecretKey, keyed_hash};
    use crate::domain::ReceiptCode;

    /// The code for a form nonce (128 bits from the OS generator); 80 bits of it are shown.
    pub fn code_for(key: &SecretKey, nonce: &[u8; 16]) -> ReceiptCode {
        let mac = keyed_hash(&key.derive("receipt-code"), nonce);
        let mut bytes = [0u8; 10];
        bytes.copy_from_slice(&mac[..10]);
        ReceiptCode::from_bytes(&bytes)
    }

    /// What is stored to find an inquiry by its code.
    pub fn hash(key: &SecretKey, code: &ReceiptCode) -> String {
        hex::encode(keyed_hash(&key.derive("receipt-hash"), code.canonical().as_bytes()))
    }

    /// A keyed hash of any text (form nonces, submissions) that must be compared, not read.
    pub fn fingerprint(key: &SecretKey, purpose: &str, data: &[u8]) -> String {
        hex::encode(keyed_hash(&key.derive(purpose), data))
    }
}
