//! "Was this page useful?": a reader's yes or no and optional comment on a guide, stored
//! with the guide and the language only (no name, address or cookie); and what editors learn from it.

use time::{Date, PrimitiveDateTime};

use crate::app::App;
use crate::db::RepoError;
use crate::db::repo::content as repo;
use crate::db::repo::{editor, workspace};
use crate::domain::{Lang, Slug};
use crate::error::AppError;

/// The longest comment a reader may leave.
pub const MAX_COMMENT_CHARS: usize = 1000;

/// What is wrong with an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackProblem {
    /// Neither "yes" nor "no" was chosen.
    Choice,
    /// Longer than `MAX_COMMENT_CHARS`.
    CommentTooLong,
}

impl FeedbackProblem {
    /// The public catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            FeedbackProblem::Choice => "feedback-error-choice",
            FeedbackProblem::CommentTooLong => "feedback-error-comment-long",
        }
    }
}

/// A checked answer, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    pub useful: bool,
    /// Trimmed; `None` when empty.
    pub comment: Option<String>,
}

impl NewFeedback {
    /// `useful` is the form's "yes" or "no"; the comment is trimmed and limited.
    pub fn parse(useful: &str, comment: &str) -> Result<NewFeedback, Vec<FeedbackProblem>> {
        let useful = match useful {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        let comment = comment.trim();
        let mut problems = Vec::new();
        if useful.is_none() {
            problems.push(FeedbackProblem::Choice);
        }
        if comment.chars().count() > MAX_COMMENT_CHARS {
            problems.push(FeedbackProblem::CommentTooLong);
        }
        match useful {
            Some(useful) if problems.is_empty() => {
                Ok(NewFeedback { useful, comment: (!comment.is_empty()).then(|| comment.to_owned()) })
            }
            _ => Err(problems),
        }
    }
}

/// Stores an answer about a published guide; `NotFound` when there is none with this slug.
#[tracing::instrument(skip_all, fields(guide = %slug))]
pub async fn give(app: &App, lang: &Lang, slug: &Slug, feedback: NewFeedback) -> Result<(), AppError> {
    let (l, s, vault) = (lang.to_string(), slug.to_string(), app.vault.clone());
    app.db.run(move |c| repo::add_feedback(c, &vault, &s, &l, feedback.useful, feedback.comment.as_deref())).await?;
    Ok(())
}

/// What readers said about one guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideFeedback {
    pub slug: String,
    /// In the default language (else the slug).
    pub title: String,
    pub yes: i64,
    pub no: i64,
    /// The latest comments, newest first.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub lang: String,
    pub text: String,
    pub at: PrimitiveDateTime,
}

/// A search that found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchMiss {
    pub terms: String,
    pub lang: String,
    pub hits: i64,
    pub last_seen: Date,
}

/// A guide caseworkers tagged as missing or lacking, with how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentGap {
    pub guide: String,
    pub count: i64,
}

/// The feedback page: answers per guide (most "no" first), vain searches, content gaps.
#[derive(Debug, Clone, Default)]
pub struct FeedbackOverview {
    pub guides: Vec<GuideFeedback>,
    pub misses: Vec<SearchMiss>,
    pub gaps: Vec<ContentGap>,
}

/// The most frequent vain searches shown.
const MISSES_SHOWN: i64 = 100;

