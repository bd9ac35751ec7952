//! "Was this page useful?": a reader's yes or no and optional comment on a guide, stored
//! with the guide and the language only (no name, address or cookie).

use crate::app::App;
use crate::db::repo::content as repo;
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
    let (l, s) = (lang.to_string(), slug.to_string());
    app.db.run(move |c| repo::add_feedback(c, &s, &l, feedback.useful, feedback.comment.as_deref())).await?;
    Ok(())
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
}
