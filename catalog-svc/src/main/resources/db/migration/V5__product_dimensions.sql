-- The packed size of a product, for shipping rates (dimensional weight): all three or none.
ALTER TABLE product
    ADD COLUMN length_mm INTEGER CHECK (length_mm BETWEEN 1 AND 10000),
    ADD COLUMN width_mm  INTEGER CHECK (width_mm BETWEEN 1 AND 10000),
    ADD COLUMN height_mm INTEGER CHECK (height_mm BETWEEN 1 AND 10000),
    ADD CONSTRAINT product_dimensions_all_or_none
        CHECK ((length_mm IS NULL) = (width_mm IS NULL) AND (width_mm IS NULL) = (height_mm IS NULL));
