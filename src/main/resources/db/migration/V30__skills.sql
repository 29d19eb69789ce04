-- The labour and skills matching pilot. A worker's skills profile is linked to nothing public: it holds no name,
-- nationality, residence status or contact; the account id is kept only so that its owner can edit, export and
-- delete it (AccountDeleted removes it).
CREATE TABLE skills_profile (
    id               BIGSERIAL   PRIMARY KEY,
    account_id       BIGINT      NOT NULL UNIQUE,
    paused           BOOLEAN     NOT NULL DEFAULT false,
    -- ISCO-08 unit groups (four digits), and their minor groups (three digits) for the candidate search
    occupations      TEXT[]      NOT NULL CHECK (cardinality(occupations) BETWEEN 1 AND 5),
    minor_groups     TEXT[]      NOT NULL,
    skills           TEXT[]      NOT NULL DEFAULT '{}',
    -- "ar:C1": a language tag and a CEFR level
    languages        TEXT[]      NOT NULL DEFAULT '{}',
    years            INTEGER     NOT NULL DEFAULT 0 CHECK (years BETWEEN 0 AND 60),
    work_countries   TEXT[]      NOT NULL DEFAULT '{}',
    work_regions     TEXT[]      NOT NULL DEFAULT '{}',
    available_from   DATE,
    looking_for      TEXT        NOT NULL DEFAULT '' CHECK (char_length(looking_for) <= 1000),
    -- part of every candidate number: drawn anew when the worker withdraws an interest, so that an organisation
    -- that saw who was behind a number cannot follow the same worker under it afterwards
    number_salt      BIGINT      NOT NULL DEFAULT floor(random() * 9.0e18)::bigint,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX skills_profile_minor_groups ON skills_profile USING gin (minor_groups) WHERE NOT paused;

CREATE TABLE skills_qualification (
    profile_id  BIGINT  NOT NULL REFERENCES skills_profile (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    country     TEXT    NOT NULL CHECK (char_length(country) = 2),
    recognised  BOOLEAN NOT NULL,
    PRIMARY KEY (profile_id, position)
);

-- Opportunities of organisations of the directory, in a forum edition's pilot. The three fair-recruitment
-- statements are required by the table itself: an opportunity that charges workers cannot exist.
CREATE TABLE skills_opportunity (
    id                   BIGSERIAL   PRIMARY KEY,
    edition_id           BIGINT      NOT NULL,
    organisation_id      BIGINT      NOT NULL,
    created_by           BIGINT,
    title                TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description          TEXT        NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    description_language TEXT        NOT NULL DEFAULT 'und',
    occupation           TEXT        NOT NULL CHECK (occupation ~ '^[0-9]{4}$'),
    skills               TEXT[]      NOT NULL DEFAULT '{}',
    languages            TEXT[]      NOT NULL DEFAULT '{}',
    country              TEXT        NOT NULL CHECK (char_length(country) = 2),
    place                TEXT        NOT NULL DEFAULT '' CHECK (char_length(place) <= 200),
    starts_on            DATE        NOT NULL,
    ends_on              DATE,
    pay_min              NUMERIC(12, 2) NOT NULL CHECK (pay_min >= 0),
    pay_max              NUMERIC(12, 2) NOT NULL,
    currency             TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    pay_period           TEXT        NOT NULL CHECK (pay_period IN ('HOUR', 'MONTH', 'YEAR')),
    no_worker_fees       BOOLEAN     NOT NULL CHECK (no_worker_fees),
    contract_in_language BOOLEAN     NOT NULL CHECK (contract_in_language),
    worker_keeps_documents BOOLEAN   NOT NULL CHECK (worker_keeps_documents),
    status               TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (pay_max >= pay_min),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX skills_opportunity_edition ON skills_opportunity (edition_id, status);
CREATE INDEX skills_opportunity_organisation ON skills_opportunity (organisation_id);

-- A worker's interest in an opportunity, and what they chose to share with the organisation. Until this row
-- exists the organisation sees only an anonymous candidate number.
CREATE TABLE skills_interest (
    opportunity_id BIGINT      NOT NULL REFERENCES skills_opportunity (id) ON DELETE CASCADE,
    profile_id     BIGINT      NOT NULL REFERENCES skills_profile (id) ON DELETE CASCADE,
    shared         TEXT[]      NOT NULL DEFAULT '{}',
    placed         BOOLEAN     NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (opportunity_id, profile_id)
);

-- Reports of abusive recruitment. The reporter's account is kept only so that one person reports an
-- opportunity once; moderators never see who reported.
CREATE TABLE skills_report (
    id             BIGSERIAL   PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES skills_opportunity (id) ON DELETE CASCADE,
    reporter       BIGINT,
    reason         TEXT        NOT NULL CHECK (reason IN ('FEES', 'DOCUMENTS', 'CONTRACT_SUBSTITUTION', 'OTHER')),
    note           TEXT        NOT NULL DEFAULT '' CHECK (char_length(note) <= 1000),
    status         TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'DISMISSED')),
    decided_by     BIGINT,
    decided_at     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (opportunity_id, reporter)
);

-- Organisations whose opportunities are suspended after repeated confirmed reports.
CREATE TABLE skills_suspension (
    organisation_id BIGINT      PRIMARY KEY,
    suspended_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The key of the candidate numbers: a number is a keyed hash of (opportunity, profile), so that one worker's
-- numbers in two opportunities cannot be linked by the organisations that see them.
CREATE TABLE skills_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BYTEA   NOT NULL
);
