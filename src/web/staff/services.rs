//! Editing the directory in the browser: a new service, the edit form (every
//! field, every language), revisions with a diff against the current version,
//! and restoring an old revision. Saves are checked like imported files, keep
//! everything typed on an error, and refuse to overwrite someone else's save.

use std::borrow::Cow;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{DoneQuery, Editor, Staff, form_value, staff_context, topic_and_region_names, valid_id};
use crate::db::RepoError;
use crate::db::repo::directory::{self, Revision, SaveKind, Saved, ServiceInput, ServiceText};
use crate::db::repo::now;
use crate::directory::{KINDS, parse_service, render_service};
use crate::domain::diff::{DiffPart, word_diff};
use crate::domain::inquiry::{clean_line, clean_text, is_phone};
use crate::domain::{EmailAddress, Lang, Slug};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::forms::Choice;
use crate::web::forms::FieldError;
use crate::web::{AppState, render, render_with_status, see_other};

const MAX_LINE: usize = 300;
const MAX_TEXT: usize = 5_000;

/// One language's boxes on the form.
pub struct TextBoxes {
    pub lang: String,
    pub name_label: String,
    pub dir: &'static str,
    pub is_default: bool,
    pub name: String,
    pub description: String,
    pub hours: String,
    pub accessibility: String,
}

impl TextBoxes {
    fn value(&self, field: &str) -> &str {
        match field {
            "name" => &self.name,
            "description" => &self.description,
            "hours" => &self.hours,
            _ => &self.accessibility,
        }
    }
}

/// A one-line input of the form.
pub struct InputBox {
    pub id: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
}

/// The form as typed (or as loaded).
#[derive(Default)]
struct Typed {
    slug: String,
    kind: String,
    topics: Vec<String>,
    region: String,
    address: String,
    phone: String,
    email: String,
    website: String,
    languages: Vec<String>,
    other_languages: String,
    latitude: String,
    longitude: String,
    checked_today: bool,
    texts: Vec<(String, [String; 4])>,
}

#[derive(Template)]
#[template(path = "admin/service_edit.html")]
struct EditPage {
    ctx: PageContext,
    csrf: String,
    is_new: bool,
    slug: String,
    title: String,
    version: String,
    kinds: Vec<Choice>,
    topics: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    other_languages: String,
    inputs: Vec<InputBox>,
    latitude: String,
    longitude: String,
    last_checked: String,
    checked_today: bool,
    texts: Vec<TextBoxes>,
    /// (field, label, rows; 0 for a one-line input) of each language's boxes.
    text_fields: Vec<(&'static str, String, u8)>,
    errors: Vec<FieldError>,
    /// After a conflict: what changed between the saved version and this form.
    conflict: Vec<DiffPart>,
    public_lang: String,
    notice: Option<String>,
}

impl EditPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    /// The problem with one language's box (`name`, `description`, …), if any.
    fn text_error(&self, field: &str, lang: &str) -> Option<&str> {
        self.error(&format!("{field}_{lang}"))
    }

    /// The problem reported at the first box of a group (topics, languages), if any.
    fn group_error(&self, prefix: &str) -> Option<&str> {
        self.errors.iter().find(|e| e.field.starts_with(prefix)).map(|e| e.message.as_str())
    }
}

fn typed_from(input: &ServiceInput, enabled: &[Lang]) -> Typed {
    let (known, other): (Vec<String>, Vec<String>) =
        input.languages.iter().cloned().partition(|l| enabled.iter().any(|e| e.as_str() == l));
    Typed {
        slug: input.slug.clone(),
        kind: input.kind.clone(),
        topics: input.topics.clone(),
        region: input.region.clone(),
        address: input.address.clone(),
        phone: input.phone.clone(),
        email: input.email.clone().unwrap_or_default(),
        website: input.website.clone().unwrap_or_default(),
        languages: known,
        other_languages: other.join(", "),
        latitude: input.latitude.map(|v| v.to_string()).unwrap_or_default(),
        longitude: input.longitude.map(|v| v.to_string()).unwrap_or_default(),
        checked_today: false,
        texts: input
            .texts
            .iter()
            .map(|t| {
                (
                    t.lang.clone(),
                    [
                        t.name.clone(),
                        t.description.clone(),
                        t.hours.clone(),
                        t.accessibility.clone().unwrap_or_default(),
                    ],
                )
            })
            .collect(),
    }
}

