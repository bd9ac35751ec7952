//! Pure types and rules of Homeward: no web framework, no database.
//! Everything here is parsed once at the edge and trusted afterwards.

mod email;
mod lang;
mod password;
mod role;
mod slug;
pub mod text;

pub use email::{EmailAddress, EmailError};
pub use lang::{Direction, Lang, LangError};
pub use password::{NewPassword, PasswordError};
pub use role::{Role, RoleError};
pub use slug::{Slug, SlugError};
