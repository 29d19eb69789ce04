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
