-- Address delivery instructions for the courier, and the address types home, work and other
-- (stored by name like the others; AddressKind).
ALTER TABLE user_address ADD COLUMN delivery_instructions TEXT NOT NULL DEFAULT '';
