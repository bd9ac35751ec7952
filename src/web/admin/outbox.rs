//! Outgoing email (`/admin/outbox`): masked recipients, last error, retry.
