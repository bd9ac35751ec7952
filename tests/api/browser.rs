//! Real-browser and validator checks: headless Chromium driven over WebDriver
//! runs axe-core on the public and setup pages in every language, and the Nu HTML
//! Checker validates the same pages. Skipped (loudly) where the tools are missing;
//! required under CI=true. `.ci/run` installs them (Debian chromium, chromium-driver,
//! Java; npm axe-core and vnu-jar from package.json).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, spawn_app};

struct Tools {
    chromedriver: PathBuf,
    chromium: PathBuf,
    axe: String,
    vnu: PathBuf,
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| PathBuf::from(d).join(name)).find(|p| p.is_file())
}

/// The browser tools, or `None` after saying why the test is skipped.
fn tools(test: &str) -> Option<Tools> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let chromedriver =
        std::env::var_os("HOMEWARD_TEST_CHROMEDRIVER").map(PathBuf::from).or_else(|| which("chromedriver"));
    let chromium = std::env::var_os("HOMEWARD_TEST_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| which("chromium"))
        .or_else(|| which("chromium-browser"));
    let axe = std::fs::read_to_string(root.join("node_modules/axe-core/axe.min.js")).ok();
    let vnu = Some(root.join("node_modules/vnu-jar/build/dist/vnu.jar")).filter(|p| p.is_file());
    let java = which("java");
    match (chromedriver, chromium, axe, vnu, java) {
        (Some(chromedriver), Some(chromium), Some(axe), Some(vnu), Some(_)) => {
            Some(Tools { chromedriver, chromium, axe, vnu })
        }
        missing => {
            let what = format!(
                "chromedriver: {}, chromium: {}, axe-core: {}, vnu-jar: {}, java: {}",
                missing.0.is_some(),
                missing.1.is_some(),
                missing.2.is_some(),
                missing.3.is_some(),
                missing.4.is_some()
            );
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{test}: browser tools missing under CI=true ({what})");
            }
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: browser tools missing ({what}); install chromium, chromium-driver and Java, then `npm ci`"
            );
            None
        }
    }
}

struct Driver {
    child: Child,
    url: String,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start_driver(tools: &Tools) -> (Driver, fantoccini::Client) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(&tools.chromedriver)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = tempfile::tempdir().unwrap();
    let driver = Driver { child, url: format!("http://127.0.0.1:{port}"), _profile: profile };
    let deadline = Instant::now() + Duration::from_secs(20);
    while reqwest::get(format!("{}/status", driver.url)).await.is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not answer");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": tools.chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1024,800",
                format!("--user-data-dir={}", driver._profile.path().display()),
            ]
        }),
    );
    let client = fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a browser session starts");
    (driver, client)
}

/// axe-core's WCAG 2.x A/AA violations on the page the browser shows.
async fn axe_violations(client: &fantoccini::Client, axe: &str) -> Vec<String> {
    client.execute(&format!("{axe}\nreturn typeof axe;"), vec![]).await.expect("axe loads");
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
    "#;
    let result = client.execute_async(script, vec![]).await.expect("axe runs");
    result.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn public_paths() -> Vec<String> {
    let mut paths = Vec::new();
    for lang in ["en", "hy", "az", "ru"] {
        for p in [
            "/",
            "/topics/legal",
            "/topics/legal?page=2",
            "/guides/identity-documents",
            "/guides/school-enrolment",
            "/search?q=passport",
            "/search?q=zzzz",
            "/privacy",
            "/services",
            "/services?region=capital&topic=legal",
            "/services/sample-civil-registry-capital",
            "/services/sample-district-hospital-east-lake",
        ] {
            paths.push(format!("/{lang}{p}"));
        }
    }
    paths.push("/de/".into());
    paths.push("/en/no-such-page".into());
    paths
}

fn check_with_nu(tools: &Tools, pages: &[(String, String)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, (_, html)) in pages.iter().enumerate() {
        let path = dir.path().join(format!("page{i}.html"));
        std::fs::write(&path, html).unwrap();
        files.push(path);
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&tools.vnu)
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .expect("the Nu checker runs");
    let report: Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|_| panic!("unexpected Nu checker output: {}", String::from_utf8_lossy(&out.stderr)));
    let mut errors = Vec::new();
    for m in report["messages"].as_array().into_iter().flatten() {
        if m["type"] == "error" || m["subType"] == "fatal" {
            let file = m["url"].as_str().unwrap_or("");
            let index: usize =
                file.rsplit("page").next().and_then(|s| s.trim_end_matches(".html").parse().ok()).unwrap_or(0);
            errors.push(format!("{}:{}: {}", pages[index].0, m["lastLine"], m["message"].as_str().unwrap_or("")));
        }
    }
    errors
}

