-- Stock is adjusted by admins (a user id) and by partners' merchant feeds (a client id).
ALTER TABLE stock_adjustment ALTER COLUMN adjusted_by TYPE TEXT USING adjusted_by::text;