fn typed_from_form(form: &[(String, String)], enabled: &[Lang]) -> Typed {
    let get = |k: &str| form_value(form, k);
    let all = |k: &str| form.iter().filter(|(key, _)| key == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    Typed {
        slug: get("slug"),
        kind: get("kind"),
        topics: all("topics"),
        region: get("region"),
        address: get("address"),
        phone: get("phone"),
        email: get("email"),
        website: get("website"),
        languages: all("languages"),
        other_languages: get("other_languages"),
        latitude: get("latitude"),
        longitude: get("longitude"),
        checked_today: get("checked_today") == "1",
        texts: enabled
            .iter()
            .map(|l| {
                (
                    l.to_string(),
                    [
                        get(&format!("name_{l}")),
                        get(&format!("description_{l}")),
                        get(&format!("hours_{l}")),
                        get(&format!("accessibility_{l}")),
                    ],
                )
            })
            .collect(),
    }
}

fn parse_version(text: &str) -> Option<i32> {
    text.trim().parse().ok()
}

struct PageArgs<'a> {
    is_new: bool,
    title: String,
    version: String,
    last_checked: Option<time::Date>,
    typed: &'a Typed,
}

async fn edit_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    args: PageArgs<'_>,
) -> Result<EditPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let (topic_list, region_list) = topic_and_region_names(state, &staff.lang).await?;
    let settings = state.settings();
    let typed = args.typed;
    let kinds = std::iter::once(Choice {
        value: String::new(),
        label: ctx.t("admin-service-choose"),
        selected: typed.kind.is_empty(),
    })
    .chain(KINDS.iter().map(|k| Choice {
        value: (*k).to_owned(),
        label: ctx.tp("service-kind-", k),
        selected: typed.kind == *k,
    }))
    .collect();
    let regions = std::iter::once(Choice {
        value: String::new(),
        label: ctx.t("admin-service-choose"),
        selected: typed.region.is_empty(),
    })
    .chain(region_list.into_iter().map(|(v, l)| Choice { selected: typed.region == v, value: v, label: l }))
    .collect();
    let topics = topic_list
        .into_iter()
        .map(|(v, l)| Choice { selected: typed.topics.contains(&v), value: v, label: l })
        .collect();
    let languages = settings
        .languages
        .iter()
        .map(|l| Choice {
            value: l.to_string(),
            label: Translator::new(l).language_name(),
            selected: typed.languages.iter().any(|t| t == l.as_str()),
        })
        .collect();
    let texts = settings
        .languages
        .iter()
        .map(|l| {
            let empty: [String; 4] = Default::default();
            let t = typed.texts.iter().find(|(tl, _)| tl == l.as_str()).map_or(&empty, |(_, t)| t);
            TextBoxes {
                lang: l.to_string(),
                name_label: Translator::new(l).language_name(),
                dir: l.direction().as_str(),
                is_default: *l == settings.default_language,
                name: t[0].clone(),
                description: t[1].clone(),
                hours: t[2].clone(),
                accessibility: t[3].clone(),
            }
        })
        .collect();
    Ok(EditPage {
        csrf: staff.csrf.clone(),
        is_new: args.is_new,
        slug: typed.slug.clone(),
        title: args.title,
        version: args.version,
        kinds,
        topics,
        regions,
        languages,
        other_languages: typed.other_languages.clone(),
        inputs: vec![
            InputBox { id: "address", label: ctx.t("services-address"), kind: "text", value: typed.address.clone() },
            InputBox { id: "phone", label: ctx.t("services-phone"), kind: "tel", value: typed.phone.clone() },
            InputBox {
                id: "email",
                label: format!("{} {}", ctx.t("services-email"), ctx.t("admin-service-optional")),
                kind: "email",
                value: typed.email.clone(),
            },
            InputBox {
                id: "website",
                label: format!("{} {}", ctx.t("services-website"), ctx.t("admin-service-optional")),
                kind: "url",
                value: typed.website.clone(),
            },
        ],
        latitude: typed.latitude.clone(),
        longitude: typed.longitude.clone(),
        last_checked: args.last_checked.map(|d| ctx.tr.date(d)).unwrap_or_default(),
        checked_today: typed.checked_today,
        texts,
        text_fields: vec![
            ("name", ctx.t("admin-services-name"), 0),
            ("description", ctx.t("admin-service-description"), 3),
            ("hours", ctx.t("services-hours"), 2),
            ("accessibility", format!("{} {}", ctx.t("services-accessibility"), ctx.t("admin-service-optional")), 2),
        ],
        errors: Vec::new(),
        conflict: Vec::new(),
        public_lang: staff.lang.to_string(),
        notice: None,
        ctx,
    })
}

