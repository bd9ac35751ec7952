//! Two instances of the real binary behind a real nginx (the Debian package, started
//! here on loopback ports) on one PostgreSQL database: sessions and content changes
//! are shared, mail goes out once, forwarded addresses are believed only from the
//! proxy, and stopping one instance fails no request.

use std::io::{BufRead, BufReader, Write};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use homeward::domain::Role;

use crate::helpers::{Backend, STAFF_PASSWORD, TestDb, form_field, receipt_code};
use crate::smtp::{free_port, start_smtp};

/// The address nginx connects from, and the only one the app trusts.
const PROXY_SOURCE: &str = "127.0.0.2";

struct Instance {
    child: Child,
    address: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &TestDb, extra: &[(&str, &str)]) -> Instance {
    // The printed address is the public (proxy) one, so each instance gets a known port.
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).current_dir(db.dir.path());
    for (k, v) in db.env(extra) {
        cmd.env(k, v);
    }
    cmd.env("HOMEWARD_BIND", &bind);
    let mut child = cmd.arg("serve").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        let line = lines.next().expect("the server starts").unwrap();
        if line.starts_with("Homeward is running at ") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines.by_ref() {});
    Instance { child, address: format!("http://{bind}") }
}

struct Nginx {
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // One process only (`master_process off`), so killing it leaves no worker behind holding
        // inherited descriptors (a stray worker once kept the build lock of a whole machine).
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nginx_binary(test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .and_then(|p| p.to_str().map(|p| p.split(':').map(|d| PathBuf::from(d).join("nginx")).find(|p| p.is_file())))
        .flatten()
        .or_else(|| Some(PathBuf::from("/usr/sbin/nginx")).filter(|p| p.is_file()));
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{test}: nginx is missing under CI=true");
        }
        let _ = writeln!(std::io::stderr(), "SKIPPED {test}: nginx is not installed (apt-get install nginx-light)");
    }
    found
}

