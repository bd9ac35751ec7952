//! Canned replies (`/staff/replies`).
