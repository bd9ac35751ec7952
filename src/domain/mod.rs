//! Pure types and rules of Homeward: no web framework, no database.
//! Everything here is parsed once at the edge and trusted afterwards.

pub mod access;
pub mod audit;
pub mod content;
pub mod diff;
mod email;
pub mod ids;
pub mod inquiry;
mod lang;
pub mod paging;
mod password;
mod receipt;
mod role;
pub mod routing;
pub mod service;
mod slug;
pub mod text;

pub use audit::AuditAction;
pub use email::{EmailAddress, EmailError};
pub use ids::{CannedReplyId, GuideId, InquiryId, InvalidId, OutboxId, RevisionId, RuleId, TeamId, UserId};
pub use lang::{Direction, Lang, LangError};
pub use password::{NewPassword, PasswordError};
pub use receipt::{ReceiptCode, ReceiptError};
pub use role::{Role, RoleError};
pub use slug::{Slug, SlugError};
