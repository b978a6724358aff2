-- The trace an event belongs to (design §7): the W3C trace context of the transaction that
-- wrote it, sent with the event as Kafka headers so consumers continue the same trace.
ALTER TABLE outbox_event
    ADD COLUMN traceparent TEXT,
    ADD COLUMN tracestate  TEXT;
