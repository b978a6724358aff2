-- The coupon a cart carried at checkout, redeemed (in cart-svc) for this order.
ALTER TABLE customer_order ADD COLUMN coupon_code TEXT NOT NULL DEFAULT '';
