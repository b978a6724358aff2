-- API clients (design §9, OAuth 2.0 client credentials): the mesh's own services and
-- partners' integrations. Secrets are long and random, so a SHA-256 hash is enough (no
-- bcrypt: nothing to stretch); the secret itself is shown once and never stored.
CREATE TABLE api_client (
    id                 UUID PRIMARY KEY,
    client_id          TEXT        NOT NULL UNIQUE,
    display_name       TEXT        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('SERVICE', 'PARTNER')),
    scopes             TEXT        NOT NULL DEFAULT '',
    secret_hash        TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    secret_rotated_at  TIMESTAMPTZ NOT NULL,
    revoked_at         TIMESTAMPTZ
);
CREATE INDEX api_client_created_idx ON api_client (created_at DESC, id DESC);
