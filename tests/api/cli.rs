//! The `homeward` binary as an operator meets it: help, bad settings, `migrate`,
//! `user add`, `check-config`, start-up, SIGTERM, and two instances on one database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use homeward::db::repo::accounts;
use homeward::domain::{EmailAddress, Role};

use crate::helpers::{Backend, TestDb, html_escape, location, spawn_app, t};
use crate::on_both_backends;

/// The binary with a clean environment (no stray HOMEWARD_* from the caller) in `dir`.
fn homeward(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOMEWARD_METRICS_BIND", "127.0.0.1:0")
        .current_dir(dir);
    cmd
}

#[test]
fn help_documents_every_command_and_setting() {
    let dir = tempfile::tempdir().unwrap();
    let out = homeward(dir.path()).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for command in ["serve", "migrate", "user", "check-config"] {
        assert!(help.contains(command), "--help does not mention {command}");
    }
    for (key, _, _) in homeward::config::SETTINGS {
        let name = format!("HOMEWARD_{}", key.to_ascii_uppercase());
        assert!(help.contains(&name), "--help does not document {name}");
    }
    let out = homeward(dir.path()).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    let out = homeward(dir.path()).args(["user", "add", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--email") && help.contains("--role"));
}

#[test]
fn a_bad_setting_stops_the_program_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("HOMEWARD_BIND", "x")], "HOMEWARD_BIND: \"x\" is not an address"),
        (&[("HOMEWARD_DATABASE_URL", "mysql://localhost/db")], "HOMEWARD_DATABASE_URL:"),
        (&[("HOMEWARD_LANGUAGES", "en,qq")], "HOMEWARD_LANGUAGES: \"qq\""),
        (&[("HOMEWARD_DEFAULT_LANGUAGE", "ru"), ("HOMEWARD_LANGUAGES", "en,hy")], "HOMEWARD_DEFAULT_LANGUAGE:"),
        (&[("HOMEWARD_SECRET_KEY", "too-short")], "HOMEWARD_SECRET_KEY:"),
        (&[("HOMEWARD_LOG_FORMAT", "yaml")], "HOMEWARD_LOG_FORMAT:"),
        (&[("HOMEWARD_STAFF_NOTIFY", "ops@example.org,not-mail")], "HOMEWARD_STAFF_NOTIFY:"),
        (&[("HOMEWARD_BASE_URL", "ftp://x")], "HOMEWARD_BASE_URL:"),
    ];
    for (env, expected) in cases {
        for command in [&["serve"][..], &["check-config"][..], &[][..]] {
            let mut cmd = homeward(dir.path());
            cmd.args(command);
            for (k, v) in *env {
                cmd.env(k, v);
            }
            let out = cmd.output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{env:?} {command:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
            assert!(stderr.starts_with(expected), "{env:?}: {stderr}");
        }
    }
    assert!(!dir.path().join("data").exists(), "nothing was created by a refused start");
}

#[test]
fn a_bad_settings_file_is_named_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("homeward.toml"), "bind = \"nowhere\"\n").unwrap();
    let out = homeward(dir.path()).arg("check-config").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("HOMEWARD_BIND (homeward.toml): \"nowhere\""), "{stderr}");
    std::fs::write(dir.path().join("homeward.toml"), "bind = \"127.0.0.1:9999\"\nlanguages = [\"en\", \"ru\"]\n")
        .unwrap();
    let out = homeward(dir.path()).arg("check-config").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("127.0.0.1:9999") && stdout.contains("en, ru"), "{stdout}");
}

fn with_db(cmd: &mut Command, db: &TestDb) {
    for (k, v) in db.env(&[]) {
        if k != "HOMEWARD_BIND" {
            cmd.env(k, v);
        }
    }
}

on_both_backends!(migrate_applies_every_migration_and_is_idempotent, user_add_prints_a_one_time_link_for_a_new_account,);

async fn migrate_applies_every_migration_and_is_idempotent(backend: Backend) {
    let db = TestDb::new(&backend);
    for _ in 0..2 {
        let mut cmd = homeward(db.dir.path());
        cmd.arg("migrate");
        with_db(&mut cmd, &db);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"));
    }
}

