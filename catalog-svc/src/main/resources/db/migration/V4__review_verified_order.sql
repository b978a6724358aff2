-- A verified review remembers the delivered order that verifies it (the buyer's earliest).
ALTER TABLE review ADD COLUMN verified_order_id UUID;
UPDATE review r SET verified_order_id = (
    SELECT p.order_id FROM purchase p
    WHERE p.user_id = r.user_id AND p.product_id = r.product_id
    ORDER BY p.delivered_at, p.order_id LIMIT 1)
WHERE r.verified;
ALTER TABLE review ADD CONSTRAINT review_verified_by_order CHECK (verified = (verified_order_id IS NOT NULL));
