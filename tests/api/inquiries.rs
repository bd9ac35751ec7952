//! Asking a question, the receipt code and status page, encryption at rest,
//! anti-abuse, and email through the outbox to a real SMTP server.

use std::time::Duration;

use homeward::db::repo::{inquiries, outbox};

use crate::helpers::{Backend, TestApp, form_field, html_escape, receipt_code, spawn_app, spawn_app_with, t};
use crate::on_both_backends;
use crate::smtp::{Mode, free_port, start_smtp, start_smtp_on};

on_both_backends!(
    a_question_gets_a_receipt_code_that_opens_the_thread,
    the_same_form_sent_twice_stores_one_inquiry_and_shows_the_same_code,
    the_same_form_sent_again_later_does_not_show_the_code_again,
    form_errors_keep_everything_typed,
    stale_forged_and_reused_tokens_are_refused_with_input_kept,
    bots_and_hurried_forms_are_turned_away,
    wrong_codes_get_a_neutral_answer_and_are_rate_limited,
    hostile_text_is_defused_on_every_page,
    an_oversized_or_broken_body_gets_a_friendly_error,
    contact_details_and_messages_are_encrypted_at_rest,
    mail_reaches_the_smtp_server_in_the_right_language_without_personal_data,
    mail_waits_while_smtp_is_down_and_arrives_once,
    temporary_failures_are_retried_and_permanent_ones_are_visible,
    keys_rotate_and_everything_still_reads,
    closed_inquiries_are_purged_leaving_a_tombstone,
    mail_files_are_private_and_go_with_their_inquiry,
    a_wrong_secret_key_refuses_to_start,
);

async fn a_question_gets_a_receipt_code_that_opens_the_thread(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/hy/contact?topic=legal").await;
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    assert!(res.headers().get("set-cookie").is_none());
    let form = res.text().await.unwrap();
    assert!(form.contains("<option value=\"legal\" selected>"), "the topic comes preselected from a guide");
    assert!(form.contains(&html_escape(&t("hy", "contact-submit"))));
    let res = app.ask("hy", &[("message", "Ինչպե՞ս վերականգնել անձնագիրը")]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body = res.text().await.unwrap();
    let code = receipt_code(&body);
    assert_eq!(code.len(), 19, "{code}");
    assert!(homeward::domain::ReceiptCode::parse(&code).is_ok());
    assert!(body.contains(&html_escape(&t("hy", "sent-code-hint"))));

    // The code, typed loosely, opens the thread.
    let loose = code.to_lowercase().replace('-', " ");
    let res = app.post_form("/hy/status", &[("code", &loose)]).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Ինչպե՞ս վերականգնել անձնագիրը"));
    assert!(page.contains(&html_escape(&t("hy", "status-new"))));

    // A caseworker's reply, written through the data layer until the staff area exists.
    let id: String = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            homeward::db::schema::inquiries::table
                .select(homeward::db::schema::inquiries::id)
                .first(c)
                .map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    let vault = app.vault.clone();
    app.db
        .run_sync(|c| inquiries::add_staff_reply(c, &vault, &id, None, "Բերեք հին անձնագիրը։", None, "test"))
        .unwrap();
    let page = app.post_form("/hy/status", &[("code", &code)]).await.text().await.unwrap();
    assert!(page.contains("Բերեք հին անձնագիրը։"));
    assert!(page.contains(&html_escape(&t("hy", "status-answered"))));

    // A follow-up, sent twice with the same form, is stored once.
    let token = form_field(&page, "token");
    for _ in 0..2 {
        let res = app
            .post_form("/hy/status/message", &[("code", &code), ("token", &token), ("message", "Շնորհակալություն")])
            .await;
        assert_eq!(res.status().as_u16(), 200);
        assert!(res.text().await.unwrap().contains(&html_escape(&t("hy", "status-followup-sent"))));
    }
    let thread = app.db.run_sync(|c| inquiries::by_id(c, &vault, &id)).unwrap();
    assert_eq!(thread.messages.len(), 3);
    assert_eq!(
        thread.status,
        homeward::domain::inquiry::InquiryStatus::InProgress,
        "a new message needs attention again"
    );
    // An empty follow-up is an error, not a message.
    let token = form_field(&app.post_form("/hy/status", &[("code", &code)]).await.text().await.unwrap(), "token");
    let res = app.post_form("/hy/status/message", &[("code", &code), ("token", &token), ("message", "  ")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("hy", "status-error-followup-empty"))));
}

