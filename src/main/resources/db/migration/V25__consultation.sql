-- Consultations on draft documents: rounds of comments on numbered paragraphs, versions that keep each
-- paragraph's identity (its key), the drafting team's handling of every comment, and the published outcome.
CREATE TABLE consultation_consultation (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id       BIGINT      NOT NULL,
    session_id       BIGINT,
    title            TEXT        NOT NULL,
    purpose          TEXT        NOT NULL,
    language         TEXT        NOT NULL,
    -- who may comment: everyone signed in, or active members of the chosen organisations
    audience         TEXT        NOT NULL CHECK (audience IN ('SIGNED_IN', 'ORGANISATIONS')),
    created_by       BIGINT,
    -- the next paragraph key's number: keys are never reused within a consultation
    next_key         INTEGER     NOT NULL DEFAULT 1,
    outcome_version  INTEGER,
    outcome_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consultation_edition ON consultation_consultation (edition_id);

CREATE TABLE consultation_organisation (
    consultation_id BIGINT NOT NULL REFERENCES consultation_consultation (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, organisation_id)
);

-- people the organisers named to the drafting team
CREATE TABLE consultation_drafter (
    consultation_id BIGINT NOT NULL REFERENCES consultation_consultation (id) ON DELETE CASCADE,
    account_id      BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, account_id)
);

CREATE TABLE consultation_round (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT  NOT NULL REFERENCES consultation_consultation (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    opens_on        DATE    NOT NULL,
    closes_on       DATE    NOT NULL CHECK (closes_on >= opens_on),
    UNIQUE (consultation_id, number)
);

CREATE TABLE consultation_version (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation_consultation (id) ON DELETE CASCADE,
    number          INTEGER     NOT NULL,
    words           INTEGER     NOT NULL,
    created_by      BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (consultation_id, number)
);

CREATE TABLE consultation_paragraph (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id BIGINT  NOT NULL REFERENCES consultation_version (id) ON DELETE CASCADE,
    -- the identity later versions keep ("p12")
    key        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    heading    BOOLEAN NOT NULL,
    -- paragraph number as readers cite it; headings have none
    number     INTEGER,
    text       TEXT    NOT NULL,
    UNIQUE (version_id, key),
    UNIQUE (version_id, position)
);

CREATE TABLE consultation_comment (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id     BIGINT      NOT NULL REFERENCES consultation_round (id) ON DELETE CASCADE,
    version_id   BIGINT      NOT NULL REFERENCES consultation_version (id) ON DELETE CASCADE,
    -- null: a comment on the draft as a whole
    paragraph_id BIGINT      REFERENCES consultation_paragraph (id) ON DELETE CASCADE,
    parent_id    BIGINT      REFERENCES consultation_comment (id) ON DELETE CASCADE,
    passage      TEXT,
    proposal     TEXT,
    body         TEXT        NOT NULL,
    language     TEXT        NOT NULL,
    author_id    BIGINT,
    hidden       BOOLEAN     NOT NULL DEFAULT false,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consultation_comment_version ON consultation_comment (version_id, paragraph_id) WHERE NOT hidden;
CREATE INDEX consultation_comment_round ON consultation_comment (round_id);
CREATE INDEX consultation_comment_author ON consultation_comment (author_id);

CREATE TABLE consultation_support (
    comment_id BIGINT NOT NULL REFERENCES consultation_comment (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);

CREATE TABLE consultation_flag (
    comment_id BIGINT      NOT NULL REFERENCES consultation_comment (id) ON DELETE CASCADE,
    account_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, account_id)
);

CREATE TABLE consultation_handling (
    comment_id BIGINT      PRIMARY KEY REFERENCES consultation_comment (id) ON DELETE CASCADE,
    decision   TEXT        NOT NULL CHECK (decision IN ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'OUT_OF_SCOPE')),
    reason     TEXT        NOT NULL,
    handled_by BIGINT,
    handled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- moderators' actions on comments, kept for audit
CREATE TABLE consultation_moderation_log (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id   BIGINT      NOT NULL REFERENCES consultation_comment (id) ON DELETE CASCADE,
    moderator_id BIGINT,
    action       TEXT        NOT NULL CHECK (action IN ('HIDE', 'RESTORE')),
    reason       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- "your comment was handled", for the commenter, in the app until read
CREATE TABLE consultation_notice (
    comment_id BIGINT      PRIMARY KEY REFERENCES consultation_comment (id) ON DELETE CASCADE,
    account_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at    TIMESTAMPTZ
);
CREATE INDEX consultation_notice_unread ON consultation_notice (account_id) WHERE read_at IS NULL;
