-- The order keeps the provider's payment reference, never the buyer's card token: tokens
-- already stored are replaced by the reference of the charge that succeeded, or nothing.
ALTER TABLE customer_order RENAME COLUMN payment_method TO payment_reference;
UPDATE customer_order o SET payment_reference = coalesce((
    SELECT p.provider_reference FROM payment p
    WHERE p.order_id = o.id AND p.kind = 'CHARGE' AND p.status = 'SUCCEEDED'
    ORDER BY p.created_at LIMIT 1), '');
ALTER TABLE customer_order ALTER COLUMN payment_reference SET DEFAULT '';

-- Lines keep the options chosen in the cart, and which cart line (in which state) they came
-- from: a paid order takes exactly those units out of the cart, and the same line state is
-- never ordered twice.
ALTER TABLE order_item
    ADD COLUMN options              JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN cart_item_id         UUID,
    ADD COLUMN cart_item_updated_at TIMESTAMPTZ;

-- One checkout at a time per cart: a second PlaceOrder while one is PENDING is refused.
CREATE UNIQUE INDEX customer_order_one_pending_per_cart_uq ON customer_order (cart_id) WHERE status = 'PENDING';
CREATE INDEX customer_order_cart_idx ON customer_order (cart_id);

-- Payments are authorized at checkout, captured once stock is reserved, voided when the order
-- is cancelled before that.
ALTER TABLE payment DROP CONSTRAINT payment_kind_check;
ALTER TABLE payment ADD CONSTRAINT payment_kind_check CHECK (kind IN ('AUTHORIZATION', 'CHARGE', 'VOID', 'REFUND'));
