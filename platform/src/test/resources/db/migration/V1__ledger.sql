-- A test-only effect for the idempotent consumer: one row per applied event.
CREATE TABLE ledger_entry (
    event_id  TEXT PRIMARY KEY,
    amount    INTEGER NOT NULL
);
