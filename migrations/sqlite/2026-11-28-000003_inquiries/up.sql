-- Inquiries from readers: contact details and message bodies are stored only as
-- ciphertext (see src/crypto/vault.rs); the receipt code only as a keyed hash.
CREATE TABLE data_keys (
    id TEXT PRIMARY KEY NOT NULL,
    wrapped_key BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE inquiries (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    receipt_hash TEXT NOT NULL UNIQUE,
    form_nonce_hash TEXT NOT NULL UNIQUE,
    submission_hash TEXT NOT NULL,
    topic_slug TEXT,
    lang TEXT NOT NULL,
    answer_lang TEXT NOT NULL,
    contact_method TEXT NOT NULL,
    name_enc BLOB,
    email_enc BLOB,
    phone_enc BLOB,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);
CREATE INDEX inquiries_status ON inquiries (status, created_at);

CREATE TABLE inquiry_messages (
    id TEXT PRIMARY KEY NOT NULL,
    inquiry_id TEXT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    staff_id TEXT REFERENCES staff_users (id) ON DELETE SET NULL,
    body_enc BLOB NOT NULL,
    dedupe_hash TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX inquiry_messages_thread ON inquiry_messages (inquiry_id, created_at);

CREATE TABLE inquiry_tombstones (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL,
    topic_slug TEXT,
    lang TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    purged_at TIMESTAMP NOT NULL
);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    event_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    recipient_enc BLOB,
    content_enc BLOB,
    inquiry_id TEXT REFERENCES inquiries (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    claimed_by TEXT,
    claimed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
