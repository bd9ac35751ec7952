//! The page frame's promises: security headers everywhere, small cached assets,
//! compression, and error pages for the statuses readers can meet.

use crate::helpers::{Backend, html_escape, spawn_app, spawn_app_with, t};
use crate::on_both_backends;

on_both_backends!(
    security_headers_are_on_pages_errors_and_static_files,
    hsts_is_sent_only_behind_https,
    static_files_have_hashed_names_and_long_cache_lifetimes,
    pages_are_compressed_for_browsers_that_ask,
    an_oversized_form_gets_a_friendly_413_page,
    responses_carry_a_request_id,
);

fn assert_security_headers(res: &reqwest::Response, what: &str) {
    let h = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let csp = h("content-security-policy");
    assert!(csp.contains("default-src 'self'"), "{what}: CSP is {csp:?}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: CSP is {csp:?}");
    assert_eq!(h("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(h("referrer-policy"), "no-referrer", "{what}");
}

async fn security_headers_are_on_pages_errors_and_static_files(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get("/en/").await;
    assert_security_headers(&page, "page");
    let body = page.text().await.unwrap();
    let css =
        body.split("<link rel=\"stylesheet\" href=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();
    assert_security_headers(&app.get(&css).await, "static file");
    assert_security_headers(&app.get("/en/missing").await, "404 page");
    assert_security_headers(&app.get("/").await, "redirect");
    assert_security_headers(&app.get("/healthz").await, "health check");
    assert!(app.get("/en/").await.headers().get("strict-transport-security").is_none(), "no HSTS over plain http");
}

async fn hsts_is_sent_only_behind_https(backend: Backend) {
    let app = spawn_app_with(backend, &[("HOMEWARD_BASE_URL", "https://homeward.example/")]).await;
    let res = app.get("/en/").await;
    let hsts = res.headers().get("strict-transport-security").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(hsts.starts_with("max-age="), "HSTS is {hsts:?}");
    // hreflang alternates use the public URL.
    let body = res.text().await.unwrap();
    assert!(body.contains("hreflang=\"ru\" href=\"https://homeward.example/ru/\""));
}

async fn static_files_have_hashed_names_and_long_cache_lifetimes(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get("/en/").await.text().await.unwrap();
    let css =
        body.split("<link rel=\"stylesheet\" href=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();
    assert!(css.starts_with("/static/css/app.") && css.ends_with(".css") && css != "/static/css/app.css", "{css}");
    let res = app.get(&css).await;
    assert_eq!(res.status().as_u16(), 200);
    let cache = res.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(cache.contains("max-age=31536000") && cache.contains("immutable"), "{cache}");
    assert!(res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").starts_with("text/css"));
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.len() < 12 * 1024, "CSS is {} bytes", bytes.len());
    // The unhashed name and a wrong hash are not served.
    assert_eq!(app.get("/static/css/app.css").await.status().as_u16(), 404);
    assert_eq!(app.get("/static/css/app.0000000000.css").await.status().as_u16(), 404);
}

async fn pages_are_compressed_for_browsers_that_ask(backend: Backend) {
    let app = spawn_app(backend).await;
    for encoding in ["gzip", "br"] {
        let res = app.client.get(app.url("/en/privacy")).header("Accept-Encoding", encoding).send().await.unwrap();
        assert_eq!(res.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some(encoding));
    }
    let res = app.get("/en/privacy").await;
    assert!(res.headers().get("content-encoding").is_none(), "identity when not asked");
}

async fn an_oversized_form_gets_a_friendly_413_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let path = app.setup_path();
    let huge = "x".repeat(200 * 1024);
    let res = app
        .client
        .post(app.url(&format!("{path}?lang=hy")))
        .form(&[("email", "a@example.org"), ("password", huge.as_str()), ("confirm", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let body = res.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("hy", "error-413-title"))), "413 page in the reader's language");
    // Nothing was created: the link still works.
    assert_eq!(app.get(&path).await.status().as_u16(), 200);
}

async fn responses_carry_a_request_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let a = app.get("/en/").await;
    let b = app.get("/en/").await;
    let id =
        |r: &reqwest::Response| r.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(id(&a).len(), 32);
    assert_ne!(id(&a), id(&b));
}
