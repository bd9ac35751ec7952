//! "Where to get help": the finder (a plain GET form: region, topic, language
//! spoken) and a page per service, with a `geo:` link instead of map tiles.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::PathLang;
use crate::app::guidance::{self, RegionView, ServiceFilter, ServiceView};
use crate::domain::{Lang, Slug};
use crate::error::AppError;
use crate::i18n::Translator;
use crate::web::context::PageContext;
use crate::web::{AppState, render};

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A service as a list item or page shows it.
pub struct ServiceItem {
    pub view: ServiceView,
    pub kind_label: String,
    pub languages_label: String,
    pub href: String,
    /// Not checked for longer than the setting allows: readers see the date with a warning.
    pub stale: bool,
    pub checked_label: String,
    pub geo: Option<String>,
    /// `tel:` wants digits and a leading + only.
    pub tel_href: String,
    /// The language of the text shown, when it is not the page's.
    pub text_lang: Option<String>,
}

pub fn item(state: &AppState, ctx: &PageContext, lang: &Lang, view: ServiceView) -> ServiceItem {
    let stale_after = time::Duration::days(i64::from(state.settings().service_check_days));
    let languages_label = view
        .languages
        .iter()
        .filter_map(|l| Lang::parse(l).ok())
        .map(|l| Translator::new(&l).language_name())
        .collect::<Vec<_>>()
        .join(", ");
    ServiceItem {
        kind_label: ctx.tp("service-kind-", &view.row.kind),
        href: format!("/{lang}/services/{}", view.row.slug),
        stale: view.row.last_checked + stale_after < time::OffsetDateTime::now_utc().date(),
        checked_label: ctx.tr.date(view.row.last_checked),
        geo: match (view.row.latitude, view.row.longitude) {
            (Some(lat), Some(lon)) => Some(format!("geo:{lat:.5},{lon:.5}")),
            _ => None,
        },
        text_lang: (view.text.lang != lang.as_str()).then(|| view.text.lang.clone()),
        tel_href: format!(
            "tel:{}",
            view.row.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()
        ),
        languages_label,
        view,
    }
}

#[derive(Template)]
#[template(path = "public/services.html")]
struct FinderPage {
    ctx: PageContext,
    regions: Vec<Choice>,
    topics: Vec<Choice>,
    languages: Vec<Choice>,
    items: Vec<ServiceItem>,
    filtered: bool,
}

#[derive(Deserialize, Default)]
pub struct FinderQuery {
    #[serde(default)]
    region: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    language: String,
}

pub async fn finder(
    state: web::Data<AppState>,
    lang: PathLang,
    query: web::Query<FinderQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let (regions, topics) = guidance::finder_choices(&state, &lang).await?;
    // Only known values filter; anything else is ignored rather than an error.
    let region = Some(query.region.clone()).filter(|r| regions.iter().any(|x: &RegionView| &x.slug == r));
    let topic = Some(query.topic.clone()).filter(|t| topics.iter().any(|x| &x.slug == t));
    let language = Some(query.language.clone()).filter(|x| Lang::parse(x).is_ok());
    let filter = ServiceFilter { region: region.clone(), topic: topic.clone(), language: language.clone() };
    let views = guidance::find_services(&state, &lang, filter).await?;
    let mut qs = Vec::new();
    for (k, v) in [("region", &region), ("topic", &topic), ("language", &language)] {
        if let Some(v) = v {
            qs.push(format!("{k}={v}"));
        }
    }
    let rest = if qs.is_empty() { "/services".to_owned() } else { format!("/services?{}", qs.join("&amp;")) };
    let ctx = PageContext::public(&state, &lang, &rest.replace("&amp;", "&"));
    let any = ctx.t("services-filter-any");
    let mut region_choices = vec![Choice { value: String::new(), label: any.clone(), selected: region.is_none() }];
    region_choices.extend(regions.iter().map(|r| Choice {
        selected: region.as_deref() == Some(r.slug.as_str()),
        value: r.slug.clone(),
        label: r.name.clone(),
    }));
    let mut topic_choices = vec![Choice { value: String::new(), label: any.clone(), selected: topic.is_none() }];
    topic_choices.extend(topics.iter().map(|t| Choice {
        selected: topic.as_deref() == Some(t.slug.as_str()),
        value: t.slug.clone(),
        label: t.title.clone(),
    }));
    let mut language_choices = vec![Choice { value: String::new(), label: any, selected: language.is_none() }];
    language_choices.extend(["en", "hy", "az", "ru"].iter().filter_map(|l| Lang::parse(l).ok()).map(|l| Choice {
        selected: language.as_deref() == Some(l.as_str()),
        value: l.to_string(),
        label: Translator::new(&l).language_name(),
    }));
    let items = views.into_iter().map(|v| item(&state, &ctx, &lang, v)).collect();
    render(&FinderPage {
        regions: region_choices,
        topics: topic_choices,
        languages: language_choices,
        items,
        filtered: region.is_some() || topic.is_some() || language.is_some(),
        ctx,
    })
}

#[derive(Template)]
#[template(path = "public/service.html")]
struct ServicePage {
    ctx: PageContext,
    item: ServiceItem,
    topics: Vec<(String, String)>,
}

pub async fn service(state: web::Data<AppState>, req: HttpRequest, lang: PathLang) -> Result<HttpResponse, AppError> {
    let lang = lang.0;
    let slug = Slug::parse(req.match_info().get("slug").unwrap_or("")).map_err(|_| AppError::NotFound)?;
    let (view, topics) = guidance::service(&state, &lang, &slug).await?;
    let ctx = PageContext::public(&state, &lang, &format!("/services/{slug}"));
    let topics = view
        .topics
        .iter()
        .filter_map(|t| topics.iter().find(|x| &x.slug == t))
        .map(|t| (format!("/{lang}/topics/{}", t.slug), t.title.clone()))
        .collect();
    let item = item(&state, &ctx, &lang, view);
    render(&ServicePage { ctx, item, topics })
}
