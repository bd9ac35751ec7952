//! Attempts counted in memory, per client or per key (an account): sign-in, reset mail and
//! public forms. Clients and keys are known only by keyed hashes, so no address is stored.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::crypto::{SecretKey, keyed_hash};

/// An action and a hashed client.
type Bucket = (&'static str, [u8; 16]);

/// Who counts as one client: an IPv4 address, or an IPv6 /64 network (one home or phone
/// usually has a whole /64 and can pick any address in it). IPv4-mapped IPv6 is IPv4.
pub fn client_group(ip: Option<IpAddr>) -> String {
    match ip {
        None => "unknown".to_owned(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The most attempts `RateLimiter::count` keeps per key.
const COUNT_CAP: usize = 1024;

/// Forgets keys idle for an hour (longer than any window) once the map grows, so keys made up
/// by an attacker (accounts times addresses) cannot fill memory.
fn forget_idle(windows: &mut HashMap<Bucket, Vec<Instant>>, now: Instant) {
    if windows.len() > 10_000 {
        windows.retain(|_, times| times.last().is_some_and(|t| now.duration_since(*t) < Duration::from_secs(3600)));
    }
}

pub struct RateLimiter {
    salt: [u8; 32],
    windows: Mutex<HashMap<Bucket, Vec<Instant>>>,
    /// Keys with an attempt in flight (see [`RateLimiter::hold`]).
    busy: Mutex<HashSet<Bucket>>,
}

/// One attempt in flight for a key; dropping it lets the next one in.
pub struct Turn<'a> {
    limiter: &'a RateLimiter,
    bucket: Bucket,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        if let Ok(mut busy) = self.limiter.busy.lock() {
            busy.remove(&self.bucket);
        }
    }
}

impl RateLimiter {
    pub fn new(key: &SecretKey) -> RateLimiter {
        RateLimiter {
            salt: key.derive("rate-limit-client"),
            windows: Mutex::new(HashMap::new()),
            busy: Mutex::new(HashSet::new()),
        }
    }

    fn client(&self, ip: Option<IpAddr>) -> [u8; 16] {
        let text = client_group(ip);
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
        forget_idle(&mut windows, now);
        let times = windows.entry((action, self.keyed(key))).or_default();
        times.retain(|t| now.duration_since(*t) < window);
        if times.len() >= limit {
            return false;
        }
        times.push(now);
        true
    }

    /// Counts an attempt for `key` now and says how many were made within `window` before it.
    /// Never refuses: the caller slows down instead. At most `COUNT_CAP` are kept per key, so a
    /// flood of attempts on one key costs bounded memory (the count saturates there).
    pub fn count(&self, action: &'static str, key: &str, window: Duration) -> usize {
        let now = Instant::now();
        let Ok(mut windows) = self.windows.lock() else {
            return 0;
        };
        forget_idle(&mut windows, now);
        let times = windows.entry((action, self.keyed(key))).or_default();
        times.retain(|t| now.duration_since(*t) < window);
        let before = times.len();
        if times.len() >= COUNT_CAP {
            times.remove(0);
        }
        times.push(now);
        before
    }

    /// The one turn for `key`, unless another attempt holds it now: attempts on one key then
    /// run one at a time, and those that find it busy are refused rather than queued. The set
    /// holds only keys with an attempt in flight, so it is as small as the attempts running.
    pub fn hold(&self, action: &'static str, key: &str) -> Option<Turn<'_>> {
        let bucket = (action, self.keyed(key));
        let mut busy = self.busy.lock().ok()?;
        // A Turn made here and dropped (when the key is taken) would free the other attempt's.
        if busy.insert(bucket) { Some(Turn { limiter: self, bucket }) } else { None }
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
            forget_idle(&mut windows, Instant::now());
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
        forget_idle(&mut windows, now);
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
    fn one_turn_per_key_at_a_time() -> Result<(), Box<dyn std::error::Error>> {
        let key = SecretKey::load(&SecretKeySource::Inline(secrecy::SecretString::from("33".repeat(32))))?;
        let limiter = RateLimiter::new(&key);
        let first = limiter.hold("busy", "a");
        assert!(first.is_some());
        assert!(limiter.hold("busy", "a").is_none(), "taken while the first is in flight");
        assert!(limiter.hold("busy", "a").is_none(), "a refused turn does not free the key");
        assert!(limiter.hold("busy", "b").is_some(), "other keys are free");
        drop(first);
        assert!(limiter.hold("busy", "a").is_some(), "free again once the first ended");
        Ok(())
    }

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
        // Addresses in one IPv6 /64 are one client; another /64 is another client.
        let v6: Vec<IpAddr> = ["2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:db8:1:3::1"]
            .iter()
            .map(|a| a.parse())
            .collect::<Result<_, _>>()?;
        assert!(limiter.allow("contact", Some(v6[0]), 2, minute));
        assert!(limiter.allow("contact", Some(v6[1]), 2, minute));
        assert!(!limiter.allow("contact", Some(v6[0]), 2, minute), "a new address in the same /64 does not help");
        assert!(limiter.allow("contact", Some(v6[2]), 2, minute));
        Ok(())
    }

    #[test]
    fn counting_never_refuses_and_says_how_many_came_before() -> Result<(), Box<dyn std::error::Error>> {
        let key = SecretKey::load(&SecretKeySource::Inline(secrecy::SecretString::from("22".repeat(32))))?;
        let limiter = RateLimiter::new(&key);
        let minute = Duration::from_secs(60);
        for n in 0..COUNT_CAP + 10 {
            assert_eq!(limiter.count("login-account", "a@example.org", minute), n.min(COUNT_CAP));
        }
        assert_eq!(limiter.count("login-account", "b@example.org", minute), 0, "each key separately");
        limiter.forgive("login-account", "a@example.org");
        assert_eq!(limiter.count("login-account", "a@example.org", minute), 0);
        Ok(())
    }

    #[test]
    fn client_groups() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(client_group(None), "unknown");
        assert_eq!(client_group(Some("198.51.100.7".parse()?)), "198.51.100.7");
        assert_eq!(client_group(Some("::ffff:198.51.100.7".parse()?)), "198.51.100.7");
        assert_eq!(client_group(Some("2001:db8:a:b:1:2:3:4".parse()?)), "2001:db8:a:b::/64");
        Ok(())
    }
}
