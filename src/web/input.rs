//! The one gate for control characters on the way in: a path holding one (once
//! percent-decoded) is a page that does not exist (404); query parameters lose every
//! control character; every submitted form field loses its control characters
//! (`domain::text::without_controls`: LF and tab stay, CRLF becomes LF) before any
//! handler reads it. So NUL never reaches a database query, both databases answer alike,
//! and nothing a person typed is lost (nobody types a NUL).

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::Uri;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use futures_util::StreamExt;
use url::form_urlencoded;

use crate::domain::text::{has_controls, without_controls};

/// The most a form body may hold when read here: the form limit of the route table for
/// its area. Larger bodies are refused (413) as the form extractors would refuse them, and
/// before they are read when their length says so.
fn form_limit(path: &str) -> usize {
    let staff = ["/staff", "/admin"].iter().any(|p| path == *p || path.starts_with(&format!("{p}/")));
    if staff { super::STAFF_FORM_LIMIT } else { super::PUBLIC_FORM_LIMIT }
}

/// The middleware: see the module note.
pub async fn clean_input(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if path_has_controls(req.path()) {
        return Ok(req.into_response(HttpResponse::NotFound().finish()).map_into_right_body());
    }
    if let Some(query) = clean_query(req.query_string()) {
        let mut parts = req.uri().clone().into_parts();
        let path_and_query = format!("{}?{query}", req.path());
        parts.path_and_query = path_and_query.parse().ok();
        match Uri::from_parts(parts) {
            // Handlers read their parameters from the request's URI: they see the cleaned query.
            Ok(uri) => req.head_mut().uri = uri,
            Err(_) => return Ok(req.into_response(HttpResponse::BadRequest().finish()).map_into_right_body()),
        }
    }
    if is_form(&req) {
        let limit = form_limit(req.path());
        let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_some_and(|length| length > limit) {
            return Ok(req.into_response(HttpResponse::PayloadTooLarge().finish()).map_into_right_body());
        }
        let mut payload = req.take_payload();
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            // A body cut off (too slow, broken) is answered here, as a response the error pages
            // and the body deadline around this middleware can still turn into the right page.
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(e) => return Ok(req.error_response(e).map_into_right_body()),
            };
            if body.len() + chunk.len() > limit {
                return Ok(req.into_response(HttpResponse::PayloadTooLarge().finish()).map_into_right_body());
            }
            body.extend_from_slice(&chunk);
        }
        let body = match clean_form(&body) {
            Some(cleaned) => {
                if let Ok(length) = HeaderValue::from_str(&cleaned.len().to_string()) {
                    req.headers_mut().insert(header::CONTENT_LENGTH, length);
                }
                web::Bytes::from(cleaned)
            }
            None => body.freeze(),
        };
        req.set_payload(Payload::from(body));
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}

fn is_form(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/x-www-form-urlencoded"))
}

/// Percent-decodes a path (as the router does) and looks for control bytes, C1 included.
fn path_has_controls(path: &str) -> bool {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(hi), Some(lo)) => {
                // Two hex digits make one byte: the cast cannot truncate.
                decoded.push(u8::try_from(hi * 16 + lo).unwrap_or(0));
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    decoded.iter().any(|b| *b < 0x20 || *b == 0x7f) || has_controls(&String::from_utf8_lossy(&decoded))
}

/// The query without control characters (none belongs in a parameter: every one is a single
/// line), or `None` when it has none (then it passes as sent).
fn clean_query(query: &str) -> Option<String> {
    let strip = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    let dirty = form_urlencoded::parse(query.as_bytes()).any(|(k, v)| has_controls(&k) || has_controls(&v));
    dirty.then(|| {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (strip(&k), strip(&v))))
            .finish()
    })
}

/// The form body without control characters, or `None` when it has none (then it passes as sent).
fn clean_form(body: &[u8]) -> Option<String> {
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let dirty = pairs.iter().any(|(k, v)| {
        matches!(without_controls(k), std::borrow::Cow::Owned(_))
            || matches!(without_controls(v), std::borrow::Cow::Owned(_))
    });
    dirty.then(|| {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().map(|(k, v)| (without_controls(k), without_controls(v))))
            .finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_encoded_or_raw_controls_are_caught() {
        for bad in ["/admin/content/topics/%00", "/en/guides/a%0Ab", "/en/%7f", "/en/x%C2%85y", "/a\u{1}"] {
            assert!(path_has_controls(bad), "{bad}");
        }
        for good in
            ["/en/guides/renew-a-passport", "/hy/%D5%B0%D5%A1%D5%B5", "/en/100%", "/en/%zz", "/static/css/a.css"]
        {
            assert!(!path_has_controls(good), "{good}");
        }
    }

    #[test]
    fn staff_forms_may_be_larger_than_public_ones() {
        assert_eq!(form_limit("/admin/content/guides/a/en"), crate::web::STAFF_FORM_LIMIT);
        assert_eq!(form_limit("/staff/inquiries/x/reply"), crate::web::STAFF_FORM_LIMIT);
        assert_eq!(form_limit("/en/contact"), crate::web::PUBLIC_FORM_LIMIT);
        assert_eq!(form_limit("/staffroom"), crate::web::PUBLIC_FORM_LIMIT);
    }

    #[test]
    fn queries_lose_controls_in_keys_and_values() {
        assert_eq!(clean_query("team=%00").as_deref(), Some("team="));
        assert_eq!(clean_query("q=ok+go&a%01=1").as_deref(), Some("q=ok+go&a=1"));
        assert_eq!(clean_query("q=line%0Abreak%09tab&actor=%C2%85x").as_deref(), Some("q=linebreaktab&actor=x"));
        assert_eq!(clean_query("q=passport+renewal&page=2"), None);
        assert_eq!(clean_query(""), None);
    }

    #[test]
    fn form_fields_lose_controls_and_keep_everything_else() {
        assert_eq!(clean_form(b"csrf=t&comment=a+b&lang=en"), None);
        let cleaned = clean_form(b"csrf=t&comment=a%00b&message=one%0D%0Atwo%09three&name=Ani");
        let pairs: Vec<(String, String)> = form_urlencoded::parse(cleaned.unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let expected = [("csrf", "t"), ("comment", "ab"), ("message", "one\ntwo\tthree"), ("name", "Ani")];
        assert_eq!(pairs, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
    }
}
