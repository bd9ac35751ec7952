//! The outbox worker: claims due messages, sends them, records the outcome, and
//! does the periodic housekeeping (delivered bodies, retention purge).

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use lettre::message::Mailbox;
use tokio::sync::{Notify, watch};

use super::transport::{SendError, Transport};
use crate::crypto::vault::Vault;
use crate::db::Db;
use crate::db::repo::outbox::Claimed;
use crate::db::repo::{inquiries, now, outbox};

/// An SMTP error with every word that looks like an email address replaced.
pub fn without_addresses(text: &str) -> String {
    text.split(' ').map(|word| if word.contains('@') { "<address>" } else { word }).collect::<Vec<_>>().join(" ")
}

pub struct Worker {
    pub db: Db,
    pub vault: Arc<Vault>,
    pub transport: Arc<Transport>,
    pub from: Mailbox,
    /// This process's identity on the claims it makes.
    pub id: String,
    pub keep_delivered: time::Duration,
    pub retention: time::Duration,
    pub lease: time::Duration,
    /// Daily digests to caseworkers (off for `outbox run-once`).
    pub digest: Option<super::digest::DigestSettings>,
    /// Staff sessions idle this long are removed by housekeeping.
    pub session_idle: time::Duration,
    /// Files and environment; housekeeping applies the admin's overrides (retention,
    /// response targets) on top each time it runs.
    pub base_settings: Option<Arc<crate::config::Settings>>,
}

const BATCH: i64 = 32;
const IN_FLIGHT: usize = 8;

impl Worker {
    /// Delivers everything that is due now; returns how many were sent.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        self.deliver_due(None).await
    }

    /// Delivers due messages batch by batch until none is left or `stop` turns true
    /// (a stopping server finishes the batch in hand and leaves the rest to the next start).
    async fn deliver_due(&self, stop: Option<&watch::Receiver<bool>>) -> anyhow::Result<usize> {
        let mut sent = 0;
        loop {
            if stop.is_some_and(|s| *s.borrow()) {
                return Ok(sent);
            }
            let (vault, id, lease) = (self.vault.clone(), self.id.clone(), self.lease);
            let batch = self.db.run(move |c| outbox::claim(c, &vault, &id, BATCH, lease)).await?;
            if batch.is_empty() {
                return Ok(sent);
            }
            // Several messages in flight at once: each SMTP exchange mostly waits on the network.
            let outcomes: Vec<anyhow::Result<bool>> = futures_util::stream::iter(batch)
                .map(|mail| self.deliver(mail))
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            for outcome in outcomes {
                if outcome? {
                    sent += 1;
                }
            }
        }
    }

    /// Sends one claimed message and records the outcome; true when it was sent.
    async fn deliver(&self, mail: Claimed) -> anyhow::Result<bool> {
        let outcome = self.transport.send(&self.from, &mail).await;
        let (id, worker) = (mail.id.clone(), self.id.clone());
        match outcome {
            Ok(()) => {
                tracing::info!(mail = %mail.id, kind = %mail.kind, "email sent");
                self.db.run(move |c| outbox::mark_sent(c, &id, &worker)).await?;
                Ok(true)
            }
            Err(e) => {
                let (error, permanent) = match e {
                    SendError::Temporary(e) => (e, false),
                    SendError::Permanent(e) => (e, true),
                };
                // Servers often repeat the recipient in their answer: keep addresses out of logs and the outbox.
                let error = without_addresses(&error);
                tracing::warn!(mail = %mail.id, kind = %mail.kind, attempt = mail.attempts + 1, permanent, error = %error, "email not sent");
                let attempts = mail.attempts;
                self.db.run(move |c| outbox::record_failure(c, &id, &worker, attempts, &error, permanent)).await?;
                Ok(false)
            }
        }
    }

    /// Removes delivered bodies past their window and purges inquiries past retention.
    pub async fn housekeeping(&self) -> anyhow::Result<()> {
        let mut retention = self.retention;
        let mut digest = self.digest.clone();
        if let Some(base) = &self.base_settings {
            let overrides = self.db.run(crate::db::repo::site_settings::load).await?;
            let live = base.with_overrides(&overrides);
            retention = time::Duration::days(i64::from(live.retention_days));
            if let Some(d) = digest.as_mut() {
                d.targets = crate::db::repo::workspace::Targets {
                    acknowledge_days: live.acknowledge_days,
                    answer_days: live.answer_days,
                };
            }
        }
        let keep = self.keep_delivered;
        let (bodies, purged) = self
            .db
            .run(move |c| {
                Ok((outbox::purge_delivered(c, now() - keep)?, inquiries::purge_closed(c, now() - retention)?))
            })
            .await?;
        if bodies + purged > 0 {
            tracing::info!(bodies, purged, "housekeeping removed delivered email bodies and expired inquiries");
        }
        if let Transport::Files(dir) = self.transport.as_ref() {
            let files = super::transport::sweep_files(&self.db, dir).await?;
            if files > 0 {
                tracing::info!(files, "housekeeping removed mail files whose bodies are gone");
            }
        }
        let idle = self.session_idle;
        self.db.run(move |c| crate::db::repo::sessions::purge_dead(c, idle)).await?;
        self.db.run(crate::db::optimize).await?;
        let forget_before = (now() - retention).date();
        self.db.run(move |c| crate::db::repo::editor::purge_search_misses(c, forget_before)).await?;
        if let Some(digest) = digest {
            super::digest::queue_digests(&self.db, self.vault.clone(), digest).await?;
        }
        Ok(())
    }

    /// Runs until `stop` turns true: delivers when nudged or every second,
    /// housekeeps every ten minutes, and gives back its claims on the way out.
    pub async fn run(self, nudge: Arc<Notify>, mut stop: watch::Receiver<bool>) {
        let mut last_housekeeping: Option<std::time::Instant> = None;
        loop {
            if *stop.borrow() {
                break;
            }
            if let Err(e) = self.deliver_due(Some(&stop)).await {
                tracing::error!(error = format!("{e:#}"), "outbox worker");
            }
            if last_housekeeping.is_none_or(|t| t.elapsed() > Duration::from_secs(600)) {
                if let Err(e) = self.housekeeping().await {
                    tracing::error!(error = format!("{e:#}"), "housekeeping");
                }
                last_housekeeping = Some(std::time::Instant::now());
            }
            tokio::select! {
                _ = nudge.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = stop.changed() => {}
            }
        }
        let id = self.id.clone();
        match self.db.run(move |c| outbox::release(c, &id)).await {
            Ok(n) if n > 0 => tracing::info!(released = n, "outbox worker gave back unsent claims"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "cannot release outbox claims"),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn smtp_errors_lose_their_addresses() {
        assert_eq!(
            super::without_addresses("550 5.1.1 <jane@example.org>: Recipient address rejected"),
            "550 5.1.1 <address> Recipient address rejected"
        );
        assert_eq!(super::without_addresses("451 try later"), "451 try later");
    }
}