/// Checks the form like an imported file; every problem is reported at its field, in the editor's language.
fn check(
    ctx: &PageContext,
    typed: &Typed,
    topics: &[String],
    regions: &[String],
    enabled: &[Lang],
    default: &Lang,
    last_checked: time::Date,
) -> Result<ServiceInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut problem = |field: Cow<'static, str>, key: &str| errors.push(FieldError { field, message: ctx.t(key) });
    let slug = typed.slug.trim().to_ascii_lowercase();
    if Slug::parse(&slug).is_err() || slug == "new" {
        problem("slug".into(), "admin-service-error-slug");
    }
    if !KINDS.contains(&typed.kind.as_str()) {
        problem("kind".into(), "admin-service-error-kind");
    }
    if typed.topics.is_empty() || typed.topics.iter().any(|t| !topics.contains(t)) {
        problem(format!("topic-{}", topics.first().map_or("", String::as_str)).into(), "admin-service-error-topics");
    }
    if !regions.contains(&typed.region) {
        problem("region".into(), "admin-service-error-region");
    }
    let address = clean_line(&typed.address);
    if address.is_empty() || address.chars().count() > MAX_LINE {
        problem("address".into(), "admin-service-error-address");
    }
    let phone = clean_line(&typed.phone);
    if !is_phone(&phone) {
        problem("phone".into(), "admin-service-error-phone");
    }
    let email = clean_line(&typed.email);
    if !email.is_empty() && EmailAddress::parse(&email).is_err() {
        problem("email".into(), "admin-service-error-email");
    }
    let website = clean_line(&typed.website);
    if !website.is_empty()
        && !url::Url::parse(&website).is_ok_and(|u| (u.scheme() == "https" || u.scheme() == "http") && u.has_host())
    {
        problem("website".into(), "admin-service-error-website");
    }
    let mut languages: Vec<String> =
        typed.languages.iter().filter(|l| enabled.iter().any(|e| e.as_str() == l.as_str())).cloned().collect();
    for code in typed.other_languages.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()) {
        match Lang::parse(code) {
            Ok(l) if !languages.contains(&l.to_string()) => languages.push(l.to_string()),
            Ok(_) => {}
            Err(_) => {
                problem("other_languages".into(), "admin-service-error-languages");
                break;
            }
        }
    }
    if languages.is_empty() {
        problem(
            format!("speaks-{}", enabled.first().map_or("", Lang::as_str)).into(),
            "admin-service-error-languages-none",
        );
    }
    let coordinate = |text: &str, limit: f64| -> Result<Option<f64>, ()> {
        let text = text.trim().replace(',', ".");
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
            _ => Err(()),
        }
    };
    let (latitude, longitude) = match (coordinate(&typed.latitude, 90.0), coordinate(&typed.longitude, 180.0)) {
        (Ok(Some(lat)), Ok(Some(lon))) => (Some(lat), Some(lon)),
        (Ok(None), Ok(None)) => (None, None),
        _ => {
            problem("latitude".into(), "admin-service-error-coordinates");
            (None, None)
        }
    };
    let mut texts = Vec::new();
    let mut default_named = false;
    // Problems with the texts are reported per language, at the box that needs attention.
    let mut text_errors = Vec::new();
    for (lang, [name, description, hours, accessibility]) in &typed.texts {
        let name = clean_line(name);
        let (description, hours, accessibility) =
            (clean_text(description), clean_text(hours), clean_text(accessibility));
        if name.is_empty() && description.is_empty() && hours.is_empty() && accessibility.is_empty() {
            continue;
        }
        let language = Lang::parse(lang).map(|l| Translator::new(&l).language_name()).unwrap_or_default();
        let at = |field: &str| -> Cow<'static, str> { format!("{field}_{lang}").into() };
        if name.is_empty() || description.is_empty() {
            text_errors.push(FieldError {
                field: at(if name.is_empty() { "name" } else { "description" }),
                message: ctx.t_args("admin-service-error-text-incomplete", "language", &language),
            });
            continue;
        }
        let too_long = [("description", &description), ("hours", &hours), ("accessibility", &accessibility)]
            .into_iter()
            .find(|(_, t)| t.chars().count() > MAX_TEXT)
            .map(|(f, _)| f)
            .or((name.chars().count() > MAX_LINE).then_some("name"));
        if let Some(field) = too_long {
            text_errors.push(FieldError {
                field: at(field),
                message: ctx.t_args("admin-service-error-long", "language", &language),
            });
            continue;
        }
        default_named |= lang == default.as_str();
        texts.push(ServiceText {
            lang: lang.clone(),
            name,
            description,
            hours,
            accessibility: Some(accessibility).filter(|a| !a.is_empty()),
        });
    }
    if !default_named && !text_errors.iter().any(|e| e.field.ends_with(&format!("_{default}"))) {
        let language = Translator::new(default).language_name();
        text_errors.push(FieldError {
            field: format!("name_{default}").into(),
            message: ctx.t_args("admin-service-error-text-default", "language", &language),
        });
    }
    errors.extend(text_errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ServiceInput {
        slug,
        kind: typed.kind.clone(),
        topics: typed.topics.clone(),
        region: typed.region.clone(),
        address,
        phone,
        email: Some(email).filter(|e| !e.is_empty()),
        website: Some(website).filter(|w| !w.is_empty()),
        languages,
        latitude,
        longitude,
        last_checked: if typed.checked_today { now().date() } else { last_checked },
        texts,
    })
}

