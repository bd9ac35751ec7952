//! In-memory cache of rendered public pages, keyed by language and path, each page kept
//! plain and compressed (see `content::compress`). Every instance checks the database's
//! content version at most once a second and drops everything when it moved, so an edit
//! shows everywhere at once. A page is also re-rendered once it is [`MAX_PAGE_AGE_SECS`] old,
//! so the form tokens it carries are never older than that when served (see
//! `web::public::feedback`). The cache holds at most a configured number of bytes (every
//! coding counted) and drops the least recently used pages to stay under it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::content::compress::Variants;

/// A rendered page and what HTTP caching needs to know about it.
pub struct CachedPage {
    pub content_type: &'static str,
    /// The body in each coding, with a validator each.
    pub variants: Variants,
}

impl CachedPage {
    /// A page with its plain body only: see [`CachedPage::compressed`].
    pub fn new(body: String, content_type: &'static str) -> CachedPage {
        CachedPage { content_type, variants: Variants::plain(bytes::Bytes::from(body)) }
    }

    /// The page with its compressed bodies beside the plain one, as the cache keeps it.
    pub fn compressed(self) -> CachedPage {
        CachedPage { variants: self.variants.compressed(crate::content::compress::PAGE_BROTLI_QUALITY), ..self }
    }

    /// The plain body's validator.
    pub fn etag(&self) -> &str {
        &self.variants.get(crate::content::compress::Coding::Identity).1.etag
    }
}

type Job = (CachedPage, tokio::sync::oneshot::Sender<CachedPage>);

/// One thread that compresses pages as they enter the cache. Brotli's tables (about 2 MB at
/// quality 10) then live in one allocator arena rather than one per blocking thread, and a
/// burst of misses after a content change queues here rather than taking a thread each.
struct Compressor {
    /// `None` when the thread could not start: pages are then compressed where they were rendered.
    jobs: Option<std::sync::mpsc::Sender<Job>>,
}

impl Compressor {
    fn start() -> Compressor {
        let (jobs, receiver) = std::sync::mpsc::channel::<Job>();
        // The thread ends when the cache (the only sender) is dropped.
        let started = std::thread::Builder::new().name("page-compress".to_owned()).spawn(move || {
            while let Ok((page, reply)) = receiver.recv() {
                let _ = reply.send(page.compressed());
            }
        });
        match started {
            Ok(_) => Compressor { jobs: Some(jobs) },
            Err(e) => {
                tracing::warn!(error = %e, "no page compression thread");
                Compressor { jobs: None }
            }
        }
    }
}

/// What an entry costs beyond its bodies: the key's copy, the map slot, the `Arc`, the
/// content type and the bookkeeping (an estimate; it keeps tiny pages from being counted as free).
const ENTRY_OVERHEAD: usize = 256;
/// After an eviction the cache is at most this fraction (in eighths) of its bound, so one
/// eviction round makes room for many pages rather than one.
const AFTER_EVICTION_EIGHTHS: usize = 7;
/// The bound when no setting gives one.
pub const DEFAULT_MAX_BYTES: usize = 32 * 1024 * 1024;
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// How long a rendered page is served from the cache at most, content changes or not.
pub const MAX_PAGE_AGE_SECS: i64 = 3600;

struct Entry {
    /// When it was rendered (the cache's clock, unix seconds).
    rendered_at: i64,
    page: Arc<CachedPage>,
    /// Bytes it counts for against the bound.
    size: usize,
    /// The cache's use counter at its last lookup: the smallest is evicted first.
    last_used: AtomicU64,
}

#[derive(Default)]
struct Pages {
    map: HashMap<String, Entry>,
    /// The sum of the entries' sizes.
    bytes: usize,
}

pub struct PageCache {
    pages: RwLock<Pages>,
    max_bytes: usize,
    /// Counts lookups and insertions: the order of use, for eviction.
    uses: AtomicU64,
    /// Seconds added to the wall clock: tests move time forward instead of waiting.
    clock_offset: AtomicI64,
    version: AtomicI64,
    last_check: Mutex<Option<Instant>>,
    hits: AtomicU64,
    misses: AtomicU64,
    evictions: AtomicU64,
    compressor: Compressor,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache::new(DEFAULT_MAX_BYTES)
    }
}

impl PageCache {
    /// A cache holding at most `max_bytes` of pages (bodies in every coding, keys, overhead).
    pub fn new(max_bytes: usize) -> PageCache {
        PageCache {
            pages: RwLock::new(Pages::default()),
            max_bytes,
            uses: AtomicU64::new(0),
            clock_offset: AtomicI64::new(0),
            version: AtomicI64::new(i64::MIN),
            last_check: Mutex::new(None),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            evictions: AtomicU64::new(0),
            compressor: Compressor::start(),
        }
    }

