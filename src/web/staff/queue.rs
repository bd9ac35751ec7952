//! The caseworker queue (`/staff/inquiries`) and its CSV export.
