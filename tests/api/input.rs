//! Hostile bytes on the way in: control characters (NUL first) in every path segment and
//! query parameter, made-up methods, and NUL in form fields — never a server error, the
//! same answer on both backends, and nothing typed lost.

use homeward::domain::Role;

use crate::helpers::{Backend, TestApp, html_escape, receipt_code, spawn_app, t};
use crate::on_both_backends;

on_both_backends!(
    control_characters_in_any_path_segment_answer_404_and_never_a_server_error,
    control_characters_in_any_query_parameter_are_dropped_and_never_give_a_server_error,
    made_up_methods_never_give_a_server_error,
    a_nul_in_a_form_field_is_dropped_and_the_rest_is_kept,
    an_address_the_mailer_would_refuse_is_refused_with_what_was_typed_kept,
);

/// Every route of the table, with sample values (`INQ` and `ME` are filled in at run time).
const ROUTES: &[&str] = &[
    "/healthz",
    "/readyz",
    "/metrics",
    "/static/css/main.css",
    "/setup/done",
    "/setup/sometoken",
    "/staff",
    "/staff/login",
    "/staff/login/code",
    "/staff/logout",
    "/staff/reset",
    "/staff/reset/sometoken",
    "/staff/account",
    "/staff/account/language",
    "/staff/account/password",
    "/staff/account/sessions",
    "/staff/account/2fa",
    "/staff/account/2fa/disable",
    "/staff/inquiries",
    "/staff/inquiries/export.csv",
    "/staff/inquiries/INQ",
    "/staff/inquiries/INQ/reply",
    "/staff/inquiries/INQ/note",
    "/staff/inquiries/INQ/assign",
    "/staff/inquiries/INQ/status",
    "/staff/inquiries/INQ/team",
    "/staff/inquiries/INQ/safeguarding",
    "/staff/inquiries/INQ/content-gap",
    "/staff/inquiries/INQ/export",
    "/staff/inquiries/INQ/erase",
    "/staff/replies",
    "/staff/replies/0190f0e0-0000-7000-8000-000000000000/delete",
    "/admin/users",
    "/admin/users/invite",
    "/admin/users/ME/roles",
    "/admin/users/ME/disable",
    "/admin/users/ME/enable",
    "/admin/users/ME/reset-2fa",
    "/admin/audit",
    "/admin/teams",
    "/admin/teams/0190f0e0-0000-7000-8000-000000000000",
    "/admin/teams/0190f0e0-0000-7000-8000-000000000000/rules",
    "/admin/teams/0190f0e0-0000-7000-8000-000000000000/rules/0190f0e0-0000-7000-8000-000000000001/delete",
    "/admin/teams/0190f0e0-0000-7000-8000-000000000000/move",
    "/admin/teams/0190f0e0-0000-7000-8000-000000000000/delete",
    "/admin/settings",
    "/admin/outbox",
    "/admin/outbox/0190f0e0-0000-7000-8000-000000000000/retry",
    "/admin/feedback",
    "/admin/services",
    "/admin/services/new",
    "/admin/services/sample-civil-registry-capital",
    "/admin/services/sample-civil-registry-capital/edit",
    "/admin/services/sample-civil-registry-capital/revisions",
    "/admin/services/sample-civil-registry-capital/revisions/1/restore",
    "/admin/content",
    "/admin/translations",
    "/admin/content/new",
    "/admin/content/topics/legal",
    "/admin/content/guides/legal-aid/settings",
    "/admin/content/guides/legal-aid/publish",
    "/admin/content/guides/legal-aid/review",
    "/admin/content/guides/legal-aid/en",
    "/admin/content/guides/legal-aid/en/revisions",
    "/admin/content/guides/legal-aid/en/revisions/1/rollback",
    "/sitemap.xml",
    "/robots.txt",
    "/en",
    "/en/",
    "/en/topics/legal",
    "/en/guides/legal-aid",
    "/en/guides/legal-aid/feedback",
    "/en/search",
    "/en/services",
    "/en/services/sample-civil-registry-capital",
    "/en/feed.atom",
    "/en/privacy",
    "/en/contact",
    "/en/status",
    "/en/status/message",
];

/// Percent-encoded control characters: each makes a path 404 and is dropped from a query.
const CONTROLS: &[&str] = &["%00", "a%00b", "%01", "%0A", "%0D", "%1F", "%7F", "%C2%85"];
/// Other hostile bytes: invalid UTF-8, an overlong NUL, a bidi override. Anything but 5xx.
const HOSTILE: &[&str] = &["%FF", "%C0%80", "%E2%80%AE", "%25", "%2F"];

