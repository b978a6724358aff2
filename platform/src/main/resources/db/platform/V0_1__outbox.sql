-- Transactional outbox (design §7): rows are written in the same transaction as the state
-- change they announce and published to Kafka, in seq order, by the relay.
CREATE TABLE outbox_event (
    seq           BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    payload       BYTEA       NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ
);

-- The relay only ever scans unsent rows in order.
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE sent_at IS NULL;
