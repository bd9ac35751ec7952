//! The error type at the web boundary. Its response is only a status code; the
//! `web::errors` handler turns every error status into a page in the reader's language.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::RepoError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Existed once and was withdrawn (an unpublished guide).
    #[error("gone")]
    Gone,
    /// Replaced by another page: a permanent redirect there.
    #[error("moved")]
    MovedTo(String),
    /// The first path segment is not an enabled language: a 404 that lists the enabled ones.
    #[error("unknown language")]
    UnknownLanguage,
    #[error("too many requests")]
    TooManyRequests,
    #[error("service unavailable")]
    Unavailable,
    /// Every password hashing thread stayed busy: a 503 with Retry-After, "try again in a moment".
    #[error("busy")]
    Busy,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<RepoError> for AppError {
    fn from(e: RepoError) -> Self {
        match e {
            RepoError::NotFound => AppError::NotFound,
            RepoError::Unavailable(_) => {
                tracing::error!(error = %e, "database unavailable");
                AppError::Unavailable
            }
            other => AppError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<crate::auth::password::PoolError> for AppError {
    fn from(e: crate::auth::password::PoolError) -> Self {
        match e {
            crate::auth::password::PoolError::Busy => {
                tracing::warn!("every password hashing thread is busy: answering 503");
                AppError::Busy
            }
            crate::auth::password::PoolError::Stopped => AppError::Internal(anyhow::Error::new(e)),
        }
    }
}

/// Marks a response whose error page says the server is busy for a moment (not down).
#[derive(Clone, Copy, Debug)]
pub struct Busy;

/// Marks a response that asks the error page to list the enabled languages.
#[derive(Clone, Copy, Debug)]
pub struct ListLanguages;

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound | AppError::UnknownLanguage => StatusCode::NOT_FOUND,
            AppError::Gone => StatusCode::GONE,
            AppError::MovedTo(_) => StatusCode::MOVED_PERMANENTLY,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable | AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(e) = self {
            // The one place the cause chain is logged; it never holds personal data.
            tracing::error!(error = format!("{e:#}"), "request failed");
        }
        if let AppError::MovedTo(to) = self {
            return HttpResponse::MovedPermanently()
                .insert_header((actix_web::http::header::LOCATION, to.as_str()))
                .finish();
        }
        let mut response = HttpResponse::new(self.status_code());
        if matches!(self, AppError::UnknownLanguage) {
            response.extensions_mut().insert(ListLanguages);
        }
        if matches!(self, AppError::Busy) {
            response.extensions_mut().insert(Busy);
            let seconds = crate::auth::password::BUSY_RETRY_AFTER_SECONDS.to_string();
            if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&seconds) {
                response.headers_mut().insert(actix_web::http::header::RETRY_AFTER, v);
            }
        }
        response
    }
}
