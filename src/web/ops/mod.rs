//! Health, readiness and metrics endpoints for operators and load balancers.

use std::time::Duration;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection;

use crate::db;
use crate::error::AppError;
use crate::web::{AppState, Rendered};

fn plain(status: actix_web::http::StatusCode, text: &str) -> HttpResponse {
    let mut res = HttpResponse::build(status)
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(format!("{text}\n"));
    res.extensions_mut().insert(Rendered);
    res
}

/// The process is up and answering.
pub async fn healthz() -> HttpResponse {
    plain(actix_web::http::StatusCode::OK, "ok")
}

/// The database answers and every migration of this binary is applied.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let check = state.db.run(|conn| {
        conn.batch_execute("SELECT 1").map_err(db::RepoError::from)?;
        db::migrations_current(conn)
    });
    match tokio::time::timeout(Duration::from_secs(3), check).await {
        Ok(Ok(true)) => plain(actix_web::http::StatusCode::OK, "ready"),
        Ok(Ok(false)) => plain(actix_web::http::StatusCode::SERVICE_UNAVAILABLE, "not ready: migrations pending"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            plain(actix_web::http::StatusCode::SERVICE_UNAVAILABLE, "not ready: database unavailable")
        }
        Err(_) => plain(actix_web::http::StatusCode::SERVICE_UNAVAILABLE, "not ready: database timed out"),
    }
}

pub async fn metrics(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (in_use, idle) = state.db.pool_state();
    let (outbox, inquiries) = state
        .db
        .run(|c| Ok((crate::db::repo::outbox::counts_by_status(c)?, crate::db::repo::inquiries::counts_by_status(c)?)))
        .await?;
    let body = state
        .metrics
        .encode(in_use, idle, state.cache.stats(), &outbox, &inquiries)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("metrics: {e}")))?;
    let mut res = HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body);
    res.extensions_mut().insert(Rendered);
    Ok(res)
}
