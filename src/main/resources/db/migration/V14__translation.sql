-- Translation: the text of each contribution as handed over by its module, the jobs that translate it, the machine
-- translations (a cache shared by every text with the same content), people's corrections, the glossary, and the
-- administrators' switches for providers that send text off the server.

-- One row per translatable text (kind 'post', 'thread-title', …; content_id is the owning module's id).
-- content_hash covers the text and the glossary it is translated with: an edit or a glossary change gives a new hash.
CREATE TABLE translation_source (
    kind         TEXT        NOT NULL,
    content_id   BIGINT      NOT NULL,
    language     TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    content_hash BYTEA       NOT NULL,
    -- the forum edition whose glossary applies; NULL for none
    glossary_id  BIGINT,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, content_id)
);
CREATE INDEX translation_source_hash ON translation_source (content_hash);

CREATE TABLE translation_job (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT        NOT NULL,
    content_id    BIGINT      NOT NULL,
    target        TEXT        NOT NULL,
    content_hash  BYTEA       NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts      INTEGER     NOT NULL DEFAULT 0,
    run_after     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a node that took the job and died leaves it RUNNING; after this moment another node may take it
    claimed_until TIMESTAMPTZ,
    last_error    TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    UNIQUE (kind, content_id, target),
    FOREIGN KEY (kind, content_id) REFERENCES translation_source (kind, content_id) ON DELETE CASCADE
);
CREATE INDEX translation_job_waiting ON translation_job (run_after) WHERE status IN ('PENDING', 'RUNNING');
CREATE INDEX translation_job_failed ON translation_job (finished_at DESC) WHERE status = 'FAILED';

CREATE TABLE translation_text (
    content_hash  BYTEA       NOT NULL,
    source        TEXT        NOT NULL,
    target        TEXT        NOT NULL,
    provider      TEXT        NOT NULL,
    -- the language translated through when no direct pair exists (Portuguese → Spanish → English)
    pivot         TEXT,
    text          TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_config REGCONFIG   NOT NULL DEFAULT 'simple',
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector(search_config, text)) STORED,
    PRIMARY KEY (content_hash, source, target, provider)
);
CREATE INDEX translation_text_search ON translation_text USING GIN (search_vector);

-- A person's correction of a machine translation; kept when the machine translation is redone.
CREATE TABLE translation_review (
    kind          TEXT        NOT NULL,
    content_id    BIGINT      NOT NULL,
    target        TEXT        NOT NULL,
    text          TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 20000),
    -- the source text it corrects: when the author edits, the correction is shown as of an earlier version
    content_hash  BYTEA       NOT NULL,
    reviewer_id   BIGINT,
    reviewed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_config REGCONFIG   NOT NULL DEFAULT 'simple',
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector(search_config, text)) STORED,
    PRIMARY KEY (kind, content_id, target)
);
CREATE INDEX translation_review_search ON translation_review USING GIN (search_vector);

-- Terms of a forum edition's glossary: kept as they are (replacement NULL), or translated as the organisers chose
-- into one language.
CREATE TABLE translation_glossary_term (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    glossary_id BIGINT NOT NULL,
    term        TEXT   NOT NULL CHECK (char_length(term) BETWEEN 1 AND 100),
    language    TEXT,
    replacement TEXT CHECK (char_length(replacement) BETWEEN 1 AND 100),
    CHECK ((language IS NULL) = (replacement IS NULL)),
    UNIQUE NULLS NOT DISTINCT (glossary_id, term, language)
);

-- Providers that send text off the server are off until an administrator switches them on.
CREATE TABLE translation_provider_switch (
    provider   TEXT PRIMARY KEY,
    enabled    BOOLEAN     NOT NULL,
    changed_by BIGINT,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
