-- A lead sees and acts on the inquiries of every team (and of none); other members only
-- on their own teams'. Set on the admin team page.
ALTER TABLE team_members ADD COLUMN lead BOOLEAN NOT NULL DEFAULT FALSE;
