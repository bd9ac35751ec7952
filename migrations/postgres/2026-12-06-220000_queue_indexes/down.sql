DROP INDEX inquiries_lateness;
DROP INDEX inquiries_lang_filters;
DROP INDEX inquiries_team_filters;
CREATE INDEX inquiries_team ON inquiries (team_id);
DROP INDEX inquiries_queue;
