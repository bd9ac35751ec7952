ALTER TABLE services DROP COLUMN version;
DROP TABLE service_revisions;
