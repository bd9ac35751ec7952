//! Administration: stored settings, the outbox, the audit log.