async fn user_add_prints_a_one_time_link_for_a_new_account(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut cmd = homeward(app.test_db.dir.path());
    cmd.args(["user", "add", "--email", "editor@example.org", "--role", "editor", "--role", "caseworker"]);
    with_db(&mut cmd, &app.test_db);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let link = stdout.lines().find(|l| l.contains("/setup/")).expect("a link is printed").trim();
    let path = url::Url::parse(link).unwrap().path().to_owned();

    let body = app.get(&path).await.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("en", "setup-title-invite"))));
    assert!(body.contains("value=\"editor@example.org\" readonly"), "the invited address is fixed");
    let pw = "a sufficiently long passphrase";
    // A changed address in the form is ignored: the invitation decides.
    let res = app.post_form(&path, &[("email", "someone-else@example.org"), ("password", pw), ("confirm", pw)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/setup/done?lang=en");
    let email = EmailAddress::parse("editor@example.org").unwrap();
    assert_eq!(app.db.run_sync(|c| accounts::roles_of(c, &email)).unwrap(), vec![Role::Caseworker, Role::Editor]);
    let other = EmailAddress::parse("someone-else@example.org").unwrap();
    assert!(!app.db.run_sync(|c| accounts::email_exists(c, &other)).unwrap());

    // The same address again is refused with a clear message, and bad input too.
    for (args, expected) in [
        (&["--email", "editor@example.org", "--role", "admin"][..], "--email: there is already an account"),
        (&["--email", "nobody", "--role", "admin"][..], "--email:"),
        (&["--email", "x@example.org", "--role", "root"][..], "--role:"),
    ] {
        let mut cmd = homeward(app.test_db.dir.path());
        cmd.args(["user", "add"]).args(args);
        with_db(&mut cmd, &app.test_db);
        let out = cmd.output().unwrap();
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
    }
}

/// A running `homeward serve` child process, killed when dropped.
struct Server {
    child: Child,
    address: String,
    setup_link: Option<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(db: &TestDb, data_dir: &std::path::Path) -> Server {
    let mut cmd = homeward(data_dir);
    with_db(&mut cmd, db);
    cmd.env("HOMEWARD_BIND", "127.0.0.1:0").env("HOMEWARD_DATA_DIR", data_dir).env("HOMEWARD_LOG", "warn");
    let mut child = cmd.arg("serve").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut address = None;
    let mut setup_link = None;
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(line) => {
                if let Some(rest) = line.strip_prefix("Homeward is running at ") {
                    address = Some(rest.trim().trim_end_matches('/').to_owned());
                }
                if line.contains("/setup/") {
                    setup_link = line.split_whitespace().last().map(str::to_owned);
                }
                if address.is_some() && setup_link.is_some() {
                    break;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if address.is_some() => break,
            Err(_) => {}
        }
    }
    let address = address.expect("the server printed its address");
    Server { child, address, setup_link }
}

async fn wait_ready(address: &str) -> u16 {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(res) = client.get(format!("{address}/readyz")).send().await
            && (res.status().as_u16() == 200 || Instant::now() > deadline)
        {
            return res.status().as_u16();
        }
        assert!(Instant::now() < deadline, "{address} never answered");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_prints_the_setup_link_and_stops_cleanly_on_sigterm() {
    let db = TestDb::new(&Backend::Sqlite);
    let mut server = start_server(&db, db.dir.path());
    let link = server.setup_link.clone().expect("a setup link is printed on a fresh database");
    assert!(link.starts_with(&format!("{}/setup/", server.address)), "{link}");
    assert_eq!(wait_ready(&server.address).await, 200);
    let res = reqwest::get(&link).await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    // A key file was generated with private permissions… unless the key came from settings.
    assert!(!db.dir.path().join("secret.key").exists(), "HOMEWARD_SECRET_KEY was given, so no key file");

    let status = Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "the server did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "graceful stop exits 0, got {exit:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_start_generates_a_private_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = homeward(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("data/homeward.db").is_file(), "SQLite under ./data by default");
    let mut cmd = homeward(dir.path());
    cmd.env("HOMEWARD_BIND", "127.0.0.1:0").env("HOMEWARD_LOG", "warn");
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    // Wait for the address line, then stop.
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("Homeward is running at http://127.0.0.1:"), "{first}");
    let _ = child.kill();
    let _ = child.wait();
    let key = dir.path().join("data/secret.key");
    assert!(key.is_file());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
}

/// Two instances started at the same moment on one fresh PostgreSQL database:
/// the advisory lock lets one migrate while the other waits, and both become ready.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_starting_together_on_one_postgres_database_both_become_ready() {
    let Some(Backend::Postgres(server_url)) =
        Backend::postgres("cli::two_instances_starting_together_on_one_postgres_database_both_become_ready")
    else {
        return;
    };
    let db = TestDb::new(&Backend::Postgres(server_url));
    let (a_dir, b_dir) = (db.dir.path().join("a"), db.dir.path().join("b"));
    std::fs::create_dir_all(&a_dir).unwrap();
    std::fs::create_dir_all(&b_dir).unwrap();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| start_server(&db, &a_dir));
        let b = s.spawn(|| start_server(&db, &b_dir));
        (a.join().unwrap(), b.join().unwrap())
    });
    assert_eq!(wait_ready(&a.address).await, 200);
    assert_eq!(wait_ready(&b.address).await, 200);
    assert_ne!(a.address, b.address);
    // Either instance's link creates the first account; then neither works again.
    let link = a.setup_link.clone().unwrap();
    let path = url::Url::parse(&link).unwrap().path().to_owned();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let pw = "correct horse battery staple";
    let res = client
        .post(format!("{}{path}", b.address))
        .form(&[("email", "admin@example.org"), ("password", pw), ("confirm", pw)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let other = url::Url::parse(b.setup_link.as_deref().unwrap()).unwrap().path().to_owned();
    assert_eq!(client.get(format!("{}{other}", a.address)).send().await.unwrap().status().as_u16(), 404);
    drop(a);
    drop(b);
}

#[test]
fn the_readme_documents_every_setting() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (key, _, _) in homeward::config::SETTINGS {
        let name = format!("`HOMEWARD_{}`", key.to_ascii_uppercase());
        assert!(readme.contains(&name), "README.md does not document {name}");
    }
}

