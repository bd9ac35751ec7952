//! Crash safety: the real binary takes a few hundred questions at once, is killed
//! with SIGKILL halfway, and is started again on the same database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::helpers::{Backend, TestDb, form_field, receipt_code};
use crate::on_both_backends;
use crate::smtp::start_smtp;

fn serve(db: &TestDb, smtp_url: &str) -> (Child, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).current_dir(db.dir.path());
    for (k, v) in db.env(&[
        ("HOMEWARD_SMTP_URL", smtp_url),
        ("HOMEWARD_STAFF_NOTIFY", "team@example.org"),
        ("HOMEWARD_OUTBOX_LEASE_SECONDS", "2"),
        ("HOMEWARD_LOG", "warn"),
        ("HOMEWARD_WORKERS", "2"),
    ]) {
        cmd.env(k, v);
    }
    let mut child = cmd.arg("serve").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("the server starts").unwrap();
        if let Some(rest) = line.strip_prefix("Homeward is running at ") {
            break rest.trim().trim_end_matches('/').to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines.by_ref() {});
    (child, address)
}

on_both_backends!(
    a_kill_in_the_middle_loses_no_question_and_no_email,
    a_graceful_stop_in_the_middle_sends_no_email_twice
);

async fn a_kill_in_the_middle_loses_no_question_and_no_email(backend: Backend) {
    // SMTP cannot tell us whether a message that was on the wire when the process
    // died arrived: those few (at most the eight in flight) are sent again, with the
    // same Message-ID, so mail clients show them once. Nothing else is sent twice.
    stop_in_the_middle(backend, "-KILL", 8).await;
}

async fn a_graceful_stop_in_the_middle_sends_no_email_twice(backend: Backend) {
    // SIGTERM: requests in flight finish, the worker finishes its batch and gives back the rest.
    stop_in_the_middle(backend, "-TERM", 0).await;
}

async fn stop_in_the_middle(backend: Backend, signal: &str, max_resent: usize) {
    let smtp = start_smtp();
    let db = TestDb::new(&backend);
    let (mut first, address) = serve(&db, &smtp.url());
    let client = reqwest::Client::new();
    let total = 300;
    let mut tokens = Vec::new();
    for _ in 0..total {
        let page = client.get(format!("{address}/en/contact")).send().await.unwrap().text().await.unwrap();
        tokens.push(form_field(&page, "token"));
    }
    let done = Arc::new(AtomicUsize::new(0));
    let semaphore = Arc::new(tokio::sync::Semaphore::new(16));
    let mut tasks = Vec::new();
    for (i, token) in tokens.into_iter().enumerate() {
        let (client, address, done, semaphore) = (client.clone(), address.clone(), done.clone(), semaphore.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = semaphore.acquire().await.ok()?;
            let message = format!("Question number {i}");
            let form = [
                ("token", token.as_str()),
                ("topic", "legal"),
                ("answer_lang", "en"),
                ("message", message.as_str()),
                ("method", "receipt"),
                ("consent", "yes"),
            ];
            let res = client.post(format!("{address}/en/contact")).form(&form).send().await;
            done.fetch_add(1, Ordering::Relaxed);
            let body = res.ok()?.text().await.ok()?;
            let code = receipt_code(&body);
            (!code.is_empty()).then_some((code, message))
        }));
    }
    while done.load(Ordering::Relaxed) < total / 2 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Command::new("kill").args([signal, &first.id().to_string()]).status().unwrap();
    let status = first.wait().unwrap();
    if signal == "-TERM" {
        assert!(status.success(), "a graceful stop exits 0: {status:?}");
    }
    let mut receipts = Vec::new();
    for t in tasks {
        if let Some(found) = t.await.unwrap() {
            receipts.push(found);
        }
    }
    assert!(
        receipts.len() >= total / 3 && receipts.len() < total,
        "the kill landed mid-run: {} receipts",
        receipts.len()
    );

    let (mut second, address) = serve(&db, &smtp.url());
    for (code, message) in &receipts {
        let page = client
            .post(format!("{address}/en/status"))
            .form(&[("code", code.as_str())])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains(message.as_str()), "a question that got a receipt is stored and readable");
    }
    let stored = {
        let url = match &backend {
            Backend::Sqlite => homeward::config::DatabaseUrl::Sqlite(db.url.trim_start_matches("sqlite://").into()),
            Backend::Postgres(_) => {
                homeward::config::DatabaseUrl::Postgres(secrecy::SecretString::from(db.url.clone()))
            }
        };
        homeward::db::Db::open(&url).unwrap().run_sync(homeward::db::repo::inquiries::count).unwrap() as usize
    };
    assert!(stored >= receipts.len());
    // One staff notification per stored question, each exactly once.
    smtp.wait_for(stored, 60).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let got = smtp.received();
    let ids = crate::smtp::distinct_message_ids(&got);
    assert_eq!(ids.len(), stored, "every queued email delivered, each with its own Message-ID");
    let resent = got.len() - ids.len();
    assert!(resent <= max_resent, "{resent} emails sent twice after {signal}");
    second.kill().unwrap();
    second.wait().unwrap();
}
