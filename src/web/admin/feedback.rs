//! Reader feedback, zero-result searches and content gaps (`/admin/feedback`).