/// Every query parameter a page reads, by route.
const QUERIES: &[(&str, &[&str])] = &[
    ("/staff/inquiries", &["status", "topic", "lang", "assignee", "overdue", "team", "page"]),
    ("/staff/inquiries/export.csv", &["status", "topic", "lang", "assignee", "overdue", "team"]),
    ("/admin/audit", &["action", "actor", "record", "page"]),
    ("/en/search", &["q"]),
    ("/en/services", &["region", "topic", "language"]),
    ("/en/contact", &["topic"]),
    ("/staff/login", &["next"]),
];

/// An app with one inquiry and one signed-in person holding every role.
async fn app_with_everyone(backend: Backend) -> (TestApp, reqwest::Client, String, String) {
    let app = spawn_app(backend).await;
    let code = receipt_code(&app.ask("en", &[]).await.text().await.unwrap());
    let inquiry = app.inquiry_id(&code);
    let me = app.create_staff("all@example.org", &[Role::Caseworker, Role::Editor, Role::Admin]).await;
    let client = app.sign_in("all@example.org").await;
    (app, client, inquiry, me)
}

fn fill(route: &str, inquiry: &str, me: &str) -> String {
    route.replace("INQ", inquiry).replace("ME", me)
}

/// Sends a GET and a POST (with the session's CSRF token) and returns both statuses.
async fn get_and_post(app: &TestApp, client: &reqwest::Client, csrf: &str, path: &str) -> [u16; 2] {
    let get = client.get(app.url(path)).send().await.unwrap().status().as_u16();
    let post = client
        .post(app.url(path))
        .form(&[("csrf", csrf), ("comment", "x"), ("name", "x")])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    [get, post]
}

