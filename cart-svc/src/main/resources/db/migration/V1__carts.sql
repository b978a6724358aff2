CREATE TABLE cart (
    id                  UUID PRIMARY KEY,
    user_id             UUID        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'CONVERTED', 'ABANDONED')),
    expires_at          TIMESTAMPTZ NOT NULL,
    converted_order_id  UUID,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- One ACTIVE cart a user.
CREATE UNIQUE INDEX cart_one_active_uq ON cart (user_id) WHERE status = 'ACTIVE';
CREATE INDEX cart_expiry_idx ON cart (expires_at) WHERE status = 'ACTIVE';

CREATE TABLE cart_item (
    id           UUID PRIMARY KEY,
    cart_id      UUID          NOT NULL REFERENCES cart (id),
    product_id   UUID          NOT NULL,
    sku          TEXT          NOT NULL,
    name         TEXT          NOT NULL,
    image_url    TEXT          NOT NULL DEFAULT '',
    -- Chosen options in a canonical form (sorted key=value pairs), so equal choices merge.
    options      TEXT          NOT NULL DEFAULT '',
    quantity     INTEGER       NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price   NUMERIC(19,4) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    added_at     TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    UNIQUE (cart_id, product_id, options)
);

CREATE TABLE wishlist (
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL,
    name         TEXT        NOT NULL,
    privacy      TEXT        NOT NULL CHECK (privacy IN ('PRIVATE', 'PUBLIC', 'SHARED')),
    is_default   BOOLEAN     NOT NULL DEFAULT FALSE,
    share_token  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX wishlist_one_default_uq ON wishlist (user_id) WHERE is_default;
CREATE INDEX wishlist_user_idx ON wishlist (user_id, is_default DESC, created_at DESC);

CREATE TABLE wishlist_item (
    id           UUID PRIMARY KEY,
    wishlist_id  UUID        NOT NULL REFERENCES wishlist (id) ON DELETE CASCADE,
    product_id   UUID        NOT NULL,
    notes        TEXT        NOT NULL DEFAULT '',
    added_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (wishlist_id, product_id)
);