fn show(page: &EditPage, status: StatusCode) -> Result<HttpResponse, AppError> {
    render_with_status(status, page)
}

pub async fn new_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let typed = Typed { checked_today: true, ..Default::default() };
    let title = staff_context(&state, &staff, &req).t("admin-service-new");
    let page = edit_page(
        &state,
        &req,
        &staff,
        PageArgs { is_new: true, title, version: String::new(), last_checked: None, typed: &typed },
    )
    .await?;
    show(&page, StatusCode::OK)
}

async fn current(state: &AppState, slug: &str) -> Result<(crate::db::rows::ServiceRow, ServiceInput), AppError> {
    Slug::parse(slug).map_err(|_| AppError::NotFound)?;
    let s = slug.to_owned();
    Ok(state.db.run(move |c| directory::for_edit(c, &s)).await?)
}

fn default_name(input: &ServiceInput, default: &Lang) -> String {
    input.texts.iter().find(|t| t.lang == default.as_str()).map_or_else(|| input.slug.clone(), |t| t.name.clone())
}

pub async fn edit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let (row, input) = current(&state, &slug).await?;
    let typed = typed_from(&input, &state.settings().languages);
    let title = default_name(&input, &state.settings().default_language);
    let args = PageArgs {
        is_new: false,
        title,
        version: row.version.to_string(),
        last_checked: Some(row.last_checked),
        typed: &typed,
    };
    let mut page = edit_page(&state, &req, &staff, args).await?;
    page.notice = match done.done.as_deref() {
        Some("saved") => Some(page.ctx.t("admin-service-done-saved")),
        Some("unchanged") => Some(page.ctx.t("admin-service-done-unchanged")),
        _ => None,
    };
    show(&page, StatusCode::OK)
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    save_form(&state, &req, &staff, "new", &form).await
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    save_form(&state, &req, &staff, &path, &form).await
}

