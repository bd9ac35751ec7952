//! Language negotiation, the language switcher, and unknown languages.

use crate::helpers::{Backend, html_escape, location, spawn_app, t};
use crate::on_both_backends;

on_both_backends!(
    root_redirects_to_the_browsers_language,
    every_enabled_language_has_a_home_page_in_that_language,
    the_switcher_leads_to_the_same_page_in_each_language,
    an_unknown_language_is_a_404_listing_the_enabled_ones,
    a_language_without_trailing_slash_is_redirected,
    a_missing_page_is_a_404_in_the_readers_language,
);

async fn root_redirects_to_the_browsers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    for (header, expected) in [
        ("hy", "/hy/"),
        ("ru,en;q=0.5", "/ru/"),
        ("az-AZ", "/az/"),
        ("de-DE,fr;q=0.8", "/en/"),
        ("de, ru;q=0.2", "/ru/"),
    ] {
        let res = app.get_in("/", header).await;
        assert_eq!(res.status().as_u16(), 303, "Accept-Language: {header}");
        assert_eq!(location(&res), expected, "Accept-Language: {header}");
        assert_eq!(res.headers().get("vary").and_then(|v| v.to_str().ok()), Some("Accept-Language"));
    }
    let res = app.get("/").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/en/", "no header: the default language");
}

async fn every_enabled_language_has_a_home_page_in_that_language(backend: Backend) {
    let app = spawn_app(backend).await;
    for lang in ["en", "hy", "az", "ru"] {
        let res = app.get(&format!("/{lang}/")).await;
        assert_eq!(res.status().as_u16(), 200);
        assert!(res.headers().get("set-cookie").is_none(), "anonymous readers get no cookie");
        let body = res.text().await.unwrap();
        assert!(body.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")), "{lang}");
        assert!(body.contains(&html_escape(&t(lang, "home-title"))), "{lang}: title not in its language");
        assert!(body.contains(&html_escape(&t(lang, "quick-exit"))), "{lang}: no quick exit");
        assert!(body.contains("href=\"https://www.wikipedia.org/\""), "quick exit goes to the configured page");
        assert!(body.contains(&format!("href=\"/{lang}/privacy\"")), "footer links the privacy notice");
        assert!(body.contains("<a href=\"#main\" class=\"skip-link\">"), "skip link");
    }
}

async fn the_switcher_leads_to_the_same_page_in_each_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get("/hy/privacy").await.text().await.unwrap();
    for other in ["en", "az", "ru"] {
        assert!(
            body.contains(&format!("<a href=\"/{other}/privacy\" hreflang=\"{other}\" lang=\"{other}\">")),
            "switcher to {other}"
        );
        let alternate =
            format!("<link rel=\"alternate\" hreflang=\"{other}\" href=\"{}/{other}/privacy\">", app.address);
        assert!(body.contains(&alternate), "missing {alternate}");
    }
    assert!(body.contains("<span aria-current=\"true\" lang=\"hy\">"), "the current language is marked, not linked");
    assert!(!body.contains("<a href=\"/hy/privacy\" hreflang="), "no switcher link to the page itself");
}

async fn an_unknown_language_is_a_404_listing_the_enabled_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/xx/", "/de/privacy", "/fr"] {
        let res = app.get_in(path, "ru").await;
        assert_eq!(res.status().as_u16(), 404, "{path}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&html_escape(&t("ru", "error-language-title"))), "{path}: not in the reader's language");
        for lang in ["en", "hy", "az", "ru"] {
            assert!(body.contains(&format!("<a href=\"/{lang}/\"")), "{path}: no link to /{lang}/");
        }
    }
}

async fn a_language_without_trailing_slash_is_redirected(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/az").await;
    assert_eq!(res.status().as_u16(), 308);
    assert_eq!(location(&res), "/az/");
}

async fn a_missing_page_is_a_404_in_the_readers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/ru/no-such-page").await;
    assert_eq!(res.status().as_u16(), 404);
    let body = res.text().await.unwrap();
    assert!(body.contains("<html lang=\"ru\""));
    assert!(body.contains(&html_escape(&t("ru", "error-404-title"))));
    assert!(body.contains("href=\"/ru/\""), "a way back home");
    // Outside any language prefix the browser's language decides.
    let body = app.get_in("/no/such/page", "az").await.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("az", "error-404-title"))));
}
