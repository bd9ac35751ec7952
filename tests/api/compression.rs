//! Compressed copies made once: cached pages and static files answer in the coding the
//! request accepts (brotli, gzip or plain), each with its own validator and 304.

use std::io::Read;

use crate::helpers::{Backend, TestApp, spawn_app};
use crate::on_both_backends;

on_both_backends!(
    browsers_get_brotli_that_decodes_to_the_plain_page,
    q_values_and_refusals_choose_the_coding,
    each_coding_has_its_own_validator_and_304,
    the_stylesheet_is_served_compressed_from_start_up,
    pages_made_per_request_are_still_compressed_on_the_fly,
);

const GUIDE: &str = "/en/guides/identity-documents";
const BROWSER: &str = "gzip, deflate, br, zstd";

async fn fetch(app: &TestApp, path: &str, accept: Option<&str>, if_none_match: Option<&str>) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    if let Some(accept) = accept {
        req = req.header("Accept-Encoding", accept);
    }
    if let Some(tag) = if_none_match {
        req = req.header("If-None-Match", tag);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// The body decoded from its `Content-Encoding`, with that coding.
async fn decoded(res: reqwest::Response) -> (Option<String>, Vec<u8>) {
    let coding = header(&res, "content-encoding");
    let bytes = res.bytes().await.unwrap();
    let mut out = Vec::new();
    match coding.as_deref() {
        None => out = bytes.to_vec(),
        Some("br") => {
            brotli::Decompressor::new(&bytes[..], 4096).read_to_end(&mut out).unwrap();
        }
        Some("gzip") => {
            flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out).unwrap();
        }
        Some("deflate") => {
            flate2::read::ZlibDecoder::new(&bytes[..]).read_to_end(&mut out).unwrap();
        }
        Some(other) => panic!("unexpected coding {other}"),
    }
    (coding, out)
}

fn vary_names_accept_encoding_once(res: &reqwest::Response) {
    let vary: Vec<String> =
        res.headers().get_all("vary").iter().filter_map(|v| v.to_str().ok()).map(str::to_ascii_lowercase).collect();
    let mentions = vary.iter().flat_map(|v| v.split(',')).filter(|v| v.trim() == "accept-encoding").count();
    assert_eq!(mentions, 1, "Vary: {vary:?}");
}

async fn browsers_get_brotli_that_decodes_to_the_plain_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let plain = fetch(&app, GUIDE, None, None).await;
    assert_eq!(plain.status().as_u16(), 200);
    assert_eq!(header(&plain, "content-encoding"), None, "no Accept-Encoding: the plain page");
    vary_names_accept_encoding_once(&plain);
    let plain = plain.bytes().await.unwrap().to_vec();
    assert!(String::from_utf8_lossy(&plain).contains("</html>"));

    for (accept, coding) in [(BROWSER, "br"), ("gzip", "gzip"), ("br", "br")] {
        let res = fetch(&app, GUIDE, Some(accept), None).await;
        assert_eq!(res.status().as_u16(), 200);
        vary_names_accept_encoding_once(&res);
        assert!(header(&res, "content-type").unwrap_or_default().starts_with("text/html"));
        let length: usize = header(&res, "content-length").and_then(|l| l.parse().ok()).unwrap_or(usize::MAX);
        assert!(length < plain.len() / 2, "{accept}: {length} bytes on the wire for a {}-byte page", plain.len());
        let (got, body) = decoded(res).await;
        assert_eq!(got.as_deref(), Some(coding), "{accept}");
        assert!(body == plain, "{accept}: decodes to the plain page (compressed once, not twice)");
    }
    // The second request for the same coding is answered from the same kept copy.
    let a = fetch(&app, GUIDE, Some(BROWSER), None).await.bytes().await.unwrap();
    let b = fetch(&app, GUIDE, Some(BROWSER), None).await.bytes().await.unwrap();
    assert_eq!(a, b);
}

async fn q_values_and_refusals_choose_the_coding(backend: Backend) {
    let app = spawn_app(backend).await;
    let cases = [
        ("br;q=0, gzip", Some("gzip")),
        ("gzip;q=0.9, br;q=0.5", Some("gzip")),
        ("gzip, br", Some("br")),
        ("*", Some("br")),
        ("br;q=0, *", Some("gzip")),
        ("identity;q=0, br", Some("br")),
        ("identity", None),
        ("identity, br;q=0.5", None),
        ("br;q=0, gzip;q=0", None),
        ("zstd", None),
        ("", None),
    ];
    for (accept, expected) in cases {
        let res = fetch(&app, GUIDE, Some(accept), None).await;
        assert_eq!(res.status().as_u16(), 200, "{accept:?}");
        assert_eq!(header(&res, "content-encoding").as_deref(), expected, "{accept:?}");
        let (_, body) = decoded(res).await;
        assert!(String::from_utf8_lossy(&body).contains("</html>"), "{accept:?}");
    }
    // Refusing every coding and the plain page too leaves nothing to send.
    let res = fetch(&app, GUIDE, Some("br;q=0, gzip;q=0, *;q=0"), None).await;
    assert_eq!(res.status().as_u16(), 406);
}

