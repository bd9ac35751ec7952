//! In-memory cache of rendered public pages, keyed by language and path.
//! Every instance checks the database's content version at most once a second
//! and drops everything when it moved, so an edit shows everywhere at once.
//! A page is also re-rendered once it is [`MAX_PAGE_AGE_SECS`] old, so the form tokens
//! it carries are never older than that when served (see `web::public::feedback`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// A rendered page and what HTTP caching needs to know about it.
pub struct CachedPage {
    pub body: bytes::Bytes,
    pub content_type: &'static str,
    /// Weak validator (compression changes the bytes on the wire, not the page).
    pub etag: String,
}

impl CachedPage {
    pub fn new(body: String, content_type: &'static str) -> CachedPage {
        use sha2::{Digest, Sha256};
        let etag = format!("W/\"{}\"", hex::encode(&Sha256::digest(body.as_bytes())[..12]));
        CachedPage { body: bytes::Bytes::from(body), content_type, etag }
    }
}

/// Bounds memory: a crawler walking odd URLs cannot grow the cache without limit.
const MAX_ENTRIES: usize = 4096;
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// How long a rendered page is served from the cache at most, content changes or not.
pub const MAX_PAGE_AGE_SECS: i64 = 3600;

pub struct PageCache {
    /// Each page with the time (the cache's clock, unix seconds) it was rendered.
    pages: RwLock<HashMap<String, (i64, Arc<CachedPage>)>>,
    /// Seconds added to the wall clock: tests move time forward instead of waiting.
    clock_offset: AtomicI64,
    version: AtomicI64,
    last_check: Mutex<Option<Instant>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            pages: RwLock::new(HashMap::new()),
            clock_offset: AtomicI64::new(0),
            version: AtomicI64::new(i64::MIN),
            last_check: Mutex::new(None),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }
}

impl PageCache {
    /// The cache's clock (unix seconds): the wall clock, moved by [`PageCache::advance_clock`].
    /// Pages and the form tokens in them are dated by it.
    pub fn now_unix(&self) -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp().saturating_add(self.clock_offset.load(Ordering::Relaxed))
    }

    /// Moves the cache's clock forward by `seconds`: for tests, which must not sleep.
    pub fn advance_clock(&self, seconds: i64) {
        self.clock_offset.fetch_add(seconds, Ordering::Relaxed);
    }

    /// Whether it is time to look at the database's content version (at most once a second,
    /// and only one caller at a time asks).
    pub fn due_for_check(&self) -> bool {
        let Ok(mut last) = self.last_check.try_lock() else {
            return false;
        };
        let due = last.is_none_or(|t| t.elapsed() >= CHECK_EVERY);
        if due {
            *last = Some(Instant::now());
        }
        due
    }

    /// Records the version read from the database; a change empties the cache.
    pub fn observe_version(&self, version: i64) {
        let previous = self.version.swap(version, Ordering::SeqCst);
        if previous != version
            && let Ok(mut pages) = self.pages.write()
        {
            pages.clear();
        }
    }

    /// Forces the next request to check the version (after a change made by this instance).
    pub fn invalidate(&self) {
        if let Ok(mut pages) = self.pages.write() {
            pages.clear();
        }
        if let Ok(mut last) = self.last_check.lock() {
            *last = None;
        }
    }

    /// Makes the next request check the version without dropping any page: for the tests
    /// (and the CLI's in-process changes), which should not wait out `CHECK_EVERY`.
    pub fn check_on_next_request(&self) {
        if let Ok(mut last) = self.last_check.lock() {
            *last = None;
        }
    }

    /// The cached page, unless there is none or it is [`MAX_PAGE_AGE_SECS`] old.
    pub fn get(&self, key: &str) -> Option<Arc<CachedPage>> {
        let now = self.now_unix();
        let found = self.pages.read().ok().and_then(|p| {
            p.get(key).filter(|(at, _)| now.saturating_sub(*at) < MAX_PAGE_AGE_SECS).map(|(_, page)| page.clone())
        });
        match found {
            Some(_) => self.hits.fetch_add(1, Ordering::Relaxed),
            None => self.misses.fetch_add(1, Ordering::Relaxed),
        };
        found
    }

    pub fn put(&self, key: String, page: CachedPage) -> Arc<CachedPage> {
        let page = Arc::new(page);
        let now = self.now_unix();
        if let Ok(mut pages) = self.pages.write() {
            if pages.len() >= MAX_ENTRIES {
                pages.clear();
            }
            pages.insert(key, (now, page.clone()));
        }
        page
    }

    /// (hits, misses) since start, for `/metrics`.
    pub fn stats(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_version_empties_the_cache() {
        let cache = PageCache::default();
        cache.observe_version(1);
        cache.put("en|/".into(), CachedPage::new("<p>old</p>".into(), "text/html"));
        assert!(cache.get("en|/").is_some());
        cache.observe_version(1);
        assert!(cache.get("en|/").is_some(), "the same version keeps pages");
        cache.observe_version(2);
        assert!(cache.get("en|/").is_none(), "a new version drops them");
        assert_eq!(cache.stats(), (2, 1));
    }

    #[test]
    fn checks_are_rate_limited() {
        let cache = PageCache::default();
        assert!(cache.due_for_check());
        assert!(!cache.due_for_check());
        cache.invalidate();
        assert!(cache.due_for_check());
    }

    #[test]
    fn a_check_can_be_asked_for_without_dropping_pages() {
        let cache = PageCache::default();
        cache.observe_version(1);
        cache.put("en|/".into(), CachedPage::new("<p>page</p>".into(), "text/html"));
        assert!(cache.due_for_check());
        assert!(!cache.due_for_check());
        cache.check_on_next_request();
        assert!(cache.due_for_check(), "the next request checks");
        assert!(cache.get("en|/").is_some(), "and the pages stay until the version moves");
    }

    #[test]
    fn a_page_is_rendered_again_once_it_is_an_hour_old() {
        let cache = PageCache::default();
        cache.observe_version(1);
        cache.put("en|/".into(), CachedPage::new("<p>page</p>".into(), "text/html"));
        cache.advance_clock(MAX_PAGE_AGE_SECS - 5);
        assert!(cache.get("en|/").is_some(), "younger than the limit: served");
        cache.advance_clock(5);
        assert!(cache.get("en|/").is_none(), "as old as the limit: rendered again");
        cache.put("en|/".into(), CachedPage::new("<p>page</p>".into(), "text/html"));
        assert!(cache.get("en|/").is_some(), "the new rendering is dated by the moved clock");
    }

    #[test]
    fn etags_follow_the_body() {
        let a = CachedPage::new("a".into(), "text/html");
        let b = CachedPage::new("b".into(), "text/html");
        assert_ne!(a.etag, b.etag);
        assert!(a.etag.starts_with("W/\""));
    }
}
