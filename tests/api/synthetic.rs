//! `homeward bench-data`: the benchmark's generator refuses without its flag and makes what it is asked for.

use std::process::Command;

use diesel::prelude::*;

use crate::helpers::{Backend, TestDb};
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

fn open(db: &TestDb, backend: &Backend) -> homeward::db::Db {
    homeward::db::Db::open(&match backend {
        Backend::Sqlite => {
            homeward::config::DatabaseUrl::Sqlite(std::path::PathBuf::from(db.url.trim_start_matches("sqlite://")))
        }
        Backend::Postgres(_) => homeward::config::DatabaseUrl::Postgres(secrecy::SecretString::from(db.url.clone())),
    })
    .unwrap()
}

on_both_backends!(
    the_generator_refuses_to_run_without_its_flag,
    the_generator_makes_the_requested_sealed_inquiries_teams_and_caseworkers,
);

async fn the_generator_refuses_to_run_without_its_flag(backend: Backend) {
    let db = TestDb::new(&backend);
    let out = homeward(&db).args(["bench-data", "--inquiries", "5"]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--synthetic"), "{stderr}");
    // Nothing was written, not even the database's tables.
    let out = homeward(&db).args(["migrate"]).output().unwrap();
    assert!(out.status.success());
    let app_db = open(&db, &backend);
    assert_eq!(app_db.run_sync(homeward::db::repo::inquiries::count).unwrap(), 0);
    assert_eq!(app_db.run_sync(homeward::db::repo::accounts::count_users).unwrap(), 0);
    // And `--help` does not offer it.
    let help = homeward(&db).arg("--help").output().unwrap();
    assert!(!String::from_utf8_lossy(&help.stdout).contains("bench-data"));
}

async fn the_generator_makes_the_requested_sealed_inquiries_teams_and_caseworkers(backend: Backend) {
    use homeward::db::schema::inquiries;
    let db = TestDb::new(&backend);
    let args = ["bench-data", "--synthetic", "--inquiries", "2500", "--teams", "3", "--caseworkers", "5"];
    let out = homeward(&db).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Made 2500 synthetic inquiries, 3 team(s) and 5 caseworker(s)"), "{stdout}");
    let app_db = open(&db, &backend);
    let count = |c: &mut homeward::db::DbConnection, table: &str| -> Result<i64, homeward::db::RepoError> {
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let q = format!("SELECT COUNT(*) AS n FROM {table}");
        Ok(diesel::sql_query(q).get_result::<N>(c).map_err(homeward::db::RepoError::from)?.n)
    };
    let counts = app_db
        .run_sync(|c| {
            Ok::<_, homeward::db::RepoError>([
                count(c, "inquiries")?,
                count(c, "inquiry_messages")?,
                count(c, "(SELECT DISTINCT status FROM inquiries) s")?,
                count(c, "teams")?,
                count(c, "team_members")?,
            ])
        })
        .unwrap();
    let sealed: Vec<Option<Vec<u8>>> = app_db
        .run_sync(|c| {
            Ok::<_, homeward::db::RepoError>(inquiries::table.select(inquiries::email_enc).limit(50).load(c)?)
        })
        .unwrap();
    let [count, messages, statuses, teams_n, members] = counts;
    assert_eq!((count, messages), (2500, 2500), "each inquiry with its first message");
    assert_eq!(statuses, 4, "every status");
    assert_eq!((teams_n, members), (3, 5));
    for blob in sealed {
        let blob = blob.expect("an email is stored");
        assert!(!String::from_utf8_lossy(&blob).contains("example.org"), "sealed, not in clear");
    }
    // A second run adds inquiries and reuses the teams and caseworkers.
    let out = homeward(&db)
        .args(["bench-data", "--synthetic", "--inquiries", "10", "--teams", "3", "--caseworkers", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(app_db.run_sync(homeward::db::repo::inquiries::count).unwrap(), 2510);
    assert_eq!(app_db.run_sync(homeward::db::repo::accounts::count_users).unwrap(), 5);
}
