//! Content administration: the editor, revisions, the translation dashboard,
//! publishing and review confirmation, with role checks and escaping.

use homeward::domain::Role;

use crate::helpers::{Backend, TestApp, form_field, html_escape, location, spawn_app, t};
use crate::on_both_backends;

on_both_backends!(
    edit_preview_and_save_reach_the_public_page_at_once,
    major_changes_make_translations_outdated_and_minor_ones_do_not,
    a_second_editor_saving_the_same_translation_keeps_both_texts,
    revisions_diff_and_rollback,
    markup_in_titles_and_bodies_is_neutralised_everywhere,
    only_editors_reach_content_and_only_admins_reach_accounts,
    unpublishing_answers_410_and_review_dates_can_be_confirmed,
    feedback_searches_and_gaps_show_editors_what_to_write,
    comments_and_vain_searches_are_sealed_and_shown_only_when_several_readers_share_them,
    comments_an_earlier_version_stored_in_clear_are_sealed_at_start_up,
    admins_see_and_retry_failed_email_and_reset_second_factors,
    editors_create_topics_and_guides_move_reorder_and_replace_them,
    admins_change_settings_that_apply_on_every_instance,
    editors_see_services_to_check_and_confirm_them,
    a_long_guide_in_cyrillic_saves,
);

const GUIDE: &str = "identity-documents";

async fn editor_app(backend: Backend) -> (TestApp, reqwest::Client) {
    let app = spawn_app(backend).await;
    app.create_staff("editor@example.org", &[Role::Editor]).await;
    let client = app.sign_in("editor@example.org").await;
    (app, client)
}

/// Sends the editor form for `lang` with the revision the page shows now.
async fn save(app: &TestApp, client: &reqwest::Client, lang: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let path = format!("/admin/content/guides/{GUIDE}/{lang}");
    let (_, page) = app.staff_get(client, &path).await;
    let revision = form_field(&page, "revision");
    save_at(app, client, lang, &revision, fields).await
}

