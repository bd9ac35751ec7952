//! Settings: built-in defaults, then an optional `homeward.toml`, then `HOMEWARD_*`
//! environment variables. Every value is parsed at start; a bad one stops the program.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use secrecy::SecretString;
use url::Url;

use crate::domain::{EmailAddress, Lang};

/// One line naming the setting and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    /// Kept secret: the URL may carry a password.
    Postgres(SecretString),
}

impl DatabaseUrl {
    pub fn backend_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "sqlite",
            DatabaseUrl::Postgres(_) => "postgres",
        }
    }
}

#[derive(Debug, Clone)]
pub enum SecretKeySource {
    /// From `HOMEWARD_SECRET_KEY`: 32 bytes.
    Inline(SecretString),
    /// A key file, generated with mode 0600 on first run.
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    /// `None`: derived from the address actually bound (for a newcomer on loopback).
    pub base_url: Option<Url>,
    pub data_dir: PathBuf,
    pub database_url: DatabaseUrl,
    pub languages: Vec<Lang>,
    pub default_language: Lang,
    pub secret_key: SecretKeySource,
    /// `None`: mail is written as `.eml` files under the data directory.
    pub smtp_url: Option<SecretString>,
    pub mail_from: EmailAddress,
    pub staff_notify: Vec<EmailAddress>,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub quick_exit_url: Url,
    /// Whether `serve` loads the sample content into an empty database.
    pub sample_content: bool,
    /// HTTP worker threads; `None`: one per CPU core.
    pub workers: Option<usize>,
    /// Password hashing threads; `None`: one per CPU core, at most 8.
    pub password_hash_threads: Option<usize>,
    /// Milliseconds a sign-in waits for a free hashing thread before the answer is "busy" (503).
    pub password_hash_wait_ms: u32,
    /// Seconds a client has to send a request's whole body (then 408).
    pub body_timeout_seconds: u32,
    /// Where `/metrics` is served, apart from the site; `None`: not at all.
    pub metrics_bind: Option<SocketAddr>,
    /// Days a closed inquiry is kept before it is purged (a tombstone remains).
    pub retention_days: u32,
    /// Hours a delivered email's body stays in the outbox.
    pub outbox_keep_hours: u32,
    /// Seconds a person needs at least to fill in the question form (faster is a bot).
    pub min_fill_seconds: u32,
    /// Per-client rate limits on forms; turned off only for load tests.
    pub rate_limits: bool,
    /// Proxies whose `X-Forwarded-For` names the client; from anyone else it is ignored.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Whether `serve` runs the outbox worker (off: deliver with `homeward outbox run-once`).
    pub outbox_worker: bool,
    /// Seconds before a message claimed by a worker that died may be claimed again.
    pub outbox_lease_seconds: u32,
    /// Minutes without a request after which a staff session ends.
    pub session_idle_minutes: u32,
    /// Hours after sign-in at which a staff session ends whatever happens.
    pub session_max_hours: u32,
    /// Who is emailed at once when an inquiry is flagged for safeguarding.
    pub protection_lead: Vec<EmailAddress>,
    /// Target days to acknowledge (take up) a new inquiry.
    pub acknowledge_days: u32,
    /// Target days to answer an inquiry.
    pub answer_days: u32,
    /// Whether admins must use a second factor (TOTP) to sign in.
    pub require_admin_2fa: bool,
    /// Hour of the day (UTC) after which caseworkers get their daily digest.
    pub digest_hour: u32,
    /// Days after which a service's "last checked" date is shown as a warning.
    pub service_check_days: u32,
    /// URLs per sitemap file: a larger sitemap becomes an index over files of this many.
    pub sitemap_urls_per_file: u32,
    /// Megabytes the page cache may hold (every compressed copy counted).
    pub page_cache_mb: u32,
}

