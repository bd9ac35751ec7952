//! Stored settings (`/admin/settings`): the few settings an admin may change without a
//! restart, checked by the same parsers as the environment (`config`), saved by `app::admin`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::app::admin::{self, SettingField, SettingsSaved};
use crate::auth::{Admin, Staff};
use crate::error::AppError;
use crate::web::context::PageContext;
use crate::web::context::staff_context;
use crate::web::forms::{FieldError, form_value, redirect_with_flash};
use crate::web::{AppState, render_with_status};

/// The one setting the form shows as a checkbox.
const CHECKBOX: &str = "require_admin_2fa";

/// One line of the settings form.
pub struct SettingBox {
    pub key: &'static str,
    pub value: String,
    pub base: String,
    pub changed: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    ctx: PageContext,
    csrf: String,
    fields: Vec<SettingBox>,
    errors: Vec<FieldError>,
}

fn settings_page(state: &AppState, req: &HttpRequest, staff: &Staff, fields: Vec<SettingField>) -> SettingsPage {
    let ctx = staff_context(state, staff, req);
    let fields: Vec<SettingBox> = fields
        .into_iter()
        .map(|f| SettingBox {
            error: f.refused.then(|| ctx.tp("admin-setting-error-", f.key)),
            key: f.key,
            value: f.value,
            base: f.base,
            changed: f.changed,
        })
        .collect();
    let errors: Vec<FieldError> =
        fields.iter().filter_map(|f| f.error.clone().map(|message| FieldError::new(f.key, message))).collect();
    let mut page = SettingsPage { csrf: staff.csrf.clone(), fields, errors, ctx };
    page.ctx.has_errors = !page.errors.is_empty();
    page
}

pub async fn settings_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
) -> Result<HttpResponse, AppError> {
    render_with_status(StatusCode::OK, &settings_page(&state, &req, &staff, admin::settings(&state)))
}

pub async fn save_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    Admin(staff): Admin,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let given: Vec<(String, String)> = crate::config::OVERRIDABLE
        .iter()
        .map(|key| {
            // An unticked checkbox sends nothing.
            let value =
                if *key == CHECKBOX { form.iter().any(|(k, _)| k == key).to_string() } else { form_value(&form, key) };
            ((*key).to_owned(), value)
        })
        .collect();
    match admin::save_settings(&state, &staff, &given).await? {
        SettingsSaved::Saved | SettingsSaved::Unchanged => {
            Ok(redirect_with_flash(&state, "/admin/settings", "admin-done-settings"))
        }
        SettingsSaved::Refused(fields) => {
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &settings_page(&state, &req, &staff, fields))
        }
    }
}
