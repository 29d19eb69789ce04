-- Volunteer translation: people who read two languages translate what no provider brings into a reader's language.
-- Their translations are corrections by people (translation_review), marked as made from scratch.

ALTER TABLE translation_review ADD COLUMN by_volunteer BOOLEAN NOT NULL DEFAULT false;

-- A volunteer's choices; the row exists from the first declared pair.
CREATE TABLE translation_volunteer (
    account_id      BIGINT      PRIMARY KEY,
    -- thanked by display name on the volunteers' page only when they say so
    thanked_by_name BOOLEAN     NOT NULL DEFAULT false,
    -- told in the app and in their digest when items wait in their pairs
    notify          BOOLEAN     NOT NULL DEFAULT false,
    since           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE translation_volunteer_pair (
    account_id BIGINT NOT NULL REFERENCES translation_volunteer ON DELETE CASCADE,
    source     TEXT   NOT NULL,
    target     TEXT   NOT NULL,
    PRIMARY KEY (account_id, source, target),
    CHECK (source <> target)
);
CREATE INDEX translation_volunteer_pair_by_pair ON translation_volunteer_pair (source, target);

-- What each volunteer did, for their count; the text itself is in translation_review.
CREATE TABLE translation_contribution (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    kind       TEXT        NOT NULL,
    content_id BIGINT      NOT NULL,
    target     TEXT        NOT NULL,
    action     TEXT        NOT NULL CHECK (action IN ('TRANSLATED', 'IMPROVED', 'CONFIRMED')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX translation_contribution_account ON translation_contribution (account_id);

-- Another volunteer says a person's translation is right; counts only for the text it confirmed.
CREATE TABLE translation_confirmation (
    kind         TEXT        NOT NULL,
    content_id   BIGINT      NOT NULL,
    target       TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL,
    review_text  TEXT        NOT NULL,
    confirmed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, content_id, target, account_id),
    FOREIGN KEY (kind, content_id, target) REFERENCES translation_review ON DELETE CASCADE
);

-- A reader says a machine translation is poor: it goes to the volunteers' queue, and administrators see flags per
-- provider and pair. One flag per reader and translation.
CREATE TABLE translation_flag (
    kind         TEXT        NOT NULL,
    content_id   BIGINT      NOT NULL,
    target       TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL,
    source       TEXT        NOT NULL,
    provider     TEXT        NOT NULL,
    content_hash BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, content_id, target, account_id),
    FOREIGN KEY (kind, content_id) REFERENCES translation_source ON DELETE CASCADE
);

-- A moderator needs a text in a language before deciding: it goes first in the queue.
CREATE TABLE translation_request (
    kind         TEXT        NOT NULL,
    content_id   BIGINT      NOT NULL,
    target       TEXT        NOT NULL,
    requested_by BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, content_id, target),
    FOREIGN KEY (kind, content_id) REFERENCES translation_source ON DELETE CASCADE
);
