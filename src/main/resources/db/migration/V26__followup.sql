-- Follow-up of recommendations: recommendations (with provenance and a line of work across editions),
-- commitments, progress updates with evidence, confirmations and contests, indicators, follows and notices.

-- Reference frameworks: shared codes (SDG targets, ILO conventions, the Migrant Workers Convention) and an
-- organiser's own. Shared ones are named by message keys; own ones carry their label.
CREATE TABLE followup_framework (
    code   TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9.-]{1,40}$'),
    family TEXT NOT NULL CHECK (family IN ('SDG', 'ILO', 'UN', 'OWN')),
    label  TEXT
);
INSERT INTO followup_framework (code, family) VALUES
    ('SDG-5.2', 'SDG'), ('SDG-8.7', 'SDG'), ('SDG-8.8', 'SDG'), ('SDG-10.7', 'SDG'), ('SDG-10.c', 'SDG'),
    ('SDG-16.2', 'SDG'), ('SDG-17.18', 'SDG'),
    ('ILO-C97', 'ILO'), ('ILO-C143', 'ILO'), ('ILO-C181', 'ILO'), ('ILO-C189', 'ILO'),
    ('ICRMW', 'UN');

CREATE TABLE followup_recommendation (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id               BIGINT      NOT NULL,
    theme                    TEXT        NOT NULL,
    title                    TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    body                     TEXT        NOT NULL DEFAULT '',
    language                 TEXT        NOT NULL DEFAULT 'und',
    addressees               TEXT[]      NOT NULL DEFAULT '{}',
    addressee_organisations  BIGINT[]    NOT NULL DEFAULT '{}',
    addressee_countries      TEXT[]      NOT NULL DEFAULT '{}',
    frameworks               TEXT[]      NOT NULL DEFAULT '{}',
    status                   TEXT        NOT NULL DEFAULT 'OPEN'
                             CHECK (status IN ('OPEN', 'IN_PROGRESS', 'ACHIEVED', 'CARRIED_OVER', 'CLOSED')),
    -- where it came from: a form, a CSV import, a consultation's outcome, a regional report's key point
    source_kind              TEXT        NOT NULL CHECK (source_kind IN ('FORM', 'CSV', 'CONSULTATION', 'REPORT')),
    source_id                BIGINT,
    source_title             TEXT,
    source_url               TEXT,
    -- the recommendation of an earlier edition this one carries over, and the first of that line of work
    carried_from             BIGINT UNIQUE REFERENCES followup_recommendation (id),
    line_id                  BIGINT      NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX followup_recommendation_title ON followup_recommendation (edition_id, lower(title));
CREATE INDEX followup_recommendation_line ON followup_recommendation (line_id);

CREATE TABLE followup_indicator (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    definition     TEXT    NOT NULL DEFAULT '',
    unit           TEXT    NOT NULL,
    baseline_value NUMERIC NOT NULL,
    baseline_on    DATE    NOT NULL,
    target_value   NUMERIC NOT NULL,
    target_on      DATE    NOT NULL,
    source         TEXT    NOT NULL DEFAULT '',
    CHECK (target_on > baseline_on)
);

CREATE TABLE followup_indicator_value (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id    BIGINT  NOT NULL REFERENCES followup_indicator (id) ON DELETE CASCADE,
    measured_on     DATE    NOT NULL,
    value           NUMERIC NOT NULL,
    source          TEXT    NOT NULL,
    -- a disaggregated value: by sex (F, M) or by country (ISO code); both null for the total
    breakdown       TEXT CHECK (breakdown IN ('sex', 'country')),
    breakdown_value TEXT,
    illustrative    BOOLEAN NOT NULL DEFAULT false,
    CHECK ((breakdown IS NULL) = (breakdown_value IS NULL))
);
CREATE INDEX followup_indicator_value_series ON followup_indicator_value (indicator_id, measured_on);

CREATE TABLE followup_commitment (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recommendation_id BIGINT      NOT NULL REFERENCES followup_recommendation (id),
    -- an organisation of the directory commits, or an organiser on behalf of a state (country code)
    organisation_id   BIGINT,
    state_country     TEXT,
    action            TEXT        NOT NULL CHECK (length(action) BETWEEN 1 AND 4000),
    due_on            DATE        NOT NULL,
    responsible       TEXT        NOT NULL,
    indicator_id      BIGINT REFERENCES followup_indicator (id),
    created_by        BIGINT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    overdue_noticed   BOOLEAN     NOT NULL DEFAULT false,
    CHECK ((organisation_id IS NULL) <> (state_country IS NULL))
);
CREATE INDEX followup_commitment_recommendation ON followup_commitment (recommendation_id);

CREATE TABLE followup_update (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commitment_id   BIGINT      NOT NULL REFERENCES followup_commitment (id),
    level           TEXT        NOT NULL
                    CHECK (level IN ('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN')),
    body            TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
    language        TEXT        NOT NULL DEFAULT 'und',
    author_id       BIGINT,
    verified_by     BIGINT,
    verified_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX followup_update_commitment ON followup_update (commitment_id, created_at);

-- Another organisation confirms or contests an update; one standing per organisation and update.
CREATE TABLE followup_reaction (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    update_id       BIGINT      NOT NULL REFERENCES followup_update (id),
    stance          TEXT        NOT NULL CHECK (stance IN ('CONFIRM', 'CONTEST')),
    organisation_id BIGINT      NOT NULL,
    body            TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    author_id       BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (update_id, organisation_id)
);

-- Evidence of an update or of a reaction: a link, or an uploaded PDF or image kept in the upload store.
CREATE TABLE followup_evidence (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    update_id   BIGINT REFERENCES followup_update (id),
    reaction_id BIGINT REFERENCES followup_reaction (id),
    link        TEXT,
    file_key    TEXT,
    file_name   TEXT,
    media_type  TEXT,
    size        INTEGER,
    CHECK ((update_id IS NULL) <> (reaction_id IS NULL)),
    CHECK ((link IS NULL) <> (file_key IS NULL))
);
CREATE INDEX followup_evidence_update ON followup_evidence (update_id);
CREATE INDEX followup_evidence_reaction ON followup_evidence (reaction_id);

CREATE TABLE followup_follow (
    account_id  BIGINT NOT NULL,
    target_kind TEXT   NOT NULL CHECK (target_kind IN ('RECOMMENDATION', 'COMMITMENT')),
    target_id   BIGINT NOT NULL,
    PRIMARY KEY (account_id, target_kind, target_id)
);
CREATE INDEX followup_follow_target ON followup_follow (target_kind, target_id);

CREATE TABLE followup_notification (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT      NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('UPDATE', 'OVERDUE', 'REACTION', 'VERIFIED')),
    commitment_id BIGINT      NOT NULL REFERENCES followup_commitment (id),
    -- the recommendation's title when notified, so the list reads no other table
    title         TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at       TIMESTAMPTZ
);
CREATE INDEX followup_notification_account ON followup_notification (account_id, created_at DESC);
