//! Teams and routing rules (`/admin/teams`).
