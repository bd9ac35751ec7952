-- Teams of caseworkers and the rules that route a new inquiry to one of them.
-- `languages` is stored as ",a,b," like the services' languages.
CREATE TABLE teams (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    notify_email TEXT,
    languages TEXT NOT NULL,
    show_publicly BOOLEAN NOT NULL DEFAULT FALSE,
    position INTEGER NOT NULL,
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The name an inquirer sees on the status page, per language (when the team chose to be named).
CREATE TABLE team_public_names (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (team_id, lang)
);

-- A rule matches when every field it sets equals the inquiry's (an empty field matches anything).
CREATE TABLE team_rules (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    topic_slug TEXT,
    region_slug TEXT,
    lang TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX team_rules_team ON team_rules (team_id);

CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES staff_users (id),
    PRIMARY KEY (team_id, staff_id)
);

-- No foreign key on team_id: deleting a team clears it in the same transaction, and
-- SQLite cannot drop a column that a foreign key uses.
ALTER TABLE inquiries ADD COLUMN team_id TEXT;
ALTER TABLE inquiries ADD COLUMN region_slug TEXT;
CREATE INDEX inquiries_team ON inquiries (team_id);
