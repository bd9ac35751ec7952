//! The test harness: `spawn_app` starts Homeward in-process on port 0 with a fresh
//! database, and `TestApp` talks HTTP to it like a browser (cookies kept, redirects not followed).

use std::collections::HashMap;
use std::io::Write;

use diesel::{Connection, RunQueryDsl};
use homeward::config::Settings;
use homeward::db::Db;
use homeward::startup::Application;

/// Runs each listed async test function once per backend, as `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::helpers::Backend::Sqlite).await;
                    $crate::helpers::record_backend_run("sqlite", module_path!());
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(backend) = $crate::helpers::Backend::postgres(concat!(module_path!(), "::postgres")) {
                        super::$name(backend).await;
                        $crate::helpers::record_backend_run("postgres", module_path!());
                    }
                }
            }
        )*
    };
}

/// Notes that a test finished on a backend, in the file named by `HOMEWARD_TEST_BACKEND_LOG`
/// (one line each: `backend test`), so CI can count PostgreSQL runs without reading test names.
pub fn record_backend_run(backend: &str, test: &str) {
    let Ok(path) = std::env::var("HOMEWARD_TEST_BACKEND_LOG") else { return };
    let line = format!("{backend} {test}\n");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(line.as_bytes()));
    if let Err(e) = written {
        panic!("cannot note the backend run in {path}: {e}");
    }
}

#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite,
    /// The server URL from HOMEWARD_TEST_POSTGRES_URL (any database on it; tests create their own).
    Postgres(String),
}

impl Backend {
    /// PostgreSQL if configured. Without it the test says loudly that it was skipped;
    /// under CI=true a missing server is a failure, not a skip.
    pub fn postgres(test_name: &str) -> Option<Backend> {
        match std::env::var("HOMEWARD_TEST_POSTGRES_URL") {
            Ok(url) if !url.trim().is_empty() => Some(Backend::Postgres(url)),
            _ => {
                if std::env::var("CI").is_ok_and(|v| v == "true") {
                    panic!("HOMEWARD_TEST_POSTGRES_URL is not set, and CI=true requires the PostgreSQL runs");
                }
                // Written past the test harness's capture so it shows in every run.
                let _ = writeln!(std::io::stderr(), "SKIPPED {test_name}: HOMEWARD_TEST_POSTGRES_URL is not set");
                None
            }
        }
    }
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct PgDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

impl PgDatabase {
    pub fn create(server_url: &str) -> PgDatabase {
        let name = format!("homeward_test_{}", uuid::Uuid::now_v7().simple());
        let mut admin =
            diesel::PgConnection::establish(server_url).expect("cannot connect to HOMEWARD_TEST_POSTGRES_URL");
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .expect("cannot create the test database");
        let mut url = url::Url::parse(server_url).expect("HOMEWARD_TEST_POSTGRES_URL is not a URL");
        url.set_path(&name);
        PgDatabase { admin_url: server_url.to_owned(), name, url: url.to_string() }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = diesel::PgConnection::establish(&self.admin_url) {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name))
                .execute(&mut admin);
        }
    }
}

/// A fresh database of the given backend, described by the settings that reach it.
pub struct TestDb {
    pub url: String,
    pub dir: tempfile::TempDir,
    _pg: Option<PgDatabase>,
}

