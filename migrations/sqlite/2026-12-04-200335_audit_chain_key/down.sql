-- Entries re-keyed or written since stay keyed: an older program's `audit verify` reports them as changed.
DROP TRIGGER IF EXISTS audit_log_no_update;
ALTER TABLE audit_log DROP COLUMN chain_version;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
