-- Opinion conversations attached to forum sessions: statements, pseudonymous voters, latest votes and the latest
-- finished analysis. Sessions and accounts are other modules' data, referred to by id only.
CREATE TABLE opinions_conversation (
    id                      BIGSERIAL PRIMARY KEY,
    session_id              BIGINT      NOT NULL,
    question                TEXT        NOT NULL CHECK (char_length(question) BETWEEN 1 AND 1000),
    question_language       TEXT        NOT NULL,
    -- participants' statements wait for a moderator (seed statements and moderators' never do)
    premoderated            BOOLEAN     NOT NULL DEFAULT TRUE,
    participant_statements  BOOLEAN     NOT NULL DEFAULT TRUE,
    -- people without an account may vote, as a pseudonym held in a cookie
    anonymous_allowed       BOOLEAN     NOT NULL DEFAULT FALSE,
    closed                  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- bumped by every vote and moderation; the analysis worker compares it with what it last analysed
    changes                 BIGINT      NOT NULL DEFAULT 0,
    changed_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    analysed_changes        BIGINT      NOT NULL DEFAULT 0,
    -- when the first change not yet analysed came: under steady voting the analysis still runs this often
    stale_since             TIMESTAMPTZ,
    -- a node analysing the conversation holds it until then, without holding a row lock that would stop votes
    analysis_claimed_until  TIMESTAMPTZ
);
CREATE INDEX opinions_conversation_session ON opinions_conversation (session_id);
CREATE INDEX opinions_conversation_stale ON opinions_conversation (changed_at) WHERE changes > analysed_changes;

-- One voter per person and conversation: the number the analysis and exports know them by. An account's voter
-- keeps the account id (to find their own votes and to forget them); a voter without an account is known only by
-- a hash of a secret kept in their browser, salted with the conversation, so voters cannot be linked across
-- conversations even by someone reading the database.
CREATE TABLE opinions_voter (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES opinions_conversation (id) ON DELETE CASCADE,
    account_id      BIGINT,
    secret_hash     BYTEA,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (account_id IS NULL OR secret_hash IS NULL),
    UNIQUE (conversation_id, account_id),
    UNIQUE (conversation_id, secret_hash)
);
CREATE INDEX opinions_voter_account ON opinions_voter (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE opinions_statement (
    id                  BIGSERIAL PRIMARY KEY,
    conversation_id     BIGINT      NOT NULL REFERENCES opinions_conversation (id) ON DELETE CASCADE,
    -- the conversation's own numbering (Pol.is comment-id), from 0
    number              INTEGER     NOT NULL,
    -- 280 characters for statements written here; imported Pol.is conversations may hold longer ones
    body                TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
    language            TEXT        NOT NULL,
    language_confidence REAL        NOT NULL DEFAULT 1,
    author_voter_id     BIGINT      REFERENCES opinions_voter (id) ON DELETE SET NULL,
    seed                BOOLEAN     NOT NULL DEFAULT FALSE,
    -- 1 accepted, 0 waiting for a moderator, -1 rejected (as in Pol.is's 'moderated')
    moderation          SMALLINT    NOT NULL CHECK (moderation IN (-1, 0, 1)),
    -- distinct voters so far, to offer the statements with fewest votes first
    vote_count          INTEGER     NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, number)
);
CREATE UNIQUE INDEX opinions_statement_text ON opinions_statement (conversation_id, lower(body));

-- The latest vote of each voter on each statement; changing a vote replaces it.
CREATE TABLE opinions_vote (
    voter_id     BIGINT      NOT NULL REFERENCES opinions_voter (id) ON DELETE CASCADE,
    statement_id BIGINT      NOT NULL REFERENCES opinions_statement (id) ON DELETE CASCADE,
    vote         SMALLINT    NOT NULL CHECK (vote IN (-1, 0, 1)),
    voted_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (voter_id, statement_id)
);
CREATE INDEX opinions_vote_statement ON opinions_vote (statement_id);

-- The latest finished analysis, as JSON, with the change count it was made from.
CREATE TABLE opinions_analysis (
    conversation_id BIGINT      PRIMARY KEY REFERENCES opinions_conversation (id) ON DELETE CASCADE,
    computed_at     TIMESTAMPTZ NOT NULL,
    changes         BIGINT      NOT NULL,
    result          JSONB       NOT NULL
);
