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
pub(crate) mod error;
pub mod i18n;
pub mod mail;
pub mod startup;
pub mod telemetry;
pub(crate) mod web;

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

    /// (path relative to the crate, text) of every Rust file under `src/<dir>`.
    fn sources(dir: &str) -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src").join(dir), &mut files);
        assert!(!files.is_empty(), "no sources under src/{dir}");
        files
            .into_iter()
            .map(|f| {
                let relative = f.strip_prefix(root).unwrap_or(&f).to_string_lossy().replace('\\', "/");
                (relative, std::fs::read_to_string(&f).unwrap_or_default())
            })
            .collect()
    }

    fn offenders(dirs: &[&str], reaches: impl Fn(&str, &str) -> bool) -> Vec<String> {
        dirs.iter().flat_map(|d| sources(d)).filter(|(path, text)| reaches(path, text)).map(|(p, _)| p).collect()
    }

    #[test]
    fn web_never_imports_the_database() {
        let found = offenders(&["web"], |_, text| text.contains("crate::db") || text.contains("diesel"));
        assert!(found.is_empty(), "these files under src/web reach the database (use app:: instead): {found:?}");
    }

    #[test]
    fn nothing_below_web_imports_it() {
        let below = ["app", "auth", "content", "crypto", "db", "domain", "i18n", "mail"];
        let found = offenders(&below, |_, text| text.contains("crate::web"));
        assert!(found.is_empty(), "these files import the web layer: {found:?}");
    }

    #[test]
    fn the_domain_knows_no_framework_and_no_database() {
        let found = offenders(&["domain"], |_, text| {
            ["crate::db", "diesel", "actix", "crate::app", "crate::mail"].iter().any(|n| text.contains(n))
        });
        assert!(found.is_empty(), "these domain files reach outside the domain: {found:?}");
    }

    #[test]
    fn areas_of_web_do_not_import_each_other() {
        let areas = ["public", "staff", "admin", "setup", "ops"];
        let found = offenders(&["web"], |path, text| {
            let own = path.trim_start_matches("src/web/").split('/').next().unwrap_or_default();
            areas.iter().any(|a| *a != own && areas.contains(&own) && text.contains(&format!("crate::web::{a}")))
        });
        assert!(
            found.is_empty(),
            "these web files reach into another area (share through web::forms, web::context, auth or domain): {found:?}"
        );
    }

    /// Handlers only orchestrate; a long one is doing a use case's work.
    #[test]
    fn handlers_are_short() {
        const LONGEST: usize = 60;
        let mut long = Vec::new();
        for (path, text) in sources("web") {
            let lines: Vec<&str> = text.lines().collect();
            for (start, line) in lines.iter().enumerate() {
                if !(line.starts_with("pub async fn ") || line.starts_with("async fn ")) {
                    continue;
                }
                let length = lines[start..].iter().position(|l| *l == "}").map_or(lines.len() - start, |end| end + 1);
                if length > LONGEST {
                    long.push(format!("{path}:{}: {length} lines", start + 1));
                }
            }
        }
        assert!(long.is_empty(), "handlers over {LONGEST} lines: {long:?}");
    }
}
