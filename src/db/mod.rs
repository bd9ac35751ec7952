//! The database behind one narrow door: a connection enum over SQLite and PostgreSQL,
//! a pool built from the URL scheme, embedded migrations, and a blocking-pool runner.

pub mod repo;
pub mod rows;
pub mod schema;

use std::time::Duration;

use anyhow::Context;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use secrecy::ExposeSecret;

use crate::config::DatabaseUrl;
pub use repo::RepoError;

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// An arbitrary constant that all Homeward instances lock on while migrating.
const MIGRATION_LOCK_KEY: i64 = 0x486f_6d65_7761_7264 & 0x7fff_ffff_ffff;

/// Our own r2d2 manager: the backend follows from the URL scheme alone, so a
/// mistyped URL can never fall through to creating an empty SQLite file.
#[derive(Debug, Clone)]
pub struct DbManager {
    url: DatabaseUrl,
}

impl DbManager {
    pub fn new(url: DatabaseUrl) -> Self {
        DbManager { url }
    }
}

impl ManageConnection for DbManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_str().ok_or_else(|| {
                    r2d2::Error::ConnectionError(diesel::ConnectionError::InvalidConnectionUrl(
                        "the SQLite path is not valid UTF-8".into(),
                    ))
                })?;
                let mut conn = SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                // Per-connection settings only; WAL is set once, before the pool (see `migrate`).
                conn.batch_execute(
                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => PgConnection::establish(url.expose_secret())
                .map(DbConnection::Postgres)
                .map_err(r2d2::Error::ConnectionError),
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        conn.is_broken()
    }
}

pub type Pool = r2d2::Pool<DbManager>;

/// The database handle the rest of the program holds.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: &'static str,
    /// The audit chain's key, set for every closure this handle runs (see `repo::audit`).
    audit_key: Option<std::sync::Arc<repo::audit::ChainKey>>,
    /// One per pooled connection: work waits here, as a task, for its turn, instead of on a
    /// blocking thread of its own (each holding a stack and an allocator arena) inside the pool.
    turns: std::sync::Arc<tokio::sync::Semaphore>,
}

/// How long work waits for a database connection before it is answered "unavailable".
const CONNECTION_WAIT: Duration = Duration::from_secs(5);

impl Db {
    /// Applies pending migrations, then builds the pool.
    pub fn open(url: &DatabaseUrl) -> anyhow::Result<Db> {
        let manager = DbManager::new(url.clone());
        if let DatabaseUrl::Sqlite(path) = url
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create the directory {}", dir.display()))?;
        }
        let mut conn = manager
            .connect()
            .with_context(|| format!("HOMEWARD_DATABASE_URL: cannot connect to the {} database", url.backend_name()))?;
        migrate(&mut conn)?;
        drop(conn);
        let max_size = match url {
            // One writer at a time anyway; a few readers in WAL mode.
            DatabaseUrl::Sqlite(_) => 4,
            DatabaseUrl::Postgres(_) => 10,
        };
        let pool = r2d2::Pool::builder()
            .max_size(max_size)
            // No connections made in the background: r2d2 would open them on its own
            // threads, and one still inside libpq/OpenSSL when a short CLI command exits
            // crashes the process (SIGSEGV in the library's exit handlers). Connections are
            // made when asked for and then kept (idle ones for up to 10 minutes).
            .min_idle(Some(0))
            .connection_timeout(CONNECTION_WAIT)
            .test_on_check_out(false)
            // SQLite reads the planner's statistics when a connection opens: renewing connections
            // lets what housekeeping's ANALYZE gathered reach every one of them.
            .max_lifetime(match url {
                DatabaseUrl::Sqlite(_) => Some(Duration::from_secs(20 * 60)),
                DatabaseUrl::Postgres(_) => Some(Duration::from_secs(30 * 60)),
            })
            .build(manager)
            .context("cannot build the database pool")?;
        let turns = std::sync::Arc::new(tokio::sync::Semaphore::new(max_size as usize));
        Ok(Db { pool, backend: url.backend_name(), audit_key: None, turns })
    }

    /// This handle with the audit chain's key: without it, nothing can be appended to the audit log.
    pub fn with_audit_key(mut self, key: repo::audit::ChainKey) -> Db {
        self.audit_key = Some(std::sync::Arc::new(key));
        self
    }

    pub fn backend(&self) -> &'static str {
        self.backend
    }

    /// Runs blocking Diesel work on the blocking thread pool, keeping the caller's span.
    pub async fn run<T, F>(&self, f: F) -> Result<T, RepoError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, RepoError> + Send + 'static,
        T: Send + 'static,
    {
        let turn = tokio::time::timeout(CONNECTION_WAIT, self.turns.clone().acquire_owned())
            .await
            .map_err(|_| RepoError::Unavailable("no database connection came free in time".into()))?
            .map_err(|e| RepoError::Unavailable(e.to_string()))?;
        let pool = self.pool.clone();
        let audit_key = self.audit_key.clone();
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let _entered = span.enter();
            let mut conn = pool.get().map_err(|e| RepoError::Unavailable(e.to_string()))?;
            repo::audit::with_key(audit_key, || f(&mut conn))
        })
        .await
        .map_err(|e| RepoError::Unexpected(format!("database task failed: {e}")))?
    }

    /// The same for command-line work that runs outside any async runtime.
    pub fn run_sync<T, E: From<RepoError>>(&self, f: impl FnOnce(&mut DbConnection) -> Result<T, E>) -> Result<T, E> {
        let mut conn = self.pool.get().map_err(|e| RepoError::Unavailable(e.to_string()))?;
        repo::audit::with_key(self.audit_key.clone(), || f(&mut conn))
    }

    /// (in use, idle) connections, for `/metrics`.
    pub fn pool_state(&self) -> (u32, u32) {
        let state = self.pool.state();
        (state.connections - state.idle_connections, state.idle_connections)
    }
}

