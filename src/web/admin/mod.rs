//! The admin area (`/admin/*`): pages for administrators and editors. Every request
//! passes the same guard as `/staff` (`web::staff::guard`); handlers take `Admin` or `Editor`.

pub mod audit;
pub mod content;
pub mod feedback;
pub mod outbox;
pub mod services;
pub mod settings;
pub mod teams;
pub mod users;