/// Every setting: its name (as in `homeward.toml`), default and meaning.
/// `homeward --help` and the README table are written from the same list.
pub const SETTINGS: &[(&str, &str, &str)] = &[
    ("bind", "127.0.0.1:8080", "Address and port to listen on"),
    (
        "base_url",
        "http://<bind>",
        "Public URL of the site, used in links and emails; https turns on HSTS and Secure cookies",
    ),
    ("data_dir", "./data", "Directory for the SQLite database, the key file and mail files"),
    ("database_url", "sqlite://<data_dir>/homeward.db", "sqlite://PATH or postgres://USER:PASSWORD@HOST/DB"),
    ("languages", "en,hy,az,ru", "Enabled languages, comma-separated; each needs locales/<lang>/"),
    ("default_language", "en", "Fallback language; must be enabled"),
    ("secret_key", "(key file <data_dir>/secret.key)", "64 hex characters; encrypts stored inquiries and signs tokens"),
    (
        "smtp_url",
        "(none: mail to <data_dir>/mail/*.eml)",
        "smtp://user:pass@host:587 (STARTTLS) or smtps://host:465 (TLS)",
    ),
    ("mail_from", "no-reply@homeward.example", "Sender address of outgoing mail"),
    ("staff_notify", "(none)", "Comma-separated office-wide addresses told about every new inquiry, of any team"),
    ("log_format", "text", "text or json"),
    ("log", "info", "Log filter, e.g. info or homeward=debug"),
    ("quick_exit_url", "https://www.wikipedia.org/", "Where \"Leave this site quickly\" goes"),
    ("sample_content", "true", "Load sample content into an empty database (true or false)"),
    ("workers", "(number of CPU cores)", "HTTP worker threads"),
    (
        "password_hash_threads",
        "(number of CPU cores, at most 8)",
        "Threads that hash passwords (19 MiB of memory each); sign-ins beyond them wait",
    ),
    (
        "password_hash_wait_ms",
        "2000",
        "Milliseconds a sign-in waits for a free hashing thread before it is answered \"busy\" (503, Retry-After)",
    ),
    ("body_timeout_seconds", "15", "Seconds a client has to send a request's whole body; slower ones get 408"),
    (
        "metrics_bind",
        "127.0.0.1:9090",
        "Separate address serving /metrics (never on the site's own address); off to serve it nowhere",
    ),
    (
        "retention_days",
        "90",
        "Days a closed inquiry is kept before it is purged (a tombstone without personal data remains)",
    ),
    ("outbox_keep_hours", "24", "Hours a delivered email's body is kept in the outbox"),
    (
        "min_fill_seconds",
        "3",
        "Minimum seconds to fill in the question form; faster submissions are refused as automated",
    ),
    ("rate_limits", "true", "Per-client rate limits on forms (false only for load tests)"),
    ("trusted_proxies", "(none)", "Comma-separated proxy addresses whose X-Forwarded-For is believed, e.g. 127.0.0.1"),
    ("outbox_worker", "true", "Deliver queued email from this process (false: use `homeward outbox run-once` instead)"),
    (
        "outbox_lease_seconds",
        "300",
        "Seconds before an email claimed by a worker that stopped answering is claimed by another",
    ),
    ("session_idle_minutes", "30", "Minutes without activity after which a staff member is signed out"),
    ("session_max_hours", "12", "Hours after signing in at which a staff member is signed out in any case"),
    (
        "protection_lead",
        "(none)",
        "Comma-separated addresses emailed at once when an inquiry is flagged for safeguarding",
    ),
    ("acknowledge_days", "2", "Target days to take up a new inquiry; later ones show as overdue"),
    ("answer_days", "10", "Target days to answer an inquiry; later ones show as overdue"),
    ("require_admin_2fa", "false", "Admins must set up and use a second factor (authenticator app) to sign in"),
    ("digest_hour", "7", "Hour of the day (UTC, 0-23) after which each caseworker gets a daily digest email"),
    (
        "service_check_days",
        "365",
        "Days after which a service in the directory counts as not checked (readers see the date, editors a flag)",
    ),
    (
        "sitemap_urls_per_file",
        "1000",
        "URLs per sitemap file; a larger /sitemap.xml becomes an index over /sitemap-1.xml, /sitemap-2.xml, ...",
    ),
    (
        "page_cache_mb",
        "32",
        "Megabytes of rendered public pages kept in memory (plain and compressed copies counted); the least recently used go first",
    ),
];

fn env_name(key: &str) -> String {
    format!("HOMEWARD_{}", key.to_ascii_uppercase())
}

/// A raw value and where it came from, so errors can name the right place.
struct Raw {
    value: String,
    origin: String,
}

impl Settings {
    /// Reads the process environment and, if present, the TOML file.
    pub fn load(config_file: Option<&Path>) -> Result<Settings, ConfigError> {
        let env: HashMap<String, String> = std::env::vars().filter(|(k, _)| k.starts_with("HOMEWARD_")).collect();
        let explicit = config_file.map(Path::to_path_buf).or_else(|| env.get("HOMEWARD_CONFIG").map(PathBuf::from));
        let file = match explicit {
            Some(path) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| ConfigError(format!("{}: cannot be read: {e}", path.display())))?;
                Some((path, text))
            }
            None => {
                let path = PathBuf::from("homeward.toml");
                std::fs::read_to_string(&path).ok().map(|text| (path, text))
            }
        };
        Settings::from_sources(file.as_ref().map(|(p, t)| (p.as_path(), t.as_str())), &env)
    }

    /// Builds settings from a TOML text and an environment map (tests call this directly).
    pub fn from_sources(file: Option<(&Path, &str)>, env: &HashMap<String, String>) -> Result<Settings, ConfigError> {
        let mut raw: BTreeMap<&'static str, Raw> = BTreeMap::new();
        if let Some((path, text)) = file {
            read_toml(path, text, &mut raw)?;
        }
        for (key, _, _) in SETTINGS {
            if let Some(value) = env.get(&env_name(key)) {
                raw.insert(key, Raw { value: value.clone(), origin: env_name(key) });
            }
        }
        // An unknown HOMEWARD_ variable is most likely a typo that would silently be ignored.
        for name in env.keys() {
            let known = SETTINGS.iter().any(|(k, _, _)| env_name(k) == *name) || name == "HOMEWARD_CONFIG";
            if !known && !name.starts_with("HOMEWARD_TEST_") {
                return Err(ConfigError(format!("{name}: is not a Homeward setting (see homeward --help)")));
            }
        }
        Parser { raw }.parse()
    }
}