/// Saves a new service (`path` is "new") or an edit.
async fn save_form(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    path: &str,
    form: &[(String, String)],
) -> Result<HttpResponse, AppError> {
    let settings = state.settings();
    let enabled = settings.languages.clone();
    let default = settings.default_language.clone();
    let is_new = path == "new";
    let mut typed = typed_from_form(form, &enabled);
    let (stored, kind) = if is_new {
        (None, SaveKind::Create)
    } else {
        let (row, input) = current(state, path).await?;
        typed.slug = row.slug.clone();
        let seen = form.iter().find(|(k, _)| k == "version").and_then(|(_, v)| parse_version(v));
        // A form without a readable version is treated as stale: never overwrite blindly.
        let kind = SaveKind::Update(seen.unwrap_or(-1));
        (Some((row, input)), kind)
    };
    let (topic_list, region_list) = topic_and_region_names(state, &staff.lang).await?;
    let topics: Vec<String> = topic_list.into_iter().map(|(s, _)| s).collect();
    let regions: Vec<String> = region_list.into_iter().map(|(s, _)| s).collect();
    let last_checked = stored.as_ref().map_or_else(|| now().date(), |(row, _)| row.last_checked);
    let title = match &stored {
        Some((_, input)) => default_name(input, &default),
        None => staff_context(state, staff, req).t("admin-service-new"),
    };
    let form_version = form.iter().find(|(k, _)| k == "version").map(|(_, v)| v.clone()).unwrap_or_default();
    let page_args = |version: String| PageArgs {
        is_new,
        title: title.clone(),
        version,
        last_checked: stored.as_ref().map(|(row, _)| row.last_checked),
        typed: &typed,
    };
    let ctx = staff_context(state, staff, req);
    let checked = check(&ctx, &typed, &topics, &regions, &enabled, &default, last_checked);
    let service = match checked {
        Ok(service) => service,
        Err(errors) => {
            let mut page = edit_page(state, req, staff, page_args(form_version)).await?;
            page.errors = errors;
            page.ctx.has_errors = true;
            return show(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let body = render_service(&service).map_err(AppError::Internal)?;
    let actor = staff.user_id.clone();
    let (to_save, body_saved) = (service.clone(), body.clone());
    match state.db.run(move |c| directory::save_one(c, &to_save, &body_saved, kind, &actor)).await {
        Ok(Saved::Changed) => {
            state.cache.invalidate();
            Ok(see_other(&format!("/admin/services/{}/edit?done=saved", service.slug)))
        }
        Ok(Saved::Unchanged) => Ok(see_other(&format!("/admin/services/{}/edit?done=unchanged", service.slug))),
        Err(RepoError::Conflict(what)) if what == "exists" => {
            let mut page = edit_page(state, req, staff, page_args(String::new())).await?;
            page.errors
                .push(FieldError { field: "slug".into(), message: page.ctx.t("admin-service-error-slug-taken") });
            page.ctx.has_errors = true;
            show(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(RepoError::Conflict(_)) => {
            // Someone saved in between: show what differs, keep what was typed, and let a second save win.
            let (row, input) = current(state, path).await?;
            let saved = render_service(&input).map_err(AppError::Internal)?;
            let mut page = edit_page(state, req, staff, page_args(row.version.to_string())).await?;
            page.errors
                .push(FieldError { field: "conflict".into(), message: page.ctx.t("admin-service-error-changed") });
            page.conflict = word_diff(&saved, &body);
            page.ctx.has_errors = true;
            show(&page, StatusCode::CONFLICT)
        }
        Err(e) => Err(e.into()),
    }
}

pub struct RevisionLine {
    pub rev: Revision,
    pub number: usize,
}

#[derive(Template)]
#[template(path = "admin/service_revisions.html")]
struct RevisionsPage {
    ctx: PageContext,
    csrf: String,
    slug: String,
    title: String,
    revisions: Vec<RevisionLine>,
    compared: Option<usize>,
    diff: Vec<DiffPart>,
    errors: Vec<FieldError>,
    /// The current version, which a restore form carries.
    version: i32,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    compare: Option<String>,
}

async fn revisions_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    slug: &str,
    compare: Option<&str>,
) -> Result<RevisionsPage, AppError> {
    let (row, input) = current(state, slug).await?;
    let s = slug.to_owned();
    let list = state.db.run(move |c| directory::revisions(c, &s)).await?;
    let count = list.len();
    let revisions: Vec<RevisionLine> =
        list.into_iter().enumerate().map(|(i, rev)| RevisionLine { rev, number: count - i }).collect();
    let mut compared = None;
    let mut diff = Vec::new();
    if let Some(id) = compare
        && let Some(line) = revisions.iter().find(|r| r.rev.id == id)
    {
        let now_text = render_service(&input).map_err(AppError::Internal)?;
        compared = Some(line.number);
        diff = word_diff(&line.rev.body, &now_text);
    }
    Ok(RevisionsPage {
        ctx: staff_context(state, staff, req),
        csrf: staff.csrf.clone(),
        slug: slug.to_owned(),
        title: default_name(&input, &state.settings().default_language),
        revisions,
        compared,
        diff,
        errors: Vec::new(),
        version: row.version,
    })
}

pub async fn revisions(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    query: web::Query<CompareQuery>,
) -> Result<HttpResponse, AppError> {
    let page = revisions_page(&state, &req, &staff, &slug, query.compare.as_deref()).await?;
    render_with_status(StatusCode::OK, &page)
}

/// Makes an old revision the current version (as a new revision). It is checked like a file:
/// a revision naming a topic or region that no longer exists is refused with the reason.
#[derive(Deserialize)]
pub struct RestoreInput {
    #[serde(default)]
    version: String,
}

pub async fn restore(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    path: web::Path<(String, String)>,
    input: web::Form<RestoreInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, rev_id) = path.into_inner();
    valid_id(&rev_id)?;
    let mut page = revisions_page(&state, &req, &staff, &slug, None).await?;
    let Some(line) = page.revisions.iter().find(|r| r.rev.id == rev_id) else { return Err(AppError::NotFound) };
    let body = line.rev.body.clone();
    let (topic_list, region_list) = topic_and_region_names(&state, &staff.lang).await?;
    let topics: Vec<String> = topic_list.into_iter().map(|(s, _)| s).collect();
    let regions: Vec<String> = region_list.into_iter().map(|(s, _)| s).collect();
    let settings = state.settings();
    let parsed = parse_service(
        &format!("{slug}.toml"),
        &body,
        &topics,
        &regions,
        &settings.languages,
        &settings.default_language,
    );
    let refuse = |mut page: RevisionsPage, key: &str, status: StatusCode| {
        page.errors.push(FieldError { field: format!("restore-{rev_id}").into(), message: page.ctx.t(key) });
        page.ctx.has_errors = true;
        render_with_status(status, &page)
    };
    let Ok(service) = parsed else {
        return refuse(page, "admin-service-error-restore", StatusCode::UNPROCESSABLE_ENTITY);
    };
    let actor = staff.user_id.clone();
    let kind = SaveKind::Restore(parse_version(&input.version).unwrap_or(-1));
    match state.db.run(move |c| directory::save_one(c, &service, &body, kind, &actor)).await {
        Ok(_) => {
            state.cache.invalidate();
            Ok(see_other(&format!("/admin/services/{slug}/edit?done=saved")))
        }
        Err(RepoError::Conflict(_)) => {
            // Someone saved after this page was loaded: show the list as it is now.
            let fresh = revisions_page(&state, &req, &staff, &slug, None).await?;
            page = fresh;
            refuse(page, "admin-service-error-restore-changed", StatusCode::CONFLICT)
        }
        Err(e) => Err(e.into()),
    }
}

// The directory list for editors and its quick actions (checked, publish, unpublish).

pub struct ServiceLine {
    pub slug: String,
    pub name: String,
    pub last_checked: String,
    pub stale: bool,
    pub published: bool,
}

#[derive(Template)]
#[template(path = "admin/services.html")]
struct ServicesPage {
    ctx: PageContext,
    csrf: String,
    lines: Vec<ServiceLine>,
    stale: usize,
    lang: String,
    notice: Option<String>,
}

/// The directory for editors: services not checked for a long time first.
pub async fn services(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    done: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let d = state.settings().default_language.to_string();
    let rows = state.db.run(move |c| crate::db::repo::directory::all_for_editors(c, &d)).await?;
    let ctx = staff_context(&state, &staff, &req);
    let limit = now().date() - time::Duration::days(i64::from(state.settings().service_check_days));
    let lines: Vec<ServiceLine> = rows
        .into_iter()
        .map(|(r, name)| ServiceLine {
            stale: r.last_checked < limit,
            last_checked: ctx.tr.date(r.last_checked),
            published: r.published,
            slug: r.slug,
            name,
        })
        .collect();
    let notice = match done.done.as_deref() {
        Some("checked") => Some(ctx.t("admin-services-done-checked")),
        Some("state") => Some(ctx.t("admin-done-settings")),
        _ => None,
    };
    render(&ServicesPage {
        csrf: staff.csrf.clone(),
        stale: lines.iter().filter(|l| l.stale).count(),
        lines,
        lang: staff.lang.to_string(),
        notice,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct ServiceAction {
    #[serde(default)]
    action: String,
}

pub async fn service_action(
    state: web::Data<AppState>,
    Editor(staff): Editor,
    slug: web::Path<String>,
    input: web::Form<ServiceAction>,
) -> Result<HttpResponse, AppError> {
    let (checked, published, done) = match input.action.as_str() {
        "checked" => (Some(now().date()), None, "checked"),
        "publish" => (None, Some(true), "state"),
        "unpublish" => (None, Some(false), "state"),
        _ => return Err(AppError::BadRequest),
    };
    let (slug, actor) = (slug.into_inner(), staff.user_id.clone());
    state.db.run(move |c| crate::db::repo::directory::update_state(c, &slug, checked, published, &actor)).await?;
    state.cache.invalidate();
    Ok(see_other(&format!("/admin/services?done={done}")))
}
