//! The `homeward` command: parse arguments, load settings, call into the library.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the command line talks to the person who runs it")]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use homeward::config::{DatabaseUrl, SETTINGS, SecretKeySource, Settings};
use homeward::crypto::SecretKey;
use homeward::db::repo::accounts;
use homeward::domain::{EmailAddress, Role};
use homeward::startup::{ACCOUNT_LINK_HOURS, Application, create_account_link, open_database};

fn settings_help() -> String {
    let mut text = String::from("Settings (environment variable, or the same name in lower case in homeward.toml):\n");
    for (key, default, meaning) in SETTINGS {
        text.push_str(&format!(
            "  HOMEWARD_{:<18} {meaning}\n  {:<27} default: {default}\n",
            key.to_ascii_uppercase(),
            ""
        ));
    }
    text.push_str("  HOMEWARD_CONFIG            Path of the TOML file (default: ./homeward.toml if present)\n");
    text
}

#[derive(Parser)]
#[command(name = "homeward", version, about = "Homeward: a multilingual information and intake portal", after_help = settings_help())]
struct Cli {
    /// Path of a TOML settings file (default: ./homeward.toml if it exists)
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (the default)
    Serve,
    /// Apply pending database migrations and exit
    Migrate {
        /// Only report pending migrations (exit 1 if there are any); change nothing
        #[arg(long)]
        check: bool,
    },
    /// Manage staff accounts
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check the settings and the database connection, then exit
    CheckConfig,
    /// Outgoing email
    Outbox {
        #[command(subcommand)]
        command: OutboxCommand,
    },
    /// Encryption keys for stored inquiries
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Delete closed inquiries past HOMEWARD_RETENTION_DAYS now (also runs in the server every ten minutes)
    Purge,
    /// Write a consistent, checked copy of the SQLite database to FILE while the server runs
    Backup {
        /// The backup file to create (must not exist)
        file: PathBuf,
    },
    /// Put a backup made by `homeward backup` into an empty data directory (server stopped)
    Restore {
        /// The backup file
        file: PathBuf,
    },
    /// The directory of services and offices as TOML files (format in content/README.md)
    Services {
        #[command(subcommand)]
        command: ServicesCommand,
    },
    /// The audit log of staff actions
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Guidance content as Markdown files (see content/README.md)
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
    /// Benchmarks only: writes made-up caseworkers, teams and inquiries into the database
    #[command(hide = true)]
    BenchData {
        /// Required: confirms that made-up data may be written (never on a live site)
        #[arg(long)]
        synthetic: bool,
        /// How many inquiries to make
        #[arg(long, default_value_t = 1_000)]
        inquiries: usize,
        /// How many teams to make (or reuse)
        #[arg(long, default_value_t = 4)]
        teams: usize,
        /// How many caseworkers to make (or reuse); they cannot sign in
        #[arg(long, default_value_t = 8)]
        caseworkers: usize,
        /// An existing staff account to put in the first two teams
        #[arg(long, value_name = "EMAIL")]
        member: Option<String>,
    },
}

#[derive(Subcommand)]
enum OutboxCommand {
    /// Deliver every email that is due now, then exit
    RunOnce,
}

