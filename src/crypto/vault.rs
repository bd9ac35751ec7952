//! Encryption at rest (envelope style). Data is sealed with XChaCha20-Poly1305
//! under a random data key; data keys are stored in the database wrapped with a
//! key derived from the server secret. Every ciphertext names its data key, so
//! `homeward keys rotate` can move everything to a new one.
//!
//! Sealed blob: `HW1` | data key id (16 bytes) | nonce (24 bytes) | ciphertext+tag.
//! The associated data binds a blob to its place (e.g. `inquiries.email:<id>`).

use std::collections::HashMap;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use super::{SecretKey, os_random};

const MAGIC: &[u8; 3] = b"HW1";
const HEADER: usize = 3 + 16 + 24;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VaultError {
    #[error("the ciphertext is damaged or not ours")]
    Malformed,
    #[error("the ciphertext was made with a data key this server does not have")]
    UnknownKey,
    #[error("decryption failed (wrong key or tampered data)")]
    Tampered,
    #[error("the random generator failed")]
    Random,
}

pub type KeyId = [u8; 16];

struct DataKey {
    cipher: XChaCha20Poly1305,
}

/// The unwrapped data keys and which one seals new data.
pub struct Vault {
    current: KeyId,
    keys: HashMap<KeyId, DataKey>,
}

/// A data key as stored: its id and the wrapped key bytes.
pub struct WrappedKey {
    pub id: KeyId,
    pub wrapped: Vec<u8>,
}

fn wrapping_cipher(master: &SecretKey) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(&master.derive("data-key-wrapping").into())
}

fn wrap_aad(id: &KeyId) -> Vec<u8> {
    let mut aad = b"data-key:".to_vec();
    aad.extend_from_slice(id);
    aad
}

/// A fresh random data key, wrapped under the server secret.
pub fn new_wrapped_key(master: &SecretKey) -> Result<WrappedKey, VaultError> {
    let id: KeyId = os_random().map_err(|_| VaultError::Random)?;
    let key: [u8; 32] = os_random().map_err(|_| VaultError::Random)?;
    let nonce: [u8; 24] = os_random().map_err(|_| VaultError::Random)?;
    let sealed = wrapping_cipher(master)
        .encrypt(&XNonce::from(nonce), Payload { msg: &key, aad: &wrap_aad(&id) })
        .map_err(|_| VaultError::Tampered)?;
    let mut wrapped = nonce.to_vec();
    wrapped.extend_from_slice(&sealed);
    Ok(WrappedKey { id, wrapped })
}

impl Vault {
    /// Unwraps stored data keys; the last one is current. Fails when the server secret
    /// is not the one the keys were wrapped with: no silent garbage.
    pub fn unwrap(master: &SecretKey, stored: &[WrappedKey]) -> Result<Vault, VaultError> {
        let wrapper = wrapping_cipher(master);
        let mut keys = HashMap::new();
        for w in stored {
            if w.wrapped.len() < 24 {
                return Err(VaultError::Malformed);
            }
            let (nonce, sealed) = w.wrapped.split_at(24);
            let nonce: [u8; 24] = nonce.try_into().map_err(|_| VaultError::Malformed)?;
            let key = wrapper
                .decrypt(&XNonce::from(nonce), Payload { msg: sealed, aad: &wrap_aad(&w.id) })
                .map_err(|_| VaultError::Tampered)?;
            let cipher = XChaCha20Poly1305::new_from_slice(&key).map_err(|_| VaultError::Malformed)?;
            keys.insert(w.id, DataKey { cipher });
        }
        let current = stored.last().map(|w| w.id).ok_or(VaultError::UnknownKey)?;
        Ok(Vault { current, keys })
    }

    pub fn current_key(&self) -> KeyId {
        self.current
    }

    pub fn seal(&self, plaintext: &[u8], aad: &str) -> Result<Vec<u8>, VaultError> {
        let key = self.keys.get(&self.current).ok_or(VaultError::UnknownKey)?;
        let nonce: [u8; 24] = os_random().map_err(|_| VaultError::Random)?;
        let sealed = key
            .cipher
            .encrypt(&XNonce::from(nonce), Payload { msg: plaintext, aad: aad.as_bytes() })
            .map_err(|_| VaultError::Tampered)?;
        let mut out = Vec::with_capacity(HEADER + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.current);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    pub fn seal_str(&self, plaintext: &str, aad: &str) -> Result<Vec<u8>, VaultError> {
        self.seal(plaintext.as_bytes(), aad)
    }

    pub fn open(&self, blob: &[u8], aad: &str) -> Result<Vec<u8>, VaultError> {
        let id = key_id_of(blob).ok_or(VaultError::Malformed)?;
        let key = self.keys.get(&id).ok_or(VaultError::UnknownKey)?;
        let nonce: [u8; 24] = blob[19..HEADER].try_into().map_err(|_| VaultError::Malformed)?;
        key.cipher
            .decrypt(&XNonce::from(nonce), Payload { msg: &blob[HEADER..], aad: aad.as_bytes() })
            .map_err(|_| VaultError::Tampered)
    }

    pub fn open_string(&self, blob: &[u8], aad: &str) -> Result<String, VaultError> {
        String::from_utf8(self.open(blob, aad)?).map_err(|_| VaultError::Malformed)
    }
}

/// The data key a blob was sealed with.
pub fn key_id_of(blob: &[u8]) -> Option<KeyId> {
    if blob.len() < HEADER || &blob[..3] != MAGIC {
        return None;
    }
    blob[3..19].try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SecretKeySource;

    fn master(byte: &str) -> SecretKey {
        SecretKey::load(&SecretKeySource::Inline(secrecy::SecretString::from(byte.repeat(32))))
            .unwrap_or_else(|_| unreachable!())
    }

    #[test]
    fn seals_and_opens_with_the_right_place_only() -> Result<(), VaultError> {
        let m = master("ab");
        let vault = Vault::unwrap(&m, &[new_wrapped_key(&m)?])?;
        let blob = vault.seal_str("ani@example.am", "inquiries.email:1")?;
        assert!(!blob.windows(3).any(|w| w == b"ani"), "plaintext visible");
        assert_eq!(vault.open_string(&blob, "inquiries.email:1")?, "ani@example.am");
        assert_eq!(vault.open(&blob, "inquiries.email:2"), Err(VaultError::Tampered), "moved to another row");
        let mut tampered = blob.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(vault.open(&tampered, "inquiries.email:1"), Err(VaultError::Tampered));
        assert_eq!(vault.open(b"garbage", "x"), Err(VaultError::Malformed));
        Ok(())
    }

    #[test]
    fn a_wrong_server_secret_cannot_unwrap_the_keys() -> Result<(), VaultError> {
        let stored = vec![new_wrapped_key(&master("ab"))?];
        assert!(Vault::unwrap(&master("cd"), &stored).is_err());
        Ok(())
    }

    #[test]
    fn old_keys_still_open_after_a_new_one_becomes_current() -> Result<(), VaultError> {
        let m = master("ab");
        let first = new_wrapped_key(&m)?;
        let old = Vault::unwrap(&m, std::slice::from_ref(&first))?;
        let blob = old.seal_str("text", "a")?;
        let both = Vault::unwrap(&m, &[first, new_wrapped_key(&m)?])?;
        assert_ne!(key_id_of(&blob), Some(both.current_key()));
        assert_eq!(both.open_string(&blob, "a")?, "text");
        Ok(())
    }
}
