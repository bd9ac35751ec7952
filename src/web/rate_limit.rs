//! Per-client rate limits held in memory. A client is known only by a keyed
//! hash of its address, so no address is stored anywhere, not even here.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::crypto::{SecretKey, keyed_hash};

/// An action and a hashed client.
type Bucket = (&'static str, [u8; 16]);

pub struct RateLimiter {
    salt: [u8; 32],
    windows: Mutex<HashMap<Bucket, Vec<Instant>>>,
}

impl RateLimiter {
    pub fn new(key: &SecretKey) -> RateLimiter {
        RateLimiter { salt: key.derive("rate-limit-client"), windows: Mutex::new(HashMap::new()) }
    }

    fn client(&self, ip: Option<IpAddr>) -> [u8; 16] {
        let text = ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string());
        let hash = keyed_hash(&self.salt, text.as_bytes());
        let mut id = [0u8; 16];
        id.copy_from_slice(&hash[..16]);
        id
    }

    fn keyed(&self, key: &str) -> [u8; 16] {
        let hash = keyed_hash(&self.salt, format!("key:{key}").as_bytes());
        let mut id = [0u8; 16];
        id.copy_from_slice(&hash[..16]);
        id
    }

    /// Failures counted against an arbitrary key (an account, a client): `blocked` looks,
    /// `fail` counts one, `forgive` forgets them (after a success).
    pub fn blocked(&self, action: &'static str, key: &str, limit: usize, window: Duration) -> bool {
        let now = Instant::now();
        let Ok(mut windows) = self.windows.lock() else {
            return false;
        };
        let times = windows.entry((action, self.keyed(key))).or_default();
        times.retain(|t| now.duration_since(*t) < window);
        times.len() >= limit
    }

    /// Counts an attempt now if fewer than `limit` were made within `window`; false when blocked.
    /// Check and count happen under one lock, so parallel requests cannot all slip through.
    pub fn reserve(&self, action: &'static str, key: &str, limit: usize, window: Duration) -> bool {
        let now = Instant::now();
        let Ok(mut windows) = self.windows.lock() else {
            return true;
        };
        let times = windows.entry((action, self.keyed(key))).or_default();
        times.retain(|t| now.duration_since(*t) < window);
        if times.len() >= limit {
            return false;
        }
        times.push(now);
        true
    }

    /// Takes back the latest attempt counted for `key` (it succeeded).
    pub fn give_back(&self, action: &'static str, key: &str) {
        if let Ok(mut windows) = self.windows.lock()
            && let Some(times) = windows.get_mut(&(action, self.keyed(key)))
        {
            times.pop();
        }
    }

    pub fn fail(&self, action: &'static str, key: &str) {
        if let Ok(mut windows) = self.windows.lock() {
            windows.entry((action, self.keyed(key))).or_default().push(Instant::now());
        }
    }

    pub fn forgive(&self, action: &'static str, key: &str) {
        if let Ok(mut windows) = self.windows.lock() {
            windows.remove(&(action, self.keyed(key)));
        }
    }

    /// Counts one attempt by `ip` for `action`; false when it already made `limit`
    /// attempts within `window`.
    pub fn allow(&self, action: &'static str, ip: Option<IpAddr>, limit: usize, window: Duration) -> bool {
        let now = Instant::now();
        let key = (action, self.client(ip));
        let Ok(mut windows) = self.windows.lock() else {
            return true;
        };
        // Forget idle clients now and then so the map stays small.
        if windows.len() > 10_000 {
            windows.retain(|_, times| times.last().is_some_and(|t| now.duration_since(*t) < Duration::from_secs(3600)));
        }
        let times = windows.entry(key).or_default();
        times.retain(|t| now.duration_since(*t) < window);
        if times.len() >= limit {
            return false;
        }
        times.push(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SecretKeySource;

    #[test]
    fn limits_each_client_and_action_separately() -> Result<(), Box<dyn std::error::Error>> {
        let key = SecretKey::load(&SecretKeySource::Inline(secrecy::SecretString::from("22".repeat(32))))?;
        let limiter = RateLimiter::new(&key);
        let a: IpAddr = "192.0.2.1".parse()?;
        let b: IpAddr = "192.0.2.2".parse()?;
        let minute = Duration::from_secs(60);
        assert!(limiter.allow("feedback", Some(a), 2, minute));
        assert!(limiter.allow("feedback", Some(a), 2, minute));
        assert!(!limiter.allow("feedback", Some(a), 2, minute));
        assert!(limiter.allow("feedback", Some(b), 2, minute));
        assert!(limiter.allow("search", Some(a), 2, minute));
        Ok(())
    }
}