#[derive(Subcommand)]
enum ServicesCommand {
    /// Load a folder of service files; checks every file first and changes nothing if any is wrong
    Import {
        /// The folder with _regions.toml and one <slug>.toml per service
        dir: PathBuf,
    },
    /// Write every region and service to a folder, in the format `import` reads
    Export {
        /// The folder to write into (created if missing)
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the keyed chain of the whole audit log; exits 1 and names the first broken entry
    Verify {
        /// A head printed earlier by `homeward audit head` and kept outside the database:
        /// the log must still reach it unchanged (finds a cut tail)
        #[arg(long, value_name = "SEQ:MAC")]
        head: Option<String>,
    },
    /// Print the newest entry as SEQ:MAC, to keep outside the database (a mail, a paper log, another host)
    Head,
    /// Check and re-key entries of the old unkeyed chain (done at the upgrade's start-up; by hand only if that was interrupted)
    Rekey,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Re-encrypt every stored inquiry and email under a new data key (stop the servers first)
    Rotate,
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Load a folder of content files; checks every file first and changes nothing if any is wrong
    Import {
        /// The folder, laid out as <topic>/<slug>.<lang>.md
        dir: PathBuf,
    },
    /// Write all topics and guides to a folder, in the format `import` reads
    Export {
        /// The folder to write into (created if missing)
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Print a one-time link with which a new staff member chooses a password
    Add {
        /// The new staff member's email address
        #[arg(long)]
        email: String,
        /// caseworker, editor or admin; repeat for several
        #[arg(long = "role", required = true, value_name = "ROLE")]
        roles: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    homeward::telemetry::init(settings.log_format, &settings.log_filter);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate { check: false } => migrate(settings),
        Command::Migrate { check: true } => return check_migrations(settings),
        Command::User { command: UserCommand::Add { email, roles } } => add_user(settings, &email, &roles),
        Command::CheckConfig => check_config(settings),
        Command::Outbox { command: OutboxCommand::RunOnce } => outbox_run_once(settings),
        Command::Keys { command: KeysCommand::Rotate } => rotate_keys(settings),
        Command::Purge => purge(settings),
        Command::Audit { command: AuditCommand::Verify { head } } => verify_audit(settings, head.as_deref()),
        Command::Audit { command: AuditCommand::Head } => audit_head(settings),
        Command::Audit { command: AuditCommand::Rekey } => audit_rekey(settings),
        Command::Backup { file } => backup(settings, &file),
        Command::Services { command: ServicesCommand::Import { dir } } => import_services(settings, &dir),
        Command::Services { command: ServicesCommand::Export { dir } } => export_services(settings, &dir),
        Command::Restore { file } => restore(settings, &file),
        Command::Content { command: ContentCommand::Import { dir } } => import_content(settings, &dir),
        Command::Content { command: ContentCommand::Export { dir } } => export_content(settings, &dir),
        Command::BenchData { synthetic, inquiries, teams, caseworkers, member } => {
            bench_data(settings, synthetic, inquiries, teams, caseworkers, member.as_deref())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn runtime() -> anyhow::Result<actix_web::rt::Runtime> {
    Ok(actix_web::rt::Runtime::new()?)
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    runtime()?.block_on(async move {
        let metrics_host = settings.metrics_bind.map(|a| a.ip());
        let app = Application::build(settings).await?;
        println!("Homeward is running at {}", app.base_url());
        if let (Some(ip), Some(port)) = (metrics_host, app.metrics_port()) {
            println!("Metrics for operators: {}/metrics", std::net::SocketAddr::new(ip, port));
        }
        if let Some(link) = app.setup_link() {
            println!(
                "Create the first administrator account (the link works once, for {ACCOUNT_LINK_HOURS} hours): {link}"
            );
        }
        app.run_until_stopped().await?;
        tracing::info!("stopped");
        Ok(())
    })
}

fn migrate(settings: Settings) -> anyhow::Result<()> {
    let db = runtime()?.block_on(open_database(&settings))?;
    println!("The {} database is up to date.", db.backend());
    Ok(())
}

/// `migrate --check`: 0 when up to date, 1 when migrations are pending, 2 on an error
/// or a database newer than this program.
fn check_migrations(settings: Settings) -> ExitCode {
    let status = homeward::db::connect(&settings.database_url).and_then(|mut c| homeward::db::migration_status(&mut c));
    match status {
        Ok(s) if !s.unknown.is_empty() => {
            eprintln!(
                "error: this database was upgraded by a newer version of Homeward (unknown migration(s): {})",
                s.unknown.join(", ")
            );
            ExitCode::from(2)
        }
        Ok(s) if s.pending.is_empty() => {
            println!("The database is up to date: no pending migrations.");
            ExitCode::SUCCESS
        }
        Ok(s) => {
            println!("{} pending migration(s), applied by `homeward migrate` or at start-up:", s.pending.len());
            for name in &s.pending {
                println!("  {name}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn add_user(settings: Settings, email: &str, roles: &[String]) -> anyhow::Result<()> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let mut parsed = Vec::new();
    for role in roles {
        let role = Role::parse(role).map_err(|e| anyhow::anyhow!("--role: {e}"))?;
        if !parsed.contains(&role) {
            parsed.push(role);
        }
    }
    let db = runtime()?.block_on(open_database(&settings))?;
    if db.run_sync(|c| accounts::email_exists(c, &email))? {
        anyhow::bail!("--email: there is already an account with this address");
    }
    let base_url = match &settings.base_url {
        Some(u) => u.clone(),
        None => url::Url::parse(&format!("http://{}/", settings.bind))?,
    };
    let link = create_account_link(&db, &base_url, Some(&email), &parsed)?;
    let names: Vec<&str> = parsed.iter().map(|r| r.as_str()).collect();
    println!(
        "Send this one-time link to the new staff member ({}); it works once, for {ACCOUNT_LINK_HOURS} hours:",
        names.join(", ")
    );
    println!("{link}");
    Ok(())
}

fn outbox_run_once(settings: Settings) -> anyhow::Result<()> {
    runtime()?.block_on(async move {
        let db = open_database(&settings).await?;
        let key = std::sync::Arc::new(SecretKey::load(&settings.secret_key)?);
        let vault = homeward::startup::open_vault(&db, key).await?;
        let worker = homeward::startup::outbox_worker(&settings, &db, vault)?;
        let sent = worker.run_once().await?;
        println!("Sent {sent} email(s) through {}.", worker.transport.describe());
        Ok(())
    })
}

fn rotate_keys(settings: Settings) -> anyhow::Result<()> {
    let db = runtime()?.block_on(open_database(&settings))?;
    let key = SecretKey::load(&settings.secret_key)?;
    let report = db.run_sync(|c| homeward::db::repo::keys::rotate(c, &key))?;
    println!(
        "New data key {}; re-encrypted {} value(s); retired {} old key(s). Restart every instance now.",
        report.new_key, report.resealed, report.retired_keys
    );
    Ok(())
}

fn purge(settings: Settings) -> anyhow::Result<()> {
    let db = runtime()?.block_on(open_database(&settings))?;
    // An admin may have changed the retention period at /admin/settings.
    let settings = settings.with_overrides(&db.run_sync(homeward::db::repo::site_settings::load)?);
    let cutoff = homeward::db::repo::now() - time::Duration::days(i64::from(settings.retention_days));
    let purged = db.run_sync(|c| homeward::db::repo::inquiries::purge_closed(c, cutoff))?;
    let bodies = db.run_sync(|c| {
        homeward::db::repo::outbox::purge_delivered(
            c,
            homeward::db::repo::now() - time::Duration::hours(i64::from(settings.outbox_keep_hours)),
        )
    })?;
    let files = match homeward::mail::transport::mail_dir(&settings) {
        Some(dir) => homeward::mail::transport::sweep_files_sync(&db, &dir)?,
        None => 0,
    };
    println!("Purged {purged} closed inquiry(ies), {bodies} delivered email body(ies) and {files} mail file(s).");
    Ok(())
}

fn import_services(settings: Settings, dir: &std::path::Path) -> anyhow::Result<()> {
    let files = homeward::directory::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    let db = runtime()?.block_on(open_database(&settings))?;
    let topics = homeward::directory::topic_slugs(&db)?;
    match homeward::directory::parse(&files, &topics, &settings.languages, &settings.default_language) {
        Err(errors) => {
            for e in &errors {
                eprintln!("{}/{e}", dir.display());
            }
            anyhow::bail!("{} problem(s); nothing was imported", errors.len())
        }
        Ok((regions, services)) => {
            let count = services.len();
            let services = homeward::directory::with_bodies(services)?;
            let changed = db.run_sync(|c| homeward::db::repo::directory::save_all(c, &regions, &services))?;
            println!("Imported {} region(s) and {count} service(s); {changed} changed.", regions.len());
            Ok(())
        }
    }
}

fn export_services(settings: Settings, dir: &std::path::Path) -> anyhow::Result<()> {
    let db = runtime()?.block_on(open_database(&settings))?;
    let (regions, services) = db.run_sync(homeward::db::repo::directory::export_all)?;
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    for (name, text) in homeward::directory::render(&regions, &services)? {
        std::fs::write(dir.join(&name), text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    }
    println!("Wrote {} region(s) and {} service(s) to {}.", regions.len(), services.len(), dir.display());
    Ok(())
}

const PG_BACKUP_HELP: &str = "Homeward is using PostgreSQL: back it up with the database's own tools, e.g.\n  \
pg_dump --format=custom --file=homeward.dump \"$HOMEWARD_DATABASE_URL\"\nand restore into an empty database with\n  \
pg_restore --no-owner --dbname=\"$HOMEWARD_DATABASE_URL\" homeward.dump\n(see README, \"Backups\")";

fn backup(settings: Settings, file: &std::path::Path) -> anyhow::Result<()> {
    let DatabaseUrl::Sqlite(db_path) = &settings.database_url else {
        anyhow::bail!("{PG_BACKUP_HELP}");
    };
    let s = homeward::db::backup_sqlite(db_path, file)?;
    println!(
        "Backup written to {} and checked: {} guide(s), {} inquiry(ies), {} staff account(s).",
        file.display(),
        s.guides,
        s.inquiries,
        s.staff
    );
    println!(
        "Keep the secret key (HOMEWARD_SECRET_KEY or the key file) backed up separately: without it the inquiries cannot be read."
    );
    Ok(())
}

fn restore(settings: Settings, file: &std::path::Path) -> anyhow::Result<()> {
    let DatabaseUrl::Sqlite(db_path) = &settings.database_url else {
        anyhow::bail!("{PG_BACKUP_HELP}");
    };
    let s = homeward::db::restore_sqlite(file, db_path)?;
    println!(
        "Restored {} into {}: {} guide(s), {} inquiry(ies), {} staff account(s). Start the server with the same secret key as before.",
        file.display(),
        db_path.display(),
        s.guides,
        s.inquiries,
        s.staff
    );
    Ok(())
}

fn verify_audit(settings: Settings, head: Option<&str>) -> anyhow::Result<()> {
    use homeward::db::repo::audit;
    let kept = head.map(audit::Head::parse).transpose().map_err(|e| anyhow::anyhow!("--head: {e}"))?;
    let db = runtime()?.block_on(open_database(&settings))?;
    match db.run_sync(|c| audit::verify(c, kept.as_ref()))? {
        Ok(n) => {
            println!(
                "The audit log is intact: {n} entries, every one linked to the one before under the server's key."
            );
            if let Some(kept) = kept {
                println!("It still reaches the kept head {} unchanged.", kept.seq);
            }
            Ok(())
        }
        Err(broken) => {
            anyhow::bail!("the audit log is broken at entry {}: {}", broken.seq, broken.reason)
        }
    }
}

fn audit_head(settings: Settings) -> anyhow::Result<()> {
    let db = runtime()?.block_on(open_database(&settings))?;
    let head = db.run_sync(homeward::db::repo::audit::head)?;
    // Only the head on stdout, so a script can keep it as it is.
    println!("{head}");
    Ok(())
}

fn audit_rekey(settings: Settings) -> anyhow::Result<()> {
    use homeward::db::repo::audit::{self, Rekeyed};
    let db = runtime()?.block_on(open_database(&settings))?;
    match db.run_sync(|c| audit::rekey_legacy(c, true))? {
        Rekeyed::Nothing => println!("Every audit entry is keyed already; nothing to do."),
        Rekeyed::Entries(n) => println!("Checked and re-keyed {n} audit entries of the old unkeyed chain."),
        Rekeyed::OldChainBroken(b) => {
            anyhow::bail!("the old unkeyed chain is broken at entry {}: {}; nothing was re-keyed", b.seq, b.reason)
        }
        Rekeyed::AfterKeyed(seq) | Rekeyed::NotAtUpgrade(seq) => {
            anyhow::bail!("entry {seq} is unkeyed but comes after keyed entries; nothing was re-keyed")
        }
    }
    Ok(())
}

fn import_content(settings: Settings, dir: &std::path::Path) -> anyhow::Result<()> {
    use homeward::content::files::{self, ImportError};
    let files = files::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    let db = runtime()?.block_on(open_database(&settings))?;
    match db.run_sync(|c| files::import(c, &files, &settings.default_language)) {
        Ok(report) => {
            println!("{report}");
            Ok(())
        }
        Err(ImportError::Files(errors)) => {
            for e in &errors {
                eprintln!("{e}");
            }
            anyhow::bail!("{} problem(s) in the files; nothing was imported", errors.len())
        }
        Err(e) => Err(e.into()),
    }
}

fn export_content(settings: Settings, dir: &std::path::Path) -> anyhow::Result<()> {
    let db = runtime()?.block_on(open_database(&settings))?;
    let written = db.run_sync(|c| homeward::content::files::export(c, dir, &settings.default_language))?;
    println!("Wrote {} files to {}.", written.len(), dir.display());
    Ok(())
}

fn bench_data(
    settings: Settings,
    synthetic: bool,
    inquiries: usize,
    teams: usize,
    caseworkers: usize,
    member: Option<&str>,
) -> anyhow::Result<()> {
    use homeward::app::synthetic::{Spec, generate};
    if !synthetic {
        anyhow::bail!(
            "refusing to write made-up data: `bench-data` is for benchmarks only; pass --synthetic to confirm"
        );
    }
    let member = member.map(EmailAddress::parse).transpose().map_err(|e| anyhow::anyhow!("--member: {e}"))?;
    runtime()?.block_on(async move {
        let db = open_database(&settings).await?;
        let key = std::sync::Arc::new(SecretKey::load(&settings.secret_key)?);
        let vault = homeward::startup::open_vault(&db, key).await?;
        let spec = Spec { inquiries, teams, caseworkers, member };
        let languages = settings.languages.clone();
        let made = tokio::task::spawn_blocking(move || generate(&db, &vault, &languages, &spec)).await??;
        println!(
            "Made {} synthetic inquiries, {} team(s) and {} caseworker(s).",
            made.inquiries, made.teams, made.caseworkers
        );
        Ok(())
    })
}

fn check_config(settings: Settings) -> anyhow::Result<()> {
    match &settings.secret_key {
        SecretKeySource::Inline(_) => {
            SecretKey::load(&settings.secret_key)?;
        }
        SecretKeySource::File(path) if path.exists() => {
            SecretKey::load(&settings.secret_key)?;
        }
        SecretKeySource::File(path) => println!("The key file {} will be created on first start.", path.display()),
    }
    match &settings.database_url {
        DatabaseUrl::Sqlite(path) if !path.exists() => {
            println!("The SQLite database {} will be created on first start.", path.display());
        }
        url => {
            use diesel::r2d2::ManageConnection;
            homeward::db::DbManager::new(url.clone())
                .connect()
                .map_err(|e| anyhow::anyhow!("HOMEWARD_DATABASE_URL: cannot connect: {e}"))?;
            println!("The {} database answers.", url.backend_name());
        }
    }
    let langs: Vec<&str> = settings.languages.iter().map(homeward::domain::Lang::as_str).collect();
    println!("Listening address: {}", settings.bind);
    println!("Languages: {} (default {})", langs.join(", "), settings.default_language);
    println!("Mail: {}", if settings.smtp_url.is_some() { "SMTP" } else { "files under the data directory" });
    println!("The settings are valid.");
    Ok(())
}
