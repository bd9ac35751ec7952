//! Homeward: a multilingual information and intake portal for people returning
//! to a region they left. The binary in `main.rs` is a thin CLI over this library.

pub mod auth;
pub mod config;
pub mod content;
pub mod crypto;
pub mod db;
pub mod directory;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod startup;
pub mod telemetry;
pub mod web;
