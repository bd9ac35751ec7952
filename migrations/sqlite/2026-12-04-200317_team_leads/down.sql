ALTER TABLE team_members DROP COLUMN lead;