fn read_toml(path: &Path, text: &str, raw: &mut BTreeMap<&'static str, Raw>) -> Result<(), ConfigError> {
    let table: toml::Table =
        text.parse().map_err(|e: toml::de::Error| ConfigError(format!("{}: {}", path.display(), e.message())))?;
    for (key, value) in table {
        let Some((known, _, _)) = SETTINGS.iter().find(|(k, _, _)| *k == key) else {
            return Err(ConfigError(format!("{}: {key:?} is not a Homeward setting", path.display())));
        };
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Array(items) => {
                let mut parts = Vec::new();
                for item in items {
                    match item {
                        toml::Value::String(s) => parts.push(s),
                        _ => {
                            return Err(ConfigError(format!("{}: {key}: a list must hold strings", path.display())));
                        }
                    }
                }
                parts.join(",")
            }
            _ => return Err(ConfigError(format!("{}: {key}: must be a string", path.display()))),
        };
        raw.insert(known, Raw { value, origin: format!("{} ({})", env_name(known), path.display()) });
    }
    Ok(())
}

struct Parser {
    raw: BTreeMap<&'static str, Raw>,
}

impl Parser {
    fn get(&self, key: &str) -> Option<&Raw> {
        self.raw.get(key).filter(|r| !r.value.trim().is_empty())
    }

    fn origin(&self, key: &str) -> String {
        self.raw.get(key).map(|r| r.origin.clone()).unwrap_or_else(|| env_name(key))
    }

    fn fail<T>(&self, key: &str, message: impl std::fmt::Display) -> Result<T, ConfigError> {
        Err(ConfigError(format!("{}: {message}", self.origin(key))))
    }

