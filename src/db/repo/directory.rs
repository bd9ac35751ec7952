//! The directory of services and offices: regions, services and their texts per
//! language, what the finder and the guide pages read, and what import writes.

use std::collections::HashMap;

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};

use super::{RepoError, new_id, now};
use crate::db::DbConnection;
use crate::db::rows::{ServiceRow, ServiceTranslationRow};
use crate::db::schema::{region_translations, regions, service_revisions, service_translations, services, staff_users};

/// A region to store: slug, order and its name per language.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionInput {
    pub slug: String,
    pub position: i32,
    pub names: Vec<(String, String)>,
}

pub use crate::domain::service::{ServiceInput, ServiceText};

/// `["a", "b"]` → `",a,b,"`: one LIKE finds a member on both backends.
pub(super) fn packed(items: &[String]) -> String {
    format!(",{},", items.join(","))
}

pub(super) fn unpacked(text: &str) -> Vec<String> {
    text.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Writes regions and services (created or updated by slug), each service with its text in the
/// file format for its revision history; returns how many services changed.
pub fn save_all(
    conn: &mut DbConnection,
    regions_in: &[RegionInput],
    services_in: &[(ServiceInput, String)],
) -> Result<usize, RepoError> {
    super::content::in_content_transaction(conn, |c| {
        for r in regions_in {
            let n = diesel::update(regions::table.filter(regions::slug.eq(&r.slug)))
                .set(regions::position.eq(r.position))
                .execute(c)?;
            if n == 0 {
                diesel::insert_into(regions::table)
                    .values((regions::slug.eq(&r.slug), regions::position.eq(r.position)))
                    .execute(c)?;
            }
            diesel::delete(region_translations::table.filter(region_translations::region_slug.eq(&r.slug)))
                .execute(c)?;
            for (lang, name) in &r.names {
                diesel::insert_into(region_translations::table)
                    .values((
                        region_translations::region_slug.eq(&r.slug),
                        region_translations::lang.eq(lang),
                        region_translations::name.eq(name),
                    ))
                    .execute(c)?;
            }
        }
        let mut changed = 0;
        for (s, body) in services_in {
            if let Some(id) = upsert(c, s)? {
                add_revision(c, &id, None, body)?;
                changed += 1;
            }
        }
        Ok((changed, changed > 0 || !regions_in.is_empty()))
    })
}

/// One service as stored, by slug.
fn stored(c: &mut DbConnection, slug: &str) -> Result<Option<(ServiceRow, ServiceInput)>, RepoError> {
    let Some(row) =
        services::table.filter(services::slug.eq(slug)).select(ServiceRow::as_select()).first(c).optional()?
    else {
        return Ok(None);
    };
    let texts: Vec<ServiceTranslationRow> = service_translations::table
        .filter(service_translations::service_id.eq(&row.id))
        .order(service_translations::lang)
        .select(ServiceTranslationRow::as_select())
        .load(c)?;
    let input = to_input(row.clone(), &texts);
    Ok(Some((row, input)))
}

/// Creates or replaces one service by slug, keeping its id, creation time and published state,
/// and counting its version up. Nothing is written when nothing would change: returns the id
/// when it wrote, `None` when the stored service already is exactly this.
fn upsert(c: &mut DbConnection, s: &ServiceInput) -> Result<Option<String>, RepoError> {
    let at = now();
    let existing = stored(c, &s.slug)?;
    if let Some((_, current)) = &existing
        && normalised(current) == normalised(s)
    {
        return Ok(None);
    }
    let existing = existing.map(|(row, _)| row);
    let row = ServiceRow {
        id: existing.as_ref().map_or_else(new_id, |e| e.id.clone()),
        slug: s.slug.clone(),
        kind: s.kind.clone(),
        topics: packed(&s.topics),
        region_slug: s.region.clone(),
        address: s.address.clone(),
        phone: s.phone.clone(),
        email: s.email.clone(),
        website: s.website.clone(),
        languages: packed(&s.languages),
        latitude: s.latitude,
        longitude: s.longitude,
        last_checked: s.last_checked,
        published: existing.as_ref().is_none_or(|e| e.published),
        created_at: existing.as_ref().map_or(at, |e| e.created_at),
        updated_at: at,
        version: existing.as_ref().map_or(1, |e| e.version.saturating_add(1)),
    };
    if existing.is_some() {
        diesel::update(services::table.filter(services::id.eq(&row.id))).set(&row).execute(c)?;
        diesel::delete(service_translations::table.filter(service_translations::service_id.eq(&row.id))).execute(c)?;
    } else {
        diesel::insert_into(services::table).values(&row).execute(c)?;
    }
    for t in &s.texts {
        diesel::insert_into(service_translations::table)
            .values(ServiceTranslationRow {
                service_id: row.id.clone(),
                lang: t.lang.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                hours: t.hours.clone(),
                accessibility: t.accessibility.clone(),
            })
            .execute(c)?;
    }
    Ok(Some(row.id))
}

/// A service with its texts in language order, to compare two versions.
fn normalised(s: &ServiceInput) -> ServiceInput {
    let mut n = s.clone();
    n.texts.sort_by(|a, b| a.lang.cmp(&b.lang));
    n
}

/// Records a revision.
fn add_revision(c: &mut DbConnection, service_id: &str, author: Option<&str>, body: &str) -> Result<(), RepoError> {
    diesel::insert_into(service_revisions::table)
        .values((
            service_revisions::id.eq(new_id()),
            service_revisions::service_id.eq(service_id),
            service_revisions::author_id.eq(author),
            service_revisions::body.eq(body),
            service_revisions::created_at.eq(now()),
        ))
        .execute(c)?;
    Ok(())
}

/// Services that have no revision yet (stored before revisions existed): (slug, the service).
pub fn without_revisions(conn: &mut DbConnection) -> Result<Vec<ServiceInput>, RepoError> {
    let slugs: Vec<String> = services::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            service_revisions::table.filter(service_revisions::service_id.eq(services::id)),
        )))
        .select(services::slug)
        .load(conn)?;
    let mut out = Vec::new();
    for slug in slugs {
        if let Some((_, input)) = stored(conn, &slug)? {
            out.push(input);
        }
    }
    Ok(out)
}

