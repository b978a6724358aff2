-- bench/data/products.sql — :count generated products (default 100000) with realistic names,
-- descriptions, prices, attributes and stock, in the demo catalog's categories, for the
-- benchmark's list and search scenarios. Deterministic (setseed), and idempotent: products it
-- made before (SKU prefix GEN-) are replaced.
--
--   psql -v count=100000 -d catalog_svc -f bench/data/products.sql
\if :{?count}
\else
\set count 100000
\endif

SELECT setseed(0.42);

DELETE FROM product_category WHERE product_id IN (SELECT id FROM product WHERE sku LIKE 'GEN-%');
DELETE FROM stock_reservation WHERE product_id IN (SELECT id FROM product WHERE sku LIKE 'GEN-%');
DELETE FROM product WHERE sku LIKE 'GEN-%';

CREATE TEMP TABLE words AS SELECT
    ARRAY['Nordhaus', 'Kinetic', 'Lumen', 'Arbor', 'Vantage', 'Solace', 'Meridian', 'Tidewater', 'Halden',
          'Copperline', 'Brightfield', 'Oakridge', 'Sable', 'Northwind', 'Quarry', 'Fennec', 'Juniper',
          'Atlas', 'Pioneer', 'Aurora'] AS brands,
    ARRAY['Wireless', 'Compact', 'Portable', 'Ergonomic', 'Classic', 'Vintage', 'Modern', 'Rugged',
          'Lightweight', 'Premium', 'Handmade', 'Foldable', 'Insulated', 'Adjustable', 'Waterproof',
          'Ceramic', 'Smart', 'Silent', 'Heavy-Duty', 'Minimalist'] AS adjectives,
    ARRAY['Bamboo', 'Leather', 'Steel', 'Oak', 'Linen', 'Cotton', 'Glass', 'Walnut', 'Wool', 'Copper',
          'Aluminium', 'Stoneware', 'Canvas', 'Silicone', 'Marble'] AS materials,
    ARRAY['Headphones', 'Speaker', 'Backpack', 'Water Bottle', 'Desk Lamp', 'Coffee Grinder', 'Kettle',
          'Chair', 'Notebook', 'Keyboard', 'Mouse', 'Blanket', 'Mug', 'Teapot', 'Frying Pan',
          'Cutting Board', 'Watch', 'Sunglasses', 'Tent', 'Sleeping Bag', 'Running Shoes', 'Jacket',
          'Scarf', 'Wallet', 'Phone Stand', 'Monitor Arm', 'Plant Pot', 'Wall Clock', 'Yoga Mat',
          'Dumbbell', 'Bicycle Light', 'Umbrella', 'Suitcase', 'Toolbox', 'Drill', 'Vacuum Cleaner',
          'Air Purifier', 'Rice Cooker', 'Blender', 'Toaster'] AS nouns,
    ARRAY['black', 'white', 'red', 'blue', 'green', 'grey', 'sand', 'olive', 'navy', 'orange'] AS colours,
    ARRAY['S', 'M', 'L', 'XL'] AS sizes;

CREATE TEMP TABLE generated AS
SELECT n,
       w.brands[1 + (random() * 19)::int] AS brand,
       w.adjectives[1 + (random() * 19)::int] AS adjective,
       w.materials[1 + (random() * 14)::int] AS material,
       w.nouns[1 + (random() * 39)::int] AS noun,
       w.colours[1 + (random() * 9)::int] AS colour,
       w.sizes[1 + (random() * 3)::int] AS size,
       round((99 + random() * 9900)::numeric, 0) AS price,
       random() < 0.2 AS on_sale,
       (random() * 200)::int AS stock,
       random() < 0.05 AS unlisted
  FROM generate_series(1, :count) AS n, words w;

INSERT INTO product (id, sku, slug, name, short_description, description, status, price, sale_price, currency,
                     brand, attributes, images, weight_grams, manage_stock, stock_quantity, featured,
                     created_at, updated_at)
SELECT gen_random_uuid(),
       'GEN-' || lpad(n::text, 7, '0'),
       lower(regexp_replace(brand || '-' || adjective || '-' || material || '-' || noun, '[^A-Za-z0-9]+', '-', 'g'))
           || '-' || n,
       brand || ' ' || adjective || ' ' || material || ' ' || noun,
       'A ' || lower(adjective) || ' ' || lower(noun) || ' in ' || lower(material) || ', ' || colour || '.',
       'The ' || brand || ' ' || lower(noun) || ' is made of ' || lower(material) || ' and built to last. '
           || 'It comes in ' || colour || ', size ' || size || ', and ships within two days.',
       CASE WHEN unlisted THEN 'INACTIVE' ELSE 'ACTIVE' END,
       price,
       CASE WHEN on_sale THEN round(price * 0.8, 0) END,
       'THB',
       brand,
       jsonb_build_object('colour', colour, 'size', size, 'material', lower(material)),
       jsonb_build_array(jsonb_build_object('url', 'https://img.example.com/gen/' || n || '.jpg', 'alt',
           brand || ' ' || noun)),
       100 + (random() * 4900)::int,
       true,
       stock,
       random() < 0.01,
       now() - (n || ' seconds')::interval,
       now() - (n || ' seconds')::interval
  FROM generated;

-- Each product in one leaf category of the demo catalog, when it has one.
INSERT INTO product_category (product_id, category_id, is_primary)
SELECT p.id, c.id, true
  FROM product p
  JOIN LATERAL (SELECT id FROM category
                 WHERE NOT EXISTS (SELECT 1 FROM category child WHERE child.parent_id = category.id)
                 ORDER BY md5(p.sku || category.id::text) LIMIT 1) c ON true
 WHERE p.sku LIKE 'GEN-%';

ANALYZE product;
ANALYZE product_category;
