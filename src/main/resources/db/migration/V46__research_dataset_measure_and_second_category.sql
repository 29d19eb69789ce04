-- A second measure a dataset may carry beside its count of people: a rate (averaged, weighted by the counts) or an
-- amount (added up), with the unit its uploader gave ("%", "USD"). Its cells keep the sums it is shown from: for a
-- rate the sum of rate × count and the sum of those counts, for an amount the sum and the number of rows that gave
-- one. Datasets uploaded before have none: their columns stay NULL. (V45 is the publications' regions.)
ALTER TABLE research_dataset
    ADD COLUMN measure_column TEXT CHECK (char_length(measure_column) BETWEEN 1 AND 100),
    ADD COLUMN measure_kind   TEXT CHECK (measure_kind IN ('RATE', 'AMOUNT')),
    ADD COLUMN measure_unit   TEXT NOT NULL DEFAULT '' CHECK (char_length(measure_unit) <= 40),
    ADD CONSTRAINT research_dataset_measure_named CHECK ((measure_column IS NULL) = (measure_kind IS NULL));

ALTER TABLE research_dataset_cell
    ADD COLUMN measure_sum    NUMERIC,
    ADD COLUMN measure_weight NUMERIC;

-- A second category a dataset's rows may be broken down by beside the first (an age group, a sector, a migration
-- status beside the country): each pair is a row of the one protected table. '' for datasets with one category.
ALTER TABLE research_dataset
    ADD COLUMN second_category_column TEXT CHECK (char_length(second_category_column) BETWEEN 1 AND 100);
ALTER TABLE research_dataset_cell
    ADD COLUMN second_category TEXT NOT NULL DEFAULT '',
    DROP CONSTRAINT research_dataset_cell_pkey,
    ADD PRIMARY KEY (version_id, category, second_category, sex);
