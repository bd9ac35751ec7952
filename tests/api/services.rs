//! "Where to get help": the finder's filters, service pages in every language,
//! services on guide pages, the "not checked" warning, and the file format.

use homeward::db::repo::directory::ServiceInput;
use homeward::domain::Lang;

use homeward::domain::Role;

use crate::helpers::{Backend, TestApp, html_escape, spawn_app, t};
use crate::on_both_backends;

on_both_backends!(
    the_finder_filters_by_region_topic_and_language_alone_and_combined,
    service_pages_exist_in_every_language_with_a_geo_link,
    guide_pages_list_the_services_for_their_topic,
    services_not_checked_for_long_show_their_date,
    editors_edit_services_keep_revisions_and_restore_them,
    the_service_form_explains_every_bad_input_and_refuses_to_overwrite,
    editors_add_services_and_only_editors_may,
    services_without_versions_get_a_first_one,
);

fn langs() -> Vec<Lang> {
    ["en", "hy", "az", "ru"].iter().map(|l| Lang::parse(l).unwrap()).collect()
}

/// The sample directory as the test reads it from the files (independently of the database).
fn sample() -> Vec<ServiceInput> {
    let topics = vec!["legal".to_owned(), "social".to_owned(), "economic".to_owned()];
    let (_, services) = homeward::directory::parse(
        &homeward::directory::sample_files(),
        &topics,
        &langs(),
        &Lang::parse("en").unwrap(),
    )
    .unwrap();
    services
}

fn listed(html: &str) -> Vec<String> {
    let Some(list) = html.split("id=\"services\"").nth(1) else { return Vec::new() };
    let list = list.split("</ul>").next().unwrap();
    list.split("/services/").skip(1).map(|s| s.split('"').next().unwrap().to_owned()).collect()
}

async fn finder(app: &TestApp, query: &str) -> Vec<String> {
    let (status, html) = app.text(&format!("/en/services{query}")).await;
    assert_eq!(status, 200, "{query}");
    let mut slugs = listed(&html);
    slugs.sort();
    slugs
}

