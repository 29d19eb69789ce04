-- Conversations under a candidate number: an organisation writes to a candidate it knows only by number, and the
-- worker answers under that number. Nothing here names the worker: the profile id is kept only so that the worker
-- finds their conversations; the organisation's side is reached through the number alone.
CREATE TABLE skills_conversation (
    id                   BIGSERIAL   PRIMARY KEY,
    opportunity_id       BIGINT      NOT NULL REFERENCES skills_opportunity (id) ON DELETE CASCADE,
    profile_id           BIGINT      NOT NULL REFERENCES skills_profile (id) ON DELETE CASCADE,
    -- the candidate number the conversation was opened under; a renumbered worker is a stranger to new ones
    number               TEXT        NOT NULL,
    -- the worker ended it: the organisation can no longer write
    closed               BOOLEAN     NOT NULL DEFAULT false,
    worker_read_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    organisation_read_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (opportunity_id, number)
);
CREATE INDEX skills_conversation_profile ON skills_conversation (profile_id);

CREATE TABLE skills_conversation_message (
    id              BIGSERIAL   PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES skills_conversation (id) ON DELETE CASCADE,
    from_worker     BOOLEAN     NOT NULL,
    -- the organisation admin who wrote, for moderation; never set for the worker's messages
    author          BIGINT,
    body            TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (NOT from_worker OR author IS NULL)
);
CREATE INDEX skills_conversation_message_conversation ON skills_conversation_message (conversation_id, id);
