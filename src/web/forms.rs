//! Form pieces every area shares: field errors for the GOV.UK error summary, choices for
//! selects and radios, reading repeated fields, and the one-time flash message that a
//! successful POST leaves for the page it redirects to (post/redirect/get).

use std::borrow::Cow;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};

use crate::crypto::keyed_hash;
use crate::web::AppState;

/// One problem with a form, for the error summary and the message at the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the input the summary links to.
    pub field: Cow<'static, str>,
    /// Already in the reader's language.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<Cow<'static, str>>, message: String) -> FieldError {
        FieldError { field: field.into(), message }
    }
}

/// The errors of one form, in the order the fields appear.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, field: impl Into<Cow<'static, str>>, message: String) {
        self.0.push(FieldError::new(field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for one field, if it has one.
    pub fn at(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}

/// One option of a select or a radio group.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Options from (value, label) pairs, with the one equal to `selected` marked.
pub fn choices(options: Vec<(String, String)>, selected: &str) -> Vec<Choice> {
    options.into_iter().map(|(value, label)| Choice { selected: value == selected, value, label }).collect()
}

/// A form field's value from a form read as pairs (for forms with repeated or per-language names).
pub fn form_value(form: &[(String, String)], key: &str) -> String {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// The cookie that carries a flash message to the next page, for a minute at most.
const FLASH_COOKIE: &str = "homeward_flash";
const FLASH_SECONDS: i64 = 60;

/// A confirmation shown once on the page a successful POST redirects to. The message is a
/// key of the staff catalogue (never text a person typed), signed so nobody else can set one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash(pub String);

fn flash_mac(state: &AppState, key: &str) -> String {
    hex::encode(&keyed_hash(&state.key.derive("flash-message"), key.as_bytes())[..16])
}

fn is_message_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 80 && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A 303 to `location` that shows `message_key` there once.
pub fn redirect_with_flash(state: &AppState, location: &str, message_key: &str) -> HttpResponse {
    let mut res = crate::web::see_other(location);
    if is_message_key(message_key) {
        let cookie = Cookie::build(FLASH_COOKIE, format!("{message_key}.{}", flash_mac(state, message_key)))
            .path("/")
            .http_only(true)
            .secure(state.settings().is_https())
            .same_site(SameSite::Lax)
            .max_age(CookieDuration::seconds(FLASH_SECONDS))
            .finish();
        if let Err(e) = res.add_cookie(&cookie) {
            tracing::warn!(error = %e, "could not set the flash cookie");
        }
    }
    res
}

/// Reads (and checks) the flash cookie of a request; the guard stores it in the request's
/// extensions for `staff_context` and clears the cookie on the response.
pub fn read_flash(state: &AppState, req: &HttpRequest) -> Option<Flash> {
    let value = req.cookie(FLASH_COOKIE)?.value().to_owned();
    let (key, mac) = value.rsplit_once('.')?;
    let expected = flash_mac(state, key);
    (is_message_key(key) && crate::crypto::constant_time_eq(expected.as_bytes(), mac.as_bytes()))
        .then(|| Flash(key.to_owned()))
}

/// Whether the request carried a flash cookie at all (so the response clears it).
pub fn has_flash_cookie(req: &HttpRequest) -> bool {
    req.cookie(FLASH_COOKIE).is_some()
}

/// A cookie that removes the flash once its page has been shown.
pub fn clear_flash_cookie() -> Cookie<'static> {
    let mut cookie = Cookie::build(FLASH_COOKIE, "").path("/").http_only(true).same_site(SameSite::Lax).finish();
    cookie.make_removal();
    cookie
}

/// The flash message the guard found for this request, if any.
pub fn flash_of(req: &HttpRequest) -> Option<Flash> {
    req.extensions().get::<Flash>().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_keys_are_plain_catalogue_keys() {
        assert!(is_message_key("admin-team-done-saved"));
        for bad in ["", "a b", "<script>", "Admin", "key.with.dots", &"x".repeat(81)] {
            assert!(!is_message_key(bad), "{bad:?}");
        }
    }

    #[test]
    fn choices_mark_the_selected_value() {
        let c = choices(vec![("a".into(), "A".into()), ("b".into(), "B".into())], "b");
        assert_eq!(c.iter().map(|c| c.selected).collect::<Vec<_>>(), vec![false, true]);
    }

    #[test]
    fn field_errors_find_the_message_of_a_field() {
        let mut e = FieldErrors::default();
        e.push("email", "Enter an email address".into());
        assert_eq!(e.at("email"), Some("Enter an email address"));
        assert_eq!(e.at("name"), None);
    }
}
