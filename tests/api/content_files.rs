//! `homeward content import/export`: round trips, idempotence, and bad files.

use std::process::Command;

use crate::helpers::{Backend, TestDb, spawn_app};
use crate::on_both_backends;

fn homeward(db: &TestDb) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).current_dir(db.dir.path());
    for (k, v) in db.env(&[]) {
        if k != "HOMEWARD_BIND" {
            cmd.env(k, v);
        }
    }
    cmd
}

on_both_backends!(
    export_then_import_changes_nothing,
    the_cli_imports_reports_and_is_idempotent,
    a_bad_file_is_reported_with_path_and_line_and_nothing_is_written,
);

async fn export_then_import_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let en = homeward::domain::Lang::parse("en").unwrap();
    let written = app.db.run_sync(|c| homeward::content::files::export(c, dir.path(), &en)).unwrap();
    assert_eq!(written.len(), 12 * 4 + 3 * 4, "every guide and topic in every language");
    let files = homeward::content::files::read_dir(dir.path()).unwrap();
    let report = app.db.run_sync(|c| homeward::content::files::import(c, &files, &en)).unwrap();
    assert!(report.changed_nothing(), "{report:?}");
    // The exported files are the shipped ones, byte for byte in their front matter values and bodies.
    let again = tempfile::tempdir().unwrap();
    app.db.run_sync(|c| homeward::content::files::export(c, again.path(), &en)).unwrap();
    assert_eq!(files, homeward::content::files::read_dir(again.path()).unwrap(), "export is stable");
}

async fn the_cli_imports_reports_and_is_idempotent(backend: Backend) {
    let db = TestDb::new(&backend);
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let out = homeward(&db).args(["content", "import"]).arg(&content).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("created guide identity-documents"), "{stdout}");
    assert!(stdout.contains("created legal/identity-documents.hy.md"), "{stdout}");
    let out = homeward(&db).args(["content", "import"]).arg(&content).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("Nothing changed"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let target = db.dir.path().join("export");
    let out = homeward(&db).args(["content", "export"]).arg(&target).output().unwrap();
    assert!(out.status.success());
    assert!(target.join("legal/identity-documents.ru.md").is_file());
}

async fn a_bad_file_is_reported_with_path_and_line_and_nothing_is_written(backend: Backend) {
    let db = TestDb::new(&backend);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("legal")).unwrap();
    std::fs::write(dir.path().join("legal/_topic.en.md"), "+++\ntitle = \"Legal\"\norder = 1\n+++\n").unwrap();
    std::fs::write(
        dir.path().join("legal/good.en.md"),
        "+++\ntitle = \"Good\"\nupdated = \"2026-11-20\"\norder = 1\nreview_by = \"2027-01-01\"\n+++\nText\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("legal/bad.en.md"),
        "+++\ntitle = \"Bad\"\nupdated = \"2026-11-20\"\norder = one\n+++\nText\n",
    )
    .unwrap();
    let out = homeward(&db).args(["content", "import"]).arg(dir.path()).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("legal/bad.en.md:4: "), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    // The good file was not imported either.
    let app_db = homeward::db::Db::open(&match &backend {
        Backend::Sqlite => {
            homeward::config::DatabaseUrl::Sqlite(std::path::PathBuf::from(db.url.trim_start_matches("sqlite://")))
        }
        Backend::Postgres(_) => homeward::config::DatabaseUrl::Postgres(secrecy::SecretString::from(db.url.clone())),
    })
    .unwrap();
    assert_eq!(app_db.run_sync(homeward::db::repo::content::count_topics).unwrap(), 0);
}