/// What the server logs while it takes a question, shows it back and mails about
/// it: JSON lines that parse, and no name, address, message text or receipt code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_are_json_lines_without_personal_data() {
    let smtp = crate::smtp::start_smtp();
    let db = TestDb::new(&Backend::Sqlite);
    let mut cmd = homeward(db.dir.path());
    with_db(&mut cmd, &db);
    let log_path = db.dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    cmd.env("HOMEWARD_BIND", "127.0.0.1:0")
        .env("HOMEWARD_LOG", "debug")
        .env("HOMEWARD_LOG_FORMAT", "json")
        .env("HOMEWARD_SMTP_URL", smtp.url())
        .env("HOMEWARD_STAFF_NOTIFY", "team@example.org")
        .env("HOMEWARD_RATE_LIMITS", "false")
        .env("HOMEWARD_MIN_FILL_SECONDS", "0");
    let mut child = cmd.arg("serve").stdout(Stdio::piped()).stderr(log).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address =
        lines.next().unwrap().unwrap().trim_start_matches("Homeward is running at ").trim_end_matches('/').to_owned();
    assert_eq!(wait_ready(&address).await, 200);

    let client = reqwest::Client::new();
    let page = client.get(format!("{address}/ru/contact")).send().await.unwrap().text().await.unwrap();
    let token = crate::helpers::form_field(&page, "token");
    let canaries = ["LogCanaryName", "logcanary@example.org", "LOGCANARYTEXT", "+374 11 223 344"];
    let form = [
        ("token", token.as_str()),
        ("topic", "legal"),
        ("answer_lang", "ru"),
        ("message", canaries[2]),
        ("name", canaries[0]),
        ("email", canaries[1]),
        ("phone", canaries[3]),
        ("method", "email"),
        ("consent", "yes"),
    ];
    let sent = client.post(format!("{address}/ru/contact")).form(&form).send().await.unwrap().text().await.unwrap();
    let code = crate::helpers::receipt_code(&sent);
    assert!(!code.is_empty());
    client.post(format!("{address}/ru/status")).form(&[("code", code.as_str())]).send().await.unwrap();
    smtp.wait_for(2, 20).await;
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();

    let text = std::fs::read_to_string(&log_path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() > 5, "the server logged: {text}");
    for line in &lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        assert!(value.get("level").is_some() && value.get("timestamp").is_some(), "{line}");
    }
    let compact = code.replace('-', "");
    for secret in canaries.iter().copied().chain([code.as_str(), compact.as_str()]) {
        assert!(!text.contains(secret), "{secret:?} appears in the logs");
    }
    assert!(!text.contains("/setup/"), "the setup token stays out of the logs");
}

