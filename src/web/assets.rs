//! Static files embedded in the binary, served under content-hashed names
//! (`css/app.3f2a9b1c04.css`) so they can be cached for a year. Text files are compressed
//! once, at start-up, and served in the coding the request accepts (`web::encoding`).

use std::borrow::Cow;
use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};

use crate::content::compress::{STATIC_BROTLI_QUALITY, Variants};
use crate::error::AppError;
use crate::web::{AppState, encoding};

#[derive(rust_embed::RustEmbed)]
#[folder = "static/"]
struct StaticFiles;

struct Asset {
    variants: Variants,
    mime: String,
}

pub struct Assets {
    by_hashed_name: HashMap<String, Asset>,
    hashed_name: HashMap<String, String>,
}

impl Assets {
    pub fn load() -> Assets {
        let mut by_hashed_name = HashMap::new();
        let mut hashed_name = HashMap::new();
        for name in StaticFiles::iter() {
            let Some(file) = StaticFiles::get(&name) else { continue };
            let hash = hex::encode(&file.metadata.sha256_hash()[..5]);
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            let mime = file.metadata.mimetype().to_owned();
            let mime = if mime.starts_with("text/") && !mime.contains("charset") {
                format!("{mime}; charset=utf-8")
            } else {
                mime
            };
            // In release builds the data is static: no copy; in debug it is read once here.
            let bytes = match file.data {
                Cow::Borrowed(b) => web::Bytes::from_static(b),
                Cow::Owned(v) => web::Bytes::from(v),
            };
            // Text compresses; images other than SVG and fonts already are compressed.
            let text = mime.starts_with("text/")
                || ["image/svg+xml", "application/javascript", "application/json", "application/xml"]
                    .iter()
                    .any(|m| mime.starts_with(m));
            let variants =
                if text { Variants::plain(bytes).compressed(STATIC_BROTLI_QUALITY) } else { Variants::plain(bytes) };
            by_hashed_name.insert(hashed.clone(), Asset { variants, mime });
            hashed_name.insert(name.into_owned(), hashed);
        }
        Assets { by_hashed_name, hashed_name }
    }

    /// The URL of a static file by its plain name, e.g. `css/app.css`.
    pub fn href(&self, name: &str) -> String {
        match self.hashed_name.get(name) {
            Some(hashed) => format!("/static/{hashed}"),
            None => format!("/static/{name}"),
        }
    }
}

pub async fn serve(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let asset = state.assets.by_hashed_name.get(path.as_str()).ok_or(AppError::NotFound)?;
    // The name changes with the content, so the file never needs revalidating.
    Ok(encoding::respond(&req, &asset.variants, &asset.mime, "public, max-age=31536000, immutable"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::compress::Coding;

    #[test]
    fn the_stylesheet_gets_a_hashed_name_and_stays_small() {
        let assets = Assets::load();
        let href = assets.href("css/app.css");
        assert!(
            href.starts_with("/static/css/app.") && href.ends_with(".css") && href.len() > "/static/css/app.css".len(),
            "{href}"
        );
        let name = href.trim_start_matches("/static/");
        let css = assets.by_hashed_name.get(name).map(|a| a.variants.get(Coding::Identity).1.bytes.len());
        let css = css.unwrap_or(usize::MAX);
        assert!(css < 12 * 1024, "app.css is {css} bytes; the budget is 12 KB");
        let kept =
            assets.by_hashed_name.get(name).map(|a| a.variants.has(Coding::Brotli) && a.variants.has(Coding::Gzip));
        assert_eq!(kept, Some(true), "compressed at start-up");
    }
}