    fn parse(self) -> Result<Settings, ConfigError> {
        let bind_text = self.value_or_default("bind")?;
        let bind: SocketAddr = match bind_text.trim().parse() {
            Ok(a) => a,
            Err(_) => {
                return self.fail("bind", format!("{bind_text:?} is not an address (expected e.g. 127.0.0.1:8080)"));
            }
        };
        let base_url = match self.get("base_url") {
            None => None,
            Some(r) => match Url::parse(r.value.trim()) {
                Ok(u) if (u.scheme() == "http" || u.scheme() == "https") && u.host().is_some() => {
                    if u.query().is_some() || u.fragment().is_some() {
                        return self.fail("base_url", format!("{:?} must not have a query or fragment", r.value));
                    }
                    Some(u)
                }
                _ => return self.fail("base_url", format!("{:?} is not an http:// or https:// URL", r.value)),
            },
        };
        let data_dir = PathBuf::from(self.value_or_default("data_dir")?.trim());
        let database_url = match self.get("database_url") {
            None => DatabaseUrl::Sqlite(data_dir.join("homeward.db")),
            Some(r) => {
                let v = r.value.trim();
                if let Some(path) = v.strip_prefix("sqlite://") {
                    if path.is_empty() {
                        return self
                            .fail("database_url", "sqlite:// needs a file path, e.g. sqlite://./data/homeward.db");
                    }
                    DatabaseUrl::Sqlite(PathBuf::from(path))
                } else if v.starts_with("postgres://") || v.starts_with("postgresql://") {
                    if Url::parse(v).is_err() {
                        // The value may hold a password: it is not repeated here.
                        return self.fail("database_url", "is not a valid postgres:// URL");
                    }
                    DatabaseUrl::Postgres(SecretString::from(v.to_owned()))
                } else {
                    return self.fail("database_url", "must start with sqlite:// or postgres://");
                }
            }
        };
        let languages = parse_languages(self.value_or_default("languages")?).or_else(|e| self.fail("languages", e))?;
        let default_language =
            Lang::parse(self.value_or_default("default_language")?).or_else(|e| self.fail("default_language", e))?;
        if !languages.contains(&default_language) {
            return self.fail(
                "default_language",
                format!("{:?} is not one of the enabled languages", default_language.as_str()),
            );
        }
        let secret_key = match self.get("secret_key") {
            None => SecretKeySource::File(data_dir.join("secret.key")),
            Some(r) => {
                let v = r.value.trim();
                if v.len() != 64 || !v.chars().all(|c| c.is_ascii_hexdigit()) {
                    return self.fail(
                        "secret_key",
                        "must be 64 hexadecimal characters (32 bytes); e.g. `openssl rand -hex 32`",
                    );
                }
                SecretKeySource::Inline(SecretString::from(v.to_owned()))
            }
        };
        let smtp_url = match self.get("smtp_url") {
            None => None,
            Some(r) => {
                let v = r.value.trim();
                match Url::parse(v) {
                    Ok(u) if (u.scheme() == "smtp" || u.scheme() == "smtps") && u.host().is_some() => {}
                    _ => return self.fail("smtp_url", "is not an smtp:// or smtps:// URL with a host"),
                }
                Some(SecretString::from(v.to_owned()))
            }
        };
        let mail_text = self.value_or_default("mail_from")?;
        let mail_from =
            EmailAddress::parse(mail_text).or_else(|e| self.fail("mail_from", format!("{mail_text:?}: {e}")))?;
        let staff_notify = self.emails("staff_notify")?;
        let log_format = match self.value_or_default("log_format")?.trim().to_ascii_lowercase().as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            v => return self.fail("log_format", format!("{v:?} is not text or json")),
        };
        let log_filter = self.value_or_default("log")?.trim().to_owned();
        if tracing_subscriber::EnvFilter::try_new(&log_filter).is_err() {
            return self.fail("log", format!("{log_filter:?} is not a log filter (e.g. info, homeward=debug)"));
        }
        let quick_exit_url =
            parse_http_url(self.value_or_default("quick_exit_url")?).or_else(|e| self.fail("quick_exit_url", e))?;
        let sample_content = self.flag("sample_content")?;
        let rate_limits = self.flag("rate_limits")?;
        let outbox_worker = self.flag("outbox_worker")?;
        let outbox_lease_seconds = self.number("outbox_lease_seconds")?;
        let session_idle_minutes = self.number("session_idle_minutes")?;
        let session_max_hours = self.number("session_max_hours")?;
        let acknowledge_days = self.number("acknowledge_days")?;
        let answer_days = self.number("answer_days")?;
        let require_admin_2fa = self.flag("require_admin_2fa")?;
        let digest_hour = self.number("digest_hour")?;
        let service_check_days = self.number("service_check_days")?;
        let sitemap_urls_per_file = self.number("sitemap_urls_per_file")?;
        let page_cache_mb = self.number("page_cache_mb")?;
        let protection_lead = self.emails("protection_lead")?;
        let retention_days = self.number("retention_days")?;
        let outbox_keep_hours = self.number("outbox_keep_hours")?;
        let min_fill_seconds = self.number("min_fill_seconds")?;
        let mut trusted_proxies = Vec::new();
        if let Some(r) = self.get("trusted_proxies") {
            for part in r.value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match part.parse() {
                    Ok(ip) => trusted_proxies.push(ip),
                    Err(_) => return self.fail("trusted_proxies", format!("{part:?} is not an IP address")),
                }
            }
        }
        let password_hash_threads = match self.get("password_hash_threads") {
            None => None,
            Some(r) => match r.value.trim().parse::<usize>() {
                Ok(n) if (1..=crate::auth::password::MAX_HASH_THREADS).contains(&n) => Some(n),
                _ => {
                    let max = crate::auth::password::MAX_HASH_THREADS;
                    return self
                        .fail("password_hash_threads", format!("{:?} is not a number from 1 to {max}", r.value));
                }
            },
        };
        let password_hash_wait_ms = self.number("password_hash_wait_ms")?;
        let body_timeout_seconds = self.number("body_timeout_seconds")?;
        let metrics_text = self.value_or_default("metrics_bind")?.trim();
        let given_empty = self.raw.get("metrics_bind").is_some_and(|r| r.value.trim().is_empty());
        let metrics_bind = if given_empty || metrics_text.eq_ignore_ascii_case("off") {
            None
        } else {
            match metrics_text.parse::<SocketAddr>() {
                Ok(a) if a == bind && a.port() != 0 => {
                    return self
                        .fail("metrics_bind", "must differ from HOMEWARD_BIND (/metrics is not for the public)");
                }
                Ok(a) => Some(a),
                Err(_) => {
                    return self.fail(
                        "metrics_bind",
                        format!("{metrics_text:?} is not an address (expected e.g. 127.0.0.1:9090, or off)"),
                    );
                }
            }
        };
        let workers = match self.get("workers") {
            None => None,
            Some(r) => match r.value.trim().parse::<usize>() {
                Ok(n) if (1..=256).contains(&n) => Some(n),
                _ => return self.fail("workers", format!("{:?} is not a number from 1 to 256", r.value)),
            },
        };
        Ok(Settings {
            bind,
            base_url,
            data_dir,
            database_url,
            languages,
            default_language,
            secret_key,
            smtp_url,
            mail_from,
            staff_notify,
            log_format,
            log_filter,
            quick_exit_url,
            sample_content,
            workers,
            password_hash_threads,
            password_hash_wait_ms,
            body_timeout_seconds,
            metrics_bind,
            retention_days,
            outbox_keep_hours,
            min_fill_seconds,
            rate_limits,
            trusted_proxies,
            outbox_worker,
            outbox_lease_seconds,
            session_idle_minutes,
            session_max_hours,
            protection_lead,
            acknowledge_days,
            answer_days,
            require_admin_2fa,
            digest_hour,
            service_check_days,
            sitemap_urls_per_file,
            page_cache_mb,
        })
    }

    /// The value given, else the default from `SETTINGS`, read by the same parser.
    fn value_or_default(&self, key: &str) -> Result<&str, ConfigError> {
        match self.get(key) {
            Some(r) => Ok(r.value.as_str()),
            None => match default_of(key) {
                Some(default) => Ok(default),
                None => self.fail(key, "has no default"),
            },
        }
    }

    fn flag(&self, key: &str) -> Result<bool, ConfigError> {
        parse_flag(self.value_or_default(key)?).or_else(|e| self.fail(key, e))
    }

    fn number(&self, key: &str) -> Result<u32, ConfigError> {
        parse_number(key, self.value_or_default(key)?).or_else(|e| self.fail(key, e))
    }

    fn emails(&self, key: &str) -> Result<Vec<EmailAddress>, ConfigError> {
        self.get(key).map_or(Ok(Vec::new()), |r| parse_emails(&r.value).or_else(|e| self.fail(key, e)))
    }
}

