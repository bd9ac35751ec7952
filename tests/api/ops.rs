//! Health, readiness, metrics, migrations and the schema on each backend.

use homeward::db::repo::schema_smoke_test;

use crate::helpers::{Backend, spawn_app};
use crate::on_both_backends;

on_both_backends!(
    healthz_answers_ok,
    readyz_is_ready_on_a_migrated_database,
    readyz_is_503_when_migrations_are_not_current,
    metrics_count_requests_by_route_and_status,
    metrics_show_outbox_inquiries_cache_and_build,
    migrations_apply_from_empty_and_match_the_schema,
);

async fn healthz_answers_ok(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.text().await.unwrap().trim(), "ok");
}

async fn readyz_is_ready_on_a_migrated_database(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
}

async fn readyz_is_503_when_migrations_are_not_current(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sql("DROP TABLE __diesel_schema_migrations");
    let res = app.get("/readyz").await;
    assert_eq!(res.status().as_u16(), 503);
    assert!(res.text().await.unwrap().contains("migrations"));
}

async fn metrics_count_requests_by_route_and_status(backend: Backend) {
    let app = spawn_app(backend).await;
    app.get("/en/").await;
    app.get("/hy/").await;
    app.get("/xx/").await;
    let res = app.metrics().await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("homeward_http_requests_total{method=\"GET\",route=\"/{lang}/\",status=\"200\"} 2"),
        "{body}"
    );
    assert!(
        body.contains("homeward_http_requests_total{method=\"GET\",route=\"/{lang}/\",status=\"404\"} 1"),
        "{body}"
    );
    assert!(body.contains("homeward_http_request_duration_seconds_bucket{"), "latency histogram");
    assert!(body.contains("homeward_db_pool_connections{state=\"idle\"}"), "pool gauges");
    assert!(body.contains("homeward_db_pool_connections{state=\"in_use\"}"), "pool gauges");
    assert!(body.contains("homeward_build_info{"), "build info");
    assert!(!body.contains("/xx/"), "paths never become labels, only route patterns");
}

async fn migrations_apply_from_empty_and_match_the_schema(backend: Backend) {
    let app = spawn_app(backend).await;
    app.db
        .run_sync(|c| {
            assert!(homeward::db::migrations_current(c)?);
            schema_smoke_test(c)
        })
        .expect("every table in schema.rs can be read");
}

/// The same for PostgreSQL when the database itself disappears.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_503_when_the_postgres_database_is_gone() {
    let Some(Backend::Postgres(server)) = Backend::postgres("ops::readyz_is_503_when_the_postgres_database_is_gone")
    else {
        return;
    };
    let app = spawn_app(Backend::Postgres(server.clone())).await;
    assert_eq!(app.get("/readyz").await.status().as_u16(), 200);
    let name = url::Url::parse(&app.test_db.url).unwrap().path().trim_start_matches('/').to_owned();
    {
        use diesel::{Connection, RunQueryDsl};
        let mut admin = diesel::PgConnection::establish(&server).unwrap();
        diesel::sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)")).execute(&mut admin).unwrap();
    }
    let res = app.get("/readyz").await;
    assert_eq!(res.status().as_u16(), 503);
    // The process itself is still alive.
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}

async fn metrics_show_outbox_inquiries_cache_and_build(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, &[("HOMEWARD_OUTBOX_WORKER", "false")]).await;
    app.ask("en", &[("method", "email"), ("email", "m@example.org")]).await;
    app.get("/en/").await;
    app.get("/en/").await;
    let text = app.metrics().await.text().await.unwrap();
    let value = |series: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(series))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{series} missing in:\n{text}"))
    };
    assert_eq!(value("homeward_inquiries{status=\"new\"}"), 1.0);
    assert_eq!(value("homeward_inquiries{status=\"closed\"}"), 0.0);
    assert_eq!(value("homeward_outbox_messages{status=\"queued\"}"), 1.0, "the acknowledgement waits");
    assert_eq!(value("homeward_outbox_messages{status=\"failed\"}"), 0.0);
    let ratio = value("homeward_page_cache_hit_ratio");
    assert!(ratio > 0.0 && ratio <= 1.0, "{ratio}");
    // The home page is held, plain and compressed: more bytes than its plain body, within the bound.
    let held = value("homeward_page_cache_bytes");
    assert!(value("homeward_page_cache_pages") >= 1.0 && held > 1000.0 && held <= 32.0 * 1024.0 * 1024.0, "{held}");
    assert_eq!(value("homeward_page_cache_evictions"), 0.0);
    assert!(text.contains("homeward_build_info{") && text.contains(env!("CARGO_PKG_VERSION")));
}
