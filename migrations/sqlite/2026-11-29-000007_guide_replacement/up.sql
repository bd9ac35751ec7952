-- Where readers of a withdrawn guide are sent instead (a guide slug), if anywhere.
ALTER TABLE guides ADD COLUMN replaced_by TEXT;
