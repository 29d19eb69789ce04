-- Research: a library of publications linked to forum sessions, and datasets of counts published with small cells
-- protected. Accounts, editions and sessions are other modules' rows, referred to by id only.

CREATE TABLE research_publication (
    id           BIGSERIAL   PRIMARY KEY,
    -- the key the publication had in the file it was imported from (BibTeX key, RIS ID, CSL id)
    cite_key     TEXT        NOT NULL CHECK (char_length(cite_key) BETWEEN 1 AND 200),
    kind         TEXT        NOT NULL DEFAULT 'report' CHECK (char_length(kind) <= 40),
    title        TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
    authors      TEXT[]      NOT NULL DEFAULT '{}',
    year         INT         CHECK (year BETWEEN 1500 AND 2200),
    language     TEXT        NOT NULL DEFAULT 'en' CHECK (char_length(language) <= 20),
    abstract     TEXT        NOT NULL DEFAULT '' CHECK (char_length(abstract) <= 10000),
    publisher    TEXT        NOT NULL DEFAULT '' CHECK (char_length(publisher) <= 300),
    doi          TEXT        CHECK (char_length(doi) <= 200),
    isbn         TEXT        CHECK (char_length(isbn) <= 40),
    url          TEXT        CHECK (char_length(url) <= 1000),
    licence      TEXT        NOT NULL DEFAULT '' CHECK (char_length(licence) <= 200),
    themes       TEXT[]      NOT NULL DEFAULT '{}',
    countries    TEXT[]      NOT NULL DEFAULT '{}',
    added_by     BIGINT,
    added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_vector TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title), 'A')
        || setweight(to_tsvector('simple'::regconfig, abstract), 'C')) STORED
);
CREATE UNIQUE INDEX research_publication_key ON research_publication (lower(cite_key));
CREATE INDEX research_publication_search ON research_publication USING gin (search_vector);

-- The forum sessions a publication informs.
CREATE TABLE research_publication_session (
    publication_id BIGINT NOT NULL REFERENCES research_publication (id) ON DELETE CASCADE,
    session_id     BIGINT NOT NULL,
    PRIMARY KEY (publication_id, session_id)
);
CREATE INDEX research_publication_session_session ON research_publication_session (session_id);

-- A dataset: what it counts, where it comes from, and its schema: which column holds the sex (or gender)
-- breakdown, which the category it is broken down by (country, year, sector…), which the count.
CREATE TABLE research_dataset (
    id              BIGSERIAL   PRIMARY KEY,
    title           TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    source          TEXT        NOT NULL CHECK (char_length(source) BETWEEN 1 AND 500),
    licence         TEXT        NOT NULL CHECK (char_length(licence) BETWEEN 1 AND 200),
    method          TEXT        NOT NULL DEFAULT '' CHECK (char_length(method) <= 5000),
    sex_column      TEXT        NOT NULL,
    category_column TEXT        NOT NULL,
    -- COUNTRY (codes checked against the shared list), YEAR, or OTHER
    category_kind   TEXT        NOT NULL CHECK (category_kind IN ('COUNTRY', 'YEAR', 'OTHER')),
    count_column    TEXT        NOT NULL,
    minimum_cell    INT         NOT NULL DEFAULT 5 CHECK (minimum_cell BETWEEN 1 AND 100),
    demo            BOOLEAN     NOT NULL DEFAULT false,
    added_by        BIGINT,
    added_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each upload is a version; only a published one is shown, and every published one stays downloadable.
CREATE TABLE research_dataset_version (
    id           BIGSERIAL   PRIMARY KEY,
    dataset_id   BIGINT      NOT NULL REFERENCES research_dataset (id) ON DELETE CASCADE,
    number       INT         NOT NULL,
    row_count    BIGINT      NOT NULL,
    published_at TIMESTAMPTZ,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (dataset_id, number)
);

-- The rows of a version, reduced to what the schema names: aggregated with SQL, never shown one by one.
CREATE TABLE research_dataset_row (
    version_id BIGINT NOT NULL REFERENCES research_dataset_version (id) ON DELETE CASCADE,
    sex        TEXT   NOT NULL,
    category   TEXT   NOT NULL,
    count      BIGINT NOT NULL CHECK (count >= 0)
);
CREATE INDEX research_dataset_row_version ON research_dataset_row (version_id);
