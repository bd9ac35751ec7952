-- The audit chain is keyed: each entry's hash becomes an HMAC under a key derived from the
-- server secret, which the database does not hold (chain_version 2). Entries written before
-- are plain SHA-256 (chain_version 1); SQL cannot know the key, so the program re-keys them
-- once at start-up, after checking the old chain.
ALTER TABLE audit_log ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1;

-- Still append-only; the one change let through is that re-keying: an old entry becomes
-- version 2 with its content unchanged (only prev_hash and hash are new).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_version = 1 AND NEW.chain_version = 2
        AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
        AND NEW.action = OLD.action AND NEW.record_type = OLD.record_type
        AND NEW.record_id IS NOT DISTINCT FROM OLD.record_id AND NEW.detail = OLD.detail THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