/// Records a service's current state as its first revision (dated when it was last changed).
pub fn add_first_revision(conn: &mut DbConnection, slug: &str, body: &str) -> Result<(), RepoError> {
    crate::db::write_transaction(conn, |c| {
        let (id, at): (String, PrimitiveDateTime) =
            services::table.filter(services::slug.eq(slug)).select((services::id, services::updated_at)).first(c)?;
        let any: i64 = service_revisions::table.filter(service_revisions::service_id.eq(&id)).count().get_result(c)?;
        if any == 0 {
            diesel::insert_into(service_revisions::table)
                .values((
                    service_revisions::id.eq(new_id()),
                    service_revisions::service_id.eq(&id),
                    service_revisions::author_id.eq(None::<String>),
                    service_revisions::body.eq(body),
                    service_revisions::created_at.eq(at),
                ))
                .execute(c)?;
        }
        Ok(())
    })
}

/// How an editor's save is checked before it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// A new service: its slug must be free.
    Create,
    /// An edit of the version the editor loaded: someone else's save in between is a conflict.
    Update(i32),
    /// Restoring an old revision, seen on a page that showed this version as current.
    Restore(i32),
}

/// What an editor's save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written, with a new revision: the service's id.
    Saved(String),
    /// The input held exactly what is stored: nothing was written.
    Unchanged,
    /// A new service whose slug is taken.
    SlugTaken,
    /// Someone saved after the editor loaded the version they saw.
    Stale,
}

/// An editor's save of one service with its revision, checked against what is stored now.
/// Runs inside the caller's `content::in_content_transaction` (which also records the audit event).
pub fn save_one(
    c: &mut DbConnection,
    s: &ServiceInput,
    body: &str,
    kind: SaveKind,
    actor: &str,
) -> Result<SaveOutcome, RepoError> {
    let current: Option<i32> =
        services::table.filter(services::slug.eq(&s.slug)).select(services::version).first(c).optional()?;
    match (kind, current) {
        (SaveKind::Create, Some(_)) => return Ok(SaveOutcome::SlugTaken),
        (SaveKind::Update(_) | SaveKind::Restore(_), None) => return Err(RepoError::NotFound),
        (SaveKind::Update(seen) | SaveKind::Restore(seen), Some(now_at)) if seen != now_at => {
            return Ok(SaveOutcome::Stale);
        }
        _ => {}
    }
    let Some(id) = upsert(c, s)? else { return Ok(SaveOutcome::Unchanged) };
    add_revision(c, &id, Some(actor), body)?;
    Ok(SaveOutcome::Saved(id))
}

/// One saved version of a service.
#[derive(Debug, Clone)]
pub struct Revision {
    pub id: String,
    pub author_email: Option<String>,
    pub body: String,
    pub created_at: PrimitiveDateTime,
}

