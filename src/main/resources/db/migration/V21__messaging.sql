-- Direct messages between two people who both accept them, blocks, reports and the moderators' audit log.
-- Accounts are another module's data, referred to by id only.

-- Whether an account accepts direct messages. No row means no: messages are off until a person opts in.
CREATE TABLE messaging_setting (
    account_id       BIGINT      PRIMARY KEY,
    accepts_messages BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- blocker_id does not want to hear from blocked_id. Only the blocker ever sees this row.
CREATE TABLE messaging_block (
    blocker_id BIGINT      NOT NULL,
    blocked_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
CREATE INDEX messaging_block_blocked ON messaging_block (blocked_id);

-- One conversation per pair of people. pair_key ("<lower id>:<higher id>") finds it; it is cleared when either
-- person deletes their account, so a deleted id is not kept in it.
CREATE TABLE messaging_conversation (
    id              BIGSERIAL   PRIMARY KEY,
    pair_key        TEXT        UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_message_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE messaging_participant (
    conversation_id      BIGINT NOT NULL REFERENCES messaging_conversation (id) ON DELETE CASCADE,
    account_id           BIGINT NOT NULL,
    -- the newest message this person has seen; later messages from the other person count as unread
    last_read_message_id BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, account_id)
);
CREATE INDEX messaging_participant_account ON messaging_participant (account_id);

CREATE TABLE messaging_message (
    id              BIGSERIAL   PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES messaging_conversation (id) ON DELETE CASCADE,
    sender_id       BIGINT      NOT NULL,
    body            TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    sent_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX messaging_message_conversation ON messaging_message (conversation_id, id);
CREATE INDEX messaging_message_sender ON messaging_message (sender_id);

-- A participant reports a conversation. Moderators may read its messages up to last_message_id, and only while
-- the report is open.
CREATE TABLE messaging_report (
    id              BIGSERIAL   PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES messaging_conversation (id) ON DELETE CASCADE,
    reporter_id     BIGINT,
    reported_id     BIGINT,
    reason          TEXT        NOT NULL CHECK (reason IN ('SPAM', 'HARASSMENT', 'THREAT', 'PRIVACY', 'OTHER')),
    note            TEXT        CHECK (char_length(note) <= 500),
    last_message_id BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at     TIMESTAMPTZ
);
-- one open report per reporter and conversation; reporting again updates it
CREATE UNIQUE INDEX messaging_report_open ON messaging_report (conversation_id, reporter_id) WHERE resolved_at IS NULL;

-- Who did what about which report, when and why. Never holds message text.
CREATE TABLE messaging_moderation_log (
    id             BIGSERIAL   PRIMARY KEY,
    report_id      BIGINT      REFERENCES messaging_report (id) ON DELETE SET NULL,
    moderator_id   BIGINT,
    action         TEXT        NOT NULL CHECK (action IN ('DISMISS', 'SUSPEND')),
    -- the suspended account, for SUSPEND; cleared when that account is deleted
    account_id     BIGINT,
    suspended_days INTEGER,
    reason         TEXT        CHECK (char_length(reason) <= 500),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX messaging_moderation_log_time ON messaging_moderation_log (created_at DESC, id DESC);
