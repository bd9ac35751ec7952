//! What operators and load balancers ask about: readiness of the database and the
//! counts behind `/metrics`. Reads only; nothing here changes state.

use std::time::Duration;

use crate::app::App;
use crate::db::repo::{inquiries, outbox};
use crate::error::AppError;

/// How long `/readyz` waits for the database before calling it unavailable.
const READY_TIMEOUT: Duration = Duration::from_secs(3);

/// Whether this instance can serve requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    MigrationsPending,
    DatabaseUnavailable,
    DatabaseTimedOut,
}

/// Checks that the database answers and every migration of this binary is applied.
#[tracing::instrument(skip_all)]
pub async fn readiness(app: &App) -> Readiness {
    match tokio::time::timeout(READY_TIMEOUT, app.db.run(crate::db::ready)).await {
        Ok(Ok(true)) => Readiness::Ready,
        Ok(Ok(false)) => Readiness::MigrationsPending,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            Readiness::DatabaseUnavailable
        }
        Err(_) => Readiness::DatabaseTimedOut,
    }
}

/// The counts `/metrics` reports besides the pool and the page cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Outbox messages per status.
    pub outbox: Vec<(String, i64)>,
    /// Inquiries per status.
    pub inquiries: Vec<(String, i64)>,
}

/// Outbox and inquiry counts per status.
#[tracing::instrument(skip_all)]
pub async fn counts(app: &App) -> Result<Counts, AppError> {
    let (outbox, inquiries) =
        app.db.run(|c| Ok((outbox::counts_by_status(c)?, inquiries::counts_by_status(c)?))).await?;
    Ok(Counts { outbox, inquiries })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;

    #[actix_rt::test]
    async fn a_migrated_database_is_ready() {
        let app = testing::app().await;
        assert_eq!(readiness(&app).await, Readiness::Ready);
    }

    #[actix_rt::test]
    async fn a_fresh_database_counts_nothing() -> Result<(), AppError> {
        let app = testing::app().await;
        let counts = counts(&app).await?;
        assert!(counts.outbox.iter().all(|(_, n)| *n == 0), "{counts:?}");
        assert!(counts.inquiries.iter().all(|(_, n)| *n == 0), "{counts:?}");
        Ok(())
    }
}
