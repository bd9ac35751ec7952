-- Settings an admin changed at /admin/settings; they override homeward.toml and HOMEWARD_*.
CREATE TABLE site_settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT
);
