-- Reader comments are sealed like inquiry text (feedback.comment_enc, AAD
-- "feedback.comment:<id>"); clear comments left from before are sealed at start-up
-- and the clear column stays empty.
ALTER TABLE feedback ADD COLUMN comment_enc BYTEA;

-- Searches that found nothing: the terms (without digits or addresses) sealed under
-- a keyed id of (language, terms), and how many different readers searched them,
-- told apart by a keyed hash of their address that changes every day. Earlier
-- counts are forgotten: they were kept in clear and may hold numbers or addresses.
DROP TABLE search_misses;
CREATE TABLE search_misses (
    id TEXT PRIMARY KEY NOT NULL,
    lang TEXT NOT NULL,
    terms_enc BYTEA NOT NULL,
    hits BIGINT NOT NULL,
    readers BIGINT NOT NULL,
    last_seen DATE NOT NULL
);
-- Who counted today, only until the day is over (housekeeping empties older days).
CREATE TABLE search_miss_readers (
    miss_id TEXT NOT NULL,
    day DATE NOT NULL,
    reader TEXT NOT NULL,
    PRIMARY KEY (miss_id, day, reader)
);
