-- The sums of a dataset version by category and sex, computed once when the version is uploaded (versions never
-- change), so that a page, the API or a download reads a few hundred sums instead of adding up a million rows.
CREATE TABLE research_dataset_cell (
    version_id BIGINT NOT NULL REFERENCES research_dataset_version (id) ON DELETE CASCADE,
    category   TEXT   NOT NULL,
    sex        TEXT   NOT NULL,
    total      BIGINT NOT NULL CHECK (total >= 0),
    PRIMARY KEY (version_id, category, sex)
);

-- versions uploaded before this migration
INSERT INTO research_dataset_cell (version_id, category, sex, total)
SELECT version_id, category, sex, sum(count) FROM research_dataset_row GROUP BY version_id, category, sex;
