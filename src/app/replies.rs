//! Canned replies: ready-made answers per language that caseworkers start a reply from.
//! Creating and deleting one is audited; the texts are checked by `NewCannedReply::parse`.

use crate::app::App;
use crate::auth::Staff;
use crate::db::repo::{audit, canned};
use crate::db::rows::CannedReplyRow;
use crate::db::write_transaction;
use crate::domain::inquiry::{clean_line, clean_text};
use crate::domain::{AuditAction, CannedReplyId, Lang};
use crate::error::AppError;

/// The longest reply, note or canned reply a caseworker may write.
pub const MAX_STAFF_TEXT: usize = 20_000;
/// The longest title of a canned reply.
pub const MAX_TITLE: usize = 200;

/// A canned reply as the replies page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannedReply {
    pub id: CannedReplyId,
    pub lang: String,
    pub title: String,
    pub body: String,
    pub guide_slug: Option<String>,
}

impl From<CannedReplyRow> for CannedReply {
    fn from(r: CannedReplyRow) -> Self {
        CannedReply {
            id: CannedReplyId::from_stored(r.id),
            lang: r.lang,
            title: r.title,
            body: r.body,
            guide_slug: r.guide_slug,
        }
    }
}

/// What is wrong with a new canned reply, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CannedProblem {
    /// Empty or longer than `MAX_TITLE`.
    Title,
    /// Empty or longer than `MAX_STAFF_TEXT`.
    Body,
}

impl CannedProblem {
    pub fn field(self) -> &'static str {
        match self {
            CannedProblem::Title => "title",
            CannedProblem::Body => "body",
        }
    }

    /// The staff catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            CannedProblem::Title => "staff-error-canned-title",
            CannedProblem::Body => "staff-error-canned-body",
        }
    }
}

/// A checked canned reply, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCannedReply {
    pub lang: Lang,
    pub title: String,
    pub body: String,
    pub guide_slug: Option<String>,
}

impl NewCannedReply {
    /// Cleans and checks the texts (the language and guide are chosen from lists the caller checked).
    pub fn parse(lang: Lang, title: &str, body: &str, guide_slug: Option<String>) -> Result<Self, Vec<CannedProblem>> {
        let (title, body) = (clean_line(title), clean_text(body));
        let mut problems = Vec::new();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            problems.push(CannedProblem::Title);
        }
        if body.is_empty() || body.chars().count() > MAX_STAFF_TEXT {
            problems.push(CannedProblem::Body);
        }
        if problems.is_empty() { Ok(NewCannedReply { lang, title, body, guide_slug }) } else { Err(problems) }
    }
}

/// Every canned reply, or those of one language, by language and title.
#[tracing::instrument(skip_all)]
pub async fn list(app: &App, lang: Option<Lang>) -> Result<Vec<CannedReply>, AppError> {
    let rows = app.db.run(move |c| canned::list(c, lang.as_ref().map(Lang::as_str))).await?;
    Ok(rows.into_iter().map(CannedReply::from).collect())
}

/// Stores a new canned reply (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn create(app: &App, actor: &Staff, reply: NewCannedReply) -> Result<CannedReplyId, AppError> {
    let actor = actor.user_id.clone();
    let id = app
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                let id =
                    canned::create(c, reply.lang.as_str(), &reply.title, &reply.body, reply.guide_slug.as_deref())?;
                audit::record(
                    c,
                    audit::Event::new(Some(&actor), AuditAction::CannedReplyCreate, "canned_reply", Some(&id)),
                )?;
                Ok(id)
            })
        })
        .await?;
    Ok(CannedReplyId::from_stored(id))
}

/// Deletes a canned reply (audited); `NotFound` when there is none with this id.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id, reply = %id))]
pub async fn delete(app: &App, actor: &Staff, id: CannedReplyId) -> Result<(), AppError> {
    let actor = actor.user_id.clone();
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                canned::delete(c, id.as_str())?;
                audit::record(
                    c,
                    audit::Event::new(Some(&actor), AuditAction::CannedReplyDelete, "canned_reply", Some(id.as_str())),
                )
            })
        })
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn texts_are_cleaned_and_limited() {
        let ok = NewCannedReply::parse(lang("en"), "  Thanks \u{7} ", "Body\r\n", None);
        assert_eq!(ok.map(|r| (r.title, r.body)), Ok(("Thanks".to_owned(), "Body".to_owned())));
        assert_eq!(
            NewCannedReply::parse(lang("en"), " ", "", None),
            Err(vec![CannedProblem::Title, CannedProblem::Body])
        );
        let long = "x".repeat(MAX_TITLE + 1);
        assert_eq!(NewCannedReply::parse(lang("en"), &long, "b", None), Err(vec![CannedProblem::Title]));
    }

    #[actix_rt::test]
    async fn a_created_reply_is_listed_audited_and_can_be_deleted() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = testing::staff(&app).await;
        let reply = NewCannedReply::parse(lang("hy"), "Բարև", "Պատասխան", Some("pensions".into()))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let id = create(&app, &staff, reply).await?;
        assert_eq!(
            list(&app, Some(lang("hy"))).await?.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
            vec![id.clone()]
        );
        assert!(list(&app, Some(lang("en"))).await?.is_empty());
        delete(&app, &staff, id.clone()).await?;
        assert!(list(&app, None).await?.is_empty());
        assert!(matches!(delete(&app, &staff, id).await, Err(AppError::NotFound)));
        let actions = testing::audit_actions(&app).await;
        // The test account's creation comes first.
        assert_eq!(actions, vec!["account.create", "canned_reply.create", "canned_reply.delete"]);
        Ok(())
    }
}