/// Applies pending migrations from the folder of this backend.
/// Which migrations a database still needs, and which it has that this binary does not know.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MigrationStatus {
    pub pending: Vec<String>,
    /// Applied by a newer Homeward: this binary must not run against the database.
    pub unknown: Vec<String>,
}

fn status_of<DB, C>(conn: &mut C, source: EmbeddedMigrations) -> anyhow::Result<MigrationStatus>
where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
{
    use diesel::migration::MigrationSource;
    let known: Vec<String> = MigrationSource::<DB>::migrations(&source)
        .map_err(|e| anyhow::anyhow!("cannot list the migrations: {e}"))?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    let applied: Vec<String> = conn
        .applied_migrations()
        .map_err(|e| anyhow::anyhow!("cannot read the migration table: {e}"))?
        .iter()
        .map(ToString::to_string)
        .collect();
    let pending = conn
        .pending_migrations(source)
        .map_err(|e| anyhow::anyhow!("cannot list pending migrations: {e}"))?
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let unknown = applied.into_iter().filter(|v| !known.contains(v)).collect();
    Ok(MigrationStatus { pending, unknown })
}

/// The migration state of a database, changing nothing (`homeward migrate --check`).
pub fn migration_status(conn: &mut DbConnection) -> anyhow::Result<MigrationStatus> {
    // Dialect difference: each backend has its own migration folder.
    match conn {
        DbConnection::Sqlite(c) => status_of(c, SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => status_of(c, POSTGRES_MIGRATIONS),
    }
}

/// Connects without applying anything (for `migrate --check`).
pub fn connect(url: &DatabaseUrl) -> anyhow::Result<DbConnection> {
    DbManager::new(url.clone())
        .connect()
        .with_context(|| format!("HOMEWARD_DATABASE_URL: cannot connect to the {} database", url.backend_name()))
}

fn refuse_newer(status: &MigrationStatus) -> anyhow::Result<()> {
    if status.unknown.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "this database was upgraded by a newer version of Homeward (it has migration(s) {} that this program does not know). \
         Run that newer version, or restore a backup made before the upgrade",
        status.unknown.join(", ")
    )
}

/// Refreshes the query planner's statistics on inquiries. SQLite gathers none by itself, and
/// without them (or with `analysis_limit`'s estimates) it sorts every match of a queue filter
/// instead of reading the queue index in order. Only that table: statistics taken on nearly
/// empty content tables made a later large import several times slower. Runs with the
/// server's housekeeping (every ten minutes) and after the benchmark generator.
pub fn optimize(conn: &mut DbConnection) -> Result<(), RepoError> {
    // Dialect difference: PostgreSQL's autovacuum keeps its statistics fresh already.
    match conn {
        DbConnection::Sqlite(c) => c.batch_execute("PRAGMA analysis_limit = 0; ANALYZE inquiries;")?,
        DbConnection::Postgres(_) => {}
    }
    Ok(())
}

