//! Settings an admin changed at `/admin/settings`: stored as text, checked by
//! `Settings::check_override` before they are saved, applied over the files and
//! environment by `Settings::with_overrides`.

use diesel::prelude::*;

use super::audit::{self, Event};
use super::{RepoError, now};
use crate::db::schema::site_settings;
use crate::db::{DbConnection, write_transaction};

pub fn load(conn: &mut DbConnection) -> Result<Vec<(String, String)>, RepoError> {
    Ok(site_settings::table.order(site_settings::key).select((site_settings::key, site_settings::value)).load(conn)?)
}

/// Stores the changed values (key, value) and audits each key (never the value:
/// addresses are personal data).
pub fn save(conn: &mut DbConnection, changes: &[(String, String)], actor: &str) -> Result<(), RepoError> {
    write_transaction(conn, |c| {
        for (key, value) in changes {
            let at = now();
            let n = diesel::update(site_settings::table.filter(site_settings::key.eq(key)))
                .set((
                    site_settings::value.eq(value),
                    site_settings::updated_at.eq(at),
                    site_settings::updated_by.eq(Some(actor)),
                ))
                .execute(c)?;
            if n == 0 {
                diesel::insert_into(site_settings::table)
                    .values((
                        site_settings::key.eq(key),
                        site_settings::value.eq(value),
                        site_settings::updated_at.eq(at),
                        site_settings::updated_by.eq(Some(actor)),
                    ))
                    .execute(c)?;
            }
            audit::record(
                c,
                Event::new(Some(actor), crate::domain::AuditAction::SettingsChange, "setting", None).detail(key),
            )?;
        }
        Ok(())
    })
}
