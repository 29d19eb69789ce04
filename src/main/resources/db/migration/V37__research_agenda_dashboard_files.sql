-- Research, second part: the research-agenda workshop of an edition, the publication of the participation
-- dashboard to everyone, and the file (PDF) a publication may carry. Editions, sessions, accounts and opinion
-- conversations are other modules' rows, referred to by id only.

-- One agenda per edition: where its opinion conversation is held (once the organisers open it) and when it was
-- published.
CREATE TABLE research_agenda (
    edition_id      BIGINT      PRIMARY KEY,
    session_id      BIGINT,
    conversation_id BIGINT,
    published_at    TIMESTAMPTZ
);

-- A research question proposed for an edition's agenda. At most 280 characters, so that it can be a statement of
-- the opinion conversation as it is.
CREATE TABLE research_question (
    id          BIGSERIAL   PRIMARY KEY,
    edition_id  BIGINT      NOT NULL,
    author_id   BIGINT,
    text        TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 280),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    hidden_at   TIMESTAMPTZ
);
CREATE INDEX research_question_edition ON research_question (edition_id);
CREATE UNIQUE INDEX research_question_text ON research_question (edition_id, lower(text));

-- Who supports a question: one support per person, counted, never listed.
CREATE TABLE research_question_support (
    question_id BIGINT NOT NULL REFERENCES research_question (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL,
    PRIMARY KEY (question_id, account_id)
);

-- Editions whose organisers published the participation dashboard to everyone.
CREATE TABLE research_dashboard_public (
    edition_id   BIGINT      PRIMARY KEY,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The uploaded file of a publication (a PDF, checked and size-limited by the application).
CREATE TABLE research_publication_file (
    publication_id BIGINT      PRIMARY KEY REFERENCES research_publication (id) ON DELETE CASCADE,
    content        BYTEA       NOT NULL,
    size_bytes     INT         NOT NULL CHECK (size_bytes > 0),
    uploaded_by    BIGINT,
    uploaded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
