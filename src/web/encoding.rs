//! Answers from bodies kept compressed (cached pages, static files): the coding the request's
//! `Accept-Encoding` prefers, with its `Content-Encoding`, its own validator and
//! `Vary: Accept-Encoding`. Such answers carry `Content-Encoding`, so the `Compress` middleware
//! leaves them alone; it compresses only what is made per request (forms, search, staff pages).

use actix_web::http::header::{self, AcceptEncoding, Encoding, Preference, Quality};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};

use crate::content::compress::{Coding, Variants};

/// The coding to answer in, from those `variants` holds. Per RFC 9110 (12.5.3): a coding named
/// with q=0 is refused, one not named counts with the quality of `*` (refused without one);
/// the plain body is acceptable unless `identity` or `*` is refused, and comes last among equals.
/// Equal qualities prefer brotli, then gzip. No header, or one that does not parse: plain.
pub fn negotiate(req: &HttpRequest, variants: &Variants) -> Coding {
    match req.get_header::<AcceptEncoding>() {
        Some(accept) => choose(&accept, variants),
        None => Coding::Identity,
    }
}

fn choose(accept: &AcceptEncoding, variants: &Variants) -> Coding {
    let named = |wanted: &Encoding| {
        accept.0.iter().find(|q| matches!(&q.item, Preference::Specific(e) if e == wanted)).map(|q| q.quality)
    };
    let any = accept.0.iter().find(|q| matches!(q.item, Preference::Any)).map(|q| q.quality);
    // Not named and no `*`: still acceptable, below anything the client named.
    let identity = named(&Encoding::identity()).or(any).unwrap_or(Quality::MIN);
    let mut best = (Quality::ZERO, Coding::Identity);
    for (coding, encoding) in [(Coding::Brotli, Encoding::brotli()), (Coding::Gzip, Encoding::gzip())] {
        let quality = named(&encoding).or(any).unwrap_or(Quality::ZERO);
        if variants.has(coding) && quality > best.0 {
            best = (quality, coding);
        }
    }
    if identity > best.0 { Coding::Identity } else { best.1 }
}

/// Whether `If-None-Match` names `etag` (weak comparison) or is `*`.
fn not_modified(req: &HttpRequest, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let ours = opaque(etag);
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == ours)
}

/// Whether `Compress` will still encode a plain answer: it negotiates on its own and takes
/// deflate too, which no body is kept in.
fn compress_would_encode(req: &HttpRequest) -> bool {
    let supported = [Encoding::brotli(), Encoding::gzip(), Encoding::deflate(), Encoding::identity()];
    req.get_header::<AcceptEncoding>()
        .and_then(|accept| accept.negotiate(supported.iter()))
        .is_some_and(|encoding| encoding != Encoding::identity())
}

/// A 200 with the negotiated body (or a 304 when the client holds it already).
pub fn respond(req: &HttpRequest, variants: &Variants, content_type: &str, cache_control: &str) -> HttpResponse {
    let (coding, body) = variants.get(negotiate(req, variants));
    // A plain answer that `Compress` deflates on the way out (a client taking deflate only)
    // goes without a validator (the plain body's would be wrong for those bytes), and
    // `Compress` adds the `Vary` itself.
    let deflated_on_the_fly = coding == Coding::Identity && compress_would_encode(req);
    let fresh = !deflated_on_the_fly && not_modified(req, &body.etag);
    let mut builder = if fresh { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    builder.insert_header((header::CACHE_CONTROL, cache_control));
    if !deflated_on_the_fly {
        builder.insert_header((header::ETAG, body.etag.as_str())).insert_header((header::VARY, "Accept-Encoding"));
    }
    if fresh {
        return builder.finish();
    }
    if let Some(token) = coding.token() {
        builder.insert_header((header::CONTENT_ENCODING, token));
    }
    builder.content_type(content_type).body(body.bytes.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(header: &str) -> Coding {
        let variants = Variants::plain(bytes::Bytes::from("<p>page</p>".repeat(50)))
            .compressed(crate::content::compress::PAGE_BROTLI_QUALITY);
        let req =
            actix_web::test::TestRequest::default().insert_header((header::ACCEPT_ENCODING, header)).to_http_request();
        negotiate(&req, &variants)
    }

    #[test]
    fn the_preferred_acceptable_coding_is_chosen() {
        assert_eq!(pick("gzip, deflate, br, zstd"), Coding::Brotli, "a browser: brotli");
        assert_eq!(pick("gzip, deflate"), Coding::Gzip);
        assert_eq!(pick("br;q=0.5, gzip"), Coding::Gzip, "a higher quality wins");
        assert_eq!(pick("br;q=0, gzip;q=0.1"), Coding::Gzip, "q=0 refuses");
        assert_eq!(pick("*"), Coding::Brotli, "anything: the best");
        assert_eq!(pick("gzip;q=0, *"), Coding::Brotli);
        assert_eq!(pick("br;q=0, *;q=0.5"), Coding::Gzip);
        assert_eq!(pick("identity"), Coding::Identity);
        assert_eq!(pick("identity, br;q=0.9"), Coding::Identity, "identity named with a higher quality");
        assert_eq!(pick("br;q=0.001"), Coding::Brotli, "named beats implicit identity");
        assert_eq!(pick("deflate, zstd"), Coding::Identity, "codings we do not keep");
        assert_eq!(pick(""), Coding::Identity, "an empty header asks for no coding");
        assert_eq!(pick("br;q=2"), Coding::Identity, "unparsable: plain");
    }

    #[test]
    fn bodies_kept_plain_only_are_served_plain() {
        let variants = Variants::plain(bytes::Bytes::from_static(b"\x89PNG"));
        let req = actix_web::test::TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, "br, gzip"))
            .to_http_request();
        assert_eq!(negotiate(&req, &variants), Coding::Identity);
    }
}
