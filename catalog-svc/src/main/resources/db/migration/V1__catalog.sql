-- Trigram similarity for typo-tolerant search (trusted extension; the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE category (
    id           UUID PRIMARY KEY,
    parent_id    UUID REFERENCES category (id),
    name         TEXT        NOT NULL,
    slug         TEXT        NOT NULL UNIQUE,
    description  TEXT        NOT NULL DEFAULT '',
    image_url    TEXT        NOT NULL DEFAULT '',
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    sort_order   INTEGER     NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX category_parent_idx ON category (parent_id, sort_order, name);

CREATE TABLE product (
    id                 UUID PRIMARY KEY,
    sku                TEXT          NOT NULL,
    slug               TEXT          NOT NULL,
    name               TEXT          NOT NULL,
    short_description  TEXT          NOT NULL DEFAULT '',
    description        TEXT          NOT NULL DEFAULT '',
    status             TEXT          NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'INACTIVE', 'ARCHIVED')),
    price              NUMERIC(19,4) NOT NULL CHECK (price > 0),
    sale_price         NUMERIC(19,4) CHECK (sale_price > 0 AND sale_price < price),
    currency           CHAR(3)       NOT NULL,
    brand              TEXT          NOT NULL DEFAULT '',
    attributes         JSONB         NOT NULL DEFAULT '{}',
    images             JSONB         NOT NULL DEFAULT '[]',
    weight_grams       INTEGER       NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    manage_stock       BOOLEAN       NOT NULL DEFAULT TRUE,
    stock_quantity     INTEGER       NOT NULL DEFAULT 0 CHECK (stock_quantity >= 0),
    featured           BOOLEAN       NOT NULL DEFAULT FALSE,
    average_rating     NUMERIC(3,2)  NOT NULL DEFAULT 0,
    review_count       INTEGER       NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    deleted_at         TIMESTAMPTZ,
    effective_price    NUMERIC(19,4) GENERATED ALWAYS AS (COALESCE(sale_price, price)) STORED,
    search_vector      TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name), 'A') ||
        setweight(to_tsvector('simple', sku), 'A') ||
        setweight(to_tsvector('english', short_description), 'B') ||
        setweight(to_tsvector('english', description), 'C')) STORED
);
-- SKU and slug are unique among live products; deleting one frees them.
CREATE UNIQUE INDEX product_sku_live_uq ON product (sku) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX product_slug_live_uq ON product (slug) WHERE deleted_at IS NULL;
CREATE INDEX product_search_idx ON product USING GIN (search_vector);
CREATE INDEX product_name_trgm_idx ON product USING GIN (lower(name) gin_trgm_ops);
-- Keyset orders of ListProducts.
CREATE INDEX product_newest_idx ON product (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX product_price_idx ON product (effective_price, id) WHERE deleted_at IS NULL;
CREATE INDEX product_rating_idx ON product (average_rating DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX product_name_idx ON product (lower(name), id) WHERE deleted_at IS NULL;

CREATE TABLE product_category (
    product_id   UUID    NOT NULL REFERENCES product (id),
    category_id  UUID    NOT NULL REFERENCES category (id),
    is_primary   BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (product_id, category_id)
);
CREATE UNIQUE INDEX product_category_one_primary_uq ON product_category (product_id) WHERE is_primary;
CREATE INDEX product_category_category_idx ON product_category (category_id);

-- An order's hold on stock, one row per product. Only ACTIVE, unexpired rows hold stock:
-- expiry needs no job, every read compares expires_at with now().
CREATE TABLE stock_reservation (
    order_id     UUID        NOT NULL,
    product_id   UUID        NOT NULL REFERENCES product (id),
    quantity     INTEGER     NOT NULL CHECK (quantity > 0),
    status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'COMMITTED', 'RELEASED', 'RESTOCKED')),
    expires_at   TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX stock_reservation_active_idx ON stock_reservation (product_id, expires_at) WHERE status = 'ACTIVE';

CREATE FUNCTION reserved_quantity(pid UUID) RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity), 0)::integer FROM stock_reservation
     WHERE product_id = pid AND status = 'ACTIVE' AND expires_at > now()
$$;

-- Admin stock adjustments, for the audit trail.
CREATE TABLE stock_adjustment (
    id           UUID PRIMARY KEY,
    product_id   UUID        NOT NULL REFERENCES product (id),
    delta        INTEGER     NOT NULL,
    reason       TEXT        NOT NULL,
    adjusted_by  UUID        NOT NULL,
    adjusted_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE review (
    id          UUID PRIMARY KEY,
    product_id  UUID        NOT NULL REFERENCES product (id),
    user_id     UUID        NOT NULL,
    rating      SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title       TEXT        NOT NULL DEFAULT '',
    content     TEXT        NOT NULL DEFAULT '',
    status      TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    verified    BOOLEAN     NOT NULL DEFAULT FALSE,
    featured    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    deleted_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX review_one_per_user_uq ON review (product_id, user_id) WHERE deleted_at IS NULL;
CREATE INDEX review_product_idx ON review (product_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

-- Who bought what (from OrderDelivered), for verified reviews.
CREATE TABLE purchase (
    user_id       UUID        NOT NULL,
    product_id    UUID        NOT NULL,
    order_id      UUID        NOT NULL,
    delivered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, product_id, order_id)
);
