//! The audit log's keyed chain against someone who holds the database but not the server
//! secret: edited entries with recomputed hashes, a cut tail, and a log from the earlier version.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use homeward::db::repo::audit;
use homeward::db::rows::AuditRow;
use homeward::db::schema::audit_log;
use homeward::domain::Role;

use crate::helpers::{Backend, TestApp, spawn_app};
use crate::on_both_backends;

on_both_backends!(
    an_edited_entry_with_recomputed_plain_hashes_is_found,
    a_cut_tail_is_found_against_the_kept_head,
    a_log_written_by_the_earlier_version_is_rekeyed_at_the_upgrade_and_verifies,
);

/// The `homeward` binary on the app's database and secret.
fn homeward(app: &TestApp, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_homeward"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(app.test_db.env(&[]))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An app whose log holds a few entries (account created, sign-ins, a view).
async fn app_with_entries(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    app.create_staff("admin@example.org", &[Role::Admin, Role::Caseworker]).await;
    for _ in 0..3 {
        let client = app.sign_in("admin@example.org").await;
        app.staff_get(&client, "/admin/audit").await;
    }
    assert!(app.audit_actions().len() >= 4);
    app
}

fn is_pg(app: &TestApp) -> bool {
    app.db.backend() == "postgres"
}

/// What someone with write access does first: switch the append-only triggers off.
fn drop_triggers(app: &TestApp) {
    if is_pg(app) {
        app.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
    } else {
        app.sql("DROP TRIGGER audit_log_no_update");
        app.sql("DROP TRIGGER audit_log_no_delete");
    }
}

/// Recomputes the old plain SHA-256 chain from entry `from` on, as the earlier version (or an attacker) would.
fn recompute_plain_chain(app: &TestApp, from: i64, version: Option<i32>) {
    app.db
        .run_sync(|c| {
            let rows: Vec<AuditRow> = audit_log::table.order(audit_log::seq).select(AuditRow::as_select()).load(c)?;
            let mut prev = audit::GENESIS.to_owned();
            for mut row in rows {
                if row.seq >= from {
                    row.prev_hash = prev.clone();
                    let hash = audit::legacy_hash(&row);
                    diesel::update(audit_log::table.filter(audit_log::seq.eq(row.seq)))
                        .set((
                            audit_log::prev_hash.eq(&row.prev_hash),
                            audit_log::hash.eq(&hash),
                            audit_log::chain_version.eq(version.unwrap_or(row.chain_version)),
                        ))
                        .execute(c)?;
                    row.hash = hash;
                }
                prev = row.hash;
            }
            Ok::<_, homeward::db::RepoError>(())
        })
        .unwrap();
}

async fn an_edited_entry_with_recomputed_plain_hashes_is_found(backend: Backend) {
    let app = app_with_entries(backend).await;
    let ok = homeward(&app, &["audit", "verify"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    drop_triggers(&app);
    app.sql("UPDATE audit_log SET actor_id = NULL WHERE seq = 2");
    recompute_plain_chain(&app, 2, None);
    let broken = homeward(&app, &["audit", "verify"]);
    assert!(!broken.status.success(), "recomputed plain hashes pass as intact");
    assert!(stderr(&broken).contains("entry 2"), "{}", stderr(&broken));
    // Nor does passing the whole log off as one from the earlier version help: it is not
    // re-keyed after the upgrade, and verify names its first entry.
    recompute_plain_chain(&app, 1, Some(audit::PLAIN));
    let broken = homeward(&app, &["audit", "verify"]);
    assert!(!broken.status.success(), "a log rewritten in the old format passes as intact");
    assert!(stderr(&broken).contains("entry 1") && stderr(&broken).contains("unkeyed"), "{}", stderr(&broken));
}

async fn a_cut_tail_is_found_against_the_kept_head(backend: Backend) {
    let app = app_with_entries(backend).await;
    let out = homeward(&app, &["audit", "head"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let kept = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let head = audit::Head::parse(&kept).unwrap();
    assert_eq!(head.seq as usize, app.audit_actions().len());
    let ok = homeward(&app, &["audit", "verify", "--head", &kept]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains(&format!("kept head {}", head.seq)));
    // More entries later still reach the kept head.
    app.sign_in("admin@example.org").await;
    assert!(homeward(&app, &["audit", "verify", "--head", &kept]).status.success());
    // Someone cuts the tail, down to before the kept head: the chain alone still links…
    drop_triggers(&app);
    app.sql(&format!("DELETE FROM audit_log WHERE seq >= {}", head.seq - 1));
    assert!(homeward(&app, &["audit", "verify"]).status.success());
    // …but not to the head kept elsewhere.
    let cut = homeward(&app, &["audit", "verify", "--head", &kept]);
    assert!(!cut.status.success());
    assert!(stderr(&cut).contains("cut"), "{}", stderr(&cut));
    let garbage = homeward(&app, &["audit", "verify", "--head", "12:nope"]);
    assert!(!garbage.status.success() && stderr(&garbage).contains("--head"), "{}", stderr(&garbage));
}

async fn a_log_written_by_the_earlier_version_is_rekeyed_at_the_upgrade_and_verifies(backend: Backend) {
    let app = app_with_entries(backend).await;
    let entries = app.audit_actions().len();
    // Put the database back as the earlier version left it: plain chain, keying migration not applied.
    let (folder, down) = if is_pg(&app) {
        ("postgres", include_str!("../../migrations/postgres/2026-12-04-200335_audit_chain_key/down.sql"))
    } else {
        ("sqlite", include_str!("../../migrations/sqlite/2026-12-04-200335_audit_chain_key/down.sql"))
    };
    assert!(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(folder)
            .join(audit::KEYING_MIGRATION)
            .is_dir()
    );
    drop_triggers(&app);
    recompute_plain_chain(&app, 1, Some(audit::PLAIN));
    if is_pg(&app) {
        app.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
    }
    let version = audit::KEYING_MIGRATION.split('_').next().unwrap().replace('-', "");
    app.db
        .run_sync(|c| {
            c.batch_execute(down)?;
            if !is_pg(&app) {
                c.batch_execute(
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
                     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
                )?;
            }
            diesel::sql_query(format!("DELETE FROM __diesel_schema_migrations WHERE version = '{version}'"))
                .execute(c)?;
            Ok::<_, homeward::db::RepoError>(())
        })
        .unwrap();
    // The upgraded binary migrates, checks the old chain and re-keys it (through the triggers).
    let out = homeward(&app, &["audit", "verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{entries} entries")));
    let versions: Vec<i32> = app
        .db
        .run_sync(|c| audit_log::table.select(audit_log::chain_version).load(c).map_err(homeward::db::RepoError::from))
        .unwrap();
    assert!(versions.iter().all(|v| *v == audit::KEYED), "{versions:?}");
    // Still append-only, and new entries continue the keyed chain.
    let refused = app.db.run_sync(|c| {
        diesel::sql_query("UPDATE audit_log SET detail = 'x' WHERE seq = 2")
            .execute(c)
            .map_err(homeward::db::RepoError::from)
    });
    assert!(refused.is_err(), "the audit log is append-only");
    app.sign_in("admin@example.org").await;
    let out = homeward(&app, &["audit", "verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let now = app.audit_actions().len();
    assert!(now > entries);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{now} entries")));
}
