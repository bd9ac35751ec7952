//! What every page template needs: the reader's language and translator, the
//! language switcher's links, asset URLs and the quick-exit target (`base.html` reads it).

use actix_web::HttpRequest;
use actix_web::http::header;

use crate::auth::Staff;
use crate::domain::{Lang, Role};
use crate::i18n::{Translator, negotiate};
use crate::web::AppState;

/// One entry of the language switcher (and, where `hreflang`, an alternate link).
#[derive(Clone, Debug)]
pub struct Alternate {
    pub lang: String,
    pub name: String,
    pub href: String,
    /// Absolute URL for `<link rel=alternate hreflang>`.
    pub abs_href: String,
    pub current: bool,
    pub hreflang: bool,
}

pub struct PageContext {
    pub lang: Lang,
    pub dir: &'static str,
    pub tr: Translator,
    pub alternates: Vec<Alternate>,
    pub css_href: String,
    pub icon_href: String,
    pub home_href: String,
    pub privacy_href: String,
    pub services_href: String,
    pub quick_exit_href: String,
    /// `reading` (40rem column) for public pages, `wide` for staff tables.
    pub width_class: &'static str,
    /// A form on the page failed validation: the title starts with "Error:".
    pub has_errors: bool,
    /// Staff pages: the navigation and the sign-out button.
    pub staff_nav: Option<StaffNav>,
    /// A confirmation left by the POST that redirected here, already translated.
    pub flash: Option<String>,
}

impl PageContext {
    fn new(state: &AppState, lang: &Lang, alternates: Vec<Alternate>) -> PageContext {
        PageContext {
            lang: lang.clone(),
            dir: lang.direction().as_str(),
            tr: Translator::new(lang),
            alternates,
            css_href: state.assets.href("css/app.css"),
            icon_href: state.assets.href("img/favicon.svg"),
            home_href: format!("/{lang}/"),
            privacy_href: format!("/{lang}/privacy"),
            services_href: format!("/{lang}/services"),
            quick_exit_href: state.settings().quick_exit_url.to_string(),
            width_class: "reading",
            has_errors: false,
            staff_nav: None,
            flash: None,
        }
    }

    /// A signed-in staff page: in the staff member's own language, no switcher (they pick it on their account page).
    pub fn for_staff(state: &AppState, lang: &Lang) -> PageContext {
        let mut ctx = PageContext::new(state, lang, Vec::new());
        ctx.home_href = "/staff/".to_owned();
        ctx.width_class = "wide";
        ctx
    }

    /// A public page at `/{lang}{rest}`; the switcher leads to `/{other}{rest}`.
    pub fn public(state: &AppState, lang: &Lang, rest: &str) -> PageContext {
        let alternates = state
            .settings()
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.to_string(),
                name: Translator::new(l).language_name(),
                href: format!("/{l}{rest}"),
                abs_href: state.absolute(&format!("/{l}{rest}")),
                current: l == lang,
                hreflang: true,
            })
            .collect();
        PageContext::new(state, lang, alternates)
    }

    /// A page without a language in its path (setup, staff): the language comes from
    /// `?lang=` or the browser, and the switcher adds `?lang=`.
    pub fn unprefixed(state: &AppState, req: &HttpRequest) -> PageContext {
        let lang = request_language(state, req);
        let alternates = state
            .settings()
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.to_string(),
                name: Translator::new(l).language_name(),
                href: format!("?lang={l}"),
                abs_href: String::new(),
                current: *l == lang,
                hreflang: false,
            })
            .collect();
        PageContext::new(state, &lang, alternates)
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    pub fn t_args(&self, key: &str, name: &'static str, value: &str) -> String {
        self.tr.t_args(key, &[(name, value)])
    }

    /// A string that depends on a count (`$count`).
    pub fn tc(&self, key: &str, count: impl std::borrow::Borrow<usize>) -> String {
        self.tr.t_count(key, *count.borrow(), &[])
    }

    /// The string `prefix` + `name`, e.g. `staff-status-` + `new`.
    pub fn tp(&self, prefix: &str, name: &str) -> String {
        self.tr.t(&format!("{prefix}{name}"))
    }

    /// A date and time for staff pages (UTC, unambiguous).
    pub fn when(&self, at: &time::PrimitiveDateTime) -> String {
        format!("{} {:02}:{:02} UTC", self.tr.date(at.date()), at.hour(), at.minute())
    }
}

/// The language to answer in when the path has none (or an unknown one):
/// `?lang=`, else a language path prefix, else `Accept-Language`, else the default.
pub fn request_language(state: &AppState, req: &HttpRequest) -> Lang {
    let enabled = &state.settings().languages;
    let from_query = req.query_string().split('&').find_map(|pair| pair.strip_prefix("lang="));
    let from_path = req.path().trim_start_matches('/').split('/').next();
    for candidate in [from_query, from_path].into_iter().flatten() {
        if let Some(l) = enabled.iter().find(|l| l.as_str() == candidate) {
            return l.clone();
        }
    }
    let header = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|h| h.to_str().ok());
    negotiate(header, enabled, &state.settings().default_language)
}

/// One link of the staff navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// What `base.html` shows above a staff page: the links for this person's roles and sign-out.
pub struct StaffNav {
    pub links: Vec<NavLink>,
    pub email: String,
    pub csrf: String,
}

/// The page context for a signed-in staff member: their language, the staff navigation.
pub fn staff_context(state: &AppState, staff: &Staff, req: &HttpRequest) -> PageContext {
    let current = req.path();
    let mut ctx = PageContext::for_staff(state, &staff.lang);
    ctx.flash = crate::web::forms::flash_of(req).map(|f| ctx.t(&f.0));
    let mut links = Vec::new();
    let mut add = |href: &'static str, key: &str| {
        links.push(NavLink { href, label: ctx.t(key), current: current.starts_with(href) });
    };
    if staff.has(Role::Caseworker) {
        add("/staff/inquiries", "staff-nav-queue");
        add("/staff/replies", "staff-nav-replies");
    }
    if staff.has(Role::Editor) {
        add("/admin/content", "staff-nav-content");
        add("/admin/translations", "staff-nav-translations");
        add("/admin/services", "staff-nav-services");
        add("/admin/feedback", "staff-nav-feedback");
    }
    if staff.has(Role::Admin) {
        add("/admin/users", "staff-nav-users");
        add("/admin/teams", "staff-nav-teams");
        add("/admin/settings", "staff-nav-settings");
        add("/admin/outbox", "staff-nav-outbox");
        add("/admin/audit", "staff-nav-audit");
    }
    add("/staff/account", "staff-nav-account");
    ctx.staff_nav = Some(StaffNav { links, email: staff.email.clone(), csrf: staff.csrf.clone() });
    ctx
}
