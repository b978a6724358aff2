-- ListProducts, first page of 20 newest, as catalog-svc issues it: the keyset query, the page's
-- products by id, their categories and their reserved units. pgbench has no list variables, so
-- the page's ids come from the keyset query itself, as a subquery each time.
select p.id, p.created_at from product p where p.deleted_at is null and p.status = 'ACTIVE'
 order by p.created_at desc, p.id desc limit 21;
select p1_0.id, p1_0.created_at, p1_0.updated_at, attributes::text, p1_0.average_rating, p1_0.brand, p1_0.currency,
       p1_0.deleted_at, p1_0.description, p1_0.featured, images::text, p1_0.manage_stock, p1_0.name, p1_0.price,
       p1_0.review_count, p1_0.sale_price, p1_0.short_description, p1_0.sku, p1_0.slug, p1_0.status,
       p1_0.stock_quantity, p1_0.weight_grams
  from product p1_0 where p1_0.id in (select id from product where deleted_at is null and status = 'ACTIVE'
                                       order by created_at desc, id desc limit 20) and p1_0.deleted_at is null;
select product_id, category_id, is_primary from product_category
 where product_id in (select id from product where deleted_at is null and status = 'ACTIVE'
                       order by created_at desc, id desc limit 20)
 order by is_primary desc, category_id;
select id, reserved_quantity(id) from product
 where id in (select id from product where deleted_at is null and status = 'ACTIVE'
               order by created_at desc, id desc limit 20);
