//! Bodies kept in each content coding a browser asks for (brotli, gzip) beside the plain
//! bytes, compressed once when a page enters the cache or a static file is loaded.

use std::io::Write;

use bytes::Bytes;

// Levels measured on the guide page (10.6 KB) and the stylesheet (10.4 KB) with this crate
// (brotli 9.1, window fitted to the body), time per body on this 2-core machine:
//   brotli q4 3,560 B 0.3 ms · q5–q9 3,317–3,370 B 9–10 ms (and 16 MB of hash tables each)
//   q10 2,984 B 5.4 ms · q11 2,851 B 10.8 ms (2 MB);  gzip 1 4,515 B · 6 and 9 3,733 B, < 0.1 ms.

/// Brotli quality for cached pages: compressed again after every content change and hourly,
/// so half of quality 11's time for a body 5 % larger.
pub const PAGE_BROTLI_QUALITY: i32 = 10;
/// Brotli quality for static files, compressed once per start: the smallest body.
pub const STATIC_BROTLI_QUALITY: i32 = 11;
/// Gzip level for both: level 9 costs well under a millisecond here.
pub const GZIP_LEVEL: u32 = 9;

/// A content coding a body is kept in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    /// The `Content-Encoding` token; none for the plain body.
    pub fn token(self) -> Option<&'static str> {
        match self {
            Coding::Brotli => Some("br"),
            Coding::Gzip => Some("gzip"),
            Coding::Identity => None,
        }
    }
}

/// One body as it goes on the wire, with its own validator.
pub struct Encoded {
    pub bytes: Bytes,
    /// Weak (`W/"…"`): the page is the same in every coding, but each coding has its own tag,
    /// so a cache never answers a gzip request with brotli bytes on a 304.
    pub etag: String,
}

/// The plain body and, for text, its brotli and gzip compressions.
pub struct Variants {
    identity: Encoded,
    brotli: Option<Encoded>,
    gzip: Option<Encoded>,
}

impl Variants {
    /// The plain body alone (for images and fonts, or until [`Variants::compressed`]).
    pub fn plain(body: Bytes) -> Variants {
        use sha2::{Digest, Sha256};
        let etag = format!("W/\"{}\"", hex::encode(&Sha256::digest(&body)[..12]));
        Variants { identity: Encoded { bytes: body, etag }, brotli: None, gzip: None }
    }

    /// The plain body compressed once in each coding, brotli at `brotli_quality` (0–11; some
    /// milliseconds for a large page). A coding that fails (it cannot, writing to memory) is
    /// left out and the plain body serves.
    pub fn compressed(self, brotli_quality: i32) -> Variants {
        let opaque = self.identity.etag.trim_start_matches("W/\"").trim_end_matches('"').to_owned();
        let encoded = |bytes: Vec<u8>, suffix: &str| Encoded {
            bytes: Bytes::from(bytes),
            etag: format!("W/\"{opaque}-{suffix}\""),
        };
        let body = &self.identity.bytes;
        let brotli = brotli(body, brotli_quality).map(|b| encoded(b, "br"));
        let gzip = gzip(body).map(|b| encoded(b, "gz"));
        if let Some(e) = brotli.as_ref().err().or(gzip.as_ref().err()) {
            tracing::warn!(error = %e, "a body could not be compressed; it is served plain");
        }
        Variants { brotli: brotli.ok(), gzip: gzip.ok(), ..self }
    }

    /// The body in `coding`, or the plain one when it is not kept in that coding.
    pub fn get(&self, coding: Coding) -> (Coding, &Encoded) {
        let kept = match coding {
            Coding::Brotli => self.brotli.as_ref(),
            Coding::Gzip => self.gzip.as_ref(),
            Coding::Identity => None,
        };
        match kept {
            Some(body) => (coding, body),
            None => (Coding::Identity, &self.identity),
        }
    }

    /// Whether the body is kept in `coding` (the plain body always is).
    pub fn has(&self, coding: Coding) -> bool {
        self.get(coding).0 == coding
    }

    /// Bytes held, every coding and validator counted.
    pub fn size(&self) -> usize {
        [Some(&self.identity), self.brotli.as_ref(), self.gzip.as_ref()]
            .into_iter()
            .flatten()
            .map(|e| e.bytes.len() + e.etag.len())
            .sum()
    }
}

/// The smallest brotli window that holds the whole body: larger ones only cost memory
/// (at quality 11 the encoder's tables grow with the window).
fn window_bits(len: usize) -> i32 {
    let mut bits = 10;
    while bits < 24 && (1usize << bits) - 16 < len {
        bits += 1;
    }
    bits
}

fn brotli(body: &[u8], quality: i32) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: window_bits(body.len()),
        size_hint: body.len(),
        mode: brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_TEXT,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 3);
    brotli::BrotliCompress(&mut &body[..], &mut out, &params)?;
    Ok(out)
}

fn gzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::new(GZIP_LEVEL));
    encoder.write_all(body)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn page() -> Bytes {
        Bytes::from("<p>Где получить паспорт, Որտեղ ստանալ անձնագիր</p>\n".repeat(200))
    }

    #[test]
    fn every_coding_decodes_to_the_plain_body() {
        let plain = page();
        let v = Variants::plain(plain.clone()).compressed(PAGE_BROTLI_QUALITY);
        let (coding, br) = v.get(Coding::Brotli);
        assert_eq!(coding, Coding::Brotli);
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&br.bytes[..], 4096).read_to_end(&mut decoded).unwrap_or_default();
        assert_eq!(decoded, plain);
        let (coding, gz) = v.get(Coding::Gzip);
        assert_eq!(coding, Coding::Gzip);
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz.bytes[..]).read_to_end(&mut decoded).unwrap_or_default();
        assert_eq!(decoded, plain);
        assert!(br.bytes.len() < gz.bytes.len() && gz.bytes.len() < plain.len() / 5);
    }

    #[test]
    fn each_coding_has_its_own_validator() {
        let v = Variants::plain(page()).compressed(PAGE_BROTLI_QUALITY);
        let tags = [Coding::Identity, Coding::Brotli, Coding::Gzip].map(|c| v.get(c).1.etag.clone());
        assert!(tags.iter().all(|t| t.starts_with("W/\"")));
        assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2], "{tags:?}");
        let other = Variants::plain(Bytes::from_static(b"other")).compressed(PAGE_BROTLI_QUALITY);
        assert_ne!(other.get(Coding::Brotli).1.etag, tags[1], "the tags follow the body");
    }

    #[test]
    fn uncompressed_bodies_fall_back_to_the_plain_one_and_size_counts_every_coding() {
        let v = Variants::plain(page());
        assert!(!v.has(Coding::Brotli) && v.has(Coding::Identity));
        assert_eq!(v.get(Coding::Gzip).0, Coding::Identity);
        let plain_only = v.size();
        let all = Variants::plain(page()).compressed(PAGE_BROTLI_QUALITY).size();
        assert!(plain_only >= page().len() && all > plain_only, "{plain_only} {all}");
    }

    #[test]
    fn the_window_fits_the_body() {
        assert_eq!(window_bits(0), 10);
        assert_eq!(window_bits(9_000), 14);
        assert_eq!(window_bits(16_368), 14);
        assert_eq!(window_bits(16_369), 15);
        assert_eq!(window_bits(usize::MAX), 24);
    }
}
