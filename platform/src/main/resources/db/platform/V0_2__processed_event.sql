-- Idempotent consumers (design §7): an event id is recorded in the same transaction as its
-- effect, so a redelivered event takes effect once.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
