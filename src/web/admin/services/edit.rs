//! The service form (`/admin/services/new`, `/admin/services/{slug}/edit`): every field and
//! language, problems at their field with everything typed kept, and a refused save over a newer one.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::app::directory::{self, SaveTarget, Saved, ServiceForEdit, topic_and_region_names};
use crate::auth::Editor;
use crate::auth::Staff;
use crate::directory::KINDS;
use crate::domain::Lang;
use crate::domain::diff::DiffPart;
use crate::domain::service::{DraftText, ServiceDraft, ServiceInput, ServiceProblem};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::{PageContext, staff_context};
use crate::web::forms::{Choice, FieldError, FieldErrors, form_value, redirect_with_flash};
use crate::web::{AppState, render_with_status};

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

impl Typed {
    fn from_stored(input: &ServiceInput, enabled: &[Lang]) -> Typed {
        let (known, other): (Vec<String>, Vec<String>) =
            input.languages.iter().cloned().partition(|l| enabled.iter().any(|e| e.as_str() == l));
        let texts = input.texts.iter().map(|t| {
            let accessibility = t.accessibility.clone().unwrap_or_default();
            (t.lang.clone(), [t.name.clone(), t.description.clone(), t.hours.clone(), accessibility])
        });
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
            texts: texts.collect(),
        }
    }

    fn from_form(form: &[(String, String)], enabled: &[Lang]) -> Typed {
        let get = |k: &str| form_value(form, k);
        let all = |k: &str| form.iter().filter(|(key, _)| key == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
        let texts = enabled.iter().map(|l| {
            let field = |f: &str| get(&format!("{f}_{l}"));
            (l.to_string(), [field("name"), field("description"), field("hours"), field("accessibility")])
        });
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
            texts: texts.collect(),
        }
    }

    /// What the directory's rules check: the ticked site languages plus the codes typed by hand.
    fn draft(&self, enabled: &[Lang]) -> ServiceDraft {
        let ticked = self.languages.iter().filter(|l| enabled.iter().any(|e| e.as_str() == l.as_str())).cloned();
        let typed = self.other_languages.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
        ServiceDraft {
            slug: self.slug.clone(),
            kind: self.kind.clone(),
            topics: self.topics.clone(),
            region: self.region.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            website: self.website.clone(),
            languages: ticked.chain(typed).collect(),
            latitude: self.latitude.clone(),
            longitude: self.longitude.clone(),
            texts: self
                .texts
                .iter()
                .map(|(lang, [name, description, hours, accessibility])| DraftText {
                    lang: lang.clone(),
                    name: name.clone(),
                    description: description.clone(),
                    hours: hours.clone(),
                    accessibility: accessibility.clone(),
                })
                .collect(),
        }
    }
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

/// A select's options, led by "Choose…".
fn with_choose(ctx: &PageContext, selected: &str, options: impl Iterator<Item = (String, String)>) -> Vec<Choice> {
    let choose = (String::new(), ctx.t("admin-service-choose"));
    std::iter::once(choose)
        .chain(options)
        .map(|(value, label)| Choice { selected: value == selected, value, label })
        .collect()
}

