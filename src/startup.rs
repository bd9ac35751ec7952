//! Builds the running application from settings: key, database (migrated), the
//! first-run setup link, and the HTTP server on an already bound listener.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};
use anyhow::Context;
use url::Url;

use tokio::sync::watch;

use crate::config::Settings;
use crate::crypto::vault::Vault;
use crate::crypto::{SecretKey, generate_token, hash_token};
use crate::db::Db;
use crate::db::repo::accounts::{self, TokenPurpose};
use crate::db::repo::audit::{self, ChainKey, Rekeyed};
use crate::db::repo::keys;
use crate::domain::{EmailAddress, Role};
use crate::mail::transport::Transport;
use crate::mail::worker::Worker;
use crate::web::AppState;
use crate::web::assets::Assets;
use crate::web::metrics::Metrics;

pub use crate::auth::ACCOUNT_LINK_HOURS;

pub struct Application {
    port: u16,
    base_url: Url,
    setup_link: Option<String>,
    db: Db,
    server: Server,
    /// `/metrics` on its own address (`metrics_bind`), when on.
    metrics: Option<(u16, Server)>,
    vault: Arc<Vault>,
    app: Arc<crate::app::App>,
    worker: Option<(tokio::task::JoinHandle<()>, watch::Sender<bool>)>,
}

/// Unwraps (or, on a new database, creates) the data keys; refuses a wrong secret.
pub async fn open_vault(db: &Db, key: Arc<SecretKey>) -> anyhow::Result<Arc<Vault>> {
    let db = db.clone();
    let vault = tokio::task::spawn_blocking(move || db.run_sync(|c| keys::load_or_create(c, &key)))
        .await
        .context("key task failed")??;
    Ok(Arc::new(vault))
}

/// The outbox worker for these settings.
pub fn outbox_worker(settings: &Settings, db: &Db, vault: Arc<Vault>) -> anyhow::Result<Worker> {
    let from = lettre::message::Mailbox::new(
        Some("Homeward".to_owned()),
        settings.mail_from.as_str().parse().context("HOMEWARD_MAIL_FROM")?,
    );
    Ok(Worker {
        db: db.clone(),
        vault,
        transport: Arc::new(Transport::from_settings(settings)?),
        from,
        id: uuid::Uuid::now_v7().to_string(),
        keep_delivered: time::Duration::hours(i64::from(settings.outbox_keep_hours)),
        retention: time::Duration::days(i64::from(settings.retention_days)),
        lease: time::Duration::seconds(i64::from(settings.outbox_lease_seconds)),
        digest: None,
        base_settings: Some(Arc::new(settings.clone())),
        session_idle: time::Duration::minutes(i64::from(settings.session_idle_minutes)),
    })
}

/// Opens the database (applying migrations) on the blocking pool, with the audit chain's
/// key from the server secret; entries of the old unkeyed chain are re-keyed here, once.
pub async fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let url = settings.database_url.clone();
    let secret = settings.secret_key.clone();
    tokio::task::spawn_blocking(move || {
        let key = SecretKey::load(&secret)?;
        // Only the start that applies the keying migration re-keys old entries: later, old-format
        // entries mean someone rewrote the log without the key. (A database too new or unreachable
        // fails in `Db::open` just below.)
        let at_upgrade = crate::db::connect(&url)
            .and_then(|mut c| crate::db::migration_status(&mut c))
            .map(|s| s.pending.iter().any(|m| m.as_str() == audit::KEYING_MIGRATION))
            .unwrap_or(true);
        let db = Db::open(&url)?.with_audit_key(ChainKey::derive(&key));
        let rekeyed = db.run_sync(|c| audit::rekey_legacy(c, at_upgrade)).context("cannot re-key the audit log")?;
        report_rekeyed(&rekeyed);
        Ok(db)
    })
    .await
    .context("database start-up task failed")?
}

