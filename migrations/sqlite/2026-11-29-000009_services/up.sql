-- The directory of services and offices ("where to get help"), by region.
CREATE TABLE regions (
    slug TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE region_translations (
    region_slug TEXT NOT NULL REFERENCES regions (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (region_slug, lang)
);

-- `topics` and `languages` are stored as ",a,b," so one LIKE finds a member on both backends.
CREATE TABLE services (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    topics TEXT NOT NULL,
    region_slug TEXT NOT NULL REFERENCES regions (slug),
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT,
    website TEXT,
    languages TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    last_checked DATE NOT NULL,
    published BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX services_region ON services (region_slug);

CREATE TABLE service_translations (
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    hours TEXT NOT NULL,
    accessibility TEXT,
    PRIMARY KEY (service_id, lang)
);