fn text_boxes(state: &AppState, typed: &Typed) -> Vec<TextBoxes> {
    let settings = state.settings();
    let empty: [String; 4] = Default::default();
    settings
        .languages
        .iter()
        .map(|l| {
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
        .collect()
}

fn inputs(ctx: &PageContext, typed: &Typed) -> Vec<InputBox> {
    let optional = |key: &str| format!("{} {}", ctx.t(key), ctx.t("admin-service-optional"));
    vec![
        InputBox { id: "address", label: ctx.t("services-address"), kind: "text", value: typed.address.clone() },
        InputBox { id: "phone", label: ctx.t("services-phone"), kind: "tel", value: typed.phone.clone() },
        InputBox { id: "email", label: optional("services-email"), kind: "email", value: typed.email.clone() },
        InputBox { id: "website", label: optional("services-website"), kind: "url", value: typed.website.clone() },
    ]
}

/// The form for a new service (`stored` is `None`) or a stored one, holding `typed`.
async fn edit_page(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    stored: Option<&ServiceForEdit>,
    version: String,
    typed: &Typed,
) -> Result<EditPage, AppError> {
    let ctx = staff_context(state, staff, req);
    let (topic_list, region_list) = topic_and_region_names(state, &staff.lang).await?;
    let settings = state.settings();
    let languages = settings.languages.iter().map(|l| Choice {
        value: l.to_string(),
        label: Translator::new(l).language_name(),
        selected: typed.languages.iter().any(|t| t == l.as_str()),
    });
    let optional = format!("{} {}", ctx.t("services-accessibility"), ctx.t("admin-service-optional"));
    Ok(EditPage {
        csrf: staff.csrf.clone(),
        is_new: stored.is_none(),
        slug: stored.map_or_else(|| typed.slug.clone(), |s| s.service.slug.clone()),
        title: stored.map_or_else(|| ctx.t("admin-service-new"), |s| s.title.clone()),
        version,
        kinds: with_choose(&ctx, &typed.kind, KINDS.iter().map(|k| ((*k).to_owned(), ctx.tp("service-kind-", k)))),
        topics: topic_list
            .into_iter()
            .map(|(v, l)| Choice { selected: typed.topics.contains(&v), value: v, label: l })
            .collect(),
        regions: with_choose(&ctx, &typed.region, region_list.into_iter()),
        languages: languages.collect(),
        other_languages: typed.other_languages.clone(),
        inputs: inputs(&ctx, typed),
        latitude: typed.latitude.clone(),
        longitude: typed.longitude.clone(),
        last_checked: stored.map(|s| ctx.tr.date(s.service.last_checked)).unwrap_or_default(),
        checked_today: typed.checked_today,
        texts: text_boxes(state, typed),
        text_fields: vec![
            ("name", ctx.t("admin-services-name"), 0),
            ("description", ctx.t("admin-service-description"), 3),
            ("hours", ctx.t("services-hours"), 2),
            ("accessibility", optional, 2),
        ],
        errors: Vec::new(),
        conflict: Vec::new(),
        public_lang: staff.lang.to_string(),
        ctx,
    })
}

/// The directory's problems at the form's fields, in the editor's language (each once).
fn field_errors(
    ctx: &PageContext,
    problems: &[ServiceProblem],
    topics: &[Choice],
    enabled: &[Lang],
) -> Vec<FieldError> {
    let language = |lang: &str| Lang::parse(lang).map(|l| Translator::new(&l).language_name()).unwrap_or_default();
    let mut errors = FieldErrors::default();
    for problem in problems {
        let (field, message) = match problem {
            ServiceProblem::Slug(_) => ("slug".to_owned(), ctx.t("admin-service-error-slug")),
            ServiceProblem::Kind(_) => ("kind".to_owned(), ctx.t("admin-service-error-kind")),
            ServiceProblem::NoTopics | ServiceProblem::UnknownTopic(_) => (
                format!("topic-{}", topics.first().map_or("", |c| c.value.as_str())),
                ctx.t("admin-service-error-topics"),
            ),
            ServiceProblem::UnknownRegion(_) => ("region".to_owned(), ctx.t("admin-service-error-region")),
            ServiceProblem::Address => ("address".to_owned(), ctx.t("admin-service-error-address")),
            ServiceProblem::Phone(_) => ("phone".to_owned(), ctx.t("admin-service-error-phone")),
            ServiceProblem::Email(_) => ("email".to_owned(), ctx.t("admin-service-error-email")),
            ServiceProblem::Website(_) => ("website".to_owned(), ctx.t("admin-service-error-website")),
            ServiceProblem::Language(_) => ("other_languages".to_owned(), ctx.t("admin-service-error-languages")),
            ServiceProblem::NoLanguages => (
                format!("speaks-{}", enabled.first().map_or("", Lang::as_str)),
                ctx.t("admin-service-error-languages-none"),
            ),
            ServiceProblem::Coordinates => ("latitude".to_owned(), ctx.t("admin-service-error-coordinates")),
            ServiceProblem::TextIncomplete { lang, field } => (
                format!("{}_{lang}", field.as_str()),
                ctx.t_args("admin-service-error-text-incomplete", "language", &language(lang)),
            ),
            ServiceProblem::TextTooLong { lang, field } => (
                format!("{}_{lang}", field.as_str()),
                ctx.t_args("admin-service-error-long", "language", &language(lang)),
            ),
            // The form only has boxes for the site's languages.
            ServiceProblem::TextLanguage(lang) => (format!("name_{lang}"), ctx.t("admin-service-error-languages")),
            ServiceProblem::NoDefaultText(lang) => {
                (format!("name_{lang}"), ctx.t_args("admin-service-error-text-default", "language", &language(lang)))
            }
        };
        if errors.at(&field) != Some(message.as_str()) {
            errors.push(field, message);
        }
    }
    errors.into_vec()
}

pub async fn new_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
) -> Result<HttpResponse, AppError> {
    let typed = Typed { checked_today: true, ..Default::default() };
    let page = edit_page(&state, &req, &staff, None, String::new(), &typed).await?;
    render_with_status(StatusCode::OK, &page)
}

pub async fn edit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let stored = directory::for_edit(&state, &slug).await?;
    let typed = Typed::from_stored(&stored.service, &state.settings().languages);
    let page = edit_page(&state, &req, &staff, Some(&stored), stored.version.to_string(), &typed).await?;
    render_with_status(StatusCode::OK, &page)
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    save_form(&state, &req, &staff, SaveTarget::New, &form).await
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Editor(staff): Editor,
    slug: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    // A form without a readable version is treated as stale: never overwrite blindly.
    let seen_version = form_value(&form, "version").trim().parse().ok();
    save_form(&state, &req, &staff, SaveTarget::Existing { slug: slug.into_inner(), seen_version }, &form).await
}

