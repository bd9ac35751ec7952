//! The services directory for editors (`/admin/services`).
