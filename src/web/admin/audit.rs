//! The audit log (`/admin/audit`).
