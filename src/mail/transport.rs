//! Delivery: SMTP with lettre (STARTTLS/TLS as the URL says), or `.eml` files
//! under the data directory when no SMTP server is configured. A file lives as long
//! as its message's body in the outbox: written 0600 in a 0700 folder, and removed by
//! [`sweep_files`] once the body is gone (delivered and past its window, purged, erased).

use std::collections::HashSet;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::Settings;
use crate::db::Db;
use crate::db::repo::outbox::{self, Claimed};

/// The folder mail files go to when no SMTP server is configured.
pub fn mail_dir(settings: &Settings) -> Option<PathBuf> {
    settings.smtp_url.is_none().then(|| settings.data_dir.join("mail"))
}

/// Creates the mail folder readable by this user alone (and tightens an older, looser one).
fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

/// Writes a mail file readable by this user alone, under a temporary name and renamed:
/// a reader never sees half a file.
fn write_private(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    private_dir(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&tmp, dir.join(name))
}

/// How many outbox ids one query asks about.
const SWEEP_CHUNK: usize = 500;

/// Removes every mail file in `dir` whose message no longer has a body in the outbox,
/// and tightens the modes of the rest (files written by older versions were 0644).
/// Returns how many files were removed.
pub fn sweep_files_sync(db: &Db, dir: &Path) -> anyhow::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(anyhow::Error::new(e).context("cannot read the mail folder")),
    };
    private_dir(dir).context("cannot restrict the mail folder")?;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        let path = entry.context("cannot read the mail folder")?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if let Some(id) = name.strip_suffix(".eml").filter(|_| !name.starts_with('.')) {
            files.push((id.to_owned(), path.clone()));
        }
    }
    let mut kept = HashSet::new();
    for chunk in files.chunks(SWEEP_CHUNK) {
        let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
        kept.extend(db.run_sync(|c| outbox::with_body(c, &ids))?);
    }
    let mut removed = 0;
    for (id, path) in &files {
        if kept.contains(id) {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .context("cannot restrict a mail file")?;
        } else {
            match std::fs::remove_file(path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(anyhow::Error::new(e).context("cannot remove a mail file")),
            }
        }
    }
    Ok(removed)
}

/// [`sweep_files_sync`] on the blocking pool.
pub async fn sweep_files(db: &Db, dir: &Path) -> anyhow::Result<usize> {
    let (db, dir) = (db.clone(), dir.to_owned());
    tokio::task::spawn_blocking(move || sweep_files_sync(&db, &dir)).await.context("mail file sweep task failed")?
}

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

#[derive(Debug)]
pub enum SendError {
    /// Worth another try later (server down, 4xx).
    Temporary(String),
    /// Will never work (5xx, a malformed address).
    Permanent(String),
}

impl Transport {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Transport> {
        match &settings.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .context("HOMEWARD_SMTP_URL: cannot be used")?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Transport::Smtp(transport))
            }
            None => Ok(Transport::Files(settings.data_dir.join("mail"))),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "SMTP".to_owned(),
            Transport::Files(dir) => format!("files in {}", dir.display()),
        }
    }

    pub async fn send(&self, from: &Mailbox, mail: &Claimed) -> Result<(), SendError> {
        let to: Mailbox = mail.to.parse().map_err(|e| SendError::Permanent(format!("recipient address: {e}")))?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(mail.message_id.clone()))
            .multipart(MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone()))
            .map_err(|e| SendError::Permanent(format!("cannot build the message: {e}")))?;
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() { SendError::Permanent(e.to_string()) } else { SendError::Temporary(e.to_string()) }
            }),
            Transport::Files(dir) => {
                let dir = dir.clone();
                let name = format!("{}.eml", mail.id);
                let bytes = message.formatted();
                tokio::task::spawn_blocking(move || write_private(&dir, &name, &bytes))
                    .await
                    .map_err(|e| SendError::Temporary(e.to_string()))?
                    .map_err(|e| SendError::Temporary(format!("cannot write the mail file: {e}")))
            }
        }
    }
}