impl TestDb {
    pub fn new(backend: &Backend) -> TestDb {
        let dir = tempfile::tempdir().expect("cannot create a temporary directory");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", dir.path().join("homeward.db").display());
                TestDb { url, dir, _pg: None }
            }
            Backend::Postgres(server) => {
                let pg = PgDatabase::create(server);
                TestDb { url: pg.url.clone(), dir, _pg: Some(pg) }
            }
        }
    }

    /// Settings for an app on this database; `extra` overrides or adds `HOMEWARD_*` values.
    pub fn env(&self, extra: &[(&str, &str)]) -> HashMap<String, String> {
        let mut env: HashMap<String, String> = [
            ("HOMEWARD_BIND", "127.0.0.1:0".to_owned()),
            ("HOMEWARD_DATA_DIR", self.dir.path().display().to_string()),
            ("HOMEWARD_DATABASE_URL", self.url.clone()),
            ("HOMEWARD_SECRET_KEY", TEST_SECRET_KEY.to_owned()),
            ("HOMEWARD_WORKERS", "1".to_owned()),
            // Each test app's /metrics on a port of its own.
            ("HOMEWARD_METRICS_BIND", "127.0.0.1:0".to_owned()),
            // Tests fill forms in at machine speed; the minimum fill time has its own test.
            ("HOMEWARD_MIN_FILL_SECONDS", "0".to_owned()),
            // Many requests from one address; the rate-limit tests turn this back on.
            ("HOMEWARD_RATE_LIMITS", "false".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        for (k, v) in extra {
            env.insert((*k).to_owned(), (*v).to_owned());
        }
        env
    }
}

pub const TEST_SECRET_KEY: &str = "6b8f1f6c2f1c4d0e9a7b3c5d7e9f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b";

pub struct TestApp {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub address: String,
    /// The operators' listener, `http://127.0.0.1:PORT` (serves `/metrics`).
    pub metrics_address: String,
    pub client: reqwest::Client,
    pub setup_link: Option<String>,
    pub db: Db,
    pub test_db: TestDb,
    pub settings: Settings,
    pub vault: std::sync::Arc<homeward::crypto::vault::Vault>,
    /// The running server's shared state (its page cache, for one).
    pub app: std::sync::Arc<homeward::app::App>,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

pub async fn spawn_app_with(backend: Backend, extra: &[(&str, &str)]) -> TestApp {
    let test_db = TestDb::new(&backend);
    let settings = Settings::from_sources(None, &test_db.env(extra)).expect("test settings are valid");
    let app = Application::build(settings.clone()).await.expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let metrics_address = format!("http://127.0.0.1:{}", app.metrics_port().unwrap_or_default());
    let setup_link = app.setup_link().map(str::to_owned);
    let db = app.db().clone();
    let vault = app.vault();
    let shared = app.app();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("the HTTP client builds");
    TestApp { address, metrics_address, client, setup_link, db, test_db, settings, vault, app: shared }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `/metrics`, from the operators' listener.
    pub async fn metrics(&self) -> reqwest::Response {
        self.client.get(format!("{}/metrics", self.metrics_address)).send().await.expect("GET /metrics failed")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET failed")
    }

    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        self.client.get(self.url(path)).header("Accept-Language", accept_language).send().await.expect("GET failed")
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(self.url(path)).form(form).send().await.expect("POST failed")
    }

    /// The path part of the first-run setup link.
    pub fn setup_path(&self) -> String {
        let link = self.setup_link.as_deref().expect("a fresh database prints a setup link");
        let url = url::Url::parse(link).expect("the setup link is a URL");
        url.path().to_owned()
    }

    /// Runs SQL directly against the app's database (to age tokens, break things, …).
    pub fn sql(&self, statement: &str) {
        let statement = statement.to_owned();
        self.db
            .run_sync(move |c| diesel::sql_query(statement).execute(c).map_err(homeward::db::RepoError::from))
            .expect("test SQL failed");
    }
}

/// The `Location` header of a redirect.
pub fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// A UI string as the app would show it, so tests do not hard-code translations.
pub fn t(lang: &str, key: &str) -> String {
    let lang = homeward::domain::Lang::parse(lang).expect("a language code");
    homeward::i18n::Translator::new(&lang).t(key)
}

/// A UI string with arguments.
pub fn t_args(lang: &str, key: &str, args: &[(&'static str, &str)]) -> String {
    let lang = homeward::domain::Lang::parse(lang).expect("a language code");
    homeward::i18n::Translator::new(&lang).t_args(key, args)
}

/// Text as it appears in HTML after askama's escaping.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

/// Starts the app on an empty database (no sample content) and imports `files`.
pub async fn spawn_app_with_content(backend: Backend, files: &[(&str, &str)]) -> TestApp {
    let app = spawn_app_with(backend, &[("HOMEWARD_SAMPLE_CONTENT", "false")]).await;
    app.import(files).expect("the fixture content imports");
    app
}

impl TestApp {
    /// Imports content files straight into the database, as another instance or the CLI would.
    pub fn import(
        &self,
        files: &[(&str, &str)],
    ) -> Result<homeward::content::files::ImportReport, homeward::content::files::ImportError> {
        let files: Vec<(String, String)> = files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        let en = homeward::domain::Lang::parse("en").unwrap();
        self.db.run_sync(|c| homeward::content::files::import(c, &files, &en))
    }

    /// Makes the server look at the content version on the next public request, as it
    /// would within a second anyway (a change made outside the server, like `import`).
    pub fn check_content_now(&self) {
        self.app.cache.check_on_next_request();
    }

    /// Delivers every due email now, as `homeward outbox run-once` would.
    pub async fn deliver_outbox(&self) -> usize {
        let worker = homeward::startup::outbox_worker(&self.settings, &self.db, self.vault.clone()).unwrap();
        worker.run_once().await.unwrap()
    }

    /// Makes retrying and failed emails due now.
    pub fn make_mail_due(&self) {
        self.db.run_sync(|c| homeward::db::repo::outbox::retry_now(c, None)).unwrap();
    }

    /// Fills in and sends the question form in `lang`; `fields` override a valid anonymous question
    /// (a field given as `UNTICKED` is left out, as a browser leaves out an unticked box).
    pub async fn ask(&self, lang: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let page = self.get(&format!("/{lang}/contact")).await.text().await.unwrap();
        let token = form_field(&page, "token");
        self.ask_with_token(lang, &token, fields).await
    }

    pub async fn ask_with_token(&self, lang: &str, token: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(String, String)> = vec![
            ("token".into(), token.into()),
            ("topic".into(), "legal".into()),
            ("answer_lang".into(), lang.into()),
            ("message".into(), "How do I renew my passport?".into()),
            ("method".into(), "receipt".into()),
            ("consent".into(), "yes".into()),
        ];
        for (k, v) in fields {
            form.retain(|(key, _)| key != k);
            // Every field given is sent as given, even empty; only `UNTICKED` leaves one out.
            if *v != UNTICKED {
                form.push(((*k).to_owned(), (*v).to_owned()));
            }
        }
        self.client.post(self.url(&format!("/{lang}/contact"))).form(&form).send().await.expect("POST failed")
    }

    pub async fn text(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    }
}

/// The value that makes `ask` leave a field out, like an unticked checkbox.
pub const UNTICKED: &str = "\u{0}unticked";

/// A topic file.
pub fn topic_file(title: &str, order: Option<i32>) -> String {
    match order {
        Some(o) => format!("+++\ntitle = \"{title}\"\nsummary = \"About {title}\"\norder = {o}\n+++\n"),
        None => format!("+++\ntitle = \"{title}\"\nsummary = \"About {title}\"\n+++\n"),
    }
}

/// A default-language guide file.
pub fn guide_en(title: &str, updated: &str, body: &str, published: bool) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nsummary = \"Summary of {title}\"\nupdated = \"{updated}\"\nchange_note = \"Changed on {updated}\"\norder = 1\nreview_by = \"2027-01-01\"\npublished = {published}\n+++\n\n{body}\n"
    )
}

/// A translation file.
pub fn guide_tr(title: &str, updated: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nsummary = \"{title}\"\nupdated = \"{updated}\"\nchange_note = \"{updated}\"\n+++\n\n{body}\n"
    )
}