pub fn migrate(conn: &mut DbConnection) -> anyhow::Result<()> {
    // Dialect difference: each backend has its own migration folder and its own way
    // to keep concurrent starters apart (SQLite's file lock, PostgreSQL's advisory lock).
    match conn {
        DbConnection::Sqlite(c) => {
            // WAL is a property of the database file; set it once here, not per pooled connection.
            c.batch_execute("PRAGMA journal_mode = WAL;").context("cannot switch SQLite to WAL mode")?;
            refuse_newer(&status_of(c, SQLITE_MIGRATIONS)?)?;
            c.run_pending_migrations(SQLITE_MIGRATIONS).map_err(|e| anyhow::anyhow!("cannot apply migrations: {e}"))?;
        }
        DbConnection::Postgres(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
                .execute(c)
                .context("cannot take the migration lock")?;
            let result = status_of(c, POSTGRES_MIGRATIONS).and_then(|s| refuse_newer(&s)).and_then(|()| {
                c.run_pending_migrations(POSTGRES_MIGRATIONS)
                    .map(|_| ())
                    .map_err(|e| anyhow::anyhow!("cannot apply migrations: {e}"))
            });
            let unlock = diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")).execute(c);
            result?;
            unlock.context("cannot release the migration lock")?;
        }
    }
    Ok(())
}

/// The database answers a trivial query and every embedded migration is applied (`/readyz`).
pub fn ready(conn: &mut DbConnection) -> Result<bool, RepoError> {
    use diesel::connection::SimpleConnection;
    conn.batch_execute("SELECT 1").map_err(RepoError::from)?;
    migrations_current(conn)
}

/// Whether every embedded migration has been applied (for `/readyz`).
pub fn migrations_current(conn: &mut DbConnection) -> Result<bool, RepoError> {
    // Dialect difference: the migration set to compare against is per backend.
    let pending = match conn {
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
    };
    pending.map(|p| !p).map_err(|e| RepoError::Unexpected(format!("cannot read the migration table: {e}")))
}

/// A write transaction. On SQLite it takes the write lock at `BEGIN IMMEDIATE`, so a
/// second writer waits (`busy_timeout`) instead of failing when a read lock cannot be upgraded.
pub fn write_transaction<T, F>(conn: &mut DbConnection, f: F) -> Result<T, RepoError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, RepoError>,
{
    write_transaction_with(conn, f)
}

