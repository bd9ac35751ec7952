DROP TABLE content_state;
DROP TABLE feedback;
DROP TABLE guide_revisions;
DROP TABLE guide_translations;
DROP TABLE guides;
DROP TABLE topic_translations;
DROP TABLE topics;
