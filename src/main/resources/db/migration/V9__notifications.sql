-- Notifications in the app, what people follow, and their e-mail digest choice.
CREATE TABLE notifications_notification (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('REPLY', 'QUOTE', 'MENTION', 'FOLLOWED')),
    post_id    BIGINT      NOT NULL,
    thread_id  BIGINT      NOT NULL,
    actor_id   BIGINT,
    -- the thread's title when notified, so the list needs no other module's tables
    thread_title TEXT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at    TIMESTAMPTZ,
    -- one notification per person and post: a reply that also mentions you is one notification
    UNIQUE (account_id, post_id)
);
CREATE INDEX notifications_unread ON notifications_notification (account_id, created_at DESC) WHERE read_at IS NULL;

CREATE TABLE notifications_follow (
    account_id  BIGINT NOT NULL,
    target_type TEXT   NOT NULL CHECK (target_type IN ('THREAD', 'SESSION')),
    target_id   BIGINT NOT NULL,
    PRIMARY KEY (account_id, target_type, target_id)
);
CREATE INDEX notifications_follow_target ON notifications_follow (target_type, target_id);

CREATE TABLE notifications_digest (
    account_id BIGINT      PRIMARY KEY,
    frequency  TEXT        NOT NULL CHECK (frequency IN ('NONE', 'DAILY', 'WEEKLY')),
    last_sent  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Mails that could not be sent (no SMTP server configured, or it failed): nothing is lost, an operator can see
-- them, and they are retried.
CREATE TABLE notifications_outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts   INTEGER     NOT NULL DEFAULT 0,
    sent_at    TIMESTAMPTZ
);
