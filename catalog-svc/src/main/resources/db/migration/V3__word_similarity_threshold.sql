-- SearchProducts' typo tolerance: a query close to a word of a product's name matches when
-- their trigram word similarity passes 0.4. The <% operator asks exactly that of the trigram
-- index, at the threshold below, so the search can use product_name_trgm_idx instead of
-- computing word_similarity() for every row. New sessions of this database pick it up.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET pg_trgm.word_similarity_threshold = 0.4', current_database());
END
$$;
