//! Stored settings (`/admin/settings`).
