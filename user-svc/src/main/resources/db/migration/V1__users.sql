-- Accounts (design §3). Soft delete: deleted_at set, row kept; every read filters it out.
CREATE TABLE app_user (
    id                 UUID PRIMARY KEY,
    email              TEXT        NOT NULL,
    password_hash      TEXT        NOT NULL,
    first_name         TEXT        NOT NULL,
    last_name          TEXT        NOT NULL DEFAULT '',
    phone              TEXT,
    date_of_birth      DATE,
    gender             TEXT        NOT NULL DEFAULT 'UNSPECIFIED',
    newsletter_opt_in  BOOLEAN     NOT NULL DEFAULT FALSE,
    role               TEXT        NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'admin')),
    email_verified     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    deleted_at         TIMESTAMPTZ
);

-- E-mail is unique among live accounts only: deleting one frees its address.
CREATE UNIQUE INDEX app_user_email_live_uq ON app_user (lower(email)) WHERE deleted_at IS NULL;
-- ListUsers: newest first, keyset on (created_at, id), optional e-mail prefix.
CREATE INDEX app_user_live_created_idx ON app_user (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX app_user_live_email_prefix_idx ON app_user (lower(email) text_pattern_ops) WHERE deleted_at IS NULL;

-- Opaque refresh tokens, stored as SHA-256 hashes. A family is one login's chain of rotations.
CREATE TABLE refresh_token (
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES app_user (id),
    family_id    UUID        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_live_idx ON refresh_token (user_id) WHERE revoked_at IS NULL;

-- Failed logins per account, for throttling; rows older than the window are purged.
CREATE TABLE login_failure (
    id           BIGSERIAL PRIMARY KEY,
    account_key  TEXT        NOT NULL,
    failed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failure_account_idx ON login_failure (account_key, failed_at);
CREATE INDEX login_failure_failed_at_idx ON login_failure (failed_at);

CREATE TABLE user_address (
    id              UUID PRIMARY KEY,
    user_id         UUID        NOT NULL REFERENCES app_user (id),
    type            TEXT        NOT NULL,
    label           TEXT        NOT NULL DEFAULT '',
    recipient_name  TEXT        NOT NULL,
    phone           TEXT        NOT NULL DEFAULT '',
    line1           TEXT        NOT NULL,
    line2           TEXT        NOT NULL DEFAULT '',
    city            TEXT        NOT NULL,
    region          TEXT        NOT NULL DEFAULT '',
    postal_code     TEXT        NOT NULL,
    country_code    CHAR(2)     NOT NULL,
    latitude        DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    is_default      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
-- At most one default among a user's live addresses.
CREATE UNIQUE INDEX user_address_one_default_uq ON user_address (user_id) WHERE is_default AND deleted_at IS NULL;
CREATE INDEX user_address_user_live_idx ON user_address (user_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
