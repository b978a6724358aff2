-- Shipping rates quoted to a buyer (QuoteShipping), accepted by PlaceOrder within their validity,
-- and the shipment they become: the order keeps which quote it was placed with.
CREATE TABLE shipping_quote (
    id               UUID PRIMARY KEY,
    user_id          UUID          NOT NULL,
    address_id       UUID          NOT NULL,
    destination      JSONB         NOT NULL,
    provider         TEXT          NOT NULL,
    reference        TEXT          NOT NULL,
    carrier          TEXT          NOT NULL,
    service          TEXT          NOT NULL,
    amount           NUMERIC(19,4) NOT NULL CHECK (amount >= 0),
    currency         CHAR(3)       NOT NULL,
    estimated_days   INTEGER       NOT NULL,
    weight_grams     INTEGER       NOT NULL,
    volume_cubic_mm  BIGINT        NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    expires_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX shipping_quote_expiry_idx ON shipping_quote (expires_at);

ALTER TABLE customer_order
    ADD COLUMN shipping_quote_id UUID REFERENCES shipping_quote (id),
    ADD COLUMN shipping_carrier  TEXT NOT NULL DEFAULT '',
    ADD COLUMN shipping_service  TEXT NOT NULL DEFAULT '';