async fn the_same_form_sent_twice_stores_one_inquiry_and_shows_the_same_code(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get("/en/contact").await.text().await.unwrap();
    let token = form_field(&page, "token");
    let first = receipt_code(&app.ask_with_token("en", &token, &[]).await.text().await.unwrap());
    let second = receipt_code(&app.ask_with_token("en", &token, &[]).await.text().await.unwrap());
    assert_eq!(first, second);
    assert!(!first.is_empty());
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 1);
    // A new form is a new question.
    let third = receipt_code(&app.ask("en", &[]).await.text().await.unwrap());
    assert_ne!(first, third);
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 2);
}

async fn the_same_form_sent_again_later_does_not_show_the_code_again(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get("/ru/contact").await.text().await.unwrap();
    let token = form_field(&page, "token");
    let code = receipt_code(&app.ask_with_token("ru", &token, &[]).await.text().await.unwrap());
    assert!(!code.is_empty());
    // The first sending was longer ago than the code is shown again for (10 minutes).
    let then = time::OffsetDateTime::now_utc() - time::Duration::minutes(11);
    let then = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        then.year(),
        u8::from(then.month()),
        then.day(),
        then.hour(),
        then.minute(),
        then.second()
    );
    app.sql(&format!("UPDATE inquiries SET created_at = '{then}'"));
    let res = app.ask_with_token("ru", &token, &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body = res.text().await.unwrap();
    assert!(!body.contains(&code), "the code was shown again");
    assert!(receipt_code(&body).is_empty());
    assert!(body.contains(&html_escape(&t("ru", "sent-earlier-title"))), "{body}");
    assert!(body.contains(&html_escape(&t("ru", "sent-earlier-lost"))));
    // Still stored once, and the code still opens the thread.
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 1);
    let status = app.post_form("/ru/status", &[("code", code.as_str())]).await.text().await.unwrap();
    assert!(status.contains("How do I renew my passport?"));
}

async fn form_errors_keep_everything_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    for lang in ["en", "hy", "az", "ru"] {
        let res = app
            .ask(
                lang,
                &[
                    ("message", ""),
                    ("method", "email"),
                    ("email", "ani at example"),
                    ("name", "Ани"),
                    ("phone", "12ab"),
                    ("consent", crate::helpers::UNTICKED),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{lang}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&format!("<title>{}: ", html_escape(&t(lang, "error-prefix")))), "{lang}");
        for (field, key) in [
            ("message", "contact-error-message-empty"),
            ("email", "contact-error-email-invalid"),
            ("phone", "contact-error-phone-invalid"),
            ("consent", "contact-error-consent"),
        ] {
            assert!(
                body.contains(&format!("<a href=\"#{field}\">{}</a>", html_escape(&t(lang, key)))),
                "{lang}: {field}"
            );
        }
        assert!(body.contains("value=\"ani at example\""), "{lang}: email kept");
        assert!(body.contains("value=\"Ани\""), "{lang}: name kept");
        assert!(body.contains("value=\"email\" checked"), "{lang}: method kept");
    }
    let long = "я".repeat(5001);
    let res = app.ask("ru", &[("message", &long), ("method", "phone")]).await;
    let body = res.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("ru", "contact-error-message-long"))));
    assert!(body.contains(&html_escape(&t("ru", "contact-error-phone-needed"))));
    assert!(body.contains(&long), "the long text is kept for shortening");
    let res = app.ask("en", &[("topic", "astrology"), ("answer_lang", "de"), ("method", "pigeon")]).await;
    let body = res.text().await.unwrap();
    for key in ["contact-error-topic", "contact-error-lang", "contact-error-method"] {
        assert!(body.contains(&html_escape(&t("en", key))), "{key}");
    }
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 0, "nothing stored");
}

