-- Stories of "Sharing experiences of migration and development", per forum edition. An anonymous story keeps no
-- link to its author's account: no account id, and only a hash of the secret key its author holds.
CREATE TABLE experiences_theme (
    edition_id BIGINT  NOT NULL,
    code       TEXT    NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
    -- null: the name comes from the message bundles (theme.<code>); else the organisers' own name for it
    label      TEXT    CHECK (char_length(label) <= 80),
    position   INTEGER NOT NULL,
    PRIMARY KEY (edition_id, code)
);

CREATE TABLE experiences_story (
    id                  BIGSERIAL PRIMARY KEY,
    edition_id          BIGINT      NOT NULL,
    title               TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    body                TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    language            TEXT        NOT NULL,
    language_confidence REAL        NOT NULL DEFAULT 1,
    -- the author of a story published with their name; null when anonymous (or the account was deleted)
    author_account_id   BIGINT,
    anonymous           BOOLEAN     NOT NULL,
    -- anonymous stories: SHA-256 of the secret key only the author holds, to edit or withdraw it
    edit_key_hash       BYTEA,
    origin_country      TEXT        CHECK (origin_country ~ '^[A-Z]{2}$'),
    residence_country   TEXT        CHECK (residence_country ~ '^[A-Z]{2}$'),
    previous_countries  TEXT[]      NOT NULL DEFAULT '{}',
    migration_kind      TEXT        CHECK (migration_kind IN ('temporary', 'circular', 'medium-term', 'long-term', 'return')),
    sector              TEXT        CHECK (char_length(sector) <= 40),
    gender              TEXT        CHECK (char_length(gender) <= 60),
    year_from           INTEGER     CHECK (year_from BETWEEN 1900 AND 2100),
    year_to             INTEGER     CHECK (year_to BETWEEN 1900 AND 2100),
    themes              TEXT[]      NOT NULL DEFAULT '{}',
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED')),
    -- days, not instants: an anonymous story's time must not be matched against an account's activity
    written_on          DATE        NOT NULL DEFAULT current_date,
    published_on        DATE,
    demo                BOOLEAN     NOT NULL DEFAULT FALSE,
    CHECK (NOT anonymous OR author_account_id IS NULL),
    CHECK (year_to IS NULL OR year_from IS NULL OR year_to >= year_from)
);
CREATE INDEX experiences_story_edition ON experiences_story (edition_id, status, id DESC);
CREATE INDEX experiences_story_author ON experiences_story (author_account_id) WHERE author_account_id IS NOT NULL;
CREATE INDEX experiences_story_themes ON experiences_story USING gin (themes);

-- The sessions a story speaks to (sessions are the forums module's; by id).
CREATE TABLE experiences_story_session (
    story_id   BIGINT NOT NULL REFERENCES experiences_story (id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL,
    PRIMARY KEY (story_id, session_id)
);
CREATE INDEX experiences_story_session_session ON experiences_story_session (session_id);

-- Moderators' decisions; it names the moderator, never the author.
CREATE TABLE experiences_moderation_log (
    id           BIGSERIAL PRIMARY KEY,
    story_id     BIGINT      NOT NULL,
    moderator_id BIGINT,
    decision     TEXT        NOT NULL CHECK (decision IN ('PUBLISHED', 'REJECTED')),
    decided_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