/// What readers said and looked for in vain, and what caseworkers tagged as missing.
#[tracing::instrument(skip_all)]
pub async fn overview(app: &App) -> Result<FeedbackOverview, AppError> {
    let (default, vault) = (app.settings().default_language.to_string(), app.vault.clone());
    let (guides, misses, gaps) = app
        .db
        .run(move |c| {
            Ok::<_, RepoError>((
                editor::feedback_summaries(c, &vault, &default)?,
                editor::search_misses(c, &vault, crate::app::guidance::MISS_MIN_READERS, MISSES_SHOWN)?,
                workspace::content_gaps(c)?,
            ))
        })
        .await?;
    Ok(FeedbackOverview {
        guides: guides
            .into_iter()
            .map(|g| GuideFeedback {
                slug: g.slug,
                title: g.title,
                yes: g.yes,
                no: g.no,
                comments: g.comments.into_iter().map(|(lang, text, at)| Comment { lang, text, at }).collect(),
            })
            .collect(),
        misses: misses
            .into_iter()
            .map(|(terms, lang, hits, last_seen)| SearchMiss { terms, lang, hits, last_seen })
            .collect(),
        gaps: gaps.into_iter().map(|(guide, count)| ContentGap { guide, count }).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;

    #[test]
    fn answers_are_checked() {
        assert_eq!(NewFeedback::parse("yes", "  "), Ok(NewFeedback { useful: true, comment: None }));
        assert_eq!(
            NewFeedback::parse("no", " Too short \n"),
            Ok(NewFeedback { useful: false, comment: Some("Too short".into()) })
        );
        assert_eq!(NewFeedback::parse("maybe", ""), Err(vec![FeedbackProblem::Choice]));
        let long = "x".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(NewFeedback::parse("", &long), Err(vec![FeedbackProblem::Choice, FeedbackProblem::CommentTooLong]));
        assert_eq!(NewFeedback::parse("yes", &long), Err(vec![FeedbackProblem::CommentTooLong]));
    }

    #[actix_rt::test]
    async fn feedback_on_an_unknown_guide_is_not_found() {
        let app = testing::app().await;
        let (lang, slug) = (
            Lang::parse("en").unwrap_or_else(|e| panic!("{e}")),
            Slug::parse("nowhere").unwrap_or_else(|e| panic!("{e}")),
        );
        let feedback = NewFeedback { useful: true, comment: None };
        assert!(matches!(give(&app, &lang, &slug, feedback).await, Err(AppError::NotFound)));
    }

    #[actix_rt::test]
    async fn the_overview_counts_answers_and_vain_searches() -> Result<(), AppError> {
        let app = testing::app().await;
        assert!(overview(&app).await?.guides.is_empty(), "nothing yet");
        // A guide to answer about, made the way editors make one.
        let staff = testing::staff(&app).await;
        let en = Lang::parse("en").unwrap_or_else(|e| panic!("{e}"));
        let topic = crate::domain::content::NewTopic::parse(
            "housing",
            crate::domain::content::Position::new(0),
            &[(en.clone(), "Housing".into(), String::new())],
            &en,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        crate::app::content::save_topic(&app, &staff, topic, true).await?;
        let slug = Slug::parse("renting").unwrap_or_else(|e| panic!("{e}"));
        let text = crate::domain::content::GuideText::parse("Renting", "", "Ask.").unwrap_or_else(|e| panic!("{e:?}"));
        let guide = crate::app::content::NewGuide { slug: slug.clone(), topic: "housing".into(), text };
        crate::app::content::create_guide(&app, &staff, guide).await?;
        crate::app::content::publish(&app, &staff, &slug, true).await?;
        give(&app, &en, &slug, NewFeedback { useful: false, comment: Some("No addresses".into()) }).await?;
        give(&app, &en, &slug, NewFeedback { useful: true, comment: None }).await?;
        // One reader twice, then a second: not shown yet; a third reader shows it.
        let az = Lang::parse("az").unwrap_or_else(|e| panic!("{e}"));
        let ip = |n: u8| Some(std::net::IpAddr::from([192, 0, 2, n]));
        let terms = vec!["zzqx".to_owned()];
        for reader in [ip(1), ip(1), ip(2), None] {
            let request = crate::app::guidance::SearchRequest { terms: &terms, typed: "zzqx 0551 a@b.am", reader };
            crate::app::guidance::search(&app, &az, &request).await?;
        }
        assert!(overview(&app).await?.misses.is_empty(), "two readers are not enough");
        let request = crate::app::guidance::SearchRequest { terms: &terms, typed: "ZZQX", reader: ip(3) };
        crate::app::guidance::search(&app, &az, &request).await?;
        let seen = overview(&app).await?;
        let [g] = seen.guides.as_slice() else { panic!("{:?}", seen.guides) };
        assert_eq!((g.slug.as_str(), g.title.as_str(), g.yes, g.no), ("renting", "Renting", 1, 1));
        assert_eq!(g.comments.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), vec!["No addresses"]);
        assert_eq!(seen.misses.iter().map(|m| (m.terms.as_str(), m.hits)).collect::<Vec<_>>(), vec![("zzqx", 5)]);
        assert!(seen.gaps.is_empty());
        Ok(())
    }
}
