DROP TABLE search_miss_readers;
DROP TABLE search_misses;
CREATE TABLE search_misses (
    terms TEXT NOT NULL,
    lang TEXT NOT NULL,
    hits BIGINT NOT NULL,
    last_seen DATE NOT NULL,
    PRIMARY KEY (terms, lang)
);
ALTER TABLE feedback DROP COLUMN comment_enc;
