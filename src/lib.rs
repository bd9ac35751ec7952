//! Homeward: a multilingual information and intake portal for people returning
//! to a region they left. The binary in `main.rs` is a thin CLI over this library.

pub mod app;
pub mod auth;
pub mod config;
pub mod content;
pub mod crypto;
pub mod db;
pub mod directory;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod startup;
pub mod telemetry;
pub mod web;

#[cfg(test)]
mod layering {
    //! The layer rules of ARCHITECTURE.md, checked on the source text.

    use std::path::{Path, PathBuf};

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Files under `src/web` that still reach the database directly, to be emptied
    /// as their handlers move onto `app::` use cases.
    const NOT_YET_MOVED: &[&str] = &[];

    #[test]
    fn web_never_imports_the_database() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src/web"), &mut files);
        assert!(!files.is_empty());
        let mut offenders = Vec::new();
        for file in files {
            let relative = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let reaches_db = text.contains("crate::db") || text.contains("diesel");
            if reaches_db && !NOT_YET_MOVED.contains(&relative.as_str()) {
                offenders.push(relative);
            }
        }
        assert!(
            offenders.is_empty(),
            "these files under src/web reach the database (use app:: instead): {offenders:?}"
        );
    }
}
