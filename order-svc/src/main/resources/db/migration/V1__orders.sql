-- Human order numbers come from a sequence: unique by construction, never a random collision.
CREATE SEQUENCE order_number_seq;

CREATE TABLE customer_order (
    id                UUID PRIMARY KEY,
    order_number      TEXT          NOT NULL UNIQUE,
    user_id           UUID          NOT NULL,
    request_id        TEXT          NOT NULL,
    cart_id           UUID,
    status            TEXT          NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    payment_status    TEXT          NOT NULL CHECK (payment_status IN ('PENDING', 'PAID', 'DECLINED', 'FAILED', 'REFUNDED', 'VOIDED')),
    payment_method    TEXT          NOT NULL,
    currency          CHAR(3)       NOT NULL,
    subtotal          NUMERIC(19,4) NOT NULL,
    tax               NUMERIC(19,4) NOT NULL,
    shipping          NUMERIC(19,4) NOT NULL,
    discount          NUMERIC(19,4) NOT NULL,
    total             NUMERIC(19,4) NOT NULL,
    shipping_address  JSONB         NOT NULL,
    billing_address   JSONB         NOT NULL,
    stock_reserved    BOOLEAN       NOT NULL DEFAULT FALSE,
    tracking_number   TEXT          NOT NULL DEFAULT '',
    cancel_reason     TEXT          NOT NULL DEFAULT '',
    notes             TEXT          NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    confirmed_at      TIMESTAMPTZ,
    shipped_at        TIMESTAMPTZ,
    delivered_at      TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    -- PlaceOrder's idempotency key: the same caller and request id always mean the same order.
    UNIQUE (user_id, request_id)
);
CREATE INDEX customer_order_user_idx ON customer_order (user_id, created_at DESC, id DESC);
CREATE INDEX customer_order_status_idx ON customer_order (status, created_at DESC, id DESC);
CREATE INDEX customer_order_created_idx ON customer_order (created_at DESC, id DESC);
CREATE INDEX customer_order_pending_idx ON customer_order (created_at) WHERE status = 'PENDING';

CREATE TABLE order_item (
    id          UUID PRIMARY KEY,
    order_id    UUID          NOT NULL REFERENCES customer_order (id),
    product_id  UUID          NOT NULL,
    sku         TEXT          NOT NULL,
    name        TEXT          NOT NULL,
    quantity    INTEGER       NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price  NUMERIC(19,4) NOT NULL,
    line_total  NUMERIC(19,4) NOT NULL
);
CREATE INDEX order_item_order_idx ON order_item (order_id);

-- Every exchange with the payment provider, for reconciliation.
CREATE TABLE payment (
    id                  UUID PRIMARY KEY,
    order_id            UUID          NOT NULL REFERENCES customer_order (id),
    kind                TEXT          NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
    status              TEXT          NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED', 'FAILED')),
    amount              NUMERIC(19,4) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    provider            TEXT          NOT NULL,
    provider_reference  TEXT          NOT NULL DEFAULT '',
    detail              TEXT          NOT NULL DEFAULT '',
    created_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX payment_order_idx ON payment (order_id);
