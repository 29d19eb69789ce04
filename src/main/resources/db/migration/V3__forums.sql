-- Forum editions and their agenda. Texts that organisers may provide in several languages are JSON objects
-- from language tag to text, the original language first: JSON, not JSONB, because JSONB does not keep key order.
CREATE TABLE forums_edition (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug      TEXT  NOT NULL UNIQUE,
    name      JSON NOT NULL,
    place     JSON NOT NULL DEFAULT '{}',
    summary   JSON NOT NULL DEFAULT '{}',
    starts_on DATE  NOT NULL,
    ends_on   DATE  NOT NULL,
    status    TEXT  NOT NULL DEFAULT 'PREPARATION',
    CONSTRAINT forums_edition_status CHECK (status IN ('PREPARATION', 'OPEN', 'ARCHIVED')),
    CONSTRAINT forums_edition_dates CHECK (ends_on >= starts_on),
    CONSTRAINT forums_edition_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

CREATE TABLE forums_roundtable (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id BIGINT  NOT NULL REFERENCES forums_edition (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
    title      JSON   NOT NULL,
    background JSON   NOT NULL DEFAULT '{}',
    UNIQUE (edition_id, number)
);

CREATE TABLE forums_session (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    roundtable_id BIGINT  NOT NULL REFERENCES forums_roundtable (id) ON DELETE CASCADE,
    edition_id    BIGINT  NOT NULL REFERENCES forums_edition (id) ON DELETE CASCADE,
    -- "1.2": roundtable number and position, unique within the edition, used in URLs
    code          TEXT    NOT NULL,
    position      INTEGER NOT NULL CHECK (position BETWEEN 1 AND 99),
    title         JSON   NOT NULL,
    background    JSON   NOT NULL DEFAULT '{}',
    UNIQUE (edition_id, code)
);
CREATE INDEX forums_session_roundtable ON forums_session (roundtable_id, position);

-- The "main issues" of a session: questions to discuss, each with supporting points.
CREATE TABLE forums_prompt (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id BIGINT  NOT NULL REFERENCES forums_session (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    question   JSON   NOT NULL,
    points     JSON   NOT NULL DEFAULT '[]',
    UNIQUE (session_id, position)
);
