-- The Online Dialogue: threads in the sessions of forum editions, and their posts.
-- session_id and author_id refer to other modules' rows by id (no foreign key across modules);
-- author_id becomes NULL when the author deletes their account: the words stay, the person goes.
CREATE TABLE dialogue_thread (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id       BIGINT      NOT NULL,
    title            TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    author_id        BIGINT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_activity_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- posts ever written in the thread, the opening post included; gives each post its position
    posts_written    INTEGER     NOT NULL DEFAULT 0,
    -- visible replies (not deleted)
    reply_count      INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX dialogue_thread_by_activity ON dialogue_thread (session_id, last_activity_at DESC, id DESC);
CREATE INDEX dialogue_thread_by_creation ON dialogue_thread (session_id, created_at DESC, id DESC);
CREATE INDEX dialogue_thread_by_replies ON dialogue_thread (session_id, reply_count DESC, id DESC);

CREATE TABLE dialogue_post (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id       BIGINT      NOT NULL REFERENCES dialogue_thread (id) ON DELETE CASCADE,
    -- 1 for the opening post, then in the order written; never reused, so pages stay stable
    position        INTEGER     NOT NULL,
    parent_id       BIGINT REFERENCES dialogue_post (id),
    author_id       BIGINT,
    body            TEXT        NOT NULL CHECK (char_length(body) <= 20000),
    body_html       TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    edited_at       TIMESTAMPTZ,
    deleted_at      TIMESTAMPTZ,
    -- the form's one-time key: a repeated submission finds the post it already made
    idempotency_key UUID,
    UNIQUE (thread_id, position),
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX dialogue_post_author ON dialogue_post (author_id);

-- Earlier versions of edited posts, for the public edit history.
CREATE TABLE dialogue_post_revision (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     BIGINT      NOT NULL REFERENCES dialogue_post (id) ON DELETE CASCADE,
    body        TEXT        NOT NULL,
    body_html   TEXT        NOT NULL,
    written_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX dialogue_post_revision_post ON dialogue_post_revision (post_id, id);

CREATE TABLE dialogue_reaction (
    post_id    BIGINT NOT NULL REFERENCES dialogue_post (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    kind       TEXT   NOT NULL CHECK (kind IN ('AGREE', 'USEFUL', 'QUESTION')),
    PRIMARY KEY (post_id, account_id, kind)
);
