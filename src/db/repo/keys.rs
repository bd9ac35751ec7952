//! Data keys for encryption at rest: created on first start, unwrapped with the
//! server secret at every start, and rotated by `homeward keys rotate`.

use diesel::prelude::*;

use super::{RepoError, now};
use crate::crypto::SecretKey;
use crate::crypto::vault::{self, KeyId, Vault, WrappedKey};
use crate::db::rows::DataKeyRow;
use crate::db::schema::{
    data_keys, feedback, inquiries, inquiry_messages, inquiry_notes, outbox, search_misses, staff_users,
};
use crate::db::{DbConnection, lock_content, write_transaction};

fn to_wrapped(rows: &[DataKeyRow]) -> Result<Vec<WrappedKey>, RepoError> {
    rows.iter()
        .map(|r| {
            let id = uuid::Uuid::parse_str(&r.id).map_err(|e| RepoError::Unexpected(format!("data key id: {e}")))?;
            Ok(WrappedKey { id: *id.as_bytes(), wrapped: r.wrapped_key.clone() })
        })
        .collect()
}

fn insert_key(conn: &mut DbConnection, key: &WrappedKey) -> Result<(), RepoError> {
    diesel::insert_into(data_keys::table)
        .values(DataKeyRow {
            id: uuid::Uuid::from_bytes(key.id).to_string(),
            wrapped_key: key.wrapped.clone(),
            created_at: now(),
        })
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(
        "the secret key cannot unlock this database's data keys: it is not the key the stored inquiries were encrypted with. \
         Start with the original HOMEWARD_SECRET_KEY or key file (see README, \"The secret key\")"
    )]
    WrongSecret,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// The vault for this database, creating its first data key if there is none.
pub fn load_or_create(conn: &mut DbConnection, master: &SecretKey) -> Result<Vault, KeyError> {
    let rows = write_transaction(conn, |c| {
        lock_content(c)?;
        let mut rows: Vec<DataKeyRow> =
            data_keys::table.order((data_keys::created_at, data_keys::id)).select(DataKeyRow::as_select()).load(c)?;
        if rows.is_empty() {
            let key = vault::new_wrapped_key(master).map_err(|e| RepoError::Unexpected(e.to_string()))?;
            insert_key(c, &key)?;
            rows = data_keys::table.select(DataKeyRow::as_select()).load(c)?;
        }
        Ok(rows)
    })?;
    Vault::unwrap(master, &to_wrapped(&rows)?).map_err(|_| KeyError::WrongSecret)
}

/// What a rotation did.
#[derive(Debug, Default)]
pub struct RotateReport {
    pub new_key: String,
    pub resealed: usize,
    pub retired_keys: usize,
}

/// An inquiry's sealed contact fields: id, name, email, phone.
type SealedContact = (String, Option<Vec<u8>>, Option<Vec<u8>>, Option<Vec<u8>>);
/// An outbox row's sealed fields: id, recipient, content.
type SealedMail = (String, Option<Vec<u8>>, Option<Vec<u8>>);

fn reseal(
    vault: &Vault,
    new_key: &KeyId,
    blob: Option<Vec<u8>>,
    aad: &str,
    count: &mut usize,
) -> Result<Option<Vec<u8>>, RepoError> {
    let Some(blob) = blob else { return Ok(None) };
    if vault::key_id_of(&blob).as_ref() == Some(new_key) {
        return Ok(Some(blob));
    }
    let plain = vault.open(&blob, aad).map_err(|e| RepoError::Unexpected(format!("{aad}: {e}")))?;
    *count += 1;
    vault.seal(&plain, aad).map(Some).map_err(|e| RepoError::Unexpected(e.to_string()))
}

