-- People and organisations: profiles, organisations with their members, follows and partnerships.
-- Accounts are another module's rows, referred to by id only; every row naming an account goes when the account
-- is deleted (the people module listens for AccountDeleted).

-- One profile per account, made when the person first saves it. Every field but the display name (kept by the
-- accounts module; copied here for the directory's search, refreshed on rename) is optional, and each has its
-- own visibility: PUBLIC (everyone), MEMBERS (signed-in people), ME (only its owner).
CREATE TABLE people_profile (
    account_id           BIGINT      PRIMARY KEY,
    display_name         TEXT        NOT NULL,
    bio                  TEXT        CHECK (char_length(bio) <= 500),
    bio_visibility       TEXT        NOT NULL DEFAULT 'PUBLIC',
    languages            TEXT[]      NOT NULL DEFAULT '{}',
    languages_visibility TEXT        NOT NULL DEFAULT 'PUBLIC',
    countries            TEXT[]      NOT NULL DEFAULT '{}',
    countries_visibility TEXT        NOT NULL DEFAULT 'MEMBERS',
    themes               TEXT[]      NOT NULL DEFAULT '{}',
    themes_visibility    TEXT        NOT NULL DEFAULT 'PUBLIC',
    links                TEXT[]      NOT NULL DEFAULT '{}',
    links_visibility     TEXT        NOT NULL DEFAULT 'PUBLIC',
    -- the key of the resized photo in the upload store
    photo_key            TEXT,
    photo_visibility     TEXT        NOT NULL DEFAULT 'MEMBERS',
    -- whether the person appears in the directory (then only through their public fields)
    listed               BOOLEAN     NOT NULL DEFAULT false,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (cardinality(links) <= 5),
    CHECK (bio_visibility IN ('PUBLIC', 'MEMBERS', 'ME') AND languages_visibility IN ('PUBLIC', 'MEMBERS', 'ME')
       AND countries_visibility IN ('PUBLIC', 'MEMBERS', 'ME') AND themes_visibility IN ('PUBLIC', 'MEMBERS', 'ME')
       AND links_visibility IN ('PUBLIC', 'MEMBERS', 'ME') AND photo_visibility IN ('PUBLIC', 'MEMBERS', 'ME'))
);
CREATE INDEX people_profile_listed ON people_profile (lower(display_name)) WHERE listed;

CREATE TABLE people_organisation (
    id                   BIGSERIAL   PRIMARY KEY,
    name                 TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    type                 TEXT        NOT NULL CHECK (type IN ('MIGRANT_ASSOCIATION', 'NGO', 'TRADE_UNION',
                                     'EMPLOYER', 'ACADEMIC', 'GOVERNMENT', 'INTERNATIONAL', 'OTHER')),
    countries            TEXT[]      NOT NULL DEFAULT '{}',
    regions              TEXT[]      NOT NULL DEFAULT '{}',
    themes               TEXT[]      NOT NULL DEFAULT '{}',
    languages            TEXT[]      NOT NULL DEFAULT '{}',
    website              TEXT        CHECK (char_length(website) <= 500),
    description          TEXT        NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    description_language TEXT        NOT NULL DEFAULT 'und',
    -- name (weighted first) and description, words as written and stemmed in the description's language
    search_vector        TSVECTOR,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- names are unique whatever their letter case
CREATE UNIQUE INDEX people_organisation_name ON people_organisation (lower(name));
CREATE INDEX people_organisation_search ON people_organisation USING gin (search_vector);
CREATE INDEX people_organisation_themes ON people_organisation USING gin (themes);
CREATE INDEX people_organisation_countries ON people_organisation USING gin (countries);

-- Members: ACTIVE, or INVITED by an admin (waiting for the person), or REQUESTED by the person (waiting for an
-- admin). The creator is the first ADMIN.
CREATE TABLE people_membership (
    organisation_id BIGINT      NOT NULL REFERENCES people_organisation (id) ON DELETE CASCADE,
    account_id      BIGINT      NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'INVITED', 'REQUESTED')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, account_id)
);
CREATE INDEX people_membership_account ON people_membership (account_id);

-- A person follows another person or an organisation.
CREATE TABLE people_follow (
    follower_id     BIGINT      NOT NULL,
    account_id      BIGINT,
    organisation_id BIGINT      REFERENCES people_organisation (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((account_id IS NULL) <> (organisation_id IS NULL)),
    CHECK (account_id IS NULL OR account_id <> follower_id),
    UNIQUE (follower_id, account_id),
    UNIQUE (follower_id, organisation_id)
);
CREATE INDEX people_follow_account ON people_follow (account_id) WHERE account_id IS NOT NULL;

-- A partnership asked by one organisation of another; at most one pending or accepted between two organisations,
-- whichever asked. A declined request may be asked again.
CREATE TABLE people_partnership (
    id              BIGSERIAL   PRIMARY KEY,
    from_id         BIGINT      NOT NULL REFERENCES people_organisation (id) ON DELETE CASCADE,
    to_id           BIGINT      NOT NULL REFERENCES people_organisation (id) ON DELETE CASCADE,
    message         TEXT        NOT NULL CHECK (char_length(message) BETWEEN 1 AND 1000),
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at      TIMESTAMPTZ,
    CHECK (from_id <> to_id)
);
CREATE UNIQUE INDEX people_partnership_pair ON people_partnership (LEAST(from_id, to_id), GREATEST(from_id, to_id))
    WHERE status <> 'DECLINED';
CREATE INDEX people_partnership_to ON people_partnership (to_id);
