//! "Where to get help": the finder's filters, service pages in every language,
//! services on guide pages, the "not checked" warning, and the file format.

use homeward::db::repo::directory::ServiceInput;
use homeward::domain::Lang;

use crate::helpers::{Backend, TestApp, html_escape, spawn_app};
use crate::on_both_backends;

on_both_backends!(
    the_finder_filters_by_region_topic_and_language_alone_and_combined,
    service_pages_exist_in_every_language_with_a_geo_link,
    guide_pages_list_the_services_for_their_topic,
    services_not_checked_for_long_show_their_date,
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