    /// `page` with its compressed bodies, made on the cache's compression thread (on the
    /// caller's when that thread is gone). `None` only if the encoder failed on the way.
    pub async fn compress(&self, page: CachedPage) -> Option<CachedPage> {
        let Some(jobs) = &self.compressor.jobs else { return Some(page.compressed()) };
        let (reply, answer) = tokio::sync::oneshot::channel();
        match jobs.send((page, reply)) {
            Ok(()) => answer.await.ok(),
            Err(std::sync::mpsc::SendError((page, _))) => Some(page.compressed()),
        }
    }

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
        if previous != version {
            self.clear();
        }
    }

    fn clear(&self) {
        if let Ok(mut pages) = self.pages.write() {
            *pages = Pages::default();
        }
    }

    /// Forces the next request to check the version (after a change made by this instance).
    pub fn invalidate(&self) {
        self.clear();
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
            p.map.get(key).filter(|e| now.saturating_sub(e.rendered_at) < MAX_PAGE_AGE_SECS).map(|e| {
                e.last_used.store(self.uses.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
                e.page.clone()
            })
        });
        match found {
            Some(_) => self.hits.fetch_add(1, Ordering::Relaxed),
            None => self.misses.fetch_add(1, Ordering::Relaxed),
        };
        found
    }

    /// Keeps `page` under `key`, dropping the least recently used pages when the bound would be
    /// passed. A page larger than the whole bound is served but not kept.
    pub fn put(&self, key: String, page: CachedPage) -> Arc<CachedPage> {
        let page = Arc::new(page);
        let size = page.variants.size() + key.len() + ENTRY_OVERHEAD;
        if size > self.max_bytes {
            return page;
        }
        let now = self.now_unix();
        if let Ok(mut pages) = self.pages.write() {
            if let Some(old) = pages.map.remove(&key) {
                pages.bytes = pages.bytes.saturating_sub(old.size);
            }
            if pages.bytes + size > self.max_bytes {
                self.evict(&mut pages, (self.max_bytes / 8 * AFTER_EVICTION_EIGHTHS).saturating_sub(size));
            }
            let last_used = AtomicU64::new(self.uses.fetch_add(1, Ordering::Relaxed));
            pages.bytes += size;
            pages.map.insert(key, Entry { rendered_at: now, page: page.clone(), size, last_used });
        }
        page
    }

    /// Drops the least recently used pages until at most `target` bytes remain.
    fn evict(&self, pages: &mut Pages, target: usize) {
        let mut by_use: Vec<(u64, String)> =
            pages.map.iter().map(|(k, e)| (e.last_used.load(Ordering::Relaxed), k.clone())).collect();
        by_use.sort_unstable();
        for (_, key) in by_use {
            if pages.bytes <= target {
                break;
            }
            if let Some(old) = pages.map.remove(&key) {
                pages.bytes = pages.bytes.saturating_sub(old.size);
                self.evictions.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// (hits, misses) since start, for `/metrics`.
    pub fn stats(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// (pages, bytes) held now and pages evicted since start, for `/metrics`.
    pub fn usage(&self) -> (usize, usize, u64) {
        let (len, bytes) = self.pages.read().map(|p| (p.map.len(), p.bytes)).unwrap_or_default();
        (len, bytes, self.evictions.load(Ordering::Relaxed))
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
        assert_ne!(a.etag(), b.etag());
        assert!(a.etag().starts_with("W/\""));
    }

    /// A page of `n` random letters: it compresses badly, so its size is about 2.3 × n.
    fn page_of(n: usize, seed: u64) -> CachedPage {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let body: String = (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        CachedPage::new(body, "text/html").compressed()
    }

    fn size_of(key: &str, page: &CachedPage) -> usize {
        page.variants.size() + key.len() + ENTRY_OVERHEAD
    }

    #[test]
    fn the_cache_stays_under_its_byte_bound_by_dropping_the_least_recently_used() {
        let one = size_of("en|/0", &page_of(2000, 0));
        // Room for five pages.
        let cache = PageCache::new(one * 5 + one / 2);
        for i in 0..5 {
            cache.put(format!("en|/{i}"), page_of(2000, i));
        }
        assert_eq!(cache.usage().0, 5, "five fit");
        // Page 0 is read, so page 1 is now the least recently used.
        assert!(cache.get("en|/0").is_some());
        cache.put("en|/5".into(), page_of(2000, 5));
        let (len, bytes, evicted) = cache.usage();
        assert!(bytes <= one * 5 + one / 2, "{bytes} within the bound");
        assert!(evicted >= 1 && (3..6).contains(&len), "some pages went, not all: {len} left, {evicted} evicted");
        assert!(cache.get("en|/0").is_some(), "the recently read page stays");
        assert!(cache.get("en|/5").is_some(), "the new page is kept");
        assert!(cache.get("en|/1").is_none(), "the least recently used went first");
    }

    #[test]
    fn the_bound_counts_every_coding_and_replacing_a_page_does_not_count_it_twice() {
        let page = page_of(4000, 1);
        let size = size_of("k", &page);
        assert!(size > 4000 * 2 + ENTRY_OVERHEAD, "brotli and gzip bodies count too: {size}");
        let cache = PageCache::new(size * 2);
        cache.put("k".into(), page);
        cache.put("k".into(), page_of(4000, 1));
        assert_eq!(cache.usage(), (1, size, 0));
    }

    #[tokio::test]
    async fn pages_are_compressed_on_the_cache_thread() {
        let cache = PageCache::default();
        let page =
            cache.compress(page_of(3000, 3)).await.map(|p| p.variants.has(crate::content::compress::Coding::Brotli));
        assert_eq!(page, Some(true));
    }

    #[test]
    fn a_page_larger_than_the_bound_is_served_but_not_kept() {
        let cache = PageCache::new(1024);
        cache.put("small".into(), CachedPage::new("<p>x</p>".into(), "text/html"));
        let big = cache.put("big".into(), page_of(4000, 2));
        assert!(big.variants.size() > 4000);
        assert!(cache.get("big").is_none());
        assert!(cache.get("small").is_some(), "and it evicts nothing");
    }
}