/// `write_transaction` for callers with their own error type.
pub fn write_transaction_with<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    E: From<RepoError>,
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
{
    type Tm = <DbConnection as Connection>::TransactionManager;
    // Inside another write transaction this joins it: the outer one commits or rolls back all.
    let depth = Tm::transaction_manager_status_mut(conn).transaction_depth().map_err(RepoError::from)?;
    if depth.is_some() {
        return f(conn);
    }
    // Dialect difference: SQLite needs BEGIN IMMEDIATE; PostgreSQL's row locks need nothing special.
    let begun = match conn {
        DbConnection::Sqlite(inner) => AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE"),
        DbConnection::Postgres(_) => Tm::begin_transaction(conn),
    };
    begun.map_err(RepoError::from)?;
    match f(conn) {
        Ok(value) => {
            Tm::commit_transaction(conn).map_err(RepoError::from)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = Tm::rollback_transaction(conn) {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(e)
        }
    }
}

/// Serialises content changes across instances for the rest of the transaction.
pub fn lock_content(conn: &mut DbConnection) -> Result<(), RepoError> {
    // Dialect difference: PostgreSQL needs an explicit (transaction-scoped advisory)
    // lock; SQLite's BEGIN IMMEDIATE already holds the only write lock.
    match conn {
        DbConnection::Sqlite(_) => Ok(()),
        DbConnection::Postgres(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_xact_lock({})", MIGRATION_LOCK_KEY + 1)).execute(c)?;
            Ok(())
        }
    }
}

/// Serialises changes to teams (and routing to them) across instances for the rest of the transaction.
pub fn lock_teams(conn: &mut DbConnection) -> Result<(), RepoError> {
    // Dialect difference: as in `lock_content`.
    match conn {
        DbConnection::Sqlite(_) => Ok(()),
        DbConnection::Postgres(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_xact_lock({})", MIGRATION_LOCK_KEY + 3)).execute(c)?;
            Ok(())
        }
    }
}

/// Serialises audit-log appends across instances for the rest of the transaction,
/// so each entry links to the one written just before it.
pub fn lock_audit(conn: &mut DbConnection) -> Result<(), RepoError> {
    // Dialect difference: as in `lock_content`.
    match conn {
        DbConnection::Sqlite(_) => Ok(()),
        DbConnection::Postgres(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_xact_lock({})", MIGRATION_LOCK_KEY + 2)).execute(c)?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    fn folder_names(dir: &str) -> BTreeSet<String> {
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .map(|entries| {
                entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn both_backends_have_the_same_migration_folders() {
        let sqlite = folder_names("migrations/sqlite");
        let postgres = folder_names("migrations/postgres");
        assert!(!sqlite.is_empty(), "no SQLite migrations found");
        assert_eq!(sqlite, postgres);
    }

    #[test]
    fn every_migration_has_up_and_down() {
        for backend in ["sqlite", "postgres"] {
            for name in folder_names(&format!("migrations/{backend}")) {
                for file in ["up.sql", "down.sql"] {
                    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("migrations")
                        .join(backend)
                        .join(&name)
                        .join(file);
                    assert!(path.is_file(), "{} is missing", path.display());
                }
            }
        }
    }
}

/// What a backup holds, for the operator's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub guides: i64,
    pub inquiries: i64,
    pub staff: i64,
}

fn summary_of(conn: &mut SqliteConnection) -> anyhow::Result<BackupSummary> {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut count = |table: &str| -> anyhow::Result<i64> {
        let rows: Vec<Count> = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
            .load(conn)
            .with_context(|| format!("cannot count {table}"))?;
        Ok(rows.first().map_or(0, |c| c.n))
    };
    Ok(BackupSummary { guides: count("guides")?, inquiries: count("inquiries")?, staff: count("staff_users")? })
}

/// Opens a SQLite file read-only-ish and checks it is whole and from a known schema.
pub fn check_sqlite_file(path: &std::path::Path) -> anyhow::Result<BackupSummary> {
    #[derive(diesel::QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let url = path.to_str().context("the file path is not valid UTF-8")?;
    let mut conn = SqliteConnection::establish(url).with_context(|| format!("cannot open {}", path.display()))?;
    let checks: Vec<Check> =
        diesel::sql_query("PRAGMA integrity_check").load(&mut conn).context("cannot run the integrity check")?;
    if checks.len() != 1 || checks[0].integrity_check != "ok" {
        anyhow::bail!("{} is damaged: the SQLite integrity check failed", path.display());
    }
    let status = status_of(&mut conn, SQLITE_MIGRATIONS)?;
    refuse_newer(&status)?;
    summary_of(&mut conn)
}

/// A consistent copy of a live SQLite database (`VACUUM INTO`), checked after writing.
pub fn backup_sqlite(source: &std::path::Path, target: &std::path::Path) -> anyhow::Result<BackupSummary> {
    if target.exists() {
        anyhow::bail!("{} already exists; choose a new file name", target.display());
    }
    let url = source.to_str().context("the database path is not valid UTF-8")?;
    let mut conn = SqliteConnection::establish(url).with_context(|| format!("cannot open {}", source.display()))?;
    conn.batch_execute("PRAGMA busy_timeout = 10000;").context("cannot set the busy timeout")?;
    let target_text = target.to_str().context("the backup path is not valid UTF-8")?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<diesel::sql_types::Text, _>(target_text)
        .execute(&mut conn)
        .context("the backup could not be written")?;
    check_sqlite_file(target)
}

/// Puts a checked backup in place of a database that does not exist yet.
pub fn restore_sqlite(backup: &std::path::Path, target: &std::path::Path) -> anyhow::Result<BackupSummary> {
    for existing in [target.to_path_buf(), target.with_extension("db-wal")] {
        if existing.exists() {
            anyhow::bail!(
                "{} already exists: restore only into an empty data directory (stop the server and move the old files away first)",
                existing.display()
            );
        }
    }
    let summary = check_sqlite_file(backup)?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let partial = target.with_extension("db-restoring");
    std::fs::copy(backup, &partial).with_context(|| format!("cannot copy to {}", partial.display()))?;
    std::fs::rename(&partial, target).with_context(|| format!("cannot move the copy to {}", target.display()))?;
    Ok(summary)
}
