//! The daily digest: once a day, after the configured hour, each caseworker with
//! open inquiries assigned gets one email listing them (overdue ones marked).
//! Never closed ones, never personal data. Safe with several instances: the day
//! is claimed per caseworker in the same transaction that queues the email.

use std::sync::Arc;

use crate::config::Settings;
use crate::crypto::vault::Vault;
use crate::db::repo::workspace::{self, Lateness, Targets};
use crate::db::repo::{RepoError, accounts, now, outbox};
use crate::db::{Db, write_transaction};
use crate::domain::Lang;
use crate::mail::{DigestLine, digest};

/// What the digest job needs from the settings.
#[derive(Clone)]
pub struct DigestSettings {
    pub hour: u32,
    pub targets: Targets,
    pub base_url: String,
    pub default_language: Lang,
}

impl DigestSettings {
    pub fn from_settings(settings: &Settings, base_url: &str) -> DigestSettings {
        DigestSettings {
            hour: settings.digest_hour,
            targets: Targets { acknowledge_days: settings.acknowledge_days, answer_days: settings.answer_days },
            base_url: base_url.trim_end_matches('/').to_owned(),
            default_language: settings.default_language.clone(),
        }
    }
}

/// Queues today's digests that are due; returns how many emails were queued.
pub async fn queue_digests(db: &Db, vault: Arc<Vault>, settings: DigestSettings) -> anyhow::Result<usize> {
    let at = now();
    if at.hour() < settings.hour as u8 {
        return Ok(0);
    }
    let today = at.date();
    let host = url::Url::parse(&settings.base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "localhost".to_owned());
    let queued = db
        .run(move |c| {
            let mut queued = 0;
            for (id, email, language) in accounts::caseworkers_with_language(c)? {
                let lang = Lang::parse(&language).unwrap_or_else(|_| settings.default_language.clone());
                let sent = write_transaction(c, |c| {
                    if !accounts::claim_digest(c, &id, today)? {
                        return Ok(false);
                    }
                    let items = workspace::open_for(c, &id, settings.targets)?;
                    if items.is_empty() {
                        return Ok(false);
                    }
                    let lines: Vec<DigestLine> = items
                        .iter()
                        .map(|i| DigestLine {
                            reference: i.reference.clone(),
                            status: i.status.as_str().to_owned(),
                            age_days: usize::try_from((at - i.created_at).whole_days()).unwrap_or(0),
                            overdue: i.lateness(settings.targets, at) != Lateness::OnTime,
                            link: format!("{}/staff/inquiries/{}", settings.base_url, i.id),
                        })
                        .collect();
                    let queue = format!("{}/staff/inquiries?assignee=me", settings.base_url);
                    let mail = digest(&lang, &email, &lines, &queue, &format!("{id}:{today}"))
                        .map_err(|e| RepoError::Unexpected(format!("template: {e}")))?;
                    outbox::enqueue(c, &vault, &mail, &host)?;
                    Ok(true)
                })?;
                if sent {
                    queued += 1;
                }
            }
            Ok::<_, RepoError>(queued)
        })
        .await?;
    if queued > 0 {
        tracing::info!(queued, "daily digests queued");
    }
    Ok(queued)
}