async fn control_characters_in_any_path_segment_answer_404_and_never_a_server_error(backend: Backend) {
    let (app, client, inquiry, me) = app_with_everyone(backend).await;
    let csrf = app.csrf(&client).await;
    let mut tried = 0;
    for route in ROUTES {
        let path = fill(route, &inquiry, &me);
        let segments: Vec<&str> = path.split('/').collect();
        for i in (1..segments.len()).filter(|i| !segments[*i].is_empty()) {
            for bad in CONTROLS.iter().chain(HOSTILE) {
                // In place of the segment, and at its end.
                let variants = [bad.to_string(), format!("{}{bad}", segments[i])];
                let mut mutated = segments.clone();
                for variant in &variants {
                    mutated[i] = variant.as_str();
                    let target = mutated.join("/");
                    let statuses = get_and_post(&app, &client, &csrf, &target).await;
                    tried += 1;
                    assert!(statuses.iter().all(|s| *s < 500), "{target}: {statuses:?}");
                    if CONTROLS.contains(bad) {
                        assert_eq!(statuses, [404, 404], "{target}");
                    }
                }
            }
        }
    }
    assert!(tried > 1000, "{tried} paths tried");
    // The URLs of the review, one by one; and the page is the reader's 404 page.
    for path in [
        "/admin/content/topics/%00",
        "/admin/content/guides/%00/en",
        "/admin/content/guides/%00/settings",
        "/admin/services/%00",
        "/ru/guides/%00/feedback",
    ] {
        let res = client.get(app.url(path)).header("Accept-Language", "ru").send().await.unwrap();
        assert_eq!(res.status().as_u16(), 404, "{path}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&html_escape(&t("ru", "error-404-title"))), "{path}: the 404 page in Russian");
    }
    let res = app.staff_post(&client, "/admin/services/%00", &[("action", "archive")]).await;
    assert_eq!(res.status().as_u16(), 404);
    // Still signed in and working afterwards.
    assert_eq!(app.staff_get(&client, "/staff/inquiries").await.0, 200);
}

async fn control_characters_in_any_query_parameter_are_dropped_and_never_give_a_server_error(backend: Backend) {
    let (app, client, _, _) = app_with_everyone(backend).await;
    let status = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move { client.get(url).send().await.unwrap().status().as_u16() }
    };
    for (route, params) in QUERIES {
        for param in *params {
            for bad in CONTROLS.iter().chain(HOSTILE) {
                let path = format!("{route}?{param}={bad}");
                let got = status(path.clone()).await;
                assert!(got < 500, "{path}: {got}");
                if CONTROLS.contains(bad) {
                    // The same answer as without the control character.
                    let cleaned = if *bad == "a%00b" { "ab" } else { "" };
                    assert_eq!(got, status(format!("{route}?{param}={cleaned}")).await, "{path}");
                }
            }
        }
    }
    // A control character in a parameter's name, on every route.
    for route in ROUTES {
        let got = status(format!("{route}?a%00b=1")).await;
        assert!(got < 500, "{route}: {got}");
    }
    // The review's URLs answer as their filters without the NUL do.
    for path in [
        "/staff/inquiries?topic=%00",
        "/staff/inquiries?team=%00&assignee=%00&lang=%00",
        "/admin/audit?actor=%00&record=%00",
    ] {
        assert_eq!(status(path.to_owned()).await, 200, "{path}");
    }
    let res = client.get(app.url("/staff/inquiries/export.csv?team=%00")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    // A search keeps what was typed around the NUL.
    let (status, body) = app.text("/en/search?q=leg%00al").await;
    assert_eq!(status, 200);
    assert!(body.contains("maxlength=\"200\" value=\"legal\""), "the search reads the term without the NUL");
}

async fn made_up_methods_never_give_a_server_error(backend: Backend) {
    let (app, client, inquiry, me) = app_with_everyone(backend).await;
    for route in ROUTES {
        let path = fill(route, &inquiry, &me);
        for method in ["FOO", "PROPFIND", "M-SEARCH", "BREW", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let res = client.request(method.clone(), app.url(&path)).body("a=%00").send().await.unwrap();
            assert!(res.status().as_u16() < 500, "{method} {path}: {}", res.status());
        }
    }
}

async fn a_nul_in_a_form_field_is_dropped_and_the_rest_is_kept(backend: Backend) {
    let (app, client, _, _) = app_with_everyone(backend).await;
    // Public feedback: the review's own case.
    let page = app.text("/en/guides/legal-aid").await.1;
    let token = crate::helpers::form_field(&page, "token");
    let res = app
        .post_form("/en/guides/legal-aid/feedback", &[("token", &token), ("useful", "no"), ("comment", "a\0b\u{1}c")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, feedback) = app.staff_get(&client, "/admin/feedback").await;
    assert!(feedback.contains(">abc</span>"), "the comment is kept without the control characters");

    // A question: NUL goes, line breaks stay (CRLF as LF), every word arrives.
    let res = app.ask("en", &[("message", "First\0 line\r\nsecond\u{7f} line"), ("name", "A\0ni")]).await;
    assert_eq!(res.status().as_u16(), 200);
    let code = receipt_code(&res.text().await.unwrap());
    let inquiry = app.inquiry_id(&code);
    let (status, case) = app.staff_get(&client, &format!("/staff/inquiries/{inquiry}")).await;
    assert_eq!(status, 200);
    assert!(case.contains("First line\nsecond line"), "the message is kept, cleaned");
    assert!(case.contains("Ani"), "the name is kept, cleaned");

    // A staff form: a team named with a NUL is saved under the cleaned name.
    let res = app.staff_post(&client, "/admin/teams", &[("name", "North\0 desk")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, teams) = app.staff_get(&client, "/admin/teams").await;
    assert!(teams.contains("North desk"));

    // A NUL in the email field: the address is read without it.
    let res = app.ask("en", &[("method", "email"), ("email", "ani\0@example.org")]).await;
    assert_eq!(res.status().as_u16(), 200);
}

async fn an_address_the_mailer_would_refuse_is_refused_with_what_was_typed_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    for (lang, typed, key) in [
        ("en", "a..b@c.de", "contact-error-email-dots"),
        ("hy", ".a@b.cd", "contact-error-email-dots"),
        ("az", "ani.@example.org", "contact-error-email-dots"),
        ("ru", "ani\u{200B}@example.org", "contact-error-email-hidden"),
        ("en", "ani@exa\u{AD}mple.org", "contact-error-email-hidden"),
        ("az", "=?utf-8?q?admin?=@example.org", "contact-error-email-invalid"),
        ("en", "=?utf-8?b?YWRtaW4=?=@example.org", "contact-error-email-invalid"),
        ("ru", "Ани <ani@example.org>", "contact-error-email-invalid"),
    ] {
        let res = app.ask(lang, &[("method", "email"), ("email", typed), ("message", "Где мой паспорт?")]).await;
        assert_eq!(res.status().as_u16(), 422, "{typed:?}");
        let body = res.text().await.unwrap();
        let message = html_escape(&t(lang, key));
        assert!(body.contains(&format!("<a href=\"#email\">{message}</a>")), "{lang}: {typed:?}");
        assert!(body.contains(&format!("value=\"{}\"", html_escape(typed))), "{typed:?} is kept");
        assert!(body.contains("Где мой паспорт?"), "the message is kept");
    }
    assert_eq!(app.db.run_sync(homeward::db::repo::inquiries::count).unwrap(), 0, "nothing stored");
    // Ordinary addresses, a non-Latin one included, still go through.
    for typed in ["şəhla@poçt.az", "ani.petrosyan+help@example.am"] {
        let res = app.ask("az", &[("method", "email"), ("email", typed)]).await;
        assert_eq!(res.status().as_u16(), 200, "{typed}");
    }
}
