//! Logging setup: text for people, JSON (one object per line) for machines.
//! Log lines carry ids and route patterns, never names, addresses or message text.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

pub fn init(format: LogFormat, filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false);
    // Colours only for a person at a terminal; files and journald get plain text.
    let builder = builder.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    // A second init (tests start several apps in one process) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init(),
    };
}
