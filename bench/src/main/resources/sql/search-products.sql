-- SearchProducts, as catalog-svc issues it (ProductQuery.search), for the scenario's queries in
-- turn, then the page's products as ListProducts loads them.
\set n random(1, 10)
with q(text) as (select (array['headphones', 'wireless headphones', 'bamboo kettle', 'oakridge', 'steel',
                               'coffee grinder', 'wireles headphnes', 'teapto', 'blendr', 'yoga mat'])[:n]),
exact as materialized (
  select p.id, ts_rank_cd(p.search_vector, websearch_to_tsquery('english', q.text)) as rank
    from product p, q where p.deleted_at is null and p.status = 'ACTIVE'
     and p.search_vector @@ websearch_to_tsquery('english', q.text)),
fuzzy as (
  select p.id, word_similarity(q.text, lower(p.name)) as rank
    from product p, q where not exists (select 1 from exact) and p.deleted_at is null and p.status = 'ACTIVE'
     and (lower(p.name) % q.text or q.text <% lower(p.name))),
hits as (select * from exact union all select * from fuzzy)
select id, rank from hits order by rank desc, id desc offset 0 limit 21;
select p1_0.id, p1_0.created_at, p1_0.updated_at, attributes::text, p1_0.average_rating, p1_0.brand, p1_0.currency,
       p1_0.deleted_at, p1_0.description, p1_0.featured, images::text, p1_0.manage_stock, p1_0.name, p1_0.price,
       p1_0.review_count, p1_0.sale_price, p1_0.short_description, p1_0.sku, p1_0.slug, p1_0.status,
       p1_0.stock_quantity, p1_0.weight_grams
  from product p1_0 where p1_0.id in (select id from product where deleted_at is null and status = 'ACTIVE'
                                       order by created_at desc, id desc limit 20) and p1_0.deleted_at is null;
