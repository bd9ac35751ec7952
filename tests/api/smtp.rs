//! A real SMTP server on 127.0.0.1 for the mail tests (mailin-embedded, in-process),
//! recording what it receives and able to answer 4xx or 5xx on demand.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mailin_embedded::{Handler, Response, Server, SslConfig};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// Answer 451 to the next n recipients, then accept.
    TempFail(usize),
    /// Answer 550 to everything.
    PermFail,
}

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

impl Received {
    /// A header's value (unfolded), e.g. `subject`.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }

    /// The decoded text of the message (quoted-printable and encoded words undone).
    pub fn decoded(&self) -> String {
        let parsed = mailparse::parse_mail(self.data.as_bytes()).expect("a parsable message");
        let mut out = String::new();
        for h in &parsed.headers {
            out.push_str(&format!("{}: {}\n", h.get_key(), h.get_value()));
        }
        collect_bodies(&parsed, &mut out);
        out
    }
}

fn collect_bodies(part: &mailparse::ParsedMail, out: &mut String) {
    if part.subparts.is_empty() {
        out.push_str(&part.get_body().unwrap_or_default());
        out.push('\n');
    }
    for sub in &part.subparts {
        collect_bodies(sub, out);
    }
}

/// The distinct Message-IDs among `mails`.
pub fn distinct_message_ids(mails: &[Received]) -> Vec<String> {
    let mut ids: Vec<String> = mails.iter().filter_map(|m| m.header("message-id")).collect();
    ids.sort();
    ids.dedup();
    ids
}

struct State {
    mode: Mode,
    received: Vec<Received>,
}

#[derive(Clone)]
struct Recorder {
    state: Arc<Mutex<State>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Recorder {
    // Refusals come at RCPT TO, as from real servers: 451 for greylisting, 550 for no such mailbox.
    fn rcpt(&mut self, _to: &str) -> Response {
        let mut state = self.state.lock().unwrap();
        match state.mode {
            Mode::PermFail => Response::custom(550, "mailbox unavailable (test)".into()),
            Mode::TempFail(n) => {
                state.mode = if n <= 1 { Mode::Accept } else { Mode::TempFail(n - 1) };
                Response::custom(451, "greylisted, try again later (test)".into())
            }
            Mode::Accept => mailin_embedded::response::OK,
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let mut state = self.state.lock().unwrap();
        let data = String::from_utf8_lossy(&self.data).into_owned();
        state.received.push(Received { to: self.to.clone(), data });
        mailin_embedded::response::OK
    }
}

#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

/// A free port on 127.0.0.1 (for a server that starts later).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn start_smtp() -> SmtpServer {
    start_smtp_on(free_port())
}

pub fn start_smtp_on(port: u16) -> SmtpServer {
    let state = Arc::new(Mutex::new(State { mode: Mode::Accept, received: Vec::new() }));
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("the SMTP test port is free");
    let mut server = Server::new(Recorder { state: state.clone(), to: Vec::new(), data: Vec::new() });
    server.with_name("smtp.test").with_ssl(SslConfig::None).unwrap().with_num_threads(64).with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    SmtpServer { port, state }
}

impl SmtpServer {
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: Mode) {
        self.state.lock().unwrap().mode = mode;
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// Waits until at least `n` messages arrived (or fails after `secs`).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(Instant::now() < deadline, "expected {n} mails, got {}", got.len());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
