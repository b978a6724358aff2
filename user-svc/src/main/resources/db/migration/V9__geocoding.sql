-- Geocoding (addresses saved without coordinates) and "addresses near a point" (earthdistance).
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

ALTER TABLE user_address
    ADD COLUMN location_source    TEXT CHECK (location_source IN ('CLIENT', 'GEOCODER')),
    ADD COLUMN location_precision TEXT,
    ADD COLUMN geocode_status     TEXT NOT NULL DEFAULT 'NONE'
        CHECK (geocode_status IN ('NONE', 'PENDING', 'DONE', 'NOT_FOUND', 'FAILED')),
    ADD COLUMN geocode_attempts   INT  NOT NULL DEFAULT 0,
    ADD COLUMN geocode_after      TIMESTAMPTZ,
    ADD CONSTRAINT user_address_located_has_source CHECK ((latitude IS NULL) = (location_source IS NULL));

UPDATE user_address SET location_source = 'CLIENT', location_precision = 'EXACT' WHERE latitude IS NOT NULL;
UPDATE user_address SET geocode_status = 'PENDING', geocode_after = now()
    WHERE latitude IS NULL AND deleted_at IS NULL;

-- The geocoding sweep: due addresses only.
CREATE INDEX user_address_geocode_due_idx ON user_address (geocode_after)
    WHERE geocode_status = 'PENDING' AND deleted_at IS NULL;
-- ListAddressesNear: earth_box(...) @> ll_to_earth(...) uses this GiST index.
CREATE INDEX user_address_earth_idx ON user_address USING gist (ll_to_earth(latitude, longitude))
    WHERE latitude IS NOT NULL AND deleted_at IS NULL;