/// Saves a new service or an edit; a refused save shows the form again with what was typed.
async fn save_form(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    target: SaveTarget,
    form: &[(String, String)],
) -> Result<HttpResponse, AppError> {
    let enabled = state.settings().languages.clone();
    let typed = Typed::from_form(form, &enabled);
    let outcome = directory::save(state, staff, target.clone(), typed.draft(&enabled), typed.checked_today).await?;
    let (edit, done) = match (&outcome, &target) {
        (Saved::Created(slug), _) | (Saved::Updated, SaveTarget::Existing { slug, .. }) => {
            (slug, "admin-service-done-saved")
        }
        (Saved::Unchanged, SaveTarget::Existing { slug, .. }) => (slug, "admin-service-done-unchanged"),
        _ => return refused(state, req, staff, &target, form, &typed, outcome).await,
    };
    Ok(redirect_with_flash(state, &format!("/admin/services/{edit}/edit"), done))
}

/// The form again after a refused save: the problems, or the other editor's change.
async fn refused(
    state: &AppState,
    req: &HttpRequest,
    staff: &Staff,
    target: &SaveTarget,
    form: &[(String, String)],
    typed: &Typed,
    outcome: Saved,
) -> Result<HttpResponse, AppError> {
    let stored = match target {
        SaveTarget::New => None,
        SaveTarget::Existing { slug, .. } => Some(directory::for_edit(state, slug).await?),
    };
    let (version, status) = match &outcome {
        Saved::Conflict(c) => (c.version.to_string(), StatusCode::CONFLICT),
        Saved::SlugTaken => (String::new(), StatusCode::UNPROCESSABLE_ENTITY),
        _ => (form_value(form, "version"), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let mut page = edit_page(state, req, staff, stored.as_ref(), version, typed).await?;
    page.errors = match outcome {
        Saved::Invalid(problems) => field_errors(&page.ctx, &problems, &page.topics, &state.settings().languages),
        Saved::SlugTaken => vec![FieldError::new("slug", page.ctx.t("admin-service-error-slug-taken"))],
        Saved::Conflict(c) => {
            // Someone saved in between: show what differs, keep what was typed, and let a second save win.
            page.conflict = c.diff;
            vec![FieldError::new("conflict", page.ctx.t("admin-service-error-changed"))]
        }
        Saved::Created(_) | Saved::Updated | Saved::Unchanged => Vec::new(),
    };
    page.ctx.has_errors = true;
    render_with_status(status, &page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::service::Known;

    fn langs() -> Vec<Lang> {
        ["en", "hy"].iter().filter_map(|l| Lang::parse(l).ok()).collect()
    }

    /// The same service as the form sends it and as a file.
    fn form_and_file(phone: &str, website: &str, address: &str, name: &str) -> (Vec<(String, String)>, String) {
        let form = [
            ("kind", "ngo"),
            ("topics", "legal"),
            ("region", "north"),
            ("address", address),
            ("phone", phone),
            ("website", website),
            ("languages", "en"),
            ("name_en", name),
            ("description_en", "Help"),
            ("hours_en", "Mon"),
        ];
        let file = format!(
            "kind = \"ngo\"\ntopics = [\"legal\"]\nregion = \"north\"\naddress = {address:?}\nphone = {phone:?}\n\
             website = {website:?}\nlanguages = [\"en\"]\nlast_checked = 2026-01-01\n\n[en]\nname = {name:?}\n\
             description = \"Help\"\nhours = \"Mon\"\n"
        );
        let mut form: Vec<(String, String)> = form.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        form.push(("slug".into(), "office".into()));
        (form, file)
    }

    #[test]
    fn the_form_and_a_file_refuse_the_same_bad_input_with_the_same_problem() {
        let (topics, regions, langs) = (vec!["legal".to_owned()], vec!["north".to_owned()], langs());
        let known = Known { topics: &topics, regions: &regions, languages: &langs, default: &langs[0] };
        let day = time::Date::from_calendar_date(2026, time::Month::January, 1).unwrap_or_else(|e| panic!("{e}"));
        let long_name = "n".repeat(301);
        for (phone, website, address, name, expected) in [
            ("call me", "https://example.org", "1 Road", "Office", Some(ServiceProblem::Phone("call me".into()))),
            ("", "https://example.org", "1 Road", "Office", Some(ServiceProblem::Phone(String::new()))),
            ("+000 10 555", "https://", "1 Road", "Office", Some(ServiceProblem::Website("https://".into()))),
            (
                "+000 10 555",
                "javascript:alert(1)",
                "1 Road",
                "Office",
                Some(ServiceProblem::Website("javascript:alert(1)".into())),
            ),
            ("+000 10 555", "", " ", "Office", Some(ServiceProblem::Address)),
            (
                "+000 10 555",
                "",
                "1 Road",
                long_name.as_str(),
                Some(ServiceProblem::TextTooLong { lang: "en".into(), field: crate::domain::service::TextField::Name }),
            ),
            ("+000 10 555", "", "1 Road", "Office", None),
        ] {
            let (form, file) = form_and_file(phone, website, address, name);
            let from_form = ServiceInput::parse(&Typed::from_form(&form, &langs).draft(&langs), &known, day);
            let from_file = crate::directory::parse_service("office.toml", &file, &topics, &regions, &langs, &langs[0]);
            match expected {
                Some(problem) => {
                    assert_eq!(from_form.as_ref().err(), Some(&vec![problem.clone()]), "form: {phone} {website}");
                    let messages: Vec<String> =
                        from_file.err().unwrap_or_default().into_iter().map(|e| e.message).collect();
                    assert_eq!(messages, vec![problem.to_string()], "file: {phone} {website}");
                }
                None => {
                    let accepted = from_form.unwrap_or_else(|e| panic!("form: {e:?}"));
                    assert_eq!(from_file.ok(), Some(accepted), "both accept it alike");
                }
            }
        }
    }
}