async fn stale_forged_and_reused_tokens_are_refused_with_input_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let key = homeward::crypto::SecretKey::load(&app.settings.secret_key).unwrap();
    let old = time::OffsetDateTime::now_utc().unix_timestamp() - 2 * 24 * 3600;
    let stale = homeward::crypto::form_token::issue_with_nonce(&key, "contact:ru", old, &[1; 16]);
    let other_lang = homeward::crypto::form_token::issue_with_nonce(&key, "contact:en", old + 2 * 24 * 3600, &[2; 16]);
    for token in [stale.as_str(), "1.00.ff", "", other_lang.as_str()] {
        let res = app.ask_with_token("ru", token, &[("message", "Мой вопрос остаётся")]).await;
        assert_eq!(res.status().as_u16(), 422, "{token}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&html_escape(&t("ru", "contact-error-expired"))));
        assert!(body.contains(">Мой вопрос остаётся</textarea>"));
    }
    // A token used for one question cannot carry a different one.
    let page = app.get("/en/contact").await.text().await.unwrap();
    let token = form_field(&page, "token");
    app.ask_with_token("en", &token, &[("message", "first")]).await;
    let res = app.ask_with_token("en", &token, &[("message", "something else entirely")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("en", "contact-error-reused"))));
    assert!(body.contains(">something else entirely</textarea>"));
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 1);
}

async fn bots_and_hurried_forms_are_turned_away(backend: Backend) {
    let app = spawn_app_with(backend, &[("HOMEWARD_MIN_FILL_SECONDS", "3")]).await;
    let res = app.ask("en", &[]).await;
    assert_eq!(res.status().as_u16(), 422, "sent faster than a person can");
    assert!(res.text().await.unwrap().contains(&html_escape(&t("en", "contact-error-expired"))));
    let res = app.ask("en", &[("website", "http://spam.example")]).await;
    assert_eq!(res.status().as_u16(), 200, "a bot sees an ordinary page");
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 0);
    // Rate limit: five questions per client per ten minutes.
    let app = spawn_app_with(Backend::Sqlite, &[("HOMEWARD_RATE_LIMITS", "true")]).await;
    let statuses: Vec<u16> = {
        let mut v = Vec::new();
        for _ in 0..6 {
            v.push(app.ask("en", &[]).await.status().as_u16());
        }
        v
    };
    assert_eq!(statuses, vec![200, 200, 200, 200, 200, 429]);
}