async fn each_coding_has_its_own_validator_and_304(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut tags = Vec::new();
    for accept in [None, Some("br"), Some("gzip")] {
        let res = fetch(&app, GUIDE, accept, None).await;
        tags.push(header(&res, "etag").unwrap());
    }
    let (plain, br, gz) = (&tags[0], &tags[1], &tags[2]);
    assert!(plain != br && br != gz && plain != gz, "{tags:?}");

    for (accept, tag) in [(None, plain), (Some("br"), br), (Some(BROWSER), br), (Some("gzip"), gz)] {
        let res = fetch(&app, GUIDE, accept, Some(tag)).await;
        assert_eq!(res.status().as_u16(), 304, "{accept:?} with its own tag");
        assert_eq!(header(&res, "etag").as_deref(), Some(tag.as_str()));
        vary_names_accept_encoding_once(&res);
        assert!(res.bytes().await.unwrap().is_empty());
    }
    // Another coding's tag is not this answer's: the full body comes.
    for (accept, tag, coding) in [(Some("gzip"), br, Some("gzip")), (Some("br"), gz, Some("br")), (None, br, None)] {
        let res = fetch(&app, GUIDE, accept, Some(tag)).await;
        assert_eq!(res.status().as_u16(), 200, "{accept:?} with {tag}");
        assert_eq!(header(&res, "content-encoding").as_deref(), coding);
    }
    let res = fetch(&app, GUIDE, Some("br"), Some(&format!("W/\"other\", {br}"))).await;
    assert_eq!(res.status().as_u16(), 304, "a list of tags");
    let res = fetch(&app, GUIDE, Some("gzip"), Some("*")).await;
    assert_eq!(res.status().as_u16(), 304, "any tag");
}

async fn the_stylesheet_is_served_compressed_from_start_up(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.text("/en/").await.1;
    let css = page.split("<link rel=\"stylesheet\" href=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
    let plain = fetch(&app, css, None, None).await;
    let plain_tag = header(&plain, "etag").unwrap();
    vary_names_accept_encoding_once(&plain);
    let plain = plain.bytes().await.unwrap().to_vec();
    assert!(String::from_utf8_lossy(&plain).contains('{'));
    let mut tags = vec![plain_tag];
    for (accept, coding) in [(BROWSER, "br"), ("gzip", "gzip")] {
        let res = fetch(&app, css, Some(accept), None).await;
        assert_eq!(res.status().as_u16(), 200);
        let cache = header(&res, "cache-control").unwrap_or_default();
        assert!(cache.contains("immutable") && cache.contains("max-age=31536000"), "{cache}");
        assert!(header(&res, "content-type").unwrap_or_default().starts_with("text/css"));
        vary_names_accept_encoding_once(&res);
        let tag = header(&res, "etag").unwrap();
        let (got, body) = decoded(res).await;
        assert_eq!(got.as_deref(), Some(coding));
        assert!(body == plain, "{coding} decodes to the stylesheet");
        assert!(!tags.contains(&tag), "{tag} is its own");
        let again = fetch(&app, css, Some(accept), Some(&tag)).await;
        assert_eq!(again.status().as_u16(), 304);
        tags.push(tag);
    }
}

async fn pages_made_per_request_are_still_compressed_on_the_fly(backend: Backend) {
    let app = spawn_app(backend).await;
    // Search results are not cached: `Compress` compresses them (fast levels).
    let path = "/en/search?q=passport";
    let plain = fetch(&app, path, None, None).await.bytes().await.unwrap().to_vec();
    for coding in ["br", "gzip"] {
        let res = fetch(&app, path, Some(coding), None).await;
        assert_eq!(res.status().as_u16(), 200);
        let (got, body) = decoded(res).await;
        assert_eq!(got.as_deref(), Some(coding));
        assert!(body == plain, "{coding} decodes to the page");
    }
    // A client that takes only deflate gets the cached page deflated on the fly, without the
    // plain page's validator (those bytes are not the plain page).
    let res = fetch(&app, GUIDE, Some("deflate"), None).await;
    assert_eq!(header(&res, "etag"), None);
    vary_names_accept_encoding_once(&res);
    let (got, body) = decoded(res).await;
    assert_eq!(got.as_deref(), Some("deflate"));
    assert!(String::from_utf8_lossy(&body).contains("</html>"));
}
