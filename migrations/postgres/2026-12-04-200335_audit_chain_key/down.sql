-- Entries re-keyed or written since stay keyed: an older program's `audit verify` reports them as changed.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
ALTER TABLE audit_log DROP COLUMN chain_version;
