-- Demo catalog for local runs (dev/mesh loads it after catalog-svc has migrated its schema).
-- Not a migration: production databases never get it. Idempotent: fixed ids, ON CONFLICT DO NOTHING.
BEGIN;

INSERT INTO category (id, parent_id, name, slug, description, active, sort_order, created_at, updated_at) VALUES
  ('00000000-0000-7000-8000-000000000001', NULL, 'Electronics', 'electronics', 'Gadgets and gear', TRUE, 1, now(), now()),
  ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'Audio', 'audio', 'Headphones and speakers', TRUE, 1, now(), now()),
  ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', 'Computers', 'computers', 'Laptops and accessories', TRUE, 2, now(), now()),
  ('00000000-0000-7000-8000-000000000004', NULL, 'Home & Kitchen', 'home-kitchen', 'For the home', TRUE, 2, now(), now()),
  ('00000000-0000-7000-8000-000000000005', NULL, 'Outdoors', 'outdoors', 'Camping and hiking', TRUE, 3, now(), now())
ON CONFLICT (id) DO NOTHING;

-- Ten kinds of product per category pattern, five variants each: 50 products.
WITH kinds(n, name, category_id, base_price, attrs) AS (VALUES
  (1, 'Wireless Headphones', '00000000-0000-7000-8000-000000000002'::uuid, 2490, '{"colour": ["black", "white"], "connectivity": "bluetooth"}'),
  (2, 'Bluetooth Speaker', '00000000-0000-7000-8000-000000000002'::uuid, 1590, '{"colour": ["black", "blue"], "waterproof": "yes"}'),
  (3, 'Mechanical Keyboard', '00000000-0000-7000-8000-000000000003'::uuid, 3290, '{"layout": "US", "switches": "brown"}'),
  (4, 'Laptop Stand', '00000000-0000-7000-8000-000000000003'::uuid, 890, '{"material": "aluminium"}'),
  (5, 'USB-C Hub', '00000000-0000-7000-8000-000000000003'::uuid, 1190, '{"ports": "7"}'),
  (6, 'Chef Knife', '00000000-0000-7000-8000-000000000004'::uuid, 1490, '{"material": "steel"}'),
  (7, 'French Press', '00000000-0000-7000-8000-000000000004'::uuid, 790, '{"capacity": "1l"}'),
  (8, 'Camping Tent', '00000000-0000-7000-8000-000000000005'::uuid, 4590, '{"persons": "2", "colour": ["green"]}'),
  (9, 'Hiking Backpack', '00000000-0000-7000-8000-000000000005'::uuid, 2290, '{"volume": "40l"}'),
  (10, 'Headlamp', '00000000-0000-7000-8000-000000000005'::uuid, 590, '{"lumens": "400"}')),
variants(v, label) AS (VALUES (1, 'Classic'), (2, 'Pro'), (3, 'Lite'), (4, 'Max'), (5, 'Mini')),
demo AS (
  SELECT md5('demo-product-' || k.n || '-' || v.v)::uuid AS id, k.*, v.v, v.label
    FROM kinds k CROSS JOIN variants v)
INSERT INTO product (id, sku, slug, name, short_description, description, status, price, sale_price, currency,
                     brand, attributes, images, weight_grams, manage_stock, stock_quantity, featured,
                     created_at, updated_at)
SELECT id,
       'DEMO-' || lpad(n::text, 2, '0') || '-' || v,
       lower(replace(name || ' ' || label, ' ', '-')),
       name || ' ' || label,
       label || ' edition of our ' || lower(name),
       'The ' || lower(name) || ' (' || label || ') — a demo product of commerce-mesh.',
       'ACTIVE',
       base_price + v * 100,
       CASE WHEN v = 2 THEN base_price + v * 100 - 200 END,
       'THB',
       'Mesh',
       attrs::jsonb,
       jsonb_build_array(jsonb_build_object('url', 'https://images.example.com/demo/' || n || '-' || v || '.jpg',
                                            'alt', name || ' ' || label)),
       500,
       TRUE,
       CASE WHEN v = 5 THEN 0 ELSE 20 + v * 5 END,
       v = 1,
       now() - make_interval(mins => n * 10 + v),
       now()
  FROM demo
ON CONFLICT (id) DO NOTHING;

INSERT INTO product_category (product_id, category_id, is_primary)
SELECT md5('demo-product-' || k.n || '-' || v)::uuid, k.category_id, TRUE
  FROM (VALUES
    (1, '00000000-0000-7000-8000-000000000002'::uuid), (2, '00000000-0000-7000-8000-000000000002'::uuid),
    (3, '00000000-0000-7000-8000-000000000003'::uuid), (4, '00000000-0000-7000-8000-000000000003'::uuid),
    (5, '00000000-0000-7000-8000-000000000003'::uuid), (6, '00000000-0000-7000-8000-000000000004'::uuid),
    (7, '00000000-0000-7000-8000-000000000004'::uuid), (8, '00000000-0000-7000-8000-000000000005'::uuid),
    (9, '00000000-0000-7000-8000-000000000005'::uuid), (10, '00000000-0000-7000-8000-000000000005'::uuid)) AS k(n, category_id)
  CROSS JOIN generate_series(1, 5) AS v
ON CONFLICT DO NOTHING;

COMMIT;
