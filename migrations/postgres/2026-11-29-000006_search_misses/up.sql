-- Searches that found nothing, counted per folded query and language (no reader
-- identity, no time beyond the day), so editors see what to write next.
CREATE TABLE search_misses (
    terms TEXT NOT NULL,
    lang TEXT NOT NULL,
    hits BIGINT NOT NULL,
    last_seen DATE NOT NULL,
    PRIMARY KEY (terms, lang)
);
