-- Links sent by e-mail (e-mail verification, password reset): the token is 256 random bits,
-- stored only as its SHA-256 hash. A link works once (used_at), until expires_at, and only
-- for the address it was sent to.
CREATE TABLE account_link (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES app_user (id),
    purpose     TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash  TEXT        NOT NULL UNIQUE,
    email       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
-- A new link of a purpose voids the user's outstanding ones.
CREATE INDEX account_link_outstanding_idx ON account_link (user_id, purpose) WHERE used_at IS NULL;