/// A service's revisions, newest first.
pub fn revisions(conn: &mut DbConnection, slug: &str) -> Result<Vec<Revision>, RepoError> {
    let id: String = services::table.filter(services::slug.eq(slug)).select(services::id).first(conn)?;
    let rows: Vec<(String, Option<String>, String, PrimitiveDateTime)> = service_revisions::table
        .left_join(staff_users::table.on(service_revisions::author_id.eq(staff_users::id.nullable())))
        .filter(service_revisions::service_id.eq(&id))
        .order((service_revisions::created_at.desc(), service_revisions::id.desc()))
        .select((
            service_revisions::id,
            staff_users::email.nullable(),
            service_revisions::body,
            service_revisions::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, author_email, body, created_at)| Revision { id, author_email, body, created_at })
        .collect())
}

/// One service as it is stored now, for the edit form: its row (version, published) and its fields.
pub fn for_edit(conn: &mut DbConnection, slug: &str) -> Result<(ServiceRow, ServiceInput), RepoError> {
    stored(conn, slug)?.ok_or(RepoError::NotFound)
}

fn to_input(r: ServiceRow, texts: &[ServiceTranslationRow]) -> ServiceInput {
    ServiceInput {
        texts: texts
            .iter()
            .filter(|t| t.service_id == r.id)
            .map(|t| ServiceText {
                lang: t.lang.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                hours: t.hours.clone(),
                accessibility: t.accessibility.clone(),
            })
            .collect(),
        slug: r.slug,
        kind: r.kind,
        topics: unpacked(&r.topics),
        region: r.region_slug,
        address: r.address,
        phone: r.phone,
        email: r.email,
        website: r.website,
        languages: unpacked(&r.languages),
        latitude: r.latitude,
        longitude: r.longitude,
        last_checked: r.last_checked,
    }
}

pub fn count_services(conn: &mut DbConnection) -> Result<i64, RepoError> {
    Ok(services::table.count().get_result(conn)?)
}

/// A region in the reader's language.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub slug: String,
    pub name: String,
}

pub fn regions_in(conn: &mut DbConnection, lang: &str, default: &str) -> Result<Vec<RegionView>, RepoError> {
    let rows: Vec<String> =
        regions::table.order((regions::position, regions::slug)).select(regions::slug).load(conn)?;
    let names: Vec<(String, String, String)> = region_translations::table
        .select((region_translations::region_slug, region_translations::lang, region_translations::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|slug| {
            let pick = |l: &str| names.iter().find(|(s, nl, _)| *s == slug && nl == l).map(|(_, _, n)| n.clone());
            let name = pick(lang).or_else(|| pick(default)).unwrap_or_else(|| slug.clone());
            RegionView { slug, name }
        })
        .collect())
}

/// A service in the reader's language (or the default one).
#[derive(Debug, Clone)]
pub struct ServiceView {
    pub row: ServiceRow,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub region_name: String,
    pub text: ServiceTranslationRow,
}

/// Which services the finder shows.
#[derive(Debug, Clone, Default)]
pub struct ServiceFilter {
    pub region: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
}

fn views(
    conn: &mut DbConnection,
    rows: Vec<ServiceRow>,
    lang: &str,
    default: &str,
) -> Result<Vec<ServiceView>, RepoError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let texts: Vec<ServiceTranslationRow> = service_translations::table
        .filter(service_translations::service_id.eq_any(&ids))
        .select(ServiceTranslationRow::as_select())
        .load(conn)?;
    let mut by_service: HashMap<&str, Vec<&ServiceTranslationRow>> = HashMap::new();
    for t in &texts {
        by_service.entry(t.service_id.as_str()).or_default().push(t);
    }
    let region_names: HashMap<String, String> =
        regions_in(conn, lang, default)?.into_iter().map(|r| (r.slug, r.name)).collect();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mine = by_service.get(row.id.as_str());
        let pick = |l: &str| mine.and_then(|v| v.iter().find(|t| t.lang == l)).map(|t| (*t).clone());
        let Some(text) =
            pick(lang).or_else(|| pick(default)).or_else(|| mine.and_then(|v| v.first()).map(|t| (*t).clone()))
        else {
            continue;
        };
        out.push(ServiceView {
            topics: unpacked(&row.topics),
            languages: unpacked(&row.languages),
            region_name: region_names.get(&row.region_slug).cloned().unwrap_or_else(|| row.region_slug.clone()),
            text,
            row,
        });
    }
    out.sort_by(|a, b| a.region_name.cmp(&b.region_name).then(a.text.name.cmp(&b.text.name)));
    Ok(out)
}