/// The default `SETTINGS` gives for a setting, as text.
fn default_of(key: &str) -> Option<&'static str> {
    SETTINGS.iter().find(|(k, _, _)| *k == key).map(|(_, d, _)| *d)
}

/// The allowed range of each number setting (its default is in `SETTINGS`).
const NUMBER_RANGES: &[(&str, u32, u32)] = &[
    ("retention_days", 1, 36_500),
    ("outbox_keep_hours", 0, 24 * 365),
    ("min_fill_seconds", 0, 3600),
    ("password_hash_wait_ms", 0, 60_000),
    ("body_timeout_seconds", 1, 3600),
    ("outbox_lease_seconds", 1, 86_400),
    ("session_idle_minutes", 1, 24 * 60),
    ("session_max_hours", 1, 24 * 30),
    ("acknowledge_days", 1, 365),
    ("answer_days", 1, 365),
    ("digest_hour", 0, 23),
    ("service_check_days", 1, 3650),
    // The sitemap protocol's limit is 50,000 URLs a file.
    ("sitemap_urls_per_file", 1, 50_000),
    ("page_cache_mb", 1, 16_384),
];

// One parser per kind of value: the environment, `homeward.toml` and the values an admin
// stores at `/admin/settings` all go through these, so each source accepts the same text.
// Errors say what is wrong with the value; the caller names the setting.

/// A yes/no setting: `true`, `yes`, `on`, `1` and `false`, `no`, `off`, `0`, in any case.
pub fn parse_flag(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        other => Err(format!("{other:?} is not true or false")),
    }
}

/// A number setting, within the range `NUMBER_RANGES` gives it.
pub fn parse_number(key: &str, text: &str) -> Result<u32, String> {
    let (min, max) =
        NUMBER_RANGES.iter().find(|(k, _, _)| *k == key).map_or((0, u32::MAX), |(_, min, max)| (*min, *max));
    match text.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("{text:?} is not a number from {min} to {max}")),
    }
}

/// A comma-separated list of email addresses (empty: none).
pub fn parse_emails(text: &str) -> Result<Vec<EmailAddress>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| EmailAddress::parse(part).map_err(|e| format!("{part:?}: {e}")))
        .collect()
}

/// A comma-separated list of languages, each with its translations; at least one.
pub fn parse_languages(text: &str) -> Result<Vec<Lang>, String> {
    let mut langs: Vec<Lang> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let lang = Lang::parse(part).map_err(|e| e.to_string())?;
        if !crate::i18n::has_catalog(&lang) {
            return Err(format!("{part:?} has no translation folder locales/{part}/"));
        }
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    if langs.is_empty() {
        return Err("names no language".into());
    }
    Ok(langs)
}

/// An http:// or https:// address.
pub fn parse_http_url(text: &str) -> Result<Url, String> {
    match Url::parse(text.trim()) {
        Ok(u) if u.scheme() == "https" || u.scheme() == "http" => Ok(u),
        _ => Err(format!("{text:?} is not an http:// or https:// URL")),
    }
}