fn report_rekeyed(rekeyed: &Rekeyed) {
    match rekeyed {
        Rekeyed::Nothing => {}
        Rekeyed::Entries(n) => tracing::warn!(
            entries = n,
            "the audit log was written by an earlier version with an unkeyed chain; its chain was checked and is now \
             keyed with the server secret. Keep the new head (`homeward audit head`) outside the database"
        ),
        Rekeyed::OldChainBroken(broken) => tracing::error!(
            seq = broken.seq,
            reason = %broken.reason,
            "the audit log's old unkeyed chain is already broken, so it was NOT re-keyed: it may have been tampered \
             with. `homeward audit verify` names the entry; compare with a backup"
        ),
        Rekeyed::NotAtUpgrade(seq) => tracing::error!(
            seq,
            "the audit log holds unkeyed entries although this database was upgraded earlier: the log may have been \
             rewritten without the server secret, and was NOT re-keyed. `homeward audit verify` names the entry; \
             compare with a backup and the kept head (`homeward audit rekey` only if the upgrade was interrupted)"
        ),
        Rekeyed::AfterKeyed(seq) => tracing::error!(
            seq,
            "the audit log holds unkeyed entries after keyed ones: they were written or rewritten without the server \
             secret, and were NOT re-keyed. `homeward audit verify` names the entry; compare with a backup"
        ),
    }
}

