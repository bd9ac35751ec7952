// One integration-test binary: the real application on a random port, a fresh
// database per test (SQLite file, or PostgreSQL when HOMEWARD_TEST_POSTGRES_URL is set).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a failed step ends the test")]

mod helpers;
mod smtp;

mod access;
mod audit;
mod browser;
mod cli;
mod compression;
mod content_admin;
mod content_files;
mod crash;
mod frame;
mod input;
mod inquiries;
mod languages;
mod limits;
mod ops;
mod paging;
mod proxy;
mod public;
mod services;
mod setup;
mod staff;
mod synthetic;
mod teams;
