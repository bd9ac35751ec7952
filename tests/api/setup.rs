//! The one-time setup link for the first administrator and invitation links.

use homeward::db::repo::accounts;
use homeward::domain::{EmailAddress, Role};

use crate::helpers::{Backend, html_escape, location, spawn_app, t};
use crate::on_both_backends;

on_both_backends!(
    the_setup_link_creates_the_first_administrator_once,
    the_setup_link_expires,
    setup_errors_are_shown_in_the_readers_language_and_keep_the_email,
    no_setup_link_is_printed_once_an_account_exists,
    an_old_setup_link_is_worthless_once_an_account_exists,
    a_made_up_link_is_refused,
);

const PASSWORD: &str = "correct horse battery staple";

async fn the_setup_link_creates_the_first_administrator_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let path = app.setup_path();
    let res = app.get(&path).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body = res.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("en", "setup-title-first"))));

    let res =
        app.post_form(&path, &[("email", "Admin@Example.org"), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/setup/done?lang=en");
    let done = app.get("/setup/done?lang=en").await.text().await.unwrap();
    assert!(done.contains(&html_escape(&t("en", "setup-done-title"))));

    let email = EmailAddress::parse("admin@example.org").unwrap();
    let roles = app.db.run_sync(|c| accounts::roles_of(c, &email)).unwrap();
    assert_eq!(roles, vec![Role::Admin, Role::Caseworker, Role::Editor], "all three roles");
    let stored = app.db.run_sync(|c| {
        use diesel::prelude::*;
        use homeward::db::schema::staff_users;
        staff_users::table.select(staff_users::password_hash).first::<String>(c).map_err(homeward::db::RepoError::from)
    });
    let stored = stored.unwrap();
    assert!(stored.starts_with("$argon2id$"), "argon2id hash stored");
    assert!(!stored.contains(PASSWORD));

    // The link works once.
    let again = app.get(&path).await;
    assert_eq!(again.status().as_u16(), 404);
    assert!(again.text().await.unwrap().contains(&html_escape(&t("en", "setup-invalid-title"))));
    let res =
        app.post_form(&path, &[("email", "second@example.org"), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(app.db.run_sync(accounts::count_users).unwrap(), 1);
}

async fn the_setup_link_expires(backend: Backend) {
    let app = spawn_app(backend).await;
    let path = app.setup_path();
    app.sql("UPDATE account_tokens SET expires_at = created_at");
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    let res =
        app.post_form(&path, &[("email", "admin@example.org"), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(app.db.run_sync(accounts::count_users).unwrap(), 0);
}

async fn setup_errors_are_shown_in_the_readers_language_and_keep_the_email(backend: Backend) {
    let app = spawn_app(backend).await;
    let path = app.setup_path();
    for lang in ["en", "hy", "az", "ru"] {
        let res = app
            .post_form(
                &format!("{path}?lang={lang}"),
                &[("email", "not-an-address"), ("password", "short"), ("confirm", "short")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{lang}");
        let body = res.text().await.unwrap();
        assert!(
            body.contains(&format!("<title>{}: ", html_escape(&t(lang, "error-prefix")))),
            "{lang}: title starts with Error:"
        );
        assert!(body.contains("class=\"error-summary\""), "{lang}: error summary");
        assert!(body.contains("<a href=\"#email\">"), "{lang}: summary links to the email field");
        assert!(body.contains("<a href=\"#password\">"), "{lang}: summary links to the password field");
        assert!(body.contains(&html_escape(&t(lang, "setup-error-email-invalid"))), "{lang}");
        assert!(body.contains(&html_escape(&t(lang, "setup-error-password-short"))), "{lang}");
        assert!(body.contains("value=\"not-an-address\""), "{lang}: the email typed is kept");
    }
    let res =
        app.post_form(&path, &[("email", ""), ("password", PASSWORD), ("confirm", "something else entirely")]).await;
    let body = res.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("en", "setup-error-email-empty"))));
    assert!(body.contains(&html_escape(&t("en", "setup-error-password-mismatch"))));
    assert!(body.contains("<a href=\"#confirm\">"));
    // A missing field altogether is the same as an empty one, not a crash.
    let res = app.post_form(&path, &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(app.db.run_sync(accounts::count_users).unwrap(), 0, "nothing was created");
    assert_eq!(app.get(&path).await.status().as_u16(), 200, "the link still works");
}

async fn no_setup_link_is_printed_once_an_account_exists(backend: Backend) {
    let app = spawn_app(backend.clone()).await;
    let path = app.setup_path();
    app.post_form(&path, &[("email", "admin@example.org"), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    // A second start on the same database.
    let settings = homeward::config::Settings::from_sources(None, &app.test_db.env(&[])).unwrap();
    let second = homeward::startup::Application::build(settings).await.unwrap();
    assert!(second.setup_link().is_none());
}

async fn an_old_setup_link_is_worthless_once_an_account_exists(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.setup_path();
    // A restart before setup prints a second link; the first is still in some log.
    let settings = homeward::config::Settings::from_sources(None, &app.test_db.env(&[])).unwrap();
    let second = homeward::startup::Application::build(settings).await.unwrap();
    let second_path = url::Url::parse(second.setup_link().unwrap()).unwrap().path().to_owned();
    assert_ne!(first, second_path);
    let res = app
        .post_form(&second_path, &[("email", "admin@example.org"), ("password", PASSWORD), ("confirm", PASSWORD)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.get(&first).await.status().as_u16(), 404, "the older link no longer creates an administrator");
}

async fn a_made_up_link_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/setup/0000", "/setup/%3Cscript%3E", &format!("/setup/{}", "a".repeat(64))] {
        let res = app.get_in(path, "ru").await;
        assert_eq!(res.status().as_u16(), 404, "{path}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&html_escape(&t("ru", "setup-invalid-title"))), "{path}");
        assert!(!body.contains("<script>"));
    }
}
