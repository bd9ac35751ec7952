//! Delivery: SMTP with lettre (STARTTLS/TLS as the URL says), or `.eml` files
//! under the data directory when no SMTP server is configured.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::Settings;
use crate::db::repo::outbox::Claimed;

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
                tokio::task::spawn_blocking(move || -> std::io::Result<()> {
                    std::fs::create_dir_all(&dir)?;
                    // Written under a temporary name and renamed: a reader never sees half a file.
                    let tmp = dir.join(format!(".{name}.tmp"));
                    std::fs::write(&tmp, bytes)?;
                    std::fs::rename(&tmp, dir.join(name))
                })
                .await
                .map_err(|e| SendError::Temporary(e.to_string()))?
                .map_err(|e| SendError::Temporary(format!("cannot write the mail file: {e}")))
            }
        }
    }
}
