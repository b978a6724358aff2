-- The mesh's audit log (every service's admin actions and security events, from audit.events).
-- Append-only: the triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE audit_entry (
    id              UUID PRIMARY KEY,
    actor           TEXT        NOT NULL,
    actor_roles     TEXT        NOT NULL DEFAULT '',
    action          TEXT        NOT NULL,
    resource_type   TEXT        NOT NULL,
    resource_id     TEXT        NOT NULL,
    service         TEXT        NOT NULL,
    before_state    JSONB,
    after_state     JSONB,
    request_id      TEXT        NOT NULL DEFAULT '',
    client_address  TEXT        NOT NULL DEFAULT '',
    occurred_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at DESC, id DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_resource_idx ON audit_entry (resource_type, resource_id, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action text_pattern_ops);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
