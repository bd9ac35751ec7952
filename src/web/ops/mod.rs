//! Health, readiness and metrics endpoints for operators and load balancers.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::web::{AppState, Rendered};

fn plain(status: StatusCode, text: &str) -> HttpResponse {
    let mut res = HttpResponse::build(status)
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(format!("{text}\n"));
    res.extensions_mut().insert(Rendered);
    res
}

/// The process is up and answering.
pub async fn healthz() -> HttpResponse {
    plain(StatusCode::OK, "ok")
}

/// The database answers and every migration of this binary is applied.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    use crate::app::ops::Readiness;
    let (status, text) = match crate::app::ops::readiness(&state).await {
        Readiness::Ready => (StatusCode::OK, "ready"),
        Readiness::MigrationsPending => (StatusCode::SERVICE_UNAVAILABLE, "not ready: migrations pending"),
        Readiness::DatabaseUnavailable => (StatusCode::SERVICE_UNAVAILABLE, "not ready: database unavailable"),
        Readiness::DatabaseTimedOut => (StatusCode::SERVICE_UNAVAILABLE, "not ready: database timed out"),
    };
    plain(status, text)
}

pub async fn metrics(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (in_use, idle) = state.db.pool_state();
    let counts = crate::app::ops::counts(&state).await?;
    state.metrics.set_cache_usage(state.cache.usage());
    let body = state
        .metrics
        .encode(in_use, idle, state.cache.stats(), &counts.outbox, &counts.inquiries)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("metrics: {e}")))?;
    let mut res = HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body);
    res.extensions_mut().insert(Rendered);
    Ok(res)
}