async fn fetch(app: &TestApp, path: &str) -> String {
    app.get(path).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_and_setup_pages_pass_axe_and_the_nu_checker() {
    let Some(tools) = tools("browser::public_and_setup_pages_pass_axe_and_the_nu_checker") else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    // Enough guides in one topic for its page to have a pager (and its guides a link to the rest).
    let extra: Vec<(String, String)> = (1..=40)
        .map(|i| {
            (
                format!("legal/extra-{i:02}.en.md"),
                crate::helpers::guide_en(&format!("Extra {i}"), "2026-11-20", "Text.", true),
            )
        })
        .collect();
    let mut refs: Vec<(&str, &str)> = extra.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    refs.push(("legal/_topic.en.md", include_str!("../../content/legal/_topic.en.md")));
    app.import(&refs).expect("the extra guides import");
    app.check_content_now();
    let (_driver, client) = start_driver(&tools).await;
    let mut failures = Vec::new();
    let mut pages = Vec::new();
    for path in public_paths() {
        client.goto(&app.url(&path)).await.unwrap();
        for v in axe_violations(&client, &tools.axe).await {
            failures.push(format!("axe {path}: {v}"));
        }
        pages.push((path.clone(), fetch(&app, &path).await));
    }

    let paged = pages.iter().find(|(p, _)| p == "/en/topics/legal?page=2").map(|(_, h)| h.as_str()).unwrap_or("");
    assert!(paged.contains("<nav class=\"pager\""), "the paged topic page has its pager");
    // At 320 px wide nothing scrolls sideways, the pager included.
    client.set_window_size(320, 800).await.unwrap();
    for path in ["/hy/topics/legal?page=2", "/ru/guides/legal-aid"] {
        client.goto(&app.url(path)).await.unwrap();
        let widths =
            client.execute("return [window.innerWidth, document.documentElement.scrollWidth];", vec![]).await.unwrap();
        let (inner, scroll) = (widths[0].as_i64().unwrap_or(0), widths[1].as_i64().unwrap_or(0));
        assert!(inner <= 320, "the window is {inner} px wide");
        if scroll > inner {
            failures.push(format!("{path} scrolls sideways at {inner} px: {scroll} px"));
        }
    }
    client.set_window_size(1280, 900).await.unwrap();

    // The setup form, then its error page as a browser reaches it: by submitting.
    let setup = app.setup_path();
    for lang in ["en", "ru"] {
        let path = format!("{setup}?lang={lang}");
        client.goto(&app.url(&path)).await.unwrap();
        for v in axe_violations(&client, &tools.axe).await {
            failures.push(format!("axe {path}: {v}"));
        }
        pages.push((path.clone(), fetch(&app, &path).await));
        client.find(fantoccini::Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
        client.wait().for_element(fantoccini::Locator::Id("error-summary")).await.unwrap();
        let title = client.title().await.unwrap();
        assert!(title.starts_with(&crate::helpers::t(lang, "error-prefix")), "{title}");
        let focused =
            client.execute("return document.activeElement && document.activeElement.id;", vec![]).await.unwrap();
        assert_eq!(focused, json!("error-summary"), "the error summary receives focus");
        for v in axe_violations(&client, &tools.axe).await {
            failures.push(format!("axe {path} (errors): {v}"));
        }
        let html =
            app.post_form(&path, &[("email", "x"), ("password", "y"), ("confirm", "z")]).await.text().await.unwrap();
        pages.push((format!("{path} (errors)"), html));
    }

    // The feedback form with an error, reached by sending it without a choice.
    client.goto(&app.url("/az/guides/legal-aid")).await.unwrap();
    client.find(fantoccini::Locator::Css(".feedback button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(fantoccini::Locator::Id("error-summary")).await.unwrap();
    for v in axe_violations(&client, &tools.axe).await {
        failures.push(format!("axe feedback errors: {v}"));
    }
    let token = crate::helpers::form_field(&fetch(&app, "/az/guides/legal-aid").await, "token");
    let html = app
        .post_form("/az/guides/legal-aid/feedback", &[("token", &token), ("comment", "x")])
        .await
        .text()
        .await
        .unwrap();
    pages.push(("/az/guides/legal-aid/feedback (errors)".into(), html));

    // Asking a question and reading it back, as a person does it in the browser.
    use fantoccini::Locator;
    client.goto(&app.url("/ru/contact")).await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("error-summary")).await.unwrap();
    for v in axe_violations(&client, &tools.axe).await {
        failures.push(format!("axe contact errors: {v}"));
    }
    client.find(Locator::Id("message")).await.unwrap().send_keys("Как получить справку? <b>жирный</b>").await.unwrap();
    client.find(Locator::Id("method-receipt")).await.unwrap().click().await.unwrap();
    client.find(Locator::Id("consent")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    let code = client.wait().for_element(Locator::Id("receipt-code")).await.unwrap().text().await.unwrap();
    for v in axe_violations(&client, &tools.axe).await {
        failures.push(format!("axe sent page: {v}"));
    }
    client.goto(&app.url("/ru/status")).await.unwrap();
    client.find(Locator::Id("code")).await.unwrap().send_keys(&code).await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    let thread = client.wait().for_element(Locator::Css(".message-body")).await.unwrap().text().await.unwrap();
    assert_eq!(thread, "Как получить справку? <b>жирный</b>", "the question comes back as typed, as text");
    for v in axe_violations(&client, &tools.axe).await {
        failures.push(format!("axe status thread: {v}"));
    }
    let html = app.post_form("/ru/status", &[("code", &code)]).await.text().await.unwrap();
    pages.push(("/ru/status (thread)".into(), html));
    let html = app.post_form("/ru/contact", &[("message", "")]).await.text().await.unwrap();
    pages.push(("/ru/contact (errors)".into(), html));
    let html = app.ask("hy", &[]).await.text().await.unwrap();
    pages.push(("/hy/contact (sent)".into(), html));
    client.close().await.unwrap();

    failures.extend(check_with_nu(&tools, &pages).into_iter().map(|e| format!("nu {e}")));
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caseworker_answers_in_the_browser_and_staff_pages_pass_axe() {
    use fantoccini::Locator;
    let Some(tools) = tools("browser::a_caseworker_answers_in_the_browser_and_staff_pages_pass_axe") else {
        return;
    };
    let smtp = crate::smtp::start_smtp();
    let app = crate::helpers::spawn_app_with(Backend::Sqlite, &[("HOMEWARD_SMTP_URL", &smtp.url())]).await;
    let res = app
        .ask("en", &[("method", "email"), ("email", "reader@example.org"), ("message", "When is the office open?")])
        .await;
    let code = crate::helpers::receipt_code(&res.text().await.unwrap());
    let id = app.inquiry_id(&code);
    let reference = app.db.run_sync(|c| homeward::db::repo::workspace::item(c, &id)).unwrap().reference;
    app.ask("ru", &[("topic", "social")]).await;
    let me = app
        .create_staff("case@example.org", &[homeward::domain::Role::Caseworker, homeward::domain::Role::Admin])
        .await;
    // A team with a rule, so that the case page offers a hand-over and the team pages have content.
    let team = app.db.run_sync(|c| homeward::db::repo::teams::create(c, "Legal aid", &me)).unwrap();
    let rule = homeward::domain::routing::Rule { topic: Some("legal".into()), region: None, lang: Some("hy".into()) };
    app.db.run_sync(|c| homeward::db::repo::teams::add_rule(c, &team, &rule, &me)).unwrap();
    // The caseworker leads it, so the questions asked before any team existed stay in view.
    let input = homeward::db::repo::teams::TeamInput {
        name: "Legal aid".into(),
        is_default: true,
        members: vec![me.clone()],
        leads: vec![me.clone()],
        ..Default::default()
    };
    app.db.run_sync(|c| homeward::db::repo::teams::update(c, &team, &input, &me)).unwrap();
    let (_driver, client) = start_driver(&tools).await;
    let mut failures = Vec::new();
    let mut check = async |what: &str, client: &fantoccini::Client| {
        for v in axe_violations(client, &tools.axe).await {
            failures.push(format!("axe {what}: {v}"));
        }
    };

    // Sign in, first with a wrong password (the error page), then properly.
    client.goto(&app.url("/staff/inquiries")).await.unwrap();
    check("login", &client).await;
    client.find(Locator::Id("email")).await.unwrap().send_keys("case@example.org").await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys("not the password").await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("error-summary")).await.unwrap();
    check("login errors", &client).await;
    client.find(Locator::Id("password")).await.unwrap().send_keys(crate::helpers::STAFF_PASSWORD).await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("queue")).await.unwrap();
    check("queue", &client).await;

    // Filter the queue to English: only this inquiry is left.
    client.find(Locator::Css("#f-lang option[value=en]")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css(".filters button[type=submit]")).await.unwrap().click().await.unwrap();
    // The GET form sends every field (`status=&topic=&lang=en…`): wait for the new page.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !client.current_url().await.unwrap().as_str().contains("lang=en") {
        assert!(Instant::now() < deadline, "the filtered queue did not load");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    client.wait().for_element(Locator::Id("queue")).await.unwrap();
    let rows = client.find_all(Locator::Css("#queue tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 1, "the filter leaves one inquiry");
    client.find(Locator::LinkText(&reference)).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("thread")).await.unwrap();
    check("inquiry", &client).await;

    // A note, then a reply.
    client.find(Locator::Id("note")).await.unwrap().send_keys("Called the office: open 9-17").await.unwrap();
    client.find(Locator::Css("form[action$='/note'] button")).await.unwrap().click().await.unwrap();
    let notes = client.wait().for_element(Locator::Css("#notes .message-body")).await.unwrap().text().await.unwrap();
    assert_eq!(notes, "Called the office: open 9-17");
    client.find(Locator::Id("reply")).await.unwrap().send_keys("The office is open from 9 to 17.").await.unwrap();
    client.find(Locator::Css("form[action$='/reply'] button")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Css("#thread .from-staff")).await.unwrap();
    check("inquiry after reply", &client).await;
    for path in
        ["/staff/replies", "/staff/account", "/staff/account/2fa", "/admin/users", "/admin/audit", "/admin/outbox"]
    {
        client.goto(&app.url(path)).await.unwrap();
        check(path, &client).await;
    }
    client.goto(&app.url("/admin/teams")).await.unwrap();
    check("/admin/teams", &client).await;
    client.find(Locator::Css("form[action='/admin/teams'] button")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("error-summary")).await.unwrap();
    check("/admin/teams (errors)", &client).await;
    client.goto(&app.url(&format!("/admin/teams/{team}"))).await.unwrap();
    check("/admin/teams/{id}", &client).await;
    client.find(Locator::Css("form[action$='/rules'] button")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("error-summary")).await.unwrap();
    check("/admin/teams/{id} (errors)", &client).await;

    // The inquirer reads the answer with the receipt code; the note is not there.
    client.goto(&app.url("/en/status")).await.unwrap();
    client.find(Locator::Id("code")).await.unwrap().send_keys(&code).await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Css(".from-staff")).await.unwrap();
    let page = client.source().await.unwrap();
    assert!(page.contains("The office is open from 9 to 17.") && !page.contains("Called the office"));
    client.close().await.unwrap();
    // The notification reached the SMTP server.
    let mails = smtp.wait_for(2, 30).await;
    assert!(mails.iter().any(|m| m.to.iter().any(|t| t.contains("reader@example.org"))
        && m.decoded().contains(&crate::helpers::t("en", "email-reply-body"))));

    // The Nu checker on the staff pages as served.
    let staff = app.sign_in("case@example.org").await;
    let mut pages = Vec::new();
    for path in [
        "/staff/inquiries".to_owned(),
        format!("/staff/inquiries/{id}"),
        format!("/staff/inquiries/{id}/erase"),
        "/staff/replies".to_owned(),
        "/staff/account".to_owned(),
        "/staff/account/2fa".to_owned(),
        "/admin/users".to_owned(),
        "/admin/audit".to_owned(),
        "/admin/outbox".to_owned(),
        "/admin/settings".to_owned(),
        "/admin/teams".to_owned(),
        format!("/admin/teams/{team}"),
    ] {
        pages.push((path.clone(), app.staff_get(&staff, &path).await.1));
    }
    pages.push(("/staff/login".into(), fetch(&app, "/staff/login").await));
    pages.push(("/staff/reset".into(), fetch(&app, "/staff/reset").await));
    failures.extend(check_with_nu(&tools, &pages).into_iter().map(|e| format!("nu {e}")));
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_edits_previews_and_publishes_in_the_browser() {
    use fantoccini::Locator;
    let Some(tools) = tools("browser::an_editor_edits_previews_and_publishes_in_the_browser") else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.create_staff("editor@example.org", &[homeward::domain::Role::Editor]).await;
    let (_driver, client) = start_driver(&tools).await;
    let mut failures = Vec::new();
    let mut check = async |what: &str, client: &fantoccini::Client| {
        for v in axe_violations(client, &tools.axe).await {
            failures.push(format!("axe {what}: {v}"));
        }
    };
    client.goto(&app.url("/staff/login")).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys("editor@example.org").await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(crate::helpers::STAFF_PASSWORD).await.unwrap();
    client.find(Locator::Css("form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Css("a[href='/admin/content/guides/identity-documents/ru']")).await.unwrap();
    check("content list", &client).await;
    client
        .find(Locator::Css("a[href='/admin/content/guides/identity-documents/ru']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let body = client.wait().for_element(Locator::Id("body")).await.unwrap();
    check("editor", &client).await;
    body.clear().await.unwrap();
    body.send_keys("## Новый раздел\n\nОбновлённый текст для проверки.").await.unwrap();
    client.find(Locator::Css("button[value=preview]")).await.unwrap().click().await.unwrap();
    let preview = client.wait().for_element(Locator::Css("#preview h2")).await.unwrap().text().await.unwrap();
    assert_eq!(preview, "Новый раздел");
    check("editor preview", &client).await;
    client.find(Locator::Css("button[value=save]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Css(".notice")).await.unwrap();
    client.goto(&app.url("/ru/guides/identity-documents")).await.unwrap();
    let page = client.source().await.unwrap();
    assert!(page.contains("Обновлённый текст для проверки."), "the public page shows the new text at once");
    for path in [
        "/admin/translations",
        "/admin/content/guides/identity-documents/ru/revisions",
        "/admin/feedback",
        "/admin/content/new",
        "/admin/content/guides/identity-documents/settings",
        "/admin/content/topics/legal",
        "/admin/services",
        "/admin/services/new",
        "/admin/services/sample-civil-registry-capital/edit",
        "/admin/services/sample-civil-registry-capital/revisions",
    ] {
        client.goto(&app.url(path)).await.unwrap();
        check(path, &client).await;
    }
    // The service form with errors: clear the default language's name and save.
    client.goto(&app.url("/admin/services/sample-civil-registry-capital/edit")).await.unwrap();
    client.find(Locator::Id("name_en")).await.unwrap().clear().await.unwrap();
    client.find(Locator::Id("phone")).await.unwrap().clear().await.unwrap();
    client.find(Locator::Css("form[action$='/edit'] button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Id("error-summary")).await.unwrap();
    check("service form errors", &client).await;
    client.close().await.unwrap();
    let staff = app.sign_in("editor@example.org").await;
    let mut pages = Vec::new();
    for path in [
        "/admin/content",
        "/admin/translations",
        "/admin/content/guides/identity-documents/ru",
        "/admin/content/guides/identity-documents/en",
        "/admin/content/guides/identity-documents/ru/revisions",
        "/admin/feedback",
        "/admin/content/new",
        "/admin/content/guides/identity-documents/settings",
        "/admin/content/topics/legal",
        "/admin/content/topics/new",
        "/admin/services",
        "/admin/services/new",
        "/admin/services/sample-civil-registry-capital/edit",
        "/admin/services/sample-civil-registry-capital/revisions",
    ] {
        pages.push((path.to_owned(), app.staff_get(&staff, path).await.1));
    }
    failures.extend(check_with_nu(&tools, &pages).into_iter().map(|e| format!("nu {e}")));
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
