-- When an editor unpublished a published guide: its address then answers 410 Gone (a never-published draft stays 404).
ALTER TABLE guides ADD COLUMN withdrawn_at TIMESTAMP;
