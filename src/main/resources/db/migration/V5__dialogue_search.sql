-- Full-text search over posts and thread titles. Each row carries the text search configuration of its
-- language; until languages are detected (issue 4) that is 'simple', which matches words exactly, in any script.
ALTER TABLE dialogue_post ADD COLUMN search_config REGCONFIG NOT NULL DEFAULT 'simple';
ALTER TABLE dialogue_post ADD COLUMN search_vector TSVECTOR
    GENERATED ALWAYS AS (to_tsvector(search_config, body)) STORED;
CREATE INDEX dialogue_post_search ON dialogue_post USING GIN (search_vector);

ALTER TABLE dialogue_thread ADD COLUMN search_config REGCONFIG NOT NULL DEFAULT 'simple';
ALTER TABLE dialogue_thread ADD COLUMN search_vector TSVECTOR
    GENERATED ALWAYS AS (to_tsvector(search_config, title)) STORED;
CREATE INDEX dialogue_thread_search ON dialogue_thread USING GIN (search_vector);
