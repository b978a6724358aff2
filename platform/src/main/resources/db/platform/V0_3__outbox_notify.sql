-- Wakes the outbox relay as soon as a transaction that wrote events commits: PostgreSQL
-- delivers a NOTIFY only on commit (never for a rolled-back transaction), and once per
-- transaction however many rows it inserted. The relay still polls, as a fallback.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
