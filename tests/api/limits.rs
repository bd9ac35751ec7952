//! What one request, or a flood of them from many addresses, can make the server spend:
//! password hashing, metrics series, the operators' endpoint, and slow bodies.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use homeward::domain::Role;

use crate::helpers::{Backend, STAFF_PASSWORD, spawn_app_with, t};
use crate::on_both_backends;

on_both_backends!(
    sign_in_is_busy_503_with_retry_after_while_every_hashing_thread_is_taken,
    made_up_methods_do_not_grow_the_metrics,
    metrics_are_not_on_the_public_listener,
);

async fn sign_in_is_busy_503_with_retry_after_while_every_hashing_thread_is_taken(backend: Backend) {
    let app =
        spawn_app_with(backend, &[("HOMEWARD_PASSWORD_HASH_THREADS", "1"), ("HOMEWARD_PASSWORD_HASH_WAIT_MS", "0")])
            .await;
    let email = "busy@homeward.example";
    app.create_staff(email, &[Role::Caseworker]).await;
    assert_eq!(app.app.passwords.threads(), 1);
    let client = app.staff_client();

    // A flood of sign-ins holds every hashing thread.
    let held = app.app.passwords.hold_all().await.unwrap();
    let res = app.try_sign_in(&client, email, STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 503, "no queue: busy at once");
    let retry: u32 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a Retry-After in seconds");
    assert!(retry >= 1);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let page = res.text().await.unwrap();
    assert!(page.contains(&crate::helpers::html_escape(&t("en", "error-busy-title"))), "{page}");

    // The reader's language.
    let page =
        client.get(app.url("/staff/login")).header("Accept-Language", "ru").send().await.unwrap().text().await.unwrap();
    let csrf = crate::helpers::form_field(&page, "csrf");
    let res = client
        .post(app.url("/staff/login"))
        .header("Accept-Language", "ru")
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", STAFF_PASSWORD), ("next", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    let page = res.text().await.unwrap();
    assert!(page.contains(&crate::helpers::html_escape(&t("ru", "error-busy-title"))), "{page}");

    // Once the threads are free the same sign-in works.
    drop(held);
    let res = app.try_sign_in(&client, email, STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303, "signed in once a thread is free");
}

async fn made_up_methods_do_not_grow_the_metrics(backend: Backend) {
    let app = spawn_app_with(backend, &[]).await;
    app.get("/en/").await;
    let before = app.metrics().await.text().await.unwrap();
    for n in 0..50 {
        let method = reqwest::Method::from_bytes(format!("MADEUP{n}").as_bytes()).unwrap();
        app.client.request(method.clone(), app.url("/en/")).send().await.unwrap();
        app.client.request(method, app.url(&format!("/nowhere/{n}/x"))).send().await.unwrap();
    }
    let after = app.metrics().await.text().await.unwrap();
    assert!(!after.contains("MADEUP"), "a made-up method never becomes a label");
    assert!(!after.contains("nowhere"), "a path never becomes a label");
    assert!(after.contains("method=\"other\""), "{after}");
    let series = |text: &str| text.lines().filter(|l| l.starts_with("homeward_http_requests_total{")).count();
    assert!(
        series(&after) <= series(&before) + 4,
        "100 odd requests add a handful of series at most: {} -> {}",
        series(&before),
        series(&after)
    );
}

async fn metrics_are_not_on_the_public_listener(backend: Backend) {
    let app = spawn_app_with(backend, &[]).await;
    assert_eq!(app.get("/metrics").await.status().as_u16(), 404, "the site's address has no /metrics");
    let res = app.metrics().await;
    assert_eq!(res.status().as_u16(), 200, "the operators' address has it");
    assert!(res.text().await.unwrap().contains("homeward_build_info"));
    // The operators' listener serves nothing else.
    let other = reqwest::get(format!("{}/en/", app.metrics_address)).await.unwrap();
    assert_eq!(other.status().as_u16(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_be_turned_off() {
    let app = spawn_app_with(Backend::Sqlite, &[("HOMEWARD_METRICS_BIND", "off")]).await;
    assert_eq!(app.metrics_address, "http://127.0.0.1:0", "no metrics listener");
    assert_eq!(app.get("/metrics").await.status().as_u16(), 404);
}

/// Sends the headers of a form POST that promises `length` bytes, then trickles one byte every
/// 100 ms from another thread; returns what the server answered (read with a generous timeout)
/// and whether it then closed the connection.
fn trickle(address: &str, path: &str, length: usize) -> (String, bool) {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {address}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\nname="
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut writer = stream.try_clone().unwrap();
    std::thread::spawn(move || {
        for _ in 0..length {
            if writer.write_all(b"a").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    let closed = loop {
        match stream.read(&mut buf) {
            Ok(0) => break true,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break true,
            Err(_) => break false,
        }
    };
    (String::from_utf8_lossy(&answer).into_owned(), closed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_sent_too_slowly_gets_408_and_the_connection_closes() {
    let app = spawn_app_with(Backend::Sqlite, &[("HOMEWARD_BODY_TIMEOUT_SECONDS", "1")]).await;
    for path in ["/en/contact", "/staff/login"] {
        let address = app.address.clone();
        let (answer, closed) = tokio::task::spawn_blocking(move || trickle(&address, path, 10_000)).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 408"), "{path}: {answer}");
        assert!(answer.contains(&crate::helpers::html_escape(&t("en", "error-408-title"))), "{path}: {answer}");
        assert!(closed, "{path}: the connection closes instead of reading the rest");
    }
    // An ordinary form still goes through.
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}
