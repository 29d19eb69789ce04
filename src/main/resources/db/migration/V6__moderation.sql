-- Moderation: participants flag posts; moderators hide, restore or dismiss; every action is logged.
ALTER TABLE forums_edition ADD COLUMN flag_threshold INTEGER NOT NULL DEFAULT 3
    CHECK (flag_threshold BETWEEN 1 AND 100);

ALTER TABLE dialogue_post ADD COLUMN hidden_at TIMESTAMPTZ;

CREATE TABLE dialogue_flag (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     BIGINT      NOT NULL REFERENCES dialogue_post (id) ON DELETE CASCADE,
    flagger_id  BIGINT      NOT NULL,
    reason      TEXT        NOT NULL CHECK (reason IN ('SPAM', 'ABUSE', 'PRIVACY', 'OFF_TOPIC', 'OTHER')),
    note        TEXT        CHECK (char_length(note) <= 500),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ,
    UNIQUE (post_id, flagger_id)
);
CREATE INDEX dialogue_flag_open ON dialogue_flag (post_id) WHERE resolved_at IS NULL;

-- Who did what to which post, when and why. moderator_id is NULL for automatic hiding by flags.
CREATE TABLE dialogue_moderation_log (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id      BIGINT      NOT NULL REFERENCES dialogue_post (id) ON DELETE CASCADE,
    moderator_id BIGINT,
    action       TEXT        NOT NULL CHECK (action IN ('HIDE', 'RESTORE', 'DISMISS', 'AUTO_HIDE')),
    reason       TEXT        CHECK (char_length(reason) <= 500),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dialogue_moderation_log_time ON dialogue_moderation_log (created_at DESC, id DESC);
