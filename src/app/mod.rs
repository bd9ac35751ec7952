//! Use cases: one plain function per thing a person does (ask a question, reply, save a
//! guide, invite a colleague…). Each takes input already parsed into domain types and the
//! actor, owns the transaction, the audit event and the mail enqueue, and returns a typed
//! outcome. Nothing here knows about HTTP; `web` handlers call these and render the result.

use std::sync::{Arc, RwLock};

use url::Url;

use crate::auth::password::HashPool;
use crate::config::Settings;
use crate::content::cache::PageCache;
use crate::crypto::SecretKey;
use crate::crypto::vault::Vault;
use crate::db::Db;

pub(crate) mod accounts;
pub(crate) mod admin;
pub(crate) mod case;
pub(crate) mod content;
pub(crate) mod directory;
pub(crate) mod feedback;
pub(crate) mod guidance;
pub(crate) mod inquiries;
pub(crate) mod ops;
pub(crate) mod queue;
pub(crate) mod rate_limit;
pub(crate) mod replies;
pub mod synthetic;
pub(crate) mod teams;

/// What the use cases run against: settings, the database, keys, the page cache and the
/// outbox's wake-up call. One per process, shared by every HTTP worker and background task.
pub struct App {
    /// The settings in force: files and environment, overridden by `/admin/settings`
    /// (read through `settings()`; refreshed by `refresh_settings`).
    live_settings: RwLock<Arc<Settings>>,
    /// The settings from files and environment alone.
    pub base_settings: Arc<Settings>,
    /// The effective public URL (the configured one, or derived from the bound address).
    pub base_url: Url,
    pub db: Db,
    pub key: Arc<SecretKey>,
    /// Encryption at rest for inquiries and emails.
    pub vault: Arc<Vault>,
    pub cache: PageCache,
    /// Wakes this instance's outbox worker when a mail was queued.
    pub mail_nudge: Arc<tokio::sync::Notify>,
    /// This instance's counts of attempts (sign-in, reset mail, public forms).
    pub limiter: rate_limit::RateLimiter,
    /// The few threads that hash passwords; every argon2 hash runs there.
    pub passwords: HashPool,
}

impl App {
    pub fn new(settings: Settings, base_url: Url, db: Db, key: Arc<SecretKey>, vault: Arc<Vault>) -> App {
        let passwords = HashPool::new(
            settings.password_hash_threads.unwrap_or_else(crate::auth::password::default_hash_threads),
            std::time::Duration::from_millis(settings.password_hash_wait_ms.into()),
        );
        let cache =
            PageCache::new(usize::try_from(settings.page_cache_mb).unwrap_or(usize::MAX).saturating_mul(1 << 20));
        App {
            passwords,
            live_settings: RwLock::new(Arc::new(settings.clone())),
            base_settings: Arc::new(settings),
            base_url,
            db,
            vault,
            cache,
            mail_nudge: Arc::new(tokio::sync::Notify::new()),
            limiter: rate_limit::RateLimiter::new(&key),
            key,
        }
    }

    /// The settings in force now.
    pub fn settings(&self) -> Arc<Settings> {
        match self.live_settings.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Re-reads the admin's overrides from the database (after a change, and every
    /// few seconds on every instance).
    pub async fn refresh_settings(&self) -> Result<(), crate::db::RepoError> {
        let overrides = self.db.run(crate::db::repo::site_settings::load).await?;
        let fresh = Arc::new(self.base_settings.with_overrides(&overrides));
        if let Ok(mut live) = self.live_settings.write() {
            *live = fresh;
        }
        Ok(())
    }

    /// The host that queued emails name in their Message-ID.
    pub fn mail_host(&self) -> String {
        self.base_url.host_str().unwrap_or("localhost").to_owned()
    }

    /// An absolute URL for a path that starts with `/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url.as_str().trim_end_matches('/'), path)
    }

    /// Tells this instance's outbox worker that mail is waiting.
    pub fn nudge_mail(&self) {
        self.mail_nudge.notify_one();
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A real `App` on a fresh SQLite file, for the use-case unit tests (no HTTP).

    use std::sync::Arc;

    use super::App;
    use crate::config::Settings;
    use crate::crypto::SecretKey;
    use crate::db::repo::accounts::{self, TokenPurpose};
    use crate::db::repo::audit;
    use crate::domain::{EmailAddress, Lang, Role};

    pub struct TestApp {
        pub app: App,
        _dir: tempfile::TempDir,
    }

    impl std::ops::Deref for TestApp {
        type Target = App;
        fn deref(&self) -> &App {
            &self.app
        }
    }

    /// A migrated SQLite database in a temporary folder, with the defaults a newcomer gets.
    pub async fn app() -> TestApp {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let env = std::collections::HashMap::from([
            ("HOMEWARD_DATA_DIR".to_owned(), dir.path().display().to_string()),
            ("HOMEWARD_SAMPLE_CONTENT".to_owned(), "false".to_owned()),
        ]);
        let settings = Settings::from_sources(None, &env).unwrap_or_else(|e| panic!("settings: {e}"));
        let key = Arc::new(SecretKey::load(&settings.secret_key).unwrap_or_else(|e| panic!("key: {e}")));
        let db = crate::startup::open_database(&settings).await.unwrap_or_else(|e| panic!("database: {e:#}"));
        let vault = crate::startup::open_vault(&db, key.clone()).await.unwrap_or_else(|e| panic!("vault: {e:#}"));
        let base_url = url::Url::parse("http://127.0.0.1:8080/").unwrap_or_else(|e| panic!("url: {e}"));
        TestApp { app: App::new(settings, base_url, db, key, vault), _dir: dir }
    }

    /// A staff member with every role, stored as a real account (the audit log refers to it).
    pub async fn staff(app: &App) -> crate::auth::Staff {
        staff_with(app, "staff@homeward.example", &Role::ALL).await
    }

    /// A staff member with these roles and this address.
    pub async fn staff_with(app: &App, email: &str, roles: &[Role]) -> crate::auth::Staff {
        let email = EmailAddress::parse(email).unwrap_or_else(|e| panic!("email: {e}"));
        let token_hash = format!("test-link-{email}");
        let (e, r, t) = (email.clone(), roles.to_vec(), token_hash.clone());
        let id = app
            .db
            .run(move |c| {
                accounts::create_link(c, &t, TokenPurpose::Invite, Some(&e), &r, time::Duration::hours(1))?;
                accounts::create_account_from_link(c, &t, &e, "not-a-real-hash", "en")
            })
            .await
            .unwrap_or_else(|e| panic!("account: {e}"));
        crate::auth::Staff {
            user_id: id,
            email: email.as_str().to_owned(),
            roles: roles.to_vec(),
            lang: Lang::parse("en").unwrap_or_else(|e| panic!("{e}")),
            session_id: "test-session".to_owned(),
            csrf: "test-csrf".to_owned(),
            has_totp: false,
        }
    }

    /// The actions in the audit log, oldest first.
    pub async fn audit_actions(app: &App) -> Vec<String> {
        let (entries, _) = app
            .db
            .run(|c| audit::list(c, &audit::Filter::default(), 1, 10_000))
            .await
            .unwrap_or_else(|e| panic!("audit: {e}"));
        entries.into_iter().rev().map(|e| e.action).collect()
    }
}
