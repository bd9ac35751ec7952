//! The caseworker queue: filters, paging, lateness, and the CSV export of metadata.