async fn the_finder_filters_by_region_topic_and_language_alone_and_combined(backend: Backend) {
    let app = spawn_app(backend).await;
    let all = sample();
    let expect = |f: &dyn Fn(&ServiceInput) -> bool| {
        let mut v: Vec<String> = all.iter().filter(|s| f(s)).map(|s| s.slug.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(finder(&app, "").await, expect(&|_| true));
    assert_eq!(finder(&app, "?region=capital").await, expect(&|s| s.region == "capital"));
    assert_eq!(finder(&app, "?topic=legal").await, expect(&|s| s.topics.contains(&"legal".to_owned())));
    assert_eq!(finder(&app, "?language=az").await, expect(&|s| s.languages.contains(&"az".to_owned())));
    let combined = expect(&|s| s.region == "south-hills" && s.topics.contains(&"legal".to_owned()));
    assert!(!combined.is_empty());
    assert_eq!(finder(&app, "?region=south-hills&topic=legal").await, combined);
    let three = expect(&|s| {
        s.region == "capital" && s.topics.contains(&"social".to_owned()) && s.languages.contains(&"en".to_owned())
    });
    assert_eq!(finder(&app, "?region=capital&topic=social&language=en").await, three);
    // Nothing matches: a clear message, not an empty page.
    let nothing = expect(&|s| s.region == "north-valley" && s.languages.contains(&"az".to_owned()));
    assert!(nothing.is_empty());
    let (_, html) = app.text("/en/services?region=north-valley&language=az").await;
    assert!(html.contains(&html_escape(&crate::helpers::t("en", "services-none-filtered"))));
    // Unknown values are ignored rather than breaking the page.
    assert_eq!(finder(&app, "?region=atlantis&topic=%27%20OR%201%3D1").await, expect(&|_| true));
    // The form is a plain GET form that keeps the choices.
    let (_, html) = app.text("/ru/services?region=capital").await;
    assert!(html.contains("<form method=\"get\"") && html.contains("value=\"capital\" selected"));
}

async fn service_pages_exist_in_every_language_with_a_geo_link(backend: Backend) {
    let app = spawn_app(backend).await;
    for service in sample() {
        for lang in ["en", "hy", "az", "ru"] {
            let (status, html) = app.text(&format!("/{lang}/services/{}", service.slug)).await;
            assert_eq!(status, 200, "{lang} {}", service.slug);
            let text = service.texts.iter().find(|t| t.lang == lang).unwrap();
            assert!(html.contains(&html_escape(&text.name)), "{lang} {}", service.slug);
            match (service.latitude, service.longitude) {
                (Some(_), Some(_)) => assert!(html.contains("href=\"geo:"), "{}", service.slug),
                _ => assert!(!html.contains("geo:"), "{}", service.slug),
            }
            assert!(html.contains(&format!("href=\"tel:{}\"", service.phone.replace(' ', ""))));
            assert!(!html.contains("tile") && !html.contains("<script"), "no third-party maps or scripts");
        }
    }
    assert_eq!(app.get("/en/services/no-such-office").await.status().as_u16(), 404);
}

async fn guide_pages_list_the_services_for_their_topic(backend: Backend) {
    let app = spawn_app(backend).await;
    let all = sample();
    let (_, html) = app.text("/en/guides/legal-aid").await;
    let section = html.split("id=\"services-for-topic\"").nth(1).expect("a Where to get help section");
    let section = section.split("</aside>").next().unwrap();
    let legal: Vec<&ServiceInput> = all.iter().filter(|s| s.topics.contains(&"legal".to_owned())).collect();
    let shown = legal.iter().filter(|s| section.contains(&format!("/en/services/{}\"", s.slug))).count();
    assert_eq!(shown, legal.len().min(4), "{section}");
    for other in all.iter().filter(|s| !s.topics.contains(&"legal".to_owned())) {
        assert!(!section.contains(&format!("/services/{}\"", other.slug)), "{} is not about legal matters", other.slug);
    }
    assert!(section.contains("/en/services?topic=legal"));
}

async fn services_not_checked_for_long_show_their_date(backend: Backend) {
    let app = spawn_app(backend).await;
    let all = sample();
    let today = time::OffsetDateTime::now_utc().date();
    let old = all.iter().find(|s| s.last_checked + time::Duration::days(365) < today).expect("an old sample");
    let fresh = all.iter().find(|s| s.last_checked + time::Duration::days(30) > today).expect("a fresh sample");
    let notice = crate::helpers::t_args("en", "services-stale-notice", &[("date", "@@")]);
    let marker = html_escape(notice.split("@@").next().unwrap().trim_end_matches('\u{2068}'));
    let (_, html) = app.text(&format!("/en/services/{}", old.slug)).await;
    assert!(html.contains("notice-warning") && html.contains(&marker), "{}: {marker}", old.slug);
    let (_, html) = app.text(&format!("/en/services/{}", fresh.slug)).await;
    assert!(!html.contains("notice-warning"), "{}", fresh.slug);
}

const OFFICE: &str = "sample-civil-registry-capital";

/// The edit form's fields for a service as stored (what a browser would send back unchanged).
fn form_of(service: &ServiceInput) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = vec![
        ("kind".into(), service.kind.clone()),
        ("region".into(), service.region.clone()),
        ("address".into(), service.address.clone()),
        ("phone".into(), service.phone.clone()),
        ("email".into(), service.email.clone().unwrap_or_default()),
        ("website".into(), service.website.clone().unwrap_or_default()),
        ("latitude".into(), service.latitude.map(|v| v.to_string()).unwrap_or_default()),
        ("longitude".into(), service.longitude.map(|v| v.to_string()).unwrap_or_default()),
    ];
    f.extend(service.topics.iter().map(|t| ("topics".to_owned(), t.clone())));
    f.extend(service.languages.iter().map(|l| ("languages".to_owned(), l.clone())));
    for t in &service.texts {
        f.push((format!("name_{}", t.lang), t.name.clone()));
        f.push((format!("description_{}", t.lang), t.description.clone()));
        f.push((format!("hours_{}", t.lang), t.hours.clone()));
        f.push((format!("accessibility_{}", t.lang), t.accessibility.clone().unwrap_or_default()));
    }
    f
}

fn set(form: &mut Vec<(String, String)>, key: &str, value: &str) {
    form.retain(|(k, _)| k != key);
    form.push((key.to_owned(), value.to_owned()));
}

fn stored(app: &TestApp, slug: &str) -> ServiceInput {
    app.db.run_sync(|c| homeward::db::repo::directory::for_edit(c, slug)).unwrap().1
}

async fn editor(app: &TestApp) -> reqwest::Client {
    app.create_staff("editor@example.org", &[Role::Editor]).await;
    app.sign_in("editor@example.org").await
}

/// Sends the edit form with the version the page carried.
async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    version: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    let mut fields: Vec<(&str, &str)> = vec![("version", version)];
    fields.extend(form.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    app.staff_post(client, path, &fields).await
}

async fn version(app: &TestApp, client: &reqwest::Client, slug: &str) -> String {
    let (status, page) = app.staff_get(client, &format!("/admin/services/{slug}/edit")).await;
    assert_eq!(status, 200);
    crate::helpers::form_field(&page, "version")
}

async fn editors_edit_services_keep_revisions_and_restore_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = editor(&app).await;
    let before = stored(&app, OFFICE);
    let old_name = before.texts.iter().find(|t| t.lang == "en").unwrap().name.clone();
    let (status, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/edit")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&html_escape(&before.phone)), "the form holds the stored details");
    let v = crate::helpers::form_field(&page, "version");

    let mut form = form_of(&before);
    set(&mut form, "name_en", "Civil Registry Office (Capital, new building)");
    set(&mut form, "phone", "+000 10 999 888");
    set(&mut form, "name_ru", "");
    set(&mut form, "description_ru", "");
    set(&mut form, "hours_ru", "");
    set(&mut form, "accessibility_ru", "");
    set(&mut form, "checked_today", "1");
    let res = send(&app, &client, &format!("/admin/services/{OFFICE}/edit"), &v, &form).await;
    assert_eq!(res.status().as_u16(), 303, "saved");
    let (_, public) = app.text(&format!("/en/services/{OFFICE}")).await;
    assert!(public.contains("Civil Registry Office (Capital, new building)"), "readers see the change at once");
    assert!(public.contains("tel:+00010999888"));
    let (_, russian) = app.text(&format!("/ru/services/{OFFICE}")).await;
    assert!(russian.contains("new building"), "a language left empty falls back to the default language");
    let after = stored(&app, OFFICE);
    assert_eq!(after.last_checked, time::OffsetDateTime::now_utc().date(), "checked today");

    // Two versions: the sample import and this edit, with its author; the diff shows the change.
    let (status, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    assert_eq!(status, 200);
    assert_eq!(page.matches("<tr><td>").count(), 2, "{page}");
    assert!(page.contains("editor@example.org") && page.contains(&html_escape(&t("en", "admin-service-imported"))));
    let first = page.split("compare=").nth(1).unwrap().split('#').next().unwrap().to_owned();
    let (_, diff) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions?compare={first}")).await;
    let diff = diff.split("id=\"diff\"").nth(1).unwrap().split("</div>").next().unwrap().to_owned();
    assert!(diff.contains("<ins>") && diff.contains("new building"), "{diff}");
    assert!(diff.contains("<del>"), "{diff}");

    // Restoring from a page loaded before someone else's save is refused; from a fresh page it works.
    let (_, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    let page_version = crate::helpers::form_field(&page, "version");
    let restore = format!("/admin/services/{OFFICE}/revisions/{first}/restore");
    let stale = (page_version.parse::<i32>().unwrap() - 1).to_string();
    let res = app.staff_post(&client, &restore, &[("version", &stale)]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("en", "admin-service-error-restore-changed"))));
    let res = app.staff_post(&client, &restore, &[("version", &page_version)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, public) = app.text(&format!("/en/services/{OFFICE}")).await;
    assert!(public.contains(&html_escape(&old_name)), "the old name is back");
    assert_eq!(stored(&app, OFFICE), before, "exactly the old version");
    let (_, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    assert_eq!(page.matches("<tr><td>").count(), 3);
    let actions = app.audit_actions();
    assert!(actions.iter().any(|a| a == "service.update") && actions.iter().any(|a| a == "service.restore"));
    // An unknown revision is not found; the export carries the edited directory.
    let missing = "00000000-0000-0000-0000-000000000000";
    let res = app.staff_post(&client, &format!("/admin/services/{OFFICE}/revisions/{missing}/restore"), &[]).await;
    assert_eq!(res.status().as_u16(), 404);
    let res = app.staff_post(&client, &format!("/admin/services/{OFFICE}/revisions/not-an-id/restore"), &[]).await;
    assert_eq!(res.status().as_u16(), 404, "a malformed revision id is not found either");
    let res = app.staff_post(&client, "/admin/services/no-such-office", &[("action", "checked")]).await;
    assert_eq!(res.status().as_u16(), 404);
    // Saving the form unchanged writes nothing and says so.
    let v = version(&app, &client, OFFICE).await;
    let res = send(&app, &client, &format!("/admin/services/{OFFICE}/edit"), &v, &form_of(&before)).await;
    assert_eq!(crate::helpers::location(&res), format!("/admin/services/{OFFICE}/edit"));
    let (_, page) = app.staff_get(&client, &crate::helpers::location(&res)).await;
    assert!(page.contains(&html_escape(&t("en", "admin-service-done-unchanged"))), "the editor says so");
    assert_eq!(version(&app, &client, OFFICE).await, v, "the version did not move");
    let (_, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    assert_eq!(page.matches("<tr><td>").count(), 3);
    // "Details checked today" is not an edit: a form opened before it still saves, and keeps the new date.
    let res = app.staff_post(&client, &format!("/admin/services/{OFFICE}"), &[("action", "checked")]).await;
    assert_eq!(crate::helpers::location(&res), "/admin/services");
    let (_, list) = app.staff_get(&client, "/admin/services").await;
    assert!(list.contains(&html_escape(&t("en", "admin-services-done-checked"))), "the list confirms it");
    let mut form = form_of(&before);
    set(&mut form, "hours_en", "Mon-Fri 9:00-18:00");
    let res = send(&app, &client, &format!("/admin/services/{OFFICE}/edit"), &v, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored(&app, OFFICE).last_checked, time::OffsetDateTime::now_utc().date());
}

/// Services stored before versions were kept get their current state as a first version at start-up.
async fn services_without_versions_get_a_first_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = editor(&app).await;
    app.sql("DELETE FROM service_revisions");
    let (_, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    assert_eq!(page.matches("<tr><td>").count(), 0);
    homeward::directory::backfill_revisions(&app.db).unwrap();
    homeward::directory::backfill_revisions(&app.db).unwrap();
    let (_, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    assert_eq!(page.matches("<tr><td>").count(), 1, "one first version, however often it runs");
    // After an edit, the original can be restored.
    let before = stored(&app, OFFICE);
    let v = version(&app, &client, OFFICE).await;
    let mut form = form_of(&before);
    set(&mut form, "address", "1 New Street");
    assert_eq!(send(&app, &client, &format!("/admin/services/{OFFICE}/edit"), &v, &form).await.status().as_u16(), 303);
    let (_, page) = app.staff_get(&client, &format!("/admin/services/{OFFICE}/revisions")).await;
    let first = page.split("compare=").nth(1).unwrap().split('#').next().unwrap().to_owned();
    let page_version = crate::helpers::form_field(&page, "version");
    let restore = format!("/admin/services/{OFFICE}/revisions/{first}/restore");
    assert_eq!(app.staff_post(&client, &restore, &[("version", &page_version)]).await.status().as_u16(), 303);
    assert_eq!(stored(&app, OFFICE), before);
}

async fn the_service_form_explains_every_bad_input_and_refuses_to_overwrite(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = editor(&app).await;
    let before = stored(&app, OFFICE);
    let path = format!("/admin/services/{OFFICE}/edit");
    let v = version(&app, &client, OFFICE).await;
    let mut form = form_of(&before);
    set(&mut form, "kind", "castle");
    form.retain(|(k, _)| k != "topics" && k != "languages");
    set(&mut form, "region", "atlantis");
    set(&mut form, "address", "Somewhere typed with care 12");
    set(&mut form, "phone", "call me");
    set(&mut form, "email", "not-an-address");
    set(&mut form, "website", "javascript:alert(1)");
    set(&mut form, "other_languages", "de, English");
    set(&mut form, "latitude", "95.5");
    set(&mut form, "name_en", "");
    set(&mut form, "description_en", "");
    set(&mut form, "description_hy", "");
    let res = send(&app, &client, &path, &v, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    for key in [
        "admin-service-error-kind",
        "admin-service-error-topics",
        "admin-service-error-region",
        "admin-service-error-phone",
        "admin-service-error-email",
        "admin-service-error-website",
        "admin-service-error-languages",
        "admin-service-error-coordinates",
    ] {
        assert!(html.contains(&html_escape(&t("en", key))), "{key}");
    }
    // Text problems name the language and sit at the box that needs attention.
    for (lang, field) in [("English", "name_en"), ("Հայերեն", "description_hy")] {
        let message = crate::helpers::t_args("en", "admin-service-error-text-incomplete", &[("language", lang)]);
        assert!(html.contains(&html_escape(&message)), "{lang}");
        assert!(html.contains(&format!("href=\"#{field}\"")), "the summary links to {field}");
        assert!(html.contains(&format!("aria-describedby=\"{field}-error\"")), "{field} is described by its error");
    }
    assert!(html.contains("href=\"#topic-"), "the topics error links to the first box");
    assert!(html.contains("value=\"Somewhere typed with care 12\""), "what was typed is kept");
    assert!(html.contains("value=\"de, English\""));
    assert_eq!(stored(&app, OFFICE), before, "nothing was saved");
    // Only the default language missing.
    let mut form = form_of(&before);
    for field in ["name_en", "description_en", "hours_en", "accessibility_en"] {
        set(&mut form, field, "");
    }
    let res = send(&app, &client, &path, &v, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let message = crate::helpers::t_args("en", "admin-service-error-text-default", &[("language", "English")]);
    assert!(res.text().await.unwrap().contains(&html_escape(&message)));

    // Two editors with the same version: the second save is refused, keeps its text, and shows the difference.
    let mut first = form_of(&before);
    set(&mut first, "hours_en", "Mon-Fri 10:00-16:00 (first editor)");
    assert_eq!(send(&app, &client, &path, &v, &first).await.status().as_u16(), 303);
    let mut second = form_of(&before);
    set(&mut second, "address", "Second editor's address 7");
    let res = send(&app, &client, &path, &v, &second).await;
    assert_eq!(res.status().as_u16(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains(&html_escape(&t("en", "admin-service-error-changed"))));
    assert!(
        html.contains("value=\"Second editor&#39;s address 7\"") || html.contains("Second editor&#x27;s address 7")
    );
    let conflict = html.split("id=\"conflict\"").nth(1).unwrap_or_default();
    assert!(conflict.contains("<del>") && conflict.contains("(first"), "the other editor's change is shown");
    let stored_now = stored(&app, OFFICE);
    assert!(stored_now.texts.iter().any(|t| t.hours.contains("first editor")), "the first save stands");
    // Saving again from the conflict page (it carries the new version) keeps the second editor's text.
    let newer = crate::helpers::form_field(&html, "version");
    assert_ne!(newer, v);
    assert_eq!(send(&app, &client, &path, &newer, &second).await.status().as_u16(), 303);
    assert_eq!(stored(&app, OFFICE).address, "Second editor's address 7");
    // A form without a version never overwrites.
    assert_eq!(send(&app, &client, &path, "", &first).await.status().as_u16(), 409);
}

async fn editors_add_services_and_only_editors_may(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = editor(&app).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let caseworker = app.sign_in("case@example.org").await;
    for path in [
        "/admin/services/new".to_owned(),
        format!("/admin/services/{OFFICE}/edit"),
        format!("/admin/services/{OFFICE}/revisions"),
    ] {
        assert_eq!(app.staff_get(&caseworker, &path).await.0, 403, "GET {path}");
        if !path.ends_with("/revisions") {
            let res = app.staff_post(&caseworker, &path, &[("kind", "ngo")]).await;
            assert_eq!(res.status().as_u16(), 403, "POST {path}");
        }
    }
    let restore = format!("/admin/services/{OFFICE}/revisions/00000000-0000-0000-0000-000000000000/restore");
    assert_eq!(app.staff_post(&caseworker, &restore, &[]).await.status().as_u16(), 403);
    let (status, page) = app.staff_get(&client, "/admin/services/new").await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"checked_today\" name=\"checked_today\" value=\"1\" checked"));
    let mut form = form_of(&stored(&app, OFFICE));
    set(&mut form, "slug", "women-returnees-support-east");
    set(&mut form, "name_en", "Returning Women's Support (East Lake)");
    set(&mut form, "region", "east-lake");
    set(&mut form, "latitude", "");
    set(&mut form, "longitude", "");
    set(&mut form, "other_languages", "fa");
    set(&mut form, "checked_today", "1");
    let res = send(&app, &client, "/admin/services/new", "", &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(crate::helpers::location(&res), "/admin/services/women-returnees-support-east/edit");
    let (status, page) = app.staff_get(&client, "/admin/services/women-returnees-support-east/edit").await;
    assert_eq!(status, 200);
    assert!(page.contains(&html_escape(&t("en", "admin-service-done-saved"))), "the editor confirms the save");
    let (status, public) = app.text("/en/services/women-returnees-support-east").await;
    assert_eq!(status, 200);
    assert!(public.contains(&html_escape("Returning Women's Support (East Lake)")));
    assert!(!public.contains("geo:"), "no coordinates, no map link");
    let (_, list) = app.text("/en/services?region=east-lake").await;
    assert!(list.contains("/en/services/women-returnees-support-east"));
    let added = stored(&app, "women-returnees-support-east");
    assert!(added.languages.contains(&"fa".to_owned()));
    // The same address again, or a reserved or malformed one, is refused with the typed text kept.
    for (slug, key) in [
        ("women-returnees-support-east", "admin-service-error-slug-taken"),
        ("new", "admin-service-error-slug"),
        ("Bad Slug!", "admin-service-error-slug"),
    ] {
        set(&mut form, "slug", slug);
        let res = send(&app, &client, "/admin/services/new", "", &form).await;
        assert_eq!(res.status().as_u16(), 422, "{slug}");
        let html = res.text().await.unwrap();
        assert!(html.contains(&html_escape(&t("en", key))), "{slug}");
        assert!(html.contains(&html_escape("Returning Women's Support (East Lake)")), "{slug}: typed text kept");
    }
    assert!(app.audit_actions().iter().any(|a| a == "service.create"));
}
