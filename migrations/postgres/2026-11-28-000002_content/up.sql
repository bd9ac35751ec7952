-- Guidance content: topics and guides with per-language translations, every save
-- kept as a revision, reader feedback, and a version counter for page caches.
CREATE TABLE topics (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE topic_translations (
    topic_id TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (topic_id, lang)
);

CREATE TABLE guides (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    topic_id TEXT NOT NULL REFERENCES topics (id),
    position INTEGER NOT NULL,
    published BOOLEAN NOT NULL,
    review_by DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX guides_topic ON guides (topic_id, position);

CREATE TABLE guide_translations (
    id TEXT PRIMARY KEY NOT NULL,
    guide_id TEXT NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    toc_json TEXT NOT NULL,
    plain_text TEXT NOT NULL,
    search_title TEXT NOT NULL,
    search_body TEXT NOT NULL,
    change_note TEXT NOT NULL,
    major_updated_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    revision INTEGER NOT NULL,
    major_revision INTEGER NOT NULL,
    based_on_major INTEGER NOT NULL,
    UNIQUE (guide_id, lang)
);
CREATE INDEX guide_translations_recent ON guide_translations (lang, major_updated_at);

CREATE TABLE guide_revisions (
    id TEXT PRIMARY KEY NOT NULL,
    guide_id TEXT NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_md TEXT NOT NULL,
    change_note TEXT NOT NULL,
    major BOOLEAN NOT NULL,
    author_id TEXT REFERENCES staff_users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (guide_id, lang, revision)
);

CREATE TABLE feedback (
    id TEXT PRIMARY KEY NOT NULL,
    guide_id TEXT NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    useful BOOLEAN NOT NULL,
    comment TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX feedback_guide ON feedback (guide_id);

CREATE TABLE content_state (
    id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
INSERT INTO content_state (id, version, changed_at) VALUES (1, 0, CURRENT_TIMESTAMP);

-- Full-text search (PostgreSQL dialect): a GIN index over the folded title and
-- body; the search query uses exactly this expression so the index applies.
CREATE INDEX guide_translations_search ON guide_translations USING GIN (
    (setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_body), 'B'))
);
