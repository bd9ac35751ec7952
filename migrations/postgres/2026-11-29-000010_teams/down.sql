DROP INDEX inquiries_team;
ALTER TABLE inquiries DROP COLUMN region_slug;
ALTER TABLE inquiries DROP COLUMN team_id;
DROP TABLE team_members;
DROP TABLE team_rules;
DROP TABLE team_public_names;
DROP TABLE teams;
