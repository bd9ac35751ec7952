//! Prometheus metrics: requests by route and status, a latency histogram, and the
//! database pool, in the OpenMetrics text format at `/metrics`.

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

/// The standard methods by name; anything else a client makes up is `other`.
pub fn method_label(method: &str) -> &'static str {
    const KNOWN: [&str; 9] = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"];
    KNOWN.into_iter().find(|known| *known == method).unwrap_or("other")
}

fn latency_histogram() -> Histogram {
    // 0.25 ms … about 4 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    pool: Family<PoolLabels, Gauge>,
    cache: Family<CacheLabels, Gauge>,
    hit_ratio: Gauge<f64, std::sync::atomic::AtomicU64>,
    cache_pages: Gauge,
    cache_bytes: Gauge,
    cache_evictions: Gauge,
    outbox: Family<StatusLabels, Gauge>,
    inquiries: Family<StatusLabels, Gauge>,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CacheLabels {
    result: &'static str,
}

impl Metrics {
    pub fn new(backend: &'static str) -> Metrics {
        let mut registry = Registry::with_prefix("homeward");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
        let pool = Family::<PoolLabels, Gauge>::default();
        let cache = Family::<CacheLabels, Gauge>::default();
        registry.register("page_cache_lookups", "Public page cache lookups since start, by result", cache.clone());
        registry.register("http_requests", "HTTP requests by method, route pattern and status", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by route pattern",
            latency.clone(),
        );
        registry.register("db_pool_connections", "Database pool connections by state", pool.clone());
        let hit_ratio = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        registry.register(
            "page_cache_hit_ratio",
            "Share of public page lookups served from the cache",
            hit_ratio.clone(),
        );
        let (cache_pages, cache_bytes, cache_evictions) = (Gauge::default(), Gauge::default(), Gauge::default());
        registry.register("page_cache_pages", "Public pages held in the page cache", cache_pages.clone());
        registry.register(
            "page_cache_bytes",
            "Bytes the page cache holds, plain and compressed copies counted (bounded by page_cache_mb)",
            cache_bytes.clone(),
        );
        registry.register(
            "page_cache_evictions",
            "Pages dropped since start to keep the page cache within its bound",
            cache_evictions.clone(),
        );
        let outbox = Family::<StatusLabels, Gauge>::default();
        registry.register(
            "outbox_messages",
            "Emails in the outbox by delivery state (failed: given up after the last attempt)",
            outbox.clone(),
        );
        let inquiries = Family::<StatusLabels, Gauge>::default();
        registry.register("inquiries", "Stored inquiries by status", inquiries.clone());
        registry.register(
            "build",
            "Build information",
            Info::new(vec![("version", env!("CARGO_PKG_VERSION").to_owned()), ("backend", backend.to_owned())]),
        );
        Metrics {
            registry,
            requests,
            latency,
            pool,
            cache,
            hit_ratio,
            cache_pages,
            cache_bytes,
            cache_evictions,
            outbox,
            inquiries,
        }
    }

    /// Counts one answered request. Labels come from closed sets only, so no client can
    /// add series: `route` is a matched route pattern (or a fixed word), `method` is folded
    /// by `method_label`.
    pub fn observe_request(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        self.requests
            .get_or_create(&RequestLabels { method: method_label(method), route: route.to_owned(), status })
            .inc();
        self.latency.get_or_create(&RouteLabels { route: route.to_owned() }).observe(elapsed.as_secs_f64());
    }

    /// Records what the page cache holds now: (pages, bytes, evictions since start).
    pub fn set_cache_usage(&self, (pages, bytes, evictions): (usize, usize, u64)) {
        self.cache_pages.set(i64::try_from(pages).unwrap_or(i64::MAX));
        self.cache_bytes.set(i64::try_from(bytes).unwrap_or(i64::MAX));
        self.cache_evictions.set(i64::try_from(evictions).unwrap_or(i64::MAX));
    }

    /// The text exposition, with the pool gauges read just now.
    pub fn encode(
        &self,
        pool_in_use: u32,
        pool_idle: u32,
        cache: (u64, u64),
        outbox: &[(String, i64)],
        inquiries: &[(String, i64)],
    ) -> Result<String, std::fmt::Error> {
        let lookups = cache.0 + cache.1;
        self.hit_ratio.set(if lookups == 0 { 0.0 } else { cache.0 as f64 / lookups as f64 });
        // Every state is reported, at 0 when empty, so alerts see a value rather than nothing.
        for status in ["queued", "sending", "retrying", "failed", "sent"] {
            let n = outbox.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
            self.outbox.get_or_create(&StatusLabels { status: status.to_owned() }).set(n);
        }
        for status in ["new", "in_progress", "answered", "closed"] {
            let n = inquiries.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
            self.inquiries.get_or_create(&StatusLabels { status: status.to_owned() }).set(n);
        }
        self.cache.get_or_create(&CacheLabels { result: "hit" }).set(i64::try_from(cache.0).unwrap_or(i64::MAX));
        self.cache.get_or_create(&CacheLabels { result: "miss" }).set(i64::try_from(cache.1).unwrap_or(i64::MAX));
        self.pool.get_or_create(&PoolLabels { state: "in_use" }).set(i64::from(pool_in_use));
        self.pool.get_or_create(&PoolLabels { state: "idle" }).set(i64::from(pool_idle));
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_fold_into_a_closed_set() {
        assert_eq!(method_label("GET"), "GET");
        assert_eq!(method_label("PATCH"), "PATCH");
        assert_eq!(method_label("get"), "other", "methods are case-sensitive");
        assert_eq!(method_label("FOO123"), "other");
    }
}