fn start_nginx(binary: &PathBuf, port: u16, upstreams: &[&str]) -> Nginx {
    let dir = tempfile::tempdir().unwrap();
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    let servers: String = upstreams
        .iter()
        .map(|a| format!("server {} max_fails=1 fail_timeout=5s;\n", a.trim_start_matches("http://")))
        .collect();
    let d = dir.path().display();
    let conf = format!(
        r#"{user}
daemon off;
master_process off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    upstream homeward {{
        {servers}
        keepalive 8;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 128k;
        location / {{
            proxy_pass http://homeward;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_bind {PROXY_SOURCE};
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"#,
        user = if root { "user root;" } else { "" },
    );
    std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
    let child = Command::new(binary)
        .arg("-p")
        .arg(dir.path())
        .arg("-c")
        .arg(dir.path().join("nginx.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    Nginx { child, _dir: dir }
}

fn client_from(ip: &str, origin: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", origin.parse().unwrap());
    reqwest::Client::builder()
        .local_address(ip.parse::<IpAddr>().unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn wait_for(url: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !reqwest::get(url).await.is_ok_and(|r| r.status().as_u16() == 200) {
        assert!(Instant::now() < deadline, "{url} never answered");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_behind_nginx_share_sessions_content_and_mail() {
    let test = "proxy::two_instances_behind_nginx_share_sessions_content_and_mail";
    let Some(backend) = Backend::postgres(test) else { return };
    let Some(nginx_bin) = nginx_binary(test) else { return };
    let db = TestDb::new(&backend);
    let smtp = start_smtp();
    let port = free_port();
    let public = format!("http://127.0.0.1:{port}");
    let smtp_url = smtp.url();
    let extra = [
        ("HOMEWARD_BASE_URL", public.as_str()),
        ("HOMEWARD_TRUSTED_PROXIES", PROXY_SOURCE),
        ("HOMEWARD_RATE_LIMITS", "true"),
        ("HOMEWARD_SMTP_URL", smtp_url.as_str()),
        ("HOMEWARD_LOG", "warn"),
        ("HOMEWARD_WORKERS", "2"),
    ];
    let a = serve(&db, &extra);
    let b = serve(&db, &extra);
    wait_for(&format!("{}/readyz", a.address)).await;
    wait_for(&format!("{}/readyz", b.address)).await;
    let _nginx = start_nginx(&nginx_bin, port, &[&a.address, &b.address]);
    wait_for(&format!("{public}/healthz")).await;

    // A staff session made on one instance works on the other.
    let settings = homeward::config::Settings::from_sources(None, &db.env(&extra)).unwrap();
    let store = homeward::db::Db::open(&settings.database_url).unwrap();
    let email = homeward::domain::EmailAddress::parse("editor@example.org").unwrap();
    let link = homeward::startup::create_account_link(
        &store,
        &url::Url::parse(&public).unwrap(),
        Some(&email),
        &[Role::Editor],
    )
    .unwrap();
    let setup = url::Url::parse(&link).unwrap().path().to_owned();
    let editor = client_from("127.0.0.1", &public);
    let res = editor
        .post(format!("{public}{setup}"))
        .form(&[("password", STAFF_PASSWORD), ("confirm", STAFF_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let page = editor.get(format!("{}/staff/login", a.address)).send().await.unwrap().text().await.unwrap();
    let res = editor
        .post(format!("{}/staff/login", a.address))
        .form(&[
            ("csrf", form_field(&page, "csrf").as_str()),
            ("email", "editor@example.org"),
            ("password", STAFF_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "signed in on the first instance");
    let res = editor.get(format!("{}/admin/content", b.address)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "the session works on the second instance");

    // An edit published through one instance is served by the other within 2 seconds.
    let path = "/admin/content/guides/legal-aid/en";
    let page = editor.get(format!("{}{path}", a.address)).send().await.unwrap().text().await.unwrap();
    let form = [
        ("csrf", form_field(&page, "csrf")),
        ("revision", form_field(&page, "revision")),
        ("title", "Free legal aid".to_owned()),
        ("summary", "Who can get it".to_owned()),
        ("body", "Edited on one instance: canary-7781.".to_owned()),
        ("change", "minor".to_owned()),
        ("change_note", String::new()),
        ("action", "save".to_owned()),
    ];
    let res = editor.post(format!("{}{path}", a.address)).form(&form).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let saved = Instant::now();
    loop {
        let body = reqwest::get(format!("{}/en/guides/legal-aid", b.address)).await.unwrap().text().await.unwrap();
        if body.contains("canary-7781") {
            break;
        }
        assert!(saved.elapsed() < Duration::from_secs(2), "the other instance still serves the old text");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A question through the proxy: its acknowledgement is mailed exactly once.
    let reader = client_from("127.0.0.5", &public);
    let page = reader.get(format!("{public}/en/contact")).send().await.unwrap().text().await.unwrap();
    let form = [
        ("token", form_field(&page, "token")),
        ("topic", "legal".to_owned()),
        ("answer_lang", "en".to_owned()),
        ("message", "Through the proxy".to_owned()),
        ("method", "email".to_owned()),
        ("email", "proxied@example.org".to_owned()),
        ("consent", "yes".to_owned()),
    ];
    let sent = reader.post(format!("{public}/en/contact")).form(&form).send().await.unwrap().text().await.unwrap();
    assert!(!receipt_code(&sent).is_empty());
    smtp.wait_for(1, 20).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let to_reader = smtp.received().iter().filter(|m| m.to.iter().any(|t| t.contains("proxied@example.org"))).count();
    assert_eq!(to_reader, 1, "delivered exactly once by two instances");

    // X-Forwarded-For is believed only from the proxy.
    let direct = client_from("127.0.0.1", &public);
    let mut last = 0;
    for i in 0..25 {
        let res = direct
            .post(format!("{}/en/status", a.address))
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .form(&[("code", "AAAA-BBBB-CCCC-DDDD")])
            .send()
            .await
            .unwrap();
        last = res.status().as_u16();
    }
    assert_eq!(last, 429, "a spoofed X-Forwarded-For does not give a fresh identity");
    let noisy = client_from("127.0.0.3", &public);
    for _ in 0..45 {
        noisy.post(format!("{public}/en/status")).form(&[("code", "AAAA-BBBB-CCCC-DDDD")]).send().await.unwrap();
    }
    let res = noisy.post(format!("{public}/en/status")).form(&[("code", "AAAA-BBBB-CCCC-DDDD")]).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 429, "through the proxy, the real client is limited");
    let quiet = client_from("127.0.0.4", &public);
    let res = quiet.post(format!("{public}/en/status")).form(&[("code", "AAAA-BBBB-CCCC-DDDD")]).send().await.unwrap();
    assert_ne!(res.status().as_u16(), 429, "another client behind the same proxy is not");

    // One instance stops: the proxy keeps serving from the other, no request fails.
    let load = {
        let public = public.clone();
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut failures = Vec::new();
            for i in 0..300 {
                let path = if i % 2 == 0 { "/en/" } else { "/en/guides/legal-aid" };
                match client.get(format!("{public}{path}")).send().await {
                    Ok(r) if r.status().as_u16() == 200 => {}
                    Ok(r) => failures.push(format!("{path}: {}", r.status())),
                    Err(e) => failures.push(format!("{path}: {e}")),
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            failures
        })
    };
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mut a = a;
    Command::new("kill").args(["-TERM", &a.child.id().to_string()]).status().unwrap();
    let exit = a.child.wait().unwrap();
    assert!(exit.success(), "a graceful stop: {exit:?}");
    let failures = load.await.unwrap();
    assert!(failures.is_empty(), "{} failed requests: {failures:?}", failures.len());
    drop(b);
}
