-- Every saved version of a service, in the directory file format (`<slug>.toml`).
-- author_id is NULL for imports and the sample data.
CREATE TABLE service_revisions (
    id TEXT PRIMARY KEY NOT NULL,
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES staff_users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX service_revisions_service ON service_revisions (service_id, created_at);

-- Counts editors' saves and imports that changed something; an edit form carries the
-- version it was loaded with, and a save from an older version is refused.
ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
