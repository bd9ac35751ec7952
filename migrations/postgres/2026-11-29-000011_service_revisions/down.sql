DROP TABLE service_revisions;