on_both_backends!(migrations_can_be_checked_and_a_newer_database_is_refused);

async fn migrations_can_be_checked_and_a_newer_database_is_refused(backend: Backend) {
    let db = TestDb::new(&backend);
    let run = |args: &[&str]| {
        let mut cmd = homeward(db.dir.path());
        cmd.args(args);
        with_db(&mut cmd, &db);
        cmd.output().unwrap()
    };
    let out = run(&["migrate", "--check"]);
    assert_eq!(out.status.code(), Some(1), "pending migrations: {}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("000001_staff_accounts") && listed.contains("000008_site_settings"), "{listed}");
    assert!(run(&["migrate"]).status.success());
    let out = run(&["migrate", "--check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"));
    // A newer Homeward has been here: this one refuses to touch the database.
    let app_db =
        homeward::db::Db::open(&homeward::config::Settings::from_sources(None, &db.env(&[])).unwrap().database_url)
            .unwrap();
    app_db
        .run_sync(|c| {
            use diesel::RunQueryDsl;
            diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ('29990101000000')")
                .execute(c)
                .map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    let out = run(&["migrate", "--check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer version"));
    let out = run(&["migrate"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("newer version") && stderr.contains("29990101000000"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_writing_restores_the_same_content_and_inquiries() {
    let app = crate::helpers::spawn_app(Backend::Sqlite).await;
    let first = app.ask("hy", &[("message", "Առաջին հարց")]).await.text().await.unwrap();
    let code = crate::helpers::receipt_code(&first);
    // Keep writing while the backup runs.
    let writer = {
        let client = reqwest::Client::new();
        let base = app.address.clone();
        tokio::spawn(async move {
            for _ in 0..30 {
                let page = client.get(format!("{base}/en/contact")).send().await.unwrap().text().await.unwrap();
                let token = crate::helpers::form_field(&page, "token");
                let form = [
                    ("token", token.as_str()),
                    ("topic", "legal"),
                    ("answer_lang", "en"),
                    ("message", "Written during the backup"),
                    ("method", "receipt"),
                    ("consent", "yes"),
                ];
                client.post(format!("{base}/en/contact")).form(&form).send().await.unwrap();
            }
        })
    };
    let backup_dir = tempfile::tempdir().unwrap();
    let file = backup_dir.path().join("homeward-backup.db");
    let mut cmd = homeward(app.test_db.dir.path());
    with_db(&mut cmd, &app.test_db);
    let out = cmd.arg("backup").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked"));
    writer.await.unwrap();
    // A second backup to the same file is refused rather than overwriting it.
    let mut cmd = homeward(app.test_db.dir.path());
    with_db(&mut cmd, &app.test_db);
    assert!(!cmd.arg("backup").arg(&file).output().unwrap().status.success());

    // Restore into an empty data directory with the same secret key.
    let restored = TestDb::new(&Backend::Sqlite);
    let mut cmd = homeward(restored.dir.path());
    with_db(&mut cmd, &restored);
    let out = cmd.arg("restore").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // …but never over an existing database.
    let mut cmd = homeward(restored.dir.path());
    with_db(&mut cmd, &restored);
    let out = cmd.arg("restore").arg(&file).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("already exists"));

    let settings = homeward::config::Settings::from_sources(None, &restored.env(&[])).unwrap();
    let copy = homeward::startup::Application::build(settings).await.unwrap();
    let copy_address = format!("http://127.0.0.1:{}", copy.port());
    tokio::spawn(copy.run_until_stopped());
    assert_eq!(wait_ready(&copy_address).await, 200);
    let client = reqwest::Client::new();
    let original_guide = app.get("/ru/guides/legal-aid").await.text().await.unwrap();
    let copied_guide =
        client.get(format!("{copy_address}/ru/guides/legal-aid")).send().await.unwrap().text().await.unwrap();
    // The same page apart from the absolute links in the head (each server has its own port).
    let strip = |html: &str| {
        let main = html.split("<main").nth(1).unwrap_or_default();
        main.split("name=\"token\"").next().unwrap_or_default().to_owned()
    };
    assert_eq!(strip(&original_guide), strip(&copied_guide), "the same content");
    let thread = client
        .post(format!("{copy_address}/hy/status"))
        .form(&[("code", code.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(thread.contains("Առաջին հարց"), "an inquiry from before the backup opens with its code");
}

#[test]
fn backup_on_postgres_points_to_pg_dump() {
    let dir = tempfile::tempdir().unwrap();
    let out = homeward(dir.path())
        .env("HOMEWARD_DATABASE_URL", "postgres://homeward@127.0.0.1:9/homeward")
        .args(["backup", "x.dump"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn services_export_import_round_trip_and_bad_files_name_path_and_line() {
    let app = crate::helpers::spawn_app(Backend::Sqlite).await;
    let out_dir = tempfile::tempdir().unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        let mut cmd = homeward(app.test_db.dir.path());
        with_db(&mut cmd, &app.test_db);
        cmd.args(args).output().unwrap()
    };
    let out = run(&["services".as_ref(), "export".as_ref(), out_dir.path().as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("12 service(s)"));
    let before = std::fs::read_to_string(out_dir.path().join("sample-civil-registry-capital.toml")).unwrap();
    // Change one file and import the folder back.
    std::fs::write(
        out_dir.path().join("sample-civil-registry-capital.toml"),
        before.replace("last_checked = ", "last_checked = 2026-11-28\n# was ").replacen("\n# was ", "\n# was: ", 1),
    )
    .unwrap();
    let out = run(&["services".as_ref(), "import".as_ref(), out_dir.path().as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let exported_again = tempfile::tempdir().unwrap();
    run(&["services".as_ref(), "export".as_ref(), exported_again.path().as_os_str()]);
    let after = std::fs::read_to_string(exported_again.path().join("sample-civil-registry-capital.toml")).unwrap();
    assert!(after.contains("last_checked = 2026-11-28"), "{after}");
    let (_, page) = app.text("/en/services/sample-civil-registry-capital").await;
    assert!(page.contains("28 November 2026"), "the import reached the public page");
    // A bad file: every problem with its path and line, and nothing changes.
    std::fs::write(
        out_dir.path().join("bad-office.toml"),
        "kind = \"castle\"\ntopics = [\"legal\"]\nregion = \"atlantis\"\naddress = \"x\"\nphone = \"1\"\nlanguages = [\"en\"]\nlast_checked = 2026-01-01\n\n[en]\nname = \"Bad\"\ndescription = \"d\"\nhours = \"h\"\n",
    )
    .unwrap();
    let out = run(&["services".as_ref(), "import".as_ref(), out_dir.path().as_os_str()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad-office.toml:1:") && stderr.contains("castle"), "{stderr}");
    assert!(stderr.contains("bad-office.toml:3:") && stderr.contains("atlantis"), "{stderr}");
    // Files follow the form's rules: a phone readers cannot call is refused here too.
    assert!(stderr.contains("bad-office.toml:5: phone \"1\" is not a phone number"), "{stderr}");
    assert_eq!(app.get("/en/services/bad-office").await.status().as_u16(), 404);
}
