//! Guidance content: Markdown rendering, content files (import/export), the
//! public page cache, and the sample content shipped with the binary.

pub mod cache;
pub mod compress;
pub mod files;
pub mod markdown;
pub mod search;

use anyhow::Context;

use crate::db::Db;
use crate::domain::Lang;

/// The sample content in `content/`, built into the binary.
#[derive(rust_embed::RustEmbed)]
#[folder = "content/"]
#[include = "*.md"]
struct SampleContent;

/// The embedded sample files as (path, text), like `files::read_dir` gives them.
pub fn sample_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = SampleContent::iter()
        .filter_map(|name| {
            let file = SampleContent::get(&name)?;
            Some((name.into_owned(), String::from_utf8_lossy(&file.data).into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// Loads the sample content into a database that has no topics yet.
pub fn load_sample_if_empty(db: &Db, default_lang: &Lang) -> anyhow::Result<()> {
    if db.run_sync(crate::db::repo::content::count_topics)? > 0 {
        return Ok(());
    }
    let report = db
        .run_sync(|c| files::import_if_empty(c, &sample_files(), default_lang))
        .context("cannot load the sample content")?;
    if let Some(report) = report {
        tracing::info!(created = report.created.len(), "loaded the sample content into an empty database");
    }
    Ok(())
}