/// The value of a hidden form field in a page.
pub fn form_field(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    html.split(&marker).nth(1).and_then(|s| s.split('"').next()).unwrap_or_default().to_owned()
}

/// The receipt code shown on the confirmation page.
pub fn receipt_code(html: &str) -> String {
    html.split("id=\"receipt-code\">").nth(1).and_then(|s| s.split('<').next()).unwrap_or_default().to_owned()
}

/// The password every test staff account uses.
pub const STAFF_PASSWORD: &str = "a long staff passphrase 42";

impl TestApp {
    /// Creates a staff account the way an invited person does (one-time link, then the
    /// setup form) and returns its id.
    pub async fn create_staff(&self, email: &str, roles: &[homeward::domain::Role]) -> String {
        let address = homeward::domain::EmailAddress::parse(email).unwrap();
        let base = url::Url::parse(&self.address).unwrap();
        let link = homeward::startup::create_account_link(&self.db, &base, Some(&address), roles).unwrap();
        let path = url::Url::parse(&link).unwrap().path().to_owned();
        let res = self.post_form(&path, &[("password", STAFF_PASSWORD), ("confirm", STAFF_PASSWORD)]).await;
        assert_eq!(res.status().as_u16(), 303, "the invited account is created");
        self.db.run_sync(|c| homeward::db::repo::accounts::by_email(c, &address)).unwrap().unwrap().id
    }

    /// A browser-like client for the staff area: its own cookies, and the `Origin` a browser sends.
    pub fn staff_client(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", self.address.parse().unwrap());
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .unwrap()
    }

    /// Fills in the sign-in form with `client`; returns the response.
    pub async fn try_sign_in(&self, client: &reqwest::Client, email: &str, password: &str) -> reqwest::Response {
        let page = client.get(self.url("/staff/login")).send().await.unwrap().text().await.unwrap();
        let csrf = form_field(&page, "csrf");
        client
            .post(self.url("/staff/login"))
            .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password), ("next", "")])
            .send()
            .await
            .unwrap()
    }

    /// A staff client signed in as `email`.
    pub async fn sign_in(&self, email: &str) -> reqwest::Client {
        let client = self.staff_client();
        let res = self.try_sign_in(&client, email, STAFF_PASSWORD).await;
        assert_eq!(res.status().as_u16(), 303, "signed in as {email}");
        client
    }

    /// The CSRF token of a signed-in client's session (from any staff page).
    pub async fn csrf(&self, client: &reqwest::Client) -> String {
        let page = client.get(self.url("/staff/account")).send().await.unwrap().text().await.unwrap();
        form_field(&page, "csrf")
    }

    /// POSTs a staff form with the session's CSRF token.
    pub async fn staff_post(&self, client: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf(client).await;
        let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        fields.extend_from_slice(form);
        client.post(self.url(path)).form(&fields).send().await.unwrap()
    }

    pub async fn staff_get(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let res = client.get(self.url(path)).send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// The id of the inquiry with this receipt code.
    pub fn inquiry_id(&self, code: &str) -> String {
        let key = homeward::crypto::SecretKey::load(&self.settings.secret_key).unwrap();
        let code = homeward::domain::ReceiptCode::parse(code).unwrap();
        let hash = homeward::crypto::receipt::hash(&key, &code);
        self.db.run_sync(|c| homeward::db::repo::inquiries::by_receipt(c, &self.vault, &hash)).unwrap().id
    }

    /// Audit actions recorded, oldest first.
    pub fn audit_actions(&self) -> Vec<String> {
        let filter = homeward::db::repo::audit::Filter::default();
        let (entries, _) = self.db.run_sync(|c| homeward::db::repo::audit::list(c, &filter, 1, 10_000)).unwrap();
        entries.into_iter().rev().map(|e| e.action).collect()
    }
}
