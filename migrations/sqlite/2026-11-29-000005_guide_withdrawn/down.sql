ALTER TABLE guides DROP COLUMN withdrawn_at;