async fn save_at(
    app: &TestApp,
    client: &reqwest::Client,
    lang: &str,
    revision: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = vec![
        ("revision", revision.to_owned()),
        ("title", "Identity documents".to_owned()),
        ("summary", "Passports and ID cards".to_owned()),
        ("body", "Some text.".to_owned()),
        ("change", "minor".to_owned()),
        ("change_note", String::new()),
        ("action", "save".to_owned()),
    ];
    for (k, v) in fields {
        form.retain(|(key, _)| key != k);
        form.push((k, (*v).to_owned()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.staff_post(client, &format!("/admin/content/guides/{GUIDE}/{lang}"), &form).await
}

fn state_of(dashboard: &str, lang: &str) -> String {
    // The grid row of the guide: its cells carry data-state, in language order.
    let order = ["en", "hy", "az", "ru"];
    let index = order.iter().position(|l| *l == lang).unwrap();
    let row =
        dashboard.split("<tr><th scope=\"row\">Identity documents").nth(1).unwrap().split("</tr>").next().unwrap();
    row.split("data-state=\"").nth(index + 1).unwrap().split('"').next().unwrap().to_owned()
}

async fn edit_preview_and_save_reach_the_public_page_at_once(backend: Backend) {
    let (app, client) = editor_app(backend).await;
    let (status, list) = app.staff_get(&client, "/admin/content").await;
    assert_eq!(status, 200);
    assert!(list.contains(&format!("/admin/content/guides/{GUIDE}/hy")));
    let (status, page) = app.staff_get(&client, &format!("/admin/content/guides/{GUIDE}/ru")).await;
    assert_eq!(status, 200);
    assert!(page.contains("source-text"), "the source language is shown beside the translation");
    // Preview renders as the public page will, and stores nothing.
    let body = "## Fresh heading\n\nFresh text canary-4410 with a [link](/en/privacy).";
    let res = save(&app, &client, "en", &[("body", body), ("action", "preview")]).await;
    assert_eq!(res.status().as_u16(), 200);
    let preview = res.text().await.unwrap();
    assert!(preview.contains("id=\"preview\"") && preview.contains("Fresh heading</h2>"), "{preview}");
    assert!(preview.contains("<textarea") && preview.contains("canary-4410"), "the text stays in the form");
    let public = app.get(&format!("/en/guides/{GUIDE}")).await.text().await.unwrap();
    assert!(!public.contains("canary-4410"));
    // A major save without a change note is refused with the text kept.
    let res = save(&app, &client, "en", &[("body", body), ("change", "major")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(&t("en", "admin-error-change-note")) && html.contains("canary-4410"));
    let res = save(&app, &client, "en", &[("body", body), ("change", "major"), ("change_note", "New rules")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, editor) = app.staff_get(&client, &location(&res)).await;
    let revision = form_field(&editor, "revision");
    let saved = crate::helpers::t_args("en", "admin-done-saved", &[("revision", &revision)]);
    assert!(editor.contains(&crate::helpers::html_escape(&saved)), "the save is confirmed with its revision");
    let public = app.get(&format!("/en/guides/{GUIDE}")).await.text().await.unwrap();
    assert!(public.contains("canary-4410") && public.contains("Fresh heading"), "published at once");
    assert!(public.contains("New rules"), "a major change publishes its note");
    assert!(app.audit_actions().contains(&"content.save".to_owned()));
}

async fn major_changes_make_translations_outdated_and_minor_ones_do_not(backend: Backend) {
    let (app, client) = editor_app(backend).await;
    let (_, dashboard) = app.staff_get(&client, "/admin/translations").await;
    assert_eq!(state_of(&dashboard, "hy"), "current");
    assert!(dashboard.contains("id=\"coverage-hy\""));
    save(&app, &client, "en", &[("body", "A typo fixed.")]).await;
    let (_, dashboard) = app.staff_get(&client, "/admin/translations").await;
    assert_eq!(state_of(&dashboard, "hy"), "current", "a minor change leaves translations current");
    save(&app, &client, "en", &[("body", "New rules apply.\n"), ("change", "major"), ("change_note", "Rules")]).await;
    let (_, dashboard) = app.staff_get(&client, "/admin/translations").await;
    for lang in ["hy", "az", "ru"] {
        assert_eq!(state_of(&dashboard, lang), "outdated", "{lang}");
    }
    assert_eq!(state_of(&dashboard, "en"), "current");
    let public = app.get(&format!("/hy/guides/{GUIDE}")).await.text().await.unwrap();
    let english = homeward::i18n::Translator::new(&homeward::domain::Lang::parse("en").unwrap()).language_name();
    let notice = crate::helpers::t_args("hy", "guide-outdated-notice", &[("language", &english)]);
    assert!(public.contains(&crate::helpers::html_escape(&notice)), "readers of the translation are told");
    // Updating the translation brings it up to date.
    save(&app, &client, "hy", &[("title", "Անձը հաստատող փաստաթղթեր"), ("body", "Նոր կանոններ։")]).await;
    let (_, dashboard) = app.staff_get(&client, "/admin/translations").await;
    assert_eq!(state_of(&dashboard, "hy"), "current");
    assert_eq!(state_of(&dashboard, "ru"), "outdated");
}

async fn a_second_editor_saving_the_same_translation_keeps_both_texts(backend: Backend) {
    let (app, first) = editor_app(backend).await;
    app.create_staff("second@example.org", &[Role::Editor]).await;
    let second = app.sign_in("second@example.org").await;
    let path = format!("/admin/content/guides/{GUIDE}/ru");
    let revision = form_field(&app.staff_get(&second, &path).await.1, "revision");
    let res = save(&app, &first, "ru", &[("body", "Текст первого редактора.")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = save_at(&app, &second, "ru", &revision, &[("body", "Текст второго редактора.")]).await;
    assert_eq!(res.status().as_u16(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"conflict\"") && html.contains("Текст первого редактора."), "their text is shown");
    assert!(html.contains("Текст второго редактора.</textarea>"), "my text is kept in the form");
    // Saving again from that page (now based on their revision) is a deliberate overwrite.
    let newer = form_field(&html, "revision");
    let res = save_at(&app, &second, "ru", &newer, &[("body", "Текст второго редактора.")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let public = app.get(&format!("/ru/guides/{GUIDE}")).await.text().await.unwrap();
    assert!(public.contains("Текст второго редактора."));
}

async fn revisions_diff_and_rollback(backend: Backend) {
    let (app, client) = editor_app(backend).await;
    save(&app, &client, "en", &[("body", "Bring your old passport.")]).await;
    save(&app, &client, "en", &[("body", "Bring your new passport and a photo.")]).await;
    let (status, page) = app.staff_get(&client, &format!("/admin/content/guides/{GUIDE}/en/revisions")).await;
    assert_eq!(status, 200);
    assert!(page.contains("<del>old</del>") || page.contains("<del>old"), "{page}");
    assert!(page.contains("<ins>new</ins>") || page.contains("<ins>new"));
    let latest: i32 =
        form_field(&app.staff_get(&client, &format!("/admin/content/guides/{GUIDE}/en")).await.1, "revision")
            .parse()
            .unwrap();
    let res = app
        .staff_post(&client, &format!("/admin/content/guides/{GUIDE}/en/revisions/{}/rollback", latest - 1), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let public = app.get(&format!("/en/guides/{GUIDE}")).await.text().await.unwrap();
    assert!(public.contains("Bring your old passport.") && !public.contains("new passport"));
    let now: i32 =
        form_field(&app.staff_get(&client, &format!("/admin/content/guides/{GUIDE}/en")).await.1, "revision")
            .parse()
            .unwrap();
    assert_eq!(now, latest + 1, "a rollback is a new revision");
    // Rolling back to the same text again changes nothing, and says so.
    let res = app
        .staff_post(&client, &format!("/admin/content/guides/{GUIDE}/en/revisions/{}/rollback", latest - 1), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.staff_get(&client, &location(&res)).await;
    assert!(page.contains(&t("en", "admin-unchanged")) && form_field(&page, "revision") == now.to_string());
    assert!(app.audit_actions().contains(&"content.rollback".to_owned()));
}

async fn markup_in_titles_and_bodies_is_neutralised_everywhere(backend: Backend) {
    let (app, client) = editor_app(backend).await;
    let title = "Docs <script>alert('t')</script>";
    let body = "Text <script>alert('b')</script> <img src=x onerror=alert(1)> [x](javascript:alert(2))";
    let res = save(&app, &client, "en", &[("title", title), ("summary", "<b>s</b>"), ("body", body)]).await;
    assert_eq!(res.status().as_u16(), 303);
    for path in [
        "/admin/content".to_owned(),
        "/admin/translations".to_owned(),
        format!("/admin/content/guides/{GUIDE}/en"),
        format!("/admin/content/guides/{GUIDE}/en/revisions"),
        format!("/admin/content/guides/{GUIDE}/hy"),
    ] {
        let (_, html) = app.staff_get(&client, &path).await;
        assert!(!html.contains("<script>alert") && !html.contains("onerror=alert(1)>"), "{path}");
    }
    let public = app.get(&format!("/en/guides/{GUIDE}")).await.text().await.unwrap();
    assert!(!public.contains("<script>alert") && !public.contains("onerror") && !public.contains("javascript:"));
    let res = save(&app, &client, "en", &[("body", body), ("action", "preview")]).await;
    let html = res.text().await.unwrap();
    let preview = html.split("id=\"preview\">").nth(1).unwrap();
    assert!(!preview.contains("<script") && !preview.contains("onerror") && !preview.contains("javascript:"));
}

async fn only_editors_reach_content_and_only_admins_reach_accounts(backend: Backend) {
    let (app, editor) = editor_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    let caseworker = app.sign_in("case@example.org").await;
    let admin = app.sign_in("admin@example.org").await;
    let editor_paths = [
        "/admin/content".to_owned(),
        "/admin/translations".to_owned(),
        format!("/admin/content/guides/{GUIDE}/en"),
        format!("/admin/content/guides/{GUIDE}/en/revisions"),
    ];
    for path in &editor_paths {
        assert_eq!(app.staff_get(&editor, path).await.0, 200, "editor {path}");
        assert_eq!(app.staff_get(&caseworker, path).await.0, 403, "caseworker {path}");
        assert_eq!(app.staff_get(&admin, path).await.0, 403, "admin-only {path}");
        let res = app.staff_client().get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303, "anonymous {path}");
    }
    for path in ["/admin/users", "/admin/audit"] {
        assert_eq!(app.staff_get(&editor, path).await.0, 403, "editor {path}");
    }
    let res = save(&app, &caseworker, "en", &[("body", "Caseworker text")]).await;
    assert_eq!(res.status().as_u16(), 403, "a caseworker cannot edit content");
    let res =
        app.staff_post(&caseworker, &format!("/admin/content/guides/{GUIDE}/publish"), &[("published", "false")]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(app.staff_get(&editor, &format!("/admin/content/guides/{GUIDE}/de")).await.0, 404);
    assert_eq!(app.staff_get(&editor, "/admin/content/guides/no-such-guide/en").await.0, 404);
}

async fn unpublishing_answers_410_and_review_dates_can_be_confirmed(backend: Backend) {
    let (app, client) = editor_app(backend).await;
    let res =
        app.staff_post(&client, &format!("/admin/content/guides/{GUIDE}/publish"), &[("published", "false")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, list) = app.staff_get(&client, &location(&res)).await;
    assert!(list.contains(&t("en", "admin-done-unpublished")), "the change is confirmed");
    let (_, list) = app.staff_get(&client, "/admin/content").await;
    assert!(!list.contains(&t("en", "admin-done-unpublished")), "once");
    let res = app.get(&format!("/en/guides/{GUIDE}")).await;
    assert_eq!(res.status().as_u16(), 410);
    assert!(res.text().await.unwrap().contains(&t("en", "error-410-title")));
    assert_eq!(app.get("/en/guides/never-existed").await.status().as_u16(), 404);
    app.staff_post(&client, &format!("/admin/content/guides/{GUIDE}/publish"), &[("published", "true")]).await;
    assert_eq!(app.get(&format!("/en/guides/{GUIDE}")).await.status().as_u16(), 200);
    // Past its review date: listed, then confirmed for another year.
    app.sql(&format!("UPDATE guides SET review_by = '2020-01-01' WHERE slug = '{GUIDE}'"));
    let (_, dashboard) = app.staff_get(&client, "/admin/translations").await;
    assert!(dashboard.contains(&format!("/admin/content/guides/{GUIDE}/review")));
    let res = app.staff_post(&client, &format!("/admin/content/guides/{GUIDE}/review"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, list) = app.staff_get(&client, &location(&res)).await;
    assert!(list.contains(&crate::helpers::html_escape(&t("en", "admin-done-reviewed"))));
    let (_, dashboard) = app.staff_get(&client, "/admin/translations").await;
    assert!(!dashboard.contains(&format!("/admin/content/guides/{GUIDE}/review")));
    let actions = app.audit_actions();
    for a in ["content.unpublish", "content.publish", "content.review_confirmed"] {
        assert!(actions.iter().any(|x| x == a), "{a}");
    }
}

async fn feedback_searches_and_gaps_show_editors_what_to_write(backend: Backend) {
    let (app, editor) = editor_app(backend).await;
    let page = app.text("/ru/guides/legal-aid").await.1;
    let res = app
        .post_form(
            "/ru/guides/legal-aid/feedback",
            &[
                ("token", &form_field(&page, "token")),
                ("useful", "no"),
                ("comment", "Нет адресов <b>бюро</b>"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    for _ in 0..2 {
        app.get("/az/search?q=Qonşuluq+zzqx").await;
    }
    let res = app.ask("en", &[]).await;
    let id = app.inquiry_id(&crate::helpers::receipt_code(&res.text().await.unwrap()));
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let caseworker = app.sign_in("case@example.org").await;
    app.staff_post(&caseworker, &format!("/staff/inquiries/{id}/content-gap"), &[("guide", "legal-aid")]).await;
    let (status, page) = app.staff_get(&editor, "/admin/feedback").await;
    assert_eq!(status, 200);
    let table = page.split("id=\"feedback\"").nth(1).unwrap();
    assert!(table.contains("Нет адресов &#60;b&#62;бюро&#60;/b&#62;"), "comments are shown, escaped");
    // One reader's vain search (twice) is not shown: see the next test for several readers.
    let misses = page.split("id=\"misses\"").nth(1).unwrap_or_default();
    assert!(!misses.contains("zzqx"), "{misses}");
    let gaps = page.split("id=\"gaps\"").nth(1).unwrap();
    assert!(gaps.contains("legal-aid"));
    assert_eq!(app.staff_get(&caseworker, "/admin/feedback").await.0, 403);
}

/// Every byte of the SQLite database and its WAL, as someone who copies the files sees them.
fn sqlite_bytes(app: &TestApp) -> Vec<u8> {
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(app.test_db.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("homeward.db")) {
            bytes.extend(std::fs::read(&path).unwrap());
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

async fn comments_and_vain_searches_are_sealed_and_shown_only_when_several_readers_share_them(backend: Backend) {
    let is_pg = matches!(backend, Backend::Postgres(_));
    let app = crate::helpers::spawn_app_with(backend, &[("HOMEWARD_TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.create_staff("editor@example.org", &[Role::Editor]).await;
    let editor = app.sign_in("editor@example.org").await;
    let comment = "my husband beats me";
    let page = app.text("/en/guides/legal-aid").await.1;
    let token = form_field(&page, "token");
    let form = [("token", token.as_str()), ("useful", "no"), ("comment", comment)];
    assert_eq!(app.post_form("/en/guides/legal-aid/feedback", &form).await.status().as_u16(), 303);
    let search = |reader: &'static str| {
        app.client
            .get(app.url("/en/search?q=Xylocanary+shelter+%2B374+55-01-99+ani.canary%40example.am"))
            .header("x-forwarded-for", reader)
            .send()
    };
    for reader in ["198.51.100.1", "198.51.100.1", "198.51.100.2"] {
        assert_eq!(search(reader).await.unwrap().status().as_u16(), 200);
    }
    let (_, page) = app.staff_get(&editor, "/admin/feedback").await;
    assert!(page.contains(&html_escape(comment)), "the comment is shown to editors, opened");
    assert!(!page.contains("xylocanary"), "two readers are not enough to show a search");
    search("198.51.100.3").await.unwrap();
    let (_, page) = app.staff_get(&editor, "/admin/feedback").await;
    let misses = page.split("id=\"misses\"").nth(1).unwrap_or_default();
    assert!(misses.contains("xylocanary shelter"), "three readers show it: {misses}");
    assert!(misses.contains("<td>4</td>"), "counted every time: {misses}");
    for gone in ["374", "55-01", "canary@", "example.am", "ani"] {
        assert!(!misses.contains(gone), "{gone} is not remembered");
    }
    // Neither is readable where the data lives.
    if is_pg {
        let rows: Vec<(Option<String>, Option<Vec<u8>>)> = app
            .db
            .run_sync(|c| {
                use diesel::prelude::*;
                use homeward::db::schema::feedback as f;
                f::table.select((f::comment, f::comment_enc)).load(c).map_err(homeward::db::RepoError::from)
            })
            .unwrap();
        assert!(
            rows.iter()
                .all(|(clear, sealed)| clear.is_none() && !contains(sealed.as_deref().unwrap_or_default(), "husband"))
        );
        let misses: Vec<(String, String, Vec<u8>)> = app
            .db
            .run_sync(|c| {
                use diesel::prelude::*;
                use homeward::db::schema::search_misses as m;
                m::table.select((m::id, m::lang, m::terms_enc)).load(c).map_err(homeward::db::RepoError::from)
            })
            .unwrap();
        assert_eq!(misses.len(), 1);
        assert!(misses.iter().all(|(id, _, sealed)| !id.contains("xylo") && !contains(sealed, "xylocanary")));
    } else {
        let bytes = sqlite_bytes(&app);
        assert!(!bytes.is_empty());
        assert!(!contains(&bytes, "husband beats"), "the comment is not in the database files");
        assert!(!contains(&bytes, "xylocanary") && !contains(&bytes, "Xylocanary"), "nor the search");
    }
}

async fn comments_an_earlier_version_stored_in_clear_are_sealed_at_start_up(backend: Backend) {
    let (app, editor) = editor_app(backend).await;
    app.sql(
        "INSERT INTO feedback (id, guide_id, lang, useful, comment, created_at) \
         SELECT 'from-before', id, 'en', false, 'an old clear canary', '2026-01-01 00:00:00' FROM guides \
         WHERE slug = 'legal-aid'",
    );
    // The next start (any instance) seals it.
    let settings = homeward::config::Settings::from_sources(None, &app.test_db.env(&[])).unwrap();
    homeward::startup::Application::build(settings).await.unwrap();
    let rows: Vec<(Option<String>, Option<Vec<u8>>)> = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            use homeward::db::schema::feedback as f;
            f::table.select((f::comment, f::comment_enc)).load(c).map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    let [(clear, Some(sealed))] = rows.as_slice() else { panic!("one sealed comment: {rows:?}") };
    assert!(clear.is_none() && !contains(sealed, "canary"));
    let (_, page) = app.staff_get(&editor, "/admin/feedback").await;
    assert!(page.contains("an old clear canary"), "and editors still read it");
}

async fn admins_see_and_retry_failed_email_and_reset_second_factors(backend: Backend) {
    let smtp = crate::smtp::start_smtp();
    smtp.set_mode(crate::smtp::Mode::PermFail);
    let app = crate::helpers::spawn_app_with(
        backend,
        &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_OUTBOX_WORKER", "false")],
    )
    .await;
    app.ask("en", &[("method", "email"), ("email", "ani.secret@example.org")]).await;
    app.deliver_outbox().await;
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    let editor_id = app.create_staff("editor@example.org", &[Role::Editor]).await;
    let admin = app.sign_in("admin@example.org").await;
    let editor = app.sign_in("editor@example.org").await;
    assert_eq!(app.staff_get(&editor, "/admin/outbox").await.0, 403);
    let (status, page) = app.staff_get(&admin, "/admin/outbox").await;
    assert_eq!(status, 200);
    assert!(page.contains("a•••@example.org") && !page.contains("ani.secret"), "recipients are masked");
    assert!(page.contains("550"), "the last error is shown");
    let id = page.split("/admin/outbox/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    smtp.set_mode(crate::smtp::Mode::Accept);
    let res = app.staff_post(&admin, &format!("/admin/outbox/{id}/retry"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    app.deliver_outbox().await;
    smtp.wait_for(1, 20).await;
    let (_, page) = app.staff_get(&admin, "/admin/outbox").await;
    assert!(!page.contains(&id), "delivered after the retry");
    assert!(page.contains(&html_escape(&t("en", "admin-done-retry"))), "the retry is confirmed");
    assert_eq!(app.staff_post(&admin, &format!("/admin/outbox/{id}/retry"), &[]).await.status().as_u16(), 404);
    // A lost phone: the admin resets the second factor, which also signs the person out.
    app.db.run_sync(|c| homeward::db::repo::accounts::set_totp(c, &editor_id, Some(vec![1, 2, 3]), &[])).unwrap();
    let res = app.staff_post(&admin, &format!("/admin/users/{editor_id}/reset-2fa"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.staff_get(&admin, &location(&res)).await;
    assert!(page.contains(&html_escape(&t("en", "admin-done-2fa-reset"))));
    let user = app.db.run_sync(|c| homeward::db::repo::accounts::by_id(c, &editor_id)).unwrap();
    assert!(user.totp_secret_enc.is_none());
    assert_eq!(app.staff_get(&editor, "/admin/content").await.0, 303);
    let actions = app.audit_actions();
    assert!(actions.contains(&"outbox.retry".to_owned()) && actions.contains(&"account.2fa_reset".to_owned()));
}

async fn editors_create_topics_and_guides_move_reorder_and_replace_them(backend: Backend) {
    let (app, editor) = editor_app(backend).await;
    // A new topic, with a bad name first (what was typed is kept).
    let res = app
        .staff_post(
            &editor,
            "/admin/content/topics/new",
            &[("slug", "Bad Name"), ("position", "9"), ("title_en", "Housing help")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("Housing help"));
    let res = app
        .staff_post(
            &editor,
            "/admin/content/topics/new",
            &[
                ("slug", "housing"),
                ("position", "9"),
                ("title_en", "Housing help"),
                ("title_ru", "Жильё"),
                ("summary_en", "Renting and buying"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, list) = app.staff_get(&editor, &location(&res)).await;
    assert!(list.contains(&t("en", "admin-done-topic")));
    let (status, topic) = app.text("/ru/topics/housing").await;
    assert_eq!(status, 200);
    assert!(topic.contains("Жильё"));
    // Creating it again is refused, with what was typed kept, and the topic is left as it was.
    let res = app
        .staff_post(
            &editor,
            "/admin/content/topics/new",
            &[("slug", "housing"), ("position", "3"), ("title_en", "Somebody else's housing")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(&crate::helpers::html_escape(&crate::helpers::t("en", "admin-error-slug-taken"))));
    assert!(html.contains(&crate::helpers::html_escape("Somebody else's housing")));
    assert!(app.text("/en/topics/housing").await.1.contains("Housing help"), "the existing topic is unchanged");
    // A new guide starts as a draft in that topic.
    let res = app
        .staff_post(
            &editor,
            "/admin/content/new",
            &[
                ("slug", "renting"),
                ("topic", "housing"),
                ("title", "Renting a flat"),
                ("summary", "Contracts"),
                ("body", "Ask for a written contract."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/content/guides/renting/en");
    let (_, editor_page) = app.staff_get(&editor, "/admin/content/guides/renting/en").await;
    let saved = crate::helpers::t_args("en", "admin-done-saved", &[("revision", "1")]);
    assert!(editor_page.contains(&crate::helpers::html_escape(&saved)), "the first revision is confirmed");
    assert_eq!(app.get("/en/guides/renting").await.status().as_u16(), 404, "a draft is not public");
    let res = app
        .staff_post(
            &editor,
            "/admin/content/new",
            &[("slug", "renting"), ("topic", "housing"), ("title", "Again"), ("body", "x")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422, "the name is taken");
    let long = "s".repeat(501);
    let res = app
        .staff_post(
            &editor,
            "/admin/content/new",
            &[("slug", "buying"), ("topic", "housing"), ("title", "Buying"), ("summary", &long), ("body", "x")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("id=\"summary-error\"") && html.contains(&t("en", "admin-error-summary")),
        "told at the summary"
    );
    assert!(!html.contains("id=\"body-error\""), "the body is fine");
    app.staff_post(&editor, "/admin/content/guides/renting/publish", &[("published", "true")]).await;
    let (_, topic) = app.text("/en/topics/housing").await;
    assert!(topic.contains("Renting a flat"));
    // Move an existing guide into the new topic, first in order.
    let res = app
        .staff_post(
            &editor,
            &format!("/admin/content/guides/{GUIDE}/settings"),
            &[("topic", "housing"), ("position", "0"), ("review_by", "2030-01-31"), ("replaced_by", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, settings) = app.staff_get(&editor, &location(&res)).await;
    assert!(settings.contains(&t("en", "admin-done-settings")) && settings.contains("value=\"2030-01-31\""));
    let (_, topic) = app.text("/en/topics/housing").await;
    let (a, b) = (topic.find("Identity documents").unwrap(), topic.find("Renting a flat").unwrap());
    assert!(a < b, "order 0 comes first");
    let res = app
        .staff_post(
            &editor,
            &format!("/admin/content/guides/{GUIDE}/settings"),
            &[("topic", "housing"), ("position", "x"), ("review_by", "tomorrow"), ("replaced_by", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(&t("en", "admin-error-position")) && html.contains("tomorrow"));
    // Withdrawn with a replacement: readers are sent there.
    app.staff_post(
        &editor,
        "/admin/content/guides/renting/settings",
        &[("topic", "housing"), ("position", "2"), ("review_by", "2030-01-31"), ("replaced_by", GUIDE)],
    )
    .await;
    app.staff_post(&editor, "/admin/content/guides/renting/publish", &[("published", "false")]).await;
    let res = app.get("/ru/guides/renting").await;
    assert_eq!(res.status().as_u16(), 301);
    assert_eq!(location(&res), format!("/ru/guides/{GUIDE}"));
    let actions = app.audit_actions();
    for a in ["content.topic_create", "content.guide_create", "content.guide_settings"] {
        assert!(actions.iter().any(|x| x == a), "{a}");
    }
}

async fn admins_change_settings_that_apply_on_every_instance(backend: Backend) {
    let app = spawn_app(backend).await;
    // A second instance on the same database.
    let settings = homeward::config::Settings::from_sources(None, &app.test_db.env(&[])).unwrap();
    let second = homeward::startup::Application::build(settings).await.unwrap();
    let other = format!("http://127.0.0.1:{}", second.port());
    tokio::spawn(second.run_until_stopped());
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    app.create_staff("editor@example.org", &[Role::Editor]).await;
    let admin = app.sign_in("admin@example.org").await;
    let editor = app.sign_in("editor@example.org").await;
    assert_eq!(app.staff_get(&editor, "/admin/settings").await.0, 403, "an editor cannot reach settings");
    let (status, page) = app.staff_get(&admin, "/admin/settings").await;
    assert_eq!(status, 200);
    assert!(page.contains("value=\"en, hy, az, ru\""));
    // Bad values: clear errors, everything typed kept, nothing saved.
    let bad = [
        ("languages", "en, xx"),
        ("staff_notify", "not-an-address"),
        ("protection_lead", "lead@example.org"),
        ("retention_days", "0"),
        ("acknowledge_days", "2"),
        ("answer_days", "400"),
        ("quick_exit_url", "javascript:alert(1)"),
    ];
    let res = app.staff_post(&admin, "/admin/settings", &bad).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    for key in ["languages", "staff_notify", "retention_days", "answer_days", "quick_exit_url"] {
        assert!(html.contains(&t("en", &format!("admin-setting-error-{key}"))), "{key}");
    }
    assert!(html.contains("value=\"not-an-address\"") && html.contains("value=\"lead@example.org\""));
    assert!(app.audit_actions().iter().all(|a| a != "settings.change"));
    // Good values apply at once here…
    let good = [
        ("languages", "en, hy, ru"),
        ("staff_notify", "team@example.org"),
        ("protection_lead", "lead@example.org"),
        ("retention_days", "30"),
        ("acknowledge_days", "1"),
        ("answer_days", "5"),
        ("quick_exit_url", "https://weather.example/"),
        ("require_admin_2fa", "true"),
    ];
    let res = app.staff_post(&admin, "/admin/settings", &good).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.get("/az/").await.status().as_u16(), 404, "a disabled language is gone");
    let home = app.get("/en/").await.text().await.unwrap();
    assert!(home.contains("https://weather.example/") && !home.contains("hreflang=\"az\""));
    assert_eq!(location(&admin.get(app.url("/admin/users")).send().await.unwrap()), "/staff/account/2fa");
    // …and on the other instance within a few seconds.
    let client = reqwest::Client::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let status = client.get(format!("{other}/az/")).send().await.unwrap().status().as_u16();
        if status == 404 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the other instance did not pick up the change");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let actions = app.audit_actions();
    assert!(actions.iter().filter(|a| *a == "settings.change").count() >= 7);
}

async fn editors_see_services_to_check_and_confirm_them(backend: Backend) {
    let (app, editor) = editor_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let caseworker = app.sign_in("case@example.org").await;
    assert_eq!(app.staff_get(&caseworker, "/admin/services").await.0, 403);
    let (status, page) = app.staff_get(&editor, "/admin/services").await;
    assert_eq!(status, 200);
    let stale_rows = page.matches("data-stale=\"true\"").count();
    assert!(stale_rows >= 1, "old samples are flagged to editors");
    let slug = page
        .split("data-stale=\"true\"")
        .next()
        .unwrap()
        .rsplit("data-slug=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let res = app.staff_post(&editor, &format!("/admin/services/{slug}"), &[("action", "checked")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.staff_get(&editor, "/admin/services").await;
    assert_eq!(page.matches("data-stale=\"true\"").count(), stale_rows - 1);
    let (_, public) = app.text(&format!("/en/services/{slug}")).await;
    assert!(!public.contains("notice-warning"), "readers no longer see the warning");
    let res = app.staff_post(&editor, &format!("/admin/services/{slug}"), &[("action", "unpublish")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.get(&format!("/en/services/{slug}")).await.status().as_u16(), 404);
    let actions = app.audit_actions();
    assert!(actions.contains(&"service.checked".to_owned()) && actions.contains(&"service.unpublish".to_owned()));
}

async fn a_long_guide_in_cyrillic_saves(backend: Backend) {
    let (app, client) = editor_app(backend).await;
    // About 40,000 Cyrillic characters: over 200 KiB once URL-encoded.
    let body = "Длинный текст руководства. ".repeat(1500);
    let res = save(&app, &client, "ru", &[("body", body.as_str())]).await;
    assert_eq!(res.status().as_u16(), 303);
    let public = app.get(&format!("/ru/guides/{GUIDE}")).await.text().await.unwrap();
    assert!(public.matches("Длинный текст руководства.").count() >= 1500);
}