/// The settings an admin may change at `/admin/settings`.
pub const OVERRIDABLE: &[&str] = &[
    "languages",
    "staff_notify",
    "protection_lead",
    "retention_days",
    "acknowledge_days",
    "answer_days",
    "require_admin_2fa",
    "quick_exit_url",
];

impl Settings {
    /// Checks one admin-set value with the parser the environment uses; `Err` names the
    /// setting and says why in English (for the log; the form shows its own message).
    pub fn check_override(&self, key: &str, value: &str) -> Result<(), String> {
        let mut copy = self.clone();
        copy.apply_override(key, value)
    }

    fn apply_override(&mut self, key: &str, value: &str) -> Result<(), String> {
        let named = |reason: String| format!("{key}: {reason}");
        match key {
            "languages" => {
                let langs = parse_languages(value).map_err(named)?;
                if !langs.contains(&self.default_language) {
                    return Err(named("the default language must stay enabled".into()));
                }
                self.languages = langs;
            }
            "staff_notify" => self.staff_notify = parse_emails(value).map_err(named)?,
            "protection_lead" => self.protection_lead = parse_emails(value).map_err(named)?,
            "retention_days" => self.retention_days = parse_number(key, value).map_err(named)?,
            "acknowledge_days" => self.acknowledge_days = parse_number(key, value).map_err(named)?,
            "answer_days" => self.answer_days = parse_number(key, value).map_err(named)?,
            "require_admin_2fa" => self.require_admin_2fa = parse_flag(value).map_err(named)?,
            "quick_exit_url" => self.quick_exit_url = parse_http_url(value).map_err(named)?,
            other => return Err(format!("{other}: cannot be changed at /admin/settings")),
        }
        Ok(())
    }

    /// An overridable setting as the settings form shows it (lists joined with ", ").
    pub fn override_text(&self, key: &str) -> String {
        let emails = |v: &[EmailAddress]| v.iter().map(|e| e.as_str().to_owned()).collect::<Vec<_>>().join(", ");
        match key {
            "languages" => self.languages.iter().map(|l| l.as_str().to_owned()).collect::<Vec<_>>().join(", "),
            "staff_notify" => emails(&self.staff_notify),
            "protection_lead" => emails(&self.protection_lead),
            "retention_days" => self.retention_days.to_string(),
            "acknowledge_days" => self.acknowledge_days.to_string(),
            "answer_days" => self.answer_days.to_string(),
            "require_admin_2fa" => self.require_admin_2fa.to_string(),
            "quick_exit_url" => self.quick_exit_url.to_string(),
            _ => String::new(),
        }
    }

    /// These settings with the admin's changes applied; a stored value that no longer
    /// checks out (e.g. a language whose files were removed) is skipped with a warning.
    pub fn with_overrides(&self, overrides: &[(String, String)]) -> Settings {
        let mut out = self.clone();
        for (key, value) in overrides {
            // The reason quotes the value, which may be an address: only the key is logged.
            if out.apply_override(key, value).is_err() {
                tracing::warn!(setting = %key, "ignoring a stored setting that no longer checks out");
            }
        }
        out
    }

