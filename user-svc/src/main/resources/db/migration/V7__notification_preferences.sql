-- How an account hears about its orders. Texts go only to a phone confirmed by a texted code.
ALTER TABLE app_user
    ADD COLUMN notify_by_email BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN notify_by_sms   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN sms_phone       TEXT,
    ADD CONSTRAINT app_user_sms_needs_phone CHECK (NOT notify_by_sms OR sms_phone IS NOT NULL);

-- The one pending phone confirmation of an account: the code is kept as a hash and dies after
-- failed_attempts reaches the limit or at expires_at.
CREATE TABLE phone_verification (
    user_id          UUID PRIMARY KEY REFERENCES app_user (id),
    phone            TEXT        NOT NULL,
    code_hash        TEXT        NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    failed_attempts  INT         NOT NULL DEFAULT 0
);