/// Makes a new data key current, re-encrypts every ciphertext with it and removes
/// the old keys, all in one transaction.
pub fn rotate(conn: &mut DbConnection, master: &SecretKey) -> Result<RotateReport, KeyError> {
    write_transaction(conn, |c| {
        lock_content(c)?;
        let mut rows: Vec<DataKeyRow> =
            data_keys::table.order((data_keys::created_at, data_keys::id)).select(DataKeyRow::as_select()).load(c)?;
        let old_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let fresh = vault::new_wrapped_key(master).map_err(|e| RepoError::Unexpected(e.to_string()))?;
        insert_key(c, &fresh)?;
        rows.push(DataKeyRow {
            id: uuid::Uuid::from_bytes(fresh.id).to_string(),
            wrapped_key: fresh.wrapped.clone(),
            created_at: now(),
        });
        let vault = Vault::unwrap(master, &to_wrapped(&rows)?).map_err(|_| RepoError::NotFound)?;
        let new_key = vault.current_key();
        let mut report = RotateReport { new_key: uuid::Uuid::from_bytes(new_key).to_string(), ..Default::default() };

        let people: Vec<SealedContact> = inquiries::table
            .select((inquiries::id, inquiries::name_enc, inquiries::email_enc, inquiries::phone_enc))
            .load(c)?;
        for (id, name, email, phone) in people {
            let name = reseal(&vault, &new_key, name, &format!("inquiries.name:{id}"), &mut report.resealed)?;
            let email = reseal(&vault, &new_key, email, &format!("inquiries.email:{id}"), &mut report.resealed)?;
            let phone = reseal(&vault, &new_key, phone, &format!("inquiries.phone:{id}"), &mut report.resealed)?;
            diesel::update(inquiries::table.filter(inquiries::id.eq(&id)))
                .set((inquiries::name_enc.eq(name), inquiries::email_enc.eq(email), inquiries::phone_enc.eq(phone)))
                .execute(c)?;
        }
        let messages: Vec<(String, Vec<u8>)> =
            inquiry_messages::table.select((inquiry_messages::id, inquiry_messages::body_enc)).load(c)?;
        for (id, body) in messages {
            if let Some(body) =
                reseal(&vault, &new_key, Some(body), &format!("inquiry_messages.body:{id}"), &mut report.resealed)?
            {
                diesel::update(inquiry_messages::table.filter(inquiry_messages::id.eq(&id)))
                    .set(inquiry_messages::body_enc.eq(body))
                    .execute(c)?;
            }
        }
        let notes: Vec<(String, Vec<u8>)> =
            inquiry_notes::table.select((inquiry_notes::id, inquiry_notes::body_enc)).load(c)?;
        for (id, body) in notes {
            if let Some(body) =
                reseal(&vault, &new_key, Some(body), &format!("inquiry_notes.body:{id}"), &mut report.resealed)?
            {
                diesel::update(inquiry_notes::table.filter(inquiry_notes::id.eq(&id)))
                    .set(inquiry_notes::body_enc.eq(body))
                    .execute(c)?;
            }
        }
        let second_factors: Vec<(String, Option<Vec<u8>>)> = staff_users::table
            .filter(staff_users::totp_secret_enc.is_not_null())
            .select((staff_users::id, staff_users::totp_secret_enc))
            .load(c)?;
        for (id, secret) in second_factors {
            let secret = reseal(&vault, &new_key, secret, &format!("staff_users.totp:{id}"), &mut report.resealed)?;
            diesel::update(staff_users::table.filter(staff_users::id.eq(&id)))
                .set(staff_users::totp_secret_enc.eq(secret))
                .execute(c)?;
        }
        let mails: Vec<SealedMail> =
            outbox::table.select((outbox::id, outbox::recipient_enc, outbox::content_enc)).load(c)?;
        for (id, recipient, content) in mails {
            let recipient =
                reseal(&vault, &new_key, recipient, &format!("outbox.recipient:{id}"), &mut report.resealed)?;
            let content = reseal(&vault, &new_key, content, &format!("outbox.content:{id}"), &mut report.resealed)?;
            diesel::update(outbox::table.filter(outbox::id.eq(&id)))
                .set((outbox::recipient_enc.eq(recipient), outbox::content_enc.eq(content)))
                .execute(c)?;
        }
        let comments: Vec<(String, Option<Vec<u8>>)> = feedback::table
            .filter(feedback::comment_enc.is_not_null())
            .select((feedback::id, feedback::comment_enc))
            .load(c)?;
        for (id, sealed) in comments {
            let sealed = reseal(&vault, &new_key, sealed, &super::content::comment_aad(&id), &mut report.resealed)?;
            diesel::update(feedback::table.filter(feedback::id.eq(&id)))
                .set(feedback::comment_enc.eq(sealed))
                .execute(c)?;
        }
        let misses: Vec<(String, Vec<u8>)> =
            search_misses::table.select((search_misses::id, search_misses::terms_enc)).load(c)?;
        for (id, sealed) in misses {
            let aad = format!("search_misses.terms:{id}");
            if let Some(sealed) = reseal(&vault, &new_key, Some(sealed), &aad, &mut report.resealed)? {
                diesel::update(search_misses::table.filter(search_misses::id.eq(&id)))
                    .set(search_misses::terms_enc.eq(sealed))
                    .execute(c)?;
            }
        }
        report.retired_keys = diesel::delete(data_keys::table.filter(data_keys::id.eq_any(&old_ids))).execute(c)?;
        Ok(report)
    })
    .map_err(|e| match e {
        RepoError::NotFound => KeyError::WrongSecret,
        other => KeyError::Repo(other),
    })
}