/// Published services matching every given filter, by region then name.
pub fn find(
    conn: &mut DbConnection,
    filter: &ServiceFilter,
    lang: &str,
    default: &str,
) -> Result<Vec<ServiceView>, RepoError> {
    let mut query = services::table.filter(services::published.eq(true)).into_boxed();
    if let Some(region) = &filter.region {
        query = query.filter(services::region_slug.eq(region.clone()));
    }
    if let Some(topic) = &filter.topic {
        query = query.filter(services::topics.like(format!("%,{},%", topic.replace(['%', '_', ','], ""))));
    }
    if let Some(language) = &filter.language {
        query = query.filter(services::languages.like(format!("%,{},%", language.replace(['%', '_', ','], ""))));
    }
    let rows = query.select(ServiceRow::as_select()).load(conn)?;
    views(conn, rows, lang, default)
}

pub fn by_slug(conn: &mut DbConnection, slug: &str, lang: &str, default: &str) -> Result<ServiceView, RepoError> {
    let row = services::table
        .filter(services::slug.eq(slug))
        .filter(services::published.eq(true))
        .select(ServiceRow::as_select())
        .first(conn)?;
    views(conn, vec![row], lang, default)?.pop().ok_or(RepoError::NotFound)
}

/// Everything, for `homeward services export`.
pub fn export_all(conn: &mut DbConnection) -> Result<(Vec<RegionInput>, Vec<ServiceInput>), RepoError> {
    let region_rows: Vec<(String, i32)> = regions::table
        .order((regions::position, regions::slug))
        .select((regions::slug, regions::position))
        .load(conn)?;
    let names: Vec<(String, String, String)> = region_translations::table
        .order((region_translations::region_slug, region_translations::lang))
        .select((region_translations::region_slug, region_translations::lang, region_translations::name))
        .load(conn)?;
    let regions_out = region_rows
        .into_iter()
        .map(|(slug, position)| RegionInput {
            names: names.iter().filter(|(s, _, _)| *s == slug).map(|(_, l, n)| (l.clone(), n.clone())).collect(),
            slug,
            position,
        })
        .collect();
    let rows: Vec<ServiceRow> = services::table.order(services::slug).select(ServiceRow::as_select()).load(conn)?;
    let texts: Vec<ServiceTranslationRow> = service_translations::table
        .order((service_translations::service_id, service_translations::lang))
        .select(ServiceTranslationRow::as_select())
        .load(conn)?;
    let services_out = rows.into_iter().map(|r| to_input(r, &texts)).collect();
    Ok((regions_out, services_out))
}

/// Every service (published or not) with its default-language name, for editors.
pub fn all_for_editors(conn: &mut DbConnection, default: &str) -> Result<Vec<(ServiceRow, String)>, RepoError> {
    let rows: Vec<ServiceRow> =
        services::table.order((services::last_checked, services::slug)).select(ServiceRow::as_select()).load(conn)?;
    let names: Vec<(String, String)> = service_translations::table
        .filter(service_translations::lang.eq(default))
        .select((service_translations::service_id, service_translations::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let name = names.iter().find(|(id, _)| *id == r.id).map_or_else(|| r.slug.clone(), |(_, n)| n.clone());
            (r, name)
        })
        .collect())
}

/// An editor confirms the details are still right on `day`; returns the service's id.
/// Runs inside the caller's `content::in_content_transaction`.
pub fn mark_checked(c: &mut DbConnection, slug: &str, day: Date) -> Result<String, RepoError> {
    let id: String = services::table.filter(services::slug.eq(slug)).select(services::id).first(c)?;
    diesel::update(services::table.filter(services::id.eq(&id)))
        .set((services::last_checked.eq(day), services::updated_at.eq(now())))
        .execute(c)?;
    Ok(id)
}

/// Publishes or unpublishes a service; returns its id.
/// Runs inside the caller's `content::in_content_transaction`.
pub fn set_published(c: &mut DbConnection, slug: &str, published: bool) -> Result<String, RepoError> {
    let id: String = services::table.filter(services::slug.eq(slug)).select(services::id).first(c)?;
    diesel::update(services::table.filter(services::id.eq(&id)))
        .set((services::published.eq(published), services::updated_at.eq(now())))
        .execute(c)?;
    Ok(id)
}