    /// Whether links and cookies are served over TLS (turns on HSTS).
    pub fn is_https(&self) -> bool {
        self.base_url.as_ref().is_some_and(|u| u.scheme() == "https")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn error_of(file: Option<&str>, pairs: &[(&str, &str)]) -> String {
        match Settings::from_sources(file.map(|t| (Path::new("homeward.toml"), t)), &env(pairs)) {
            Ok(_) => String::from("(accepted)"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn defaults_serve_a_newcomer() -> Result<(), ConfigError> {
        let s = Settings::from_sources(None, &HashMap::new())?;
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert!(matches!(&s.database_url, DatabaseUrl::Sqlite(p) if p == Path::new("./data/homeward.db")));
        assert_eq!(s.languages.iter().map(Lang::as_str).collect::<Vec<_>>(), ["en", "hy", "az", "ru"]);
        assert_eq!(s.default_language.as_str(), "en");
        assert!(s.smtp_url.is_none());
        assert!(matches!(&s.secret_key, SecretKeySource::File(p) if p == Path::new("./data/secret.key")));
        Ok(())
    }

    #[test]
    fn environment_overrides_the_file() -> Result<(), ConfigError> {
        let file = "bind = \"127.0.0.1:9000\"\nlanguages = [\"en\", \"ru\"]\n";
        let s = Settings::from_sources(
            Some((Path::new("homeward.toml"), file)),
            &env(&[("HOMEWARD_BIND", "127.0.0.1:9001")]),
        )?;
        assert_eq!(s.bind.port(), 9001);
        assert_eq!(s.languages.len(), 2);
        Ok(())
    }

    #[test]
    fn bad_values_name_the_setting() {
        assert_eq!(
            error_of(None, &[("HOMEWARD_BIND", "x")]),
            "HOMEWARD_BIND: \"x\" is not an address (expected e.g. 127.0.0.1:8080)"
        );
        assert!(error_of(None, &[("HOMEWARD_DATABASE_URL", "mysql://x")]).starts_with("HOMEWARD_DATABASE_URL:"));
        assert!(error_of(None, &[("HOMEWARD_LANGUAGES", "en,xx")]).starts_with("HOMEWARD_LANGUAGES: \"xx\""));
        assert!(
            error_of(None, &[("HOMEWARD_DEFAULT_LANGUAGE", "hy"), ("HOMEWARD_LANGUAGES", "en")])
                .starts_with("HOMEWARD_DEFAULT_LANGUAGE:")
        );
        assert!(error_of(None, &[("HOMEWARD_SECRET_KEY", "short")]).starts_with("HOMEWARD_SECRET_KEY:"));
        assert!(
            error_of(None, &[("HOMEWARD_STAFF_NOTIFY", "a@example.org, nope")])
                .starts_with("HOMEWARD_STAFF_NOTIFY: \"nope\"")
        );
        assert!(error_of(None, &[("HOMEWARD_LOG_FORMAT", "xml")]).starts_with("HOMEWARD_LOG_FORMAT:"));
        assert!(error_of(None, &[("HOMEWARD_SMTP_URL", "http://mail")]).starts_with("HOMEWARD_SMTP_URL:"));
        assert!(
            error_of(None, &[("HOMEWARD_BINDD", "127.0.0.1:1")])
                .starts_with("HOMEWARD_BINDD: is not a Homeward setting")
        );
        assert!(error_of(Some("bind = \"nowhere\""), &[]).starts_with("HOMEWARD_BIND (homeward.toml): \"nowhere\""));
        assert!(error_of(Some("colour = \"red\""), &[]).contains("\"colour\" is not a Homeward setting"));
    }

    #[test]
    fn secrets_are_not_repeated_in_errors() {
        let msg = error_of(None, &[("HOMEWARD_DATABASE_URL", "postgres://u:hunter2@[bad")]);
        assert!(msg.starts_with("HOMEWARD_DATABASE_URL:") && !msg.contains("hunter2"), "{msg}");
        let msg = error_of(None, &[("HOMEWARD_SECRET_KEY", "abcdef-secret")]);
        assert!(!msg.contains("abcdef-secret"), "{msg}");
    }

    #[test]
    fn yes_and_no_read_alike_from_the_environment_the_file_and_stored_overrides() -> Result<(), ConfigError> {
        let base = Settings::from_sources(None, &HashMap::new())?;
        for (text, want) in [
            ("true", true),
            ("yes", true),
            ("on", true),
            ("1", true),
            ("YES", true),
            ("false", false),
            ("no", false),
            ("off", false),
            ("0", false),
            ("Off", false),
        ] {
            let from_env = Settings::from_sources(None, &env(&[("HOMEWARD_REQUIRE_ADMIN_2FA", text)]))?;
            let file = format!("require_admin_2fa = \"{text}\"\nrate_limits = \"{text}\"\n");
            let from_file = Settings::from_sources(Some((Path::new("homeward.toml"), &file)), &HashMap::new())?;
            let stored = base.with_overrides(&[("require_admin_2fa".to_owned(), text.to_owned())]);
            assert!(base.check_override("require_admin_2fa", text).is_ok(), "{text}");
            assert_eq!(
                (
                    from_env.require_admin_2fa,
                    from_file.require_admin_2fa,
                    from_file.rate_limits,
                    stored.require_admin_2fa
                ),
                (want, want, want, want),
                "{text}"
            );
        }
        // TOML's own booleans mean the same.
        let from_file =
            Settings::from_sources(Some((Path::new("homeward.toml"), "require_admin_2fa = true")), &HashMap::new())?;
        assert!(from_file.require_admin_2fa);
        Ok(())
    }

    #[test]
    fn a_bad_value_names_the_setting_whatever_its_source() -> Result<(), ConfigError> {
        assert_eq!(
            error_of(None, &[("HOMEWARD_REQUIRE_ADMIN_2FA", "maybe")]),
            "HOMEWARD_REQUIRE_ADMIN_2FA: \"maybe\" is not true or false"
        );
        assert_eq!(
            error_of(Some("require_admin_2fa = \"maybe\""), &[]),
            "HOMEWARD_REQUIRE_ADMIN_2FA (homeward.toml): \"maybe\" is not true or false"
        );
        let base = Settings::from_sources(None, &HashMap::new())?;
        assert_eq!(
            base.check_override("require_admin_2fa", "maybe"),
            Err("require_admin_2fa: \"maybe\" is not true or false".to_owned())
        );
        // A refused stored value leaves the setting as the files and environment say.
        assert!(!base.with_overrides(&[("require_admin_2fa".to_owned(), "maybe".to_owned())]).require_admin_2fa);
        for (key, bad) in [
            ("retention_days", "0"),
            ("answer_days", "366"),
            ("staff_notify", "nope"),
            ("languages", "en,xx"),
            ("quick_exit_url", "javascript:alert(1)"),
        ] {
            let env_error = error_of(None, &[(&env_name(key), bad)]);
            assert!(env_error.starts_with(&format!("{}: ", env_name(key))), "{env_error}");
            let stored_error = base.check_override(key, bad).err().unwrap_or_default();
            assert!(stored_error.starts_with(&format!("{key}: ")), "{stored_error}");
            // Both sources give the same reason.
            assert_eq!(env_error.split_once(": ").map(|p| p.1), stored_error.split_once(": ").map(|p| p.1), "{key}");
        }
        Ok(())
    }

    #[test]
    fn the_defaults_in_the_help_table_are_the_defaults_in_force() -> Result<(), ConfigError> {
        let s = Settings::from_sources(None, &HashMap::new())?;
        for (key, _, _) in NUMBER_RANGES {
            let default = default_of(key).unwrap_or_default();
            assert!(parse_number(key, default).is_ok(), "{key} = {default}");
        }
        assert_eq!(default_of("retention_days"), Some(s.retention_days.to_string().as_str()));
        assert_eq!(default_of("digest_hour"), Some(s.digest_hour.to_string().as_str()));
        assert_eq!(default_of("require_admin_2fa"), Some(s.require_admin_2fa.to_string().as_str()));
        assert_eq!(default_of("sample_content"), Some(s.sample_content.to_string().as_str()));
        assert_eq!(default_of("quick_exit_url"), Some(s.quick_exit_url.as_str()));
        assert_eq!(default_of("mail_from"), Some(s.mail_from.as_str()));
        assert_eq!(default_of("bind"), Some(s.bind.to_string().as_str()));
        Ok(())
    }

    #[test]
    fn metrics_have_their_own_address_or_none() -> Result<(), ConfigError> {
        let default = Settings::from_sources(None, &HashMap::new())?;
        assert_eq!(default.metrics_bind.map(|a| a.to_string()).as_deref(), Some("127.0.0.1:9090"));
        for off in ["off", "", "OFF"] {
            let s = Settings::from_sources(None, &env(&[("HOMEWARD_METRICS_BIND", off)]))?;
            assert!(s.metrics_bind.is_none(), "{off:?}");
        }
        let same = error_of(None, &[("HOMEWARD_BIND", "127.0.0.1:9000"), ("HOMEWARD_METRICS_BIND", "127.0.0.1:9000")]);
        assert!(same.starts_with("HOMEWARD_METRICS_BIND: must differ"), "{same}");
        assert!(error_of(None, &[("HOMEWARD_METRICS_BIND", "x")]).contains("is not an address"));
        assert!(error_of(None, &[("HOMEWARD_PASSWORD_HASH_THREADS", "9")]).contains("from 1 to 8"));
        assert!(error_of(None, &[("HOMEWARD_BODY_TIMEOUT_SECONDS", "0")]).contains("from 1 to 3600"));
        assert!(
            error_of(None, &[("HOMEWARD_PAGE_CACHE_MB", "0")])
                .starts_with("HOMEWARD_PAGE_CACHE_MB: \"0\" is not a number from 1")
        );
        assert_eq!(Settings::from_sources(None, &env(&[("HOMEWARD_PAGE_CACHE_MB", "8")]))?.page_cache_mb, 8);
        assert_eq!(Settings::from_sources(None, &HashMap::new())?.page_cache_mb, 32);
        Ok(())
    }

    #[test]
    fn the_example_config_in_deploy_names_every_setting_and_parses() -> Result<(), ConfigError> {
        let example = include_str!("../deploy/homeward.toml");
        let mut uncommented = String::new();
        for line in example.lines() {
            if let Some(setting) = line.strip_prefix("# ").filter(|l| l.contains(" = ")) {
                // Drop a trailing remark after the value.
                let value = setting.split("  #").next().unwrap_or(setting);
                uncommented.push_str(value);
                uncommented.push('\n');
            }
        }
        for (key, _, _) in SETTINGS {
            assert!(uncommented.contains(&format!("{key} = ")), "deploy/homeward.toml lacks {key}");
        }
        let text = uncommented.replace("\"(64 hex characters)\"", &format!("\"{}\"", "ab".repeat(32)));
        let settings = Settings::from_sources(Some((Path::new("deploy/homeward.toml"), &text)), &HashMap::new())?;
        assert_eq!(settings.trusted_proxies.len(), 1);
        Ok(())
    }
}
