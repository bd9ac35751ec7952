ALTER TABLE guides DROP COLUMN replaced_by;
