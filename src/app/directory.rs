//! Editing the services directory: create, save, restore, check and publish services.
//! Also the topic and region names that staff forms offer as choices.

use crate::app::App;
use crate::db::RepoError;
use crate::db::repo::{content, directory};
use crate::domain::Lang;
use crate::error::AppError;

/// (slug, name) of every topic and every region, in the given language (or the default one).
#[tracing::instrument(skip_all)]
pub async fn topic_and_region_names(
    app: &App,
    lang: &Lang,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let (l, d) = (lang.to_string(), app.settings().default_language.to_string());
    Ok(app
        .db
        .run(move |c| {
            let topics = content::list_topics(c, &l, &d)?.into_iter().map(|t| (t.slug, t.title)).collect();
            let regions = directory::regions_in(c, &l, &d)?.into_iter().map(|r| (r.slug, r.name)).collect();
            Ok::<_, RepoError>((topics, regions))
        })
        .await?)
}
