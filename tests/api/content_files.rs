//! `homeward content import/export`: round trips, idempotence, and bad files.

use std::process::Command;

use diesel::prelude::*;

use crate::helpers::{Backend, TestDb, spawn_app, spawn_app_with};
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
    an_import_of_hundreds_of_guides_stores_every_translation_with_its_revision,
);

/// `guides` guides in one topic, each in four languages; the English text says `text`.
fn many_guides(guides: usize, updated: &str, text: &str) -> Vec<(String, String)> {
    let mut files = vec![("many/_topic.en.md".to_owned(), "+++\ntitle = \"Many\"\norder = 1\n+++\n".to_owned())];
    for lang in ["hy", "az", "ru"] {
        files.push((format!("many/_topic.{lang}.md"), format!("+++\ntitle = \"Many {lang}\"\n+++\n")));
    }
    for n in 1..=guides {
        files.push((
            format!("many/guide-{n}.en.md"),
            format!(
                "+++\ntitle = \"Guide {n}\"\nsummary = \"About {n}\"\nupdated = \"{updated}\"\nchange_note = \"Note {n}\"\n\
                 order = {n}\nreview_by = \"2027-06-01\"\n+++\n## Part {n}\n\n{text} {n}.\n"
            ),
        ));
        for lang in ["hy", "az", "ru"] {
            files.push((
                format!("many/guide-{n}.{lang}.md"),
                format!("+++\ntitle = \"Guide {n} {lang}\"\nupdated = \"2026-11-20\"\n+++\nText {n} in {lang}.\n"),
            ));
        }
    }
    files.sort();
    files
}

/// (translations, revisions, translations at revision 1, outdated translations) as stored.
fn stored_counts(app: &crate::helpers::TestApp) -> (i64, i64, i64, i64) {
    use homeward::db::schema::{guide_revisions, guide_translations};
    app.db
        .run_sync(|c| {
            let translations: i64 = guide_translations::table.count().get_result(c)?;
            let revisions: i64 = guide_revisions::table.count().get_result(c)?;
            let first: i64 =
                guide_translations::table.filter(guide_translations::revision.eq(1)).count().get_result(c)?;
            let states: Vec<(String, String, i32, i32)> = guide_translations::table
                .select((
                    guide_translations::guide_id,
                    guide_translations::lang,
                    guide_translations::major_revision,
                    guide_translations::based_on_major,
                ))
                .load(c)?;
            let source: std::collections::HashMap<&str, i32> =
                states.iter().filter(|s| s.1 == "en").map(|s| (s.0.as_str(), s.2)).collect();
            let outdated =
                states.iter().filter(|s| s.1 != "en" && source.get(s.0.as_str()).is_some_and(|m| s.3 < *m)).count();
            Ok::<_, homeward::db::RepoError>((translations, revisions, first, i64::try_from(outdated).unwrap()))
        })
        .unwrap()
}

async fn an_import_of_hundreds_of_guides_stores_every_translation_with_its_revision(backend: Backend) {
    let app = spawn_app_with(backend, &[("HOMEWARD_SAMPLE_CONTENT", "false")]).await;
    let en = homeward::domain::Lang::parse("en").unwrap();
    // 1,200 translations: more than one write batch of the import.
    let files = many_guides(300, "2026-11-20", "First text");
    let report = app.db.run_sync(|c| homeward::content::files::import(c, &files, &en)).unwrap();
    assert_eq!(report.created.len(), 1 + 300 + 1_200, "the topic, every guide and every translation");
    assert_eq!(stored_counts(&app), (1_200, 1_200, 1_200, 0), "one revision each, nothing outdated");
    let again = app.db.run_sync(|c| homeward::content::files::import(c, &files, &en)).unwrap();
    assert!(again.changed_nothing(), "{again:?}");
    // A later English text for every guide: a major change each, and the translations fall behind it.
    let changed = many_guides(300, "2026-12-01", "Second text");
    let report = app.db.run_sync(|c| homeward::content::files::import(c, &changed, &en)).unwrap();
    assert_eq!(report.updated.len(), 300, "{:?}", &report.updated[..3]);
    assert!(report.updated.iter().all(|u| u.ends_with(".en.md")));
    assert_eq!(stored_counts(&app), (1_200, 1_500, 900, 900));
    app.check_content_now();
    let page = app.get("/en/guides/guide-250").await.text().await.unwrap();
    assert!(page.contains("Second text 250."), "the new text is served");
    let exported = tempfile::tempdir().unwrap();
    let written = app.db.run_sync(|c| homeward::content::files::export(c, exported.path(), &en)).unwrap();
    assert_eq!(written.len(), 1_200 + 4);
}

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