/// Makes a one-time link that creates an account: the first administrator's when
/// `email` is `None`, otherwise an invitation for that address.
pub fn create_account_link(
    db: &Db,
    base_url: &Url,
    email: Option<&EmailAddress>,
    roles: &[Role],
) -> anyhow::Result<String> {
    let token = generate_token()?;
    let purpose = if email.is_some() { TokenPurpose::Invite } else { TokenPurpose::Setup };
    let hash = hash_token(&token);
    db.run_sync(|c| accounts::create_link(c, &hash, purpose, email, roles, time::Duration::hours(ACCOUNT_LINK_HOURS)))
        .context("cannot store the account link")?;
    Ok(format!("{}/setup/{token}", base_url.as_str().trim_end_matches('/')))
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let key = SecretKey::load(&settings.secret_key)?;
        let db = open_database(&settings).await?;
        let listener = TcpListener::bind(settings.bind)
            .with_context(|| format!("HOMEWARD_BIND: cannot listen on {}", settings.bind))?;
        let local = listener.local_addr().context("cannot read the bound address")?;
        let metrics_listener =
            match settings.metrics_bind {
                Some(addr) => Some(TcpListener::bind(addr).with_context(|| {
                    format!("HOMEWARD_METRICS_BIND: cannot listen on {addr} (off turns /metrics off)")
                })?),
                None => None,
            };
        let base_url = match &settings.base_url {
            Some(url) => url.clone(),
            None => {
                let host = if local.ip().is_unspecified() { "127.0.0.1".to_owned() } else { local.ip().to_string() };
                let host = if local.is_ipv6() && !local.ip().is_unspecified() { format!("[{host}]") } else { host };
                Url::parse(&format!("http://{host}:{}/", local.port())).context("cannot form the base URL")?
            }
        };
        let setup_link = {
            let db = db.clone();
            let base_url = base_url.clone();
            tokio::task::spawn_blocking(move || -> anyhow::Result<Option<String>> {
                if db.run_sync(accounts::count_users)? > 0 {
                    return Ok(None);
                }
                create_account_link(&db, &base_url, None, &Role::ALL).map(Some)
            })
            .await
            .context("setup link task failed")??
        };
        if settings.sample_content {
            let db = db.clone();
            let default = settings.default_language.clone();
            let langs = settings.languages.clone();
            tokio::task::spawn_blocking(move || {
                crate::content::load_sample_if_empty(&db, &default)?;
                crate::directory::load_sample_if_empty(&db, &langs, &default)
            })
            .await
            .context("sample content task failed")??;
        }
        {
            let db = db.clone();
            tokio::task::spawn_blocking(move || crate::directory::backfill_revisions(&db))
                .await
                .context("service revisions task failed")??;
        }
        let key = Arc::new(key);
        let vault = open_vault(&db, key.clone()).await?;
        let sealing = vault.clone();
        let sealed = db
            .run(move |c| crate::db::repo::content::seal_clear_comments(c, &sealing))
            .await
            .context("cannot seal the feedback comments an earlier version stored in clear")?;
        if sealed > 0 {
            tracing::info!(sealed, "sealed feedback comments an earlier version stored in clear");
        }
        let mut worker = outbox_worker(&settings, &db, vault.clone())?;
        worker.digest = Some(crate::mail::digest::DigestSettings::from_settings(&settings, base_url.as_str()));
        // Sign-in verifies unknown addresses against a dummy hash so timing hides which accounts
        // exist; without it that defence would be off, so no start.
        tokio::task::spawn_blocking(crate::app::accounts::prepare_sign_in)
            .await
            .context("sign-in preparation task failed")??;
        let outbox_worker_on = settings.outbox_worker;
        let app = Arc::new(crate::app::App::new(settings, base_url.clone(), db.clone(), key, vault.clone()));
        let worker_task = if outbox_worker_on {
            tracing::info!(transport = %worker.transport.describe(), "outbox worker starting");
            let (stop_tx, stop_rx) = watch::channel(false);
            Some((tokio::spawn(worker.run(app.mail_nudge.clone(), stop_rx)), stop_tx))
        } else {
            None
        };
        let state =
            web::Data::new(AppState { app: app.clone(), metrics: Metrics::new(db.backend()), assets: Assets::load() });
        // The admin's stored changes apply from the first request, and are re-read every few
        // seconds so a change made on another instance reaches this one too.
        state.refresh_settings().await.context("cannot read the stored settings")?;
        {
            let state = state.clone();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
                    if let Err(e) = state.refresh_settings().await {
                        tracing::warn!(error = %e, "could not re-read the stored settings");
                    }
                }
            });
        }
        let metrics = match metrics_listener {
            Some(listener) => {
                let port = listener.local_addr().context("cannot read the metrics address")?.port();
                let state = state.clone();
                let server = HttpServer::new(move || crate::web::metrics_app(state.clone()))
                    .workers(1)
                    .disable_signals()
                    .listen(listener)
                    .context("cannot start the metrics server")?
                    .run();
                Some((port, server))
            }
            None => None,
        };
        let workers = state.settings().workers;
        let mut server = HttpServer::new(move || crate::web::app(state.clone()))
            // Headers must arrive within 5 s of connecting (the body then has `body_timeout_seconds`,
            // see `web::deadline`); a closing client gets 1 s to go.
            .client_request_timeout(std::time::Duration::from_secs(5))
            .client_disconnect_timeout(std::time::Duration::from_secs(1));
        if let Some(n) = workers {
            server = server.workers(n);
        }
        let server = server
            .listen(listener)
            .context("cannot start the HTTP server")?
            // SIGTERM: stop accepting, give in-flight requests this long to finish.
            .shutdown_timeout(10)
            .run();
        Ok(Application {
            port: local.port(),
            base_url,
            setup_link,
            db,
            server,
            metrics,
            vault,
            app,
            worker: worker_task,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port `/metrics` is served on, when `metrics_bind` is not off.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(port, _)| *port)
    }

    pub fn base_url(&self) -> &Url {
        &self.base_url
    }

    /// The one-time link for the first administrator, when no account exists yet.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn vault(&self) -> Arc<Vault> {
        self.vault.clone()
    }

    /// The use cases' shared state (settings, database, page cache) this server runs on.
    pub fn app(&self) -> Arc<crate::app::App> {
        self.app.clone()
    }

    /// Serves until SIGTERM/SIGINT (or the server handle stops it), then lets the
    /// outbox worker finish what it is sending and give back the rest.
    pub async fn run_until_stopped(mut self) -> std::io::Result<()> {
        let metrics = self.metrics.take().map(|(_, server)| {
            let handle = server.handle();
            (handle, tokio::spawn(server))
        });
        let result = self.server.await;
        if let Some((handle, task)) = metrics {
            handle.stop(true).await;
            let _ = task.await;
        }
        if let Some((task, stop)) = self.worker.take() {
            let _ = stop.send(true);
            if tokio::time::timeout(std::time::Duration::from_secs(15), task).await.is_err() {
                tracing::warn!("the outbox worker did not stop in time");
            }
        }
        result
    }
}
