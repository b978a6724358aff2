-- Coupons and their redemptions. A redemption is RESERVED at checkout (one per order id),
-- CONFIRMED when the order is paid, RELEASED when it is cancelled or never confirmed; limits
-- count RESERVED and CONFIRMED ones, under a lock on the coupon's row.
CREATE TABLE coupon (
    code               TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{3,32}$'),
    percent_off        INTEGER CHECK (percent_off BETWEEN 1 AND 100),
    amount_off         NUMERIC(19,4) CHECK (amount_off > 0),
    currency           CHAR(3)     NOT NULL,
    minimum_subtotal   NUMERIC(19,4) CHECK (minimum_subtotal >= 0),
    starts_at          TIMESTAMPTZ,
    ends_at            TIMESTAMPTZ,
    max_redemptions    INTEGER     NOT NULL DEFAULT 0 CHECK (max_redemptions >= 0),
    max_per_user       INTEGER     NOT NULL DEFAULT 0 CHECK (max_per_user >= 0),
    category_id        UUID,
    active             BOOLEAN     NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK ((percent_off IS NULL) <> (amount_off IS NULL)),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at)
);
CREATE INDEX coupon_created_idx ON coupon (created_at DESC, code);

CREATE TABLE coupon_redemption (
    order_id    UUID PRIMARY KEY,
    code        TEXT          NOT NULL REFERENCES coupon (code),
    user_id     UUID          NOT NULL,
    discount    NUMERIC(19,4) NOT NULL CHECK (discount >= 0),
    currency    CHAR(3)       NOT NULL,
    status      TEXT          NOT NULL CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED')),
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX coupon_redemption_held_idx ON coupon_redemption (code, user_id) WHERE status <> 'RELEASED';
CREATE INDEX coupon_redemption_reserved_idx ON coupon_redemption (created_at) WHERE status = 'RESERVED';

ALTER TABLE cart ADD COLUMN coupon_code TEXT;
