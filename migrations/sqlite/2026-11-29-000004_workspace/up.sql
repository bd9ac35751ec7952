-- Staff sign-in (sessions, second factor), the caseworker workspace (assignment,
-- notes, flags, canned replies) and the hash-chained audit log.
ALTER TABLE staff_users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE staff_users ADD COLUMN totp_secret_enc BLOB;
ALTER TABLE staff_users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE staff_users ADD COLUMN digest_sent_on DATE;

-- Only the hash of a session token is stored. `stage` is `password` while the
-- second factor is still to be given, then `full`.
CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    used_at TIMESTAMP
);

ALTER TABLE inquiries ADD COLUMN assigned_to TEXT REFERENCES staff_users (id) ON DELETE SET NULL;
ALTER TABLE inquiries ADD COLUMN acknowledged_at TIMESTAMP;
ALTER TABLE inquiries ADD COLUMN answered_at TIMESTAMP;
ALTER TABLE inquiries ADD COLUMN safeguarding BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE inquiries ADD COLUMN content_gap TEXT;
CREATE INDEX inquiries_assigned ON inquiries (assigned_to, status);

CREATE TABLE inquiry_notes (
    id TEXT PRIMARY KEY NOT NULL,
    inquiry_id TEXT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    staff_id TEXT REFERENCES staff_users (id) ON DELETE SET NULL,
    body_enc BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX inquiry_notes_inquiry ON inquiry_notes (inquiry_id, created_at);

CREATE TABLE canned_replies (
    id TEXT PRIMARY KEY NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    guide_slug TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Append-only: every entry carries the hash of the one before it.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