async fn wrong_codes_get_a_neutral_answer_and_are_rate_limited(backend: Backend) {
    let app = spawn_app_with(backend, &[("HOMEWARD_RATE_LIMITS", "true")]).await;
    app.ask("az", &[]).await;
    let neutral = html_escape(&t("az", "status-not-found"));
    for code in ["", "nonsense", "AAAA-AAAA-AAAA-AAAA", "<script>alert(1)</script>"] {
        let res = app.post_form("/az/status", &[("code", code)]).await;
        assert_eq!(res.status().as_u16(), 422, "{code}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&neutral), "{code}");
        assert!(!body.contains("<script>alert"));
    }
    let mut last = 0;
    for _ in 0..20 {
        last = app.post_form("/az/status", &[("code", "AAAA-AAAA-AAAA-AAAB")]).await.status().as_u16();
    }
    assert_eq!(last, 429, "guessing codes is rate-limited");
}

async fn hostile_text_is_defused_on_every_page(backend: Backend) {
    let smtp = start_smtp();
    let app =
        spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_STAFF_NOTIFY", "team@example.org")])
            .await;
    let hostile = "<script>alert('Հայ')</script> <img src=x onerror=alert(1)> Привет \u{202E}txt.exe العربية\u{0}";
    let res = app
        .ask(
            "ru",
            &[
                ("message", hostile),
                ("name", "Ani\r\nBcc: victim@example.org"),
                ("method", "email"),
                ("email", "ani@example.am"),
                ("phone", "+374 10\r\n55"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let code = receipt_code(&res.text().await.unwrap());
    let page = app.post_form("/ru/status", &[("code", &code)]).await.text().await.unwrap();
    assert!(!page.contains("<script>alert"), "scripts are escaped");
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&#60;script&#62;"));
    assert!(page.contains("dir=\"auto\""), "user text is isolated for bidi");
    assert!(!page.contains('\u{0}'), "NUL bytes are gone");
    // An email header cannot be injected through any field.
    let mails = smtp.wait_for(2, 20).await;
    for m in &mails {
        assert!(!m.data.to_lowercase().contains("bcc:"), "{}", m.data);
        assert!(m.to.iter().all(|to| !to.contains("victim")));
    }
    let control = app.ask("en", &[("email", "a@example.org\r\nBcc: victim@example.org"), ("method", "email")]).await;
    assert_eq!(control.status().as_u16(), 422);
}

async fn an_oversized_or_broken_body_gets_a_friendly_error(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get("/az/contact").await.text().await.unwrap();
    let token = form_field(&page, "token");
    let big = "x".repeat(3 * 1024 * 1024);
    let res = app
        .client
        .post(app.url("/az/contact"))
        .form(&[("token", token.as_str()), ("message", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("az", "error-413-title"))));
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 0);
    // Invalid UTF-8 is read as replacement characters, the same on both backends.
    let mut body = format!("token={token}&topic=legal&answer_lang=az&method=receipt&consent=yes&message=").into_bytes();
    body.extend_from_slice(b"Salam%FF%FE%00dunya");
    let res = app
        .client
        .post(app.url("/az/contact"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let code = receipt_code(&res.text().await.unwrap());
    let page = app.post_form("/az/status", &[("code", &code)]).await.text().await.unwrap();
    assert!(page.contains("Salam\u{FFFD}\u{FFFD}dunya"), "stored with replacement characters and without the NUL");
}

async fn contact_details_and_messages_are_encrypted_at_rest(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(
        backend.clone(),
        &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_STAFF_NOTIFY", "team@example.org")],
    )
    .await;
    let canaries = ["CANARYMSG7731", "canary-name-4417", "canary4417@example.org", "+374 99 441 771"];
    let res = app
        .ask(
            "en",
            &[
                ("message", canaries[0]),
                ("name", canaries[1]),
                ("email", canaries[2]),
                ("phone", canaries[3]),
                ("method", "email"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    smtp.wait_for(2, 20).await;
    // Everything stored, as text: no canary, and no receipt code either.
    let code = receipt_code(&res.text().await.unwrap()).replace('-', "");
    let dump = stored_text(&app, &backend);
    assert!(dump.len() > 1000, "the dump has content");
    for canary in canaries.iter().chain(std::iter::once(&code.as_str())) {
        assert!(!dump.contains(canary), "{canary} is stored in plain text");
    }
}

/// The raw database as text: the SQLite files byte for byte, or every PostgreSQL table's rows.
fn stored_text(app: &TestApp, backend: &Backend) -> String {
    match backend {
        Backend::Sqlite => {
            let mut dump = String::new();
            for file in ["homeward.db", "homeward.db-wal"] {
                if let Ok(bytes) = std::fs::read(app.test_db.dir.path().join(file)) {
                    dump.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
            dump
        }
        Backend::Postgres(_) => {
            #[derive(diesel::QueryableByName)]
            struct Row {
                #[diesel(sql_type = diesel::sql_types::Text)]
                t: String,
            }
            let mut dump = String::new();
            for table in ["inquiries", "inquiry_messages", "outbox", "data_keys", "inquiry_tombstones", "feedback"] {
                let rows: Vec<Row> = app
                    .db
                    .run_sync(|c| {
                        use diesel::RunQueryDsl;
                        diesel::sql_query(format!("SELECT x::text AS t FROM {table} x"))
                            .load::<Row>(c)
                            .map_err(homeward::db::RepoError::from)
                    })
                    .unwrap();
                for r in rows {
                    dump.push_str(&r.t);
                    dump.push('\n');
                }
            }
            dump
        }
    }
}

async fn mail_reaches_the_smtp_server_in_the_right_language_without_personal_data(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(
        backend,
        &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_STAFF_NOTIFY", "team@example.org, lead@example.org")],
    )
    .await;
    let res = app
        .ask(
            "en",
            &[
                ("answer_lang", "ru"),
                ("method", "email"),
                ("email", "ani@example.am"),
                ("name", "Ani Secretname"),
                ("message", "Private question text 5521"),
            ],
        )
        .await;
    let code = receipt_code(&res.text().await.unwrap());
    let mails = smtp.wait_for(3, 20).await;
    assert_eq!(mails.len(), 3);
    let ack = mails.iter().find(|m| m.to.iter().any(|t| t.contains("ani@example.am"))).expect("an acknowledgement");
    let ack_text = ack.decoded();
    assert!(ack_text.contains(&t("ru", "email-ack-subject")), "in the chosen language: {ack_text}");
    assert!(ack_text.contains(&format!("{}/ru/status", app.address)), "how to check back");
    assert!(ack.header("message-id").is_some_and(|id| id.starts_with('<') && id.ends_with("@127.0.0.1>")));
    let staff: Vec<_> =
        mails.iter().filter(|m| m.to.iter().any(|t| t.contains("team@") || t.contains("lead@"))).collect();
    assert_eq!(staff.len(), 2, "one mail per staff address");
    for m in &mails {
        let text = m.decoded();
        for secret in ["Secretname", "Private question text", code.as_str(), code.replace('-', "").as_str()] {
            assert!(!text.contains(secret), "{secret:?} in a mail to {:?}", m.to);
        }
        if m.to.iter().any(|t| t.contains("example.org")) {
            assert!(!text.contains("ani@example.am"), "staff mail names nobody");
            assert!(text.contains("/staff/inquiries/"), "staff mail links to the inquiry");
        }
    }
    // Delivered once: nothing more arrives.
    assert_eq!(app.deliver_outbox().await, 0, "nothing is left to send");
    assert_eq!(smtp.received().len(), 3);
    let states: Vec<String> = app.db.run_sync(outbox::list).unwrap().into_iter().map(|r| r.status).collect();
    assert_eq!(states, vec!["sent"; 3]);
}

async fn mail_waits_while_smtp_is_down_and_arrives_once(backend: Backend) {
    let port = free_port();
    let app = spawn_app_with(
        backend,
        &[
            ("HOMEWARD_SMTP_URL", &format!("smtp://127.0.0.1:{port}")),
            ("HOMEWARD_STAFF_NOTIFY", "team@example.org"),
            ("HOMEWARD_OUTBOX_WORKER", "false"),
        ],
    )
    .await;
    for i in 0..3 {
        let res = app.ask("en", &[("message", &format!("question {i}"))]).await;
        assert_eq!(res.status().as_u16(), 200, "questions are accepted while mail is down");
    }
    app.deliver_outbox().await;
    let rows = app.db.run_sync(outbox::list).unwrap();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter().all(|r| r.status == "retrying" && r.last_error.is_some()),
        "{:?}",
        rows.iter().map(|r| &r.status).collect::<Vec<_>>()
    );
    let smtp = start_smtp_on(port);
    app.make_mail_due();
    assert_eq!(app.deliver_outbox().await, 3);
    smtp.wait_for(3, 20).await;
    app.make_mail_due();
    assert_eq!(app.deliver_outbox().await, 0, "delivered mail is not sent again");
    let got = smtp.received();
    assert_eq!(got.len(), 3, "each mail exactly once");
    let ids = crate::smtp::distinct_message_ids(&got);
    assert_eq!(ids.len(), 3);
}

async fn temporary_failures_are_retried_and_permanent_ones_are_visible(backend: Backend) {
    let smtp = start_smtp();
    smtp.set_mode(Mode::TempFail(1));
    let app = spawn_app_with(
        backend,
        &[
            ("HOMEWARD_SMTP_URL", &smtp.url()),
            ("HOMEWARD_STAFF_NOTIFY", "team@example.org"),
            ("HOMEWARD_OUTBOX_WORKER", "false"),
        ],
    )
    .await;
    app.ask("en", &[]).await;
    app.deliver_outbox().await;
    let row = app.db.run_sync(outbox::list).unwrap().remove(0);
    assert_eq!(row.status, "retrying");
    assert!(row.last_error.as_deref().is_some_and(|e| e.contains("451")), "{:?}", row.last_error);
    app.make_mail_due();
    app.deliver_outbox().await;
    smtp.wait_for(1, 20).await;
    let row = app.db.run_sync(outbox::list).unwrap().remove(0);
    assert_eq!(row.status, "sent");
    assert_eq!(row.attempts, 2, "one 4xx, then delivered");

    smtp.set_mode(Mode::PermFail);
    app.ask("en", &[]).await;
    app.make_mail_due();
    app.deliver_outbox().await;
    let rows = app.db.run_sync(outbox::list).unwrap();
    let failed = rows.iter().find(|r| r.status == "failed").expect("a permanent failure is marked failed");
    assert!(failed.last_error.as_deref().is_some_and(|e| e.contains("550")), "{:?}", failed.last_error);
    assert_eq!(smtp.received().len(), 1);
}

async fn keys_rotate_and_everything_still_reads(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = receipt_code(
        &app.ask("az", &[("message", "Açar dəyişəndən sonra"), ("method", "email"), ("email", "leyla@example.az")])
            .await
            .text()
            .await
            .unwrap(),
    );
    let key = homeward::crypto::SecretKey::load(&app.settings.secret_key).unwrap();
    let report = app.db.run_sync(|c| homeward::db::repo::keys::rotate(c, &key)).unwrap();
    assert!(report.resealed >= 4, "{report:?}");
    assert_eq!(report.retired_keys, 1);
    // A restarted instance reads everything with the new data key.
    let settings = homeward::config::Settings::from_sources(None, &app.test_db.env(&[])).unwrap();
    let second = homeward::startup::Application::build(settings).await.unwrap();
    let vault = second.vault();
    let id: String = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            homeward::db::schema::inquiries::table
                .select(homeward::db::schema::inquiries::id)
                .first(c)
                .map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    let details = app.db.run_sync(|c| inquiries::contact_details(c, &vault, &id)).unwrap();
    assert_eq!(details.email.as_deref(), Some("leyla@example.az"));
    let address = format!("http://127.0.0.1:{}", second.port());
    tokio::spawn(second.run_until_stopped());
    let page = app
        .client
        .post(format!("{address}/az/status"))
        .form(&[("code", code.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Açar dəyişəndən sonra"));
}

async fn closed_inquiries_are_purged_leaving_a_tombstone(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = receipt_code(&app.ask("en", &[("message", "to be forgotten")]).await.text().await.unwrap());
    app.ask("en", &[("message", "still open")]).await;
    let vault = app.vault.clone();
    let key = homeward::crypto::SecretKey::load(&app.settings.secret_key).unwrap();
    let hash = homeward::crypto::receipt::hash(&key, &homeward::domain::ReceiptCode::parse(&code).unwrap());
    let thread = app.db.run_sync(|c| inquiries::by_receipt(c, &vault, &hash)).unwrap();
    app.db
        .run_sync(|c| inquiries::set_status(c, &thread.id, homeward::domain::inquiry::InquiryStatus::Closed))
        .unwrap();
    app.sql("UPDATE inquiries SET closed_at = '2020-01-01 00:00:00' WHERE closed_at IS NOT NULL");
    let purged =
        app.db.run_sync(|c| inquiries::purge_closed(c, homeward::db::repo::now() - time::Duration::days(90))).unwrap();
    assert_eq!(purged, 1);
    assert_eq!(app.db.run_sync(inquiries::count).unwrap(), 1, "the open one stays");
    let res = app.post_form("/en/status", &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 422, "the purged code opens nothing");
    let tombstones: Vec<(String, String)> = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            use homeward::db::schema::inquiry_tombstones as t;
            t::table.select((t::reference, t::outcome)).load(c).map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    assert_eq!(tombstones.len(), 1);
    assert!(tombstones[0].0.starts_with("HW-") && tombstones[0].1 == "closed");
}

/// How many mail files in `dir` name `text`, and the modes of all of them.
fn mail_files(dir: &std::path::Path, text: &str) -> (usize, Vec<u32>) {
    use std::os::unix::fs::PermissionsExt;
    let mut naming = 0;
    let mut modes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "eml") {
            modes.push(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777);
            if std::fs::read_to_string(&path).unwrap().contains(text) {
                naming += 1;
            }
        }
    }
    (naming, modes)
}

async fn mail_files_are_private_and_go_with_their_inquiry(backend: Backend) {
    use std::os::unix::fs::PermissionsExt;
    // No background delivery: the test delivers, so every file is written when it looks.
    let app = spawn_app_with(backend, &[("HOMEWARD_OUTBOX_WORKER", "false")]).await;
    let dir = app.settings.data_dir.join("mail");
    let mut codes = Vec::new();
    for who in ["erase-me", "purge-me", "keep-me"] {
        let email = format!("{who}@example.org");
        let res = app.ask("en", &[("method", "email"), ("email", email.as_str())]).await;
        codes.push(receipt_code(&res.text().await.unwrap()));
    }
    assert!(app.deliver_outbox().await >= 3);
    assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700, "the folder is private");
    for who in ["erase-me", "purge-me", "keep-me"] {
        let (naming, modes) = mail_files(&dir, &format!("{who}@example.org"));
        assert_eq!(naming, 1, "{who}");
        assert!(modes.iter().all(|m| *m == 0o600), "every file is private: {modes:?}");
    }
    // Erased on request: its mail file goes at once.
    app.create_staff("case@example.org", &[homeward::domain::Role::Caseworker, homeward::domain::Role::Admin]).await;
    let client = app.sign_in("case@example.org").await;
    let erased = app.inquiry_id(&codes[0]);
    let res = app.staff_post(&client, &format!("/staff/inquiries/{erased}/erase"), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(mail_files(&dir, "erase-me@example.org").0, 0, "the erased inquiry's mail file is gone");
    // Purged after retention: its file goes with the housekeeping that purges it.
    let purged = app.inquiry_id(&codes[1]);
    app.db.run_sync(|c| inquiries::set_status(c, &purged, homeward::domain::inquiry::InquiryStatus::Closed)).unwrap();
    app.sql("UPDATE inquiries SET closed_at = '2020-01-01 00:00:00' WHERE closed_at IS NOT NULL");
    let worker = homeward::startup::outbox_worker(&app.settings, &app.db, app.vault.clone()).unwrap();
    worker.housekeeping().await.unwrap();
    assert_eq!(mail_files(&dir, "purge-me@example.org").0, 0, "the purged inquiry's mail file is gone");
    assert_eq!(mail_files(&dir, "keep-me@example.org").0, 1, "an open inquiry's delivered mail stays for now");
    // Delivered bodies past their window: the files go with them.
    app.sql("UPDATE outbox SET sent_at = '2020-01-01 00:00:00' WHERE sent_at IS NOT NULL");
    worker.housekeeping().await.unwrap();
    assert_eq!(mail_files(&dir, "@").1.len(), 0, "no mail file outlives its body");
}

async fn a_wrong_secret_key_refuses_to_start(backend: Backend) {
    let app = spawn_app(backend).await;
    app.ask("en", &[]).await;
    let other = "ff".repeat(32);
    let settings =
        homeward::config::Settings::from_sources(None, &app.test_db.env(&[("HOMEWARD_SECRET_KEY", &other)])).unwrap();
    let err = homeward::startup::Application::build(settings).await.err().expect("start-up refuses");
    let text = format!("{err:#}");
    assert!(text.contains("secret key cannot unlock"), "{text}");
}

/// Two instances with their outbox workers on one PostgreSQL database: every
/// email arrives exactly once, whichever instance took the question.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_postgres_deliver_each_email_exactly_once() {
    let Some(backend) = Backend::postgres("inquiries::two_instances_on_postgres_deliver_each_email_exactly_once")
    else {
        return;
    };
    let smtp = start_smtp();
    let extra = [("HOMEWARD_SMTP_URL", smtp.url()), ("HOMEWARD_STAFF_NOTIFY", "team@example.org".to_owned())];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let a = spawn_app_with(backend, &extra).await;
    let settings = homeward::config::Settings::from_sources(None, &a.test_db.env(&extra)).unwrap();
    let second = homeward::startup::Application::build(settings).await.unwrap();
    let b_address = format!("http://127.0.0.1:{}", second.port());
    tokio::spawn(second.run_until_stopped());
    let b = reqwest::Client::new();
    let questions = 20;
    for i in 0..questions {
        if i % 2 == 0 {
            let res = a.ask("en", &[("method", "email"), ("email", &format!("p{i}@example.org"))]).await;
            assert_eq!(res.status().as_u16(), 200);
        } else {
            let page = b.get(format!("{b_address}/en/contact")).send().await.unwrap().text().await.unwrap();
            let token = form_field(&page, "token");
            let email = format!("p{i}@example.org");
            let form = [
                ("token", token.as_str()),
                ("topic", "legal"),
                ("answer_lang", "en"),
                ("message", "From the second instance"),
                ("method", "email"),
                ("email", email.as_str()),
                ("consent", "yes"),
            ];
            assert_eq!(
                b.post(format!("{b_address}/en/contact")).form(&form).send().await.unwrap().status().as_u16(),
                200
            );
        }
    }
    let expected = questions * 2;
    smtp.wait_for(expected, 60).await;
    // Both workers keep polling for a while: nothing more may arrive.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let got = smtp.received();
    assert_eq!(got.len(), expected, "each email exactly once");
    let ids = crate::smtp::distinct_message_ids(&got);
    assert_eq!(ids.len(), expected, "distinct Message-IDs");
    let acks = got.iter().filter(|m| m.to.iter().any(|t| t.starts_with("<p") || t.starts_with('p'))).count();
    assert_eq!(acks, questions);
}
