//! Submission benchmark: how many questions per second the release binary accepts
//! while its outbox delivers to a local SMTP server.
//!
//! `cargo bench --bench inquiries` (SQLite in a temporary directory), or with
//! `HOMEWARD_BENCH_DATABASE_URL=postgres://…/db` for PostgreSQL. Optional:
//! `HOMEWARD_BENCH_SECONDS` (10) and `HOMEWARD_BENCH_CONNECTIONS` (32).
//! The server runs with `HOMEWARD_RATE_LIMITS=false` (one load generator is one client)
//! and `HOMEWARD_MIN_FILL_SECONDS=0`, in SQLite's production settings (WAL, synchronous=NORMAL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a failed step ends the benchmark, which prints its figures"
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Counts delivered messages and remembers their Message-IDs to spot duplicates.
#[derive(Clone)]
struct Counter {
    delivered: Arc<AtomicUsize>,
    ids: Arc<Mutex<std::collections::HashSet<String>>>,
    duplicates: Arc<AtomicUsize>,
    data: Vec<u8>,
}

impl mailin_embedded::Handler for Counter {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, _to: &[String]) -> mailin_embedded::Response {
        self.data.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        self.delivered.fetch_add(1, Ordering::Relaxed);
        let text = String::from_utf8_lossy(&self.data);
        let id = text.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:")).unwrap_or("").to_owned();
        if !self.ids.lock().unwrap().insert(id) {
            self.duplicates.fetch_add(1, Ordering::Relaxed);
        }
        mailin_embedded::response::OK
    }
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn token_of(html: &str) -> Option<String> {
    html.split("name=\"token\" value=\"").nth(1)?.split('"').next().map(str::to_owned)
}

fn rss_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let seconds = env_or("HOMEWARD_BENCH_SECONDS", 10);
    let connections = env_or("HOMEWARD_BENCH_CONNECTIONS", 32) as usize;
    let dir = tempfile::tempdir().unwrap();

    let delivered = Arc::new(AtomicUsize::new(0));
    let duplicates = Arc::new(AtomicUsize::new(0));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let smtp_port = listener.local_addr().unwrap().port();
    let mut smtp = mailin_embedded::Server::new(Counter {
        delivered: delivered.clone(),
        ids: Arc::new(Mutex::new(std::collections::HashSet::new())),
        duplicates: duplicates.clone(),
        data: Vec::new(),
    });
    smtp.with_name("bench.test")
        .with_ssl(mailin_embedded::SslConfig::None)
        .unwrap()
        .with_num_threads(64)
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = smtp.serve();
    });

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOMEWARD_BIND", "127.0.0.1:0")
        .env("HOMEWARD_METRICS_BIND", "off")
        .env("HOMEWARD_LOG", "warn")
        .env("HOMEWARD_RATE_LIMITS", "false")
        .env("HOMEWARD_MIN_FILL_SECONDS", "0")
        .env("HOMEWARD_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .env("HOMEWARD_STAFF_NOTIFY", "team@example.org");
    let backend = match std::env::var("HOMEWARD_BENCH_DATABASE_URL") {
        Ok(url) => {
            cmd.env("HOMEWARD_DATABASE_URL", url);
            "PostgreSQL"
        }
        Err(_) => "SQLite",
    };
    let mut child =
        cmd.arg("serve").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("the release binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("the server printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Homeward is running at ") {
            break rest.trim().trim_end_matches('/').to_owned();
        }
    };
    let client = reqwest::Client::builder().pool_max_idle_per_host(connections).build().unwrap();

    // Tokens first (each form is fetched once, as a person's browser would), then the submissions alone are timed.
    let wanted = 40_000usize;
    let tokens = Arc::new(Mutex::new(Vec::with_capacity(wanted)));
    let mut fetchers = Vec::new();
    for _ in 0..connections {
        let (client, address, tokens) = (client.clone(), address.clone(), tokens.clone());
        fetchers.push(tokio::spawn(async move {
            for _ in 0..wanted / connections {
                let html = client.get(format!("{address}/en/contact")).send().await.unwrap().text().await.unwrap();
                tokens.lock().unwrap().push(token_of(&html).unwrap());
            }
        }));
    }
    for f in fetchers {
        f.await.unwrap();
    }
    let rss_start = rss_kb(child.id(), "VmRSS:");

    let accepted = Arc::new(AtomicUsize::new(0));
    let with_email = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (client, address, tokens) = (client.clone(), address.clone(), tokens.clone());
        let (accepted, errors, latencies, with_email) =
            (accepted.clone(), errors.clone(), latencies.clone(), with_email.clone());
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            let mut n = 0usize;
            while Instant::now() < deadline {
                let Some(token) = tokens.lock().unwrap().pop() else { break };
                n += 1;
                let form = [
                    ("token", token.as_str()),
                    ("topic", "legal"),
                    ("answer_lang", "en"),
                    ("message", "How do I get a copy of my birth certificate? I was born abroad."),
                    ("method", if n.is_multiple_of(2) { "email" } else { "receipt" }),
                    ("email", "bench@example.org"),
                    ("consent", "yes"),
                ];
                let t = Instant::now();
                match client.post(format!("{address}/en/contact")).form(&form).send().await {
                    Ok(res) if res.status().as_u16() == 200 => {
                        let body = res.text().await.unwrap_or_default();
                        if body.contains("id=\"receipt-code\"") {
                            accepted.fetch_add(1, Ordering::Relaxed);
                            if n.is_multiple_of(2) {
                                with_email.fetch_add(1, Ordering::Relaxed);
                            }
                        } else {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    _ => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                mine.push(t.elapsed());
            }
            latencies.lock().unwrap().extend(mine);
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = started.elapsed().as_secs_f64();
    let accepted = accepted.load(Ordering::Relaxed);
    let mut lat = latencies.lock().unwrap().clone();
    lat.sort();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    // Every question notifies staff; those answered by email also get an acknowledgement.
    let expected_mail = accepted + with_email.load(Ordering::Relaxed);
    let drain_start = Instant::now();
    while delivered.load(Ordering::Relaxed) < expected_mail && drain_start.elapsed() < Duration::from_secs(120) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rss_peak = rss_kb(child.id(), "VmHWM:");
    let _ = child.kill();
    let _ = child.wait();
    println!("Inquiry submissions, {backend}, {seconds} s, {connections} connections, 2 cores");
    println!(
        "| accepted | submissions/s | p50 ms | p99 ms | errors | emails delivered | duplicates | drain after load | RSS start / peak |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    println!(
        "| {accepted} | {:.0} | {:.2} | {:.2} | {} | {} of {expected_mail} | {} | {:.1} s | {} / {} MB |",
        accepted as f64 / elapsed,
        pct(0.5),
        pct(0.99),
        errors.load(Ordering::Relaxed),
        delivered.load(Ordering::Relaxed),
        duplicates.load(Ordering::Relaxed),
        drain_start.elapsed().as_secs_f64(),
        rss_start / 1024,
        rss_peak / 1024
    );
}
