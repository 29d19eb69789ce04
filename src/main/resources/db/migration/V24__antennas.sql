-- Regional Antennas: hubs of a forum edition, their people, threads, meetings and rapporteur reports.
-- edition_id, session_id, account_id, thread_id, post_id refer to other modules' rows by id only.

CREATE TABLE antennas_hub (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id           BIGINT      NOT NULL,
    -- a UN M49 region or sub-region code of languages.Regions, or null for a named inter-regional grouping
    region_code          TEXT        CHECK (char_length(region_code) <= 40),
    name                 TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    description          TEXT        NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    language             TEXT        NOT NULL,
    working_languages    TEXT[]      NOT NULL DEFAULT '{}',
    members_only_posting BOOLEAN     NOT NULL DEFAULT false,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (edition_id, name)
);

-- Roles scoped to one hub: a rapporteur of the Africa hub is nobody's rapporteur elsewhere.
CREATE TABLE antennas_hub_role (
    hub_id     BIGINT NOT NULL REFERENCES antennas_hub (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    role       TEXT   NOT NULL CHECK (role IN ('COORDINATOR', 'RAPPORTEUR')),
    PRIMARY KEY (hub_id, account_id, role)
);
CREATE INDEX antennas_hub_role_account ON antennas_hub_role (account_id);

-- People who asked to join (REQUESTED) and those the coordinators accepted (MEMBER).
CREATE TABLE antennas_hub_member (
    hub_id     BIGINT      NOT NULL REFERENCES antennas_hub (id) ON DELETE CASCADE,
    account_id BIGINT      NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'MEMBER')),
    since      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (hub_id, account_id)
);
CREATE INDEX antennas_hub_member_account ON antennas_hub_member (account_id);

-- A hub's regional track of a global session: dialogue threads of that session that belong to the hub.
CREATE TABLE antennas_hub_thread (
    thread_id  BIGINT PRIMARY KEY,
    hub_id     BIGINT NOT NULL REFERENCES antennas_hub (id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL
);
CREATE INDEX antennas_hub_thread_hub ON antennas_hub_thread (hub_id, session_id);

-- Meetings: regional, inter-regional, and the Civil Society Days themselves (hub_id null).
CREATE TABLE antennas_meeting (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id        BIGINT      NOT NULL,
    hub_id            BIGINT REFERENCES antennas_hub (id) ON DELETE CASCADE,
    kind              TEXT        NOT NULL CHECK (kind IN ('REGIONAL', 'INTER_REGIONAL', 'CIVIL_SOCIETY_DAYS')),
    title             TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    language          TEXT        NOT NULL,
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL CHECK (ends_at >= starts_at),
    time_zone         TEXT        NOT NULL,
    mode              TEXT        NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    place             TEXT        NOT NULL DEFAULT '' CHECK (char_length(place) <= 300),
    -- shown only to registered people
    online_link       TEXT        NOT NULL DEFAULT '' CHECK (char_length(online_link) <= 500),
    capacity          INTEGER     CHECK (capacity BETWEEN 1 AND 100000),
    -- the one question an organiser may add to registration; null: nothing beyond the account is asked
    question          TEXT        CHECK (char_length(question) <= 300),
    registration_open BOOLEAN     NOT NULL DEFAULT true,
    cancelled_at      TIMESTAMPTZ,
    minutes           TEXT        CHECK (char_length(minutes) <= 50000),
    minutes_html      TEXT,
    minutes_language  TEXT,
    outcomes          TEXT        NOT NULL DEFAULT '' CHECK (char_length(outcomes) <= 10000),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX antennas_meeting_hub ON antennas_meeting (hub_id, starts_at);
CREATE INDEX antennas_meeting_edition ON antennas_meeting (edition_id, starts_at);

-- The programme: agenda items, each optionally about a global session.
CREATE TABLE antennas_meeting_item (
    meeting_id BIGINT  NOT NULL REFERENCES antennas_meeting (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT    NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    session_id BIGINT,
    PRIMARY KEY (meeting_id, position)
);

-- Registrations: the account, and the answer to the organiser's question if one was asked.
CREATE TABLE antennas_registration (
    meeting_id    BIGINT      NOT NULL REFERENCES antennas_meeting (id) ON DELETE CASCADE,
    account_id    BIGINT      NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('REGISTERED', 'WAITING')),
    answer        TEXT        CHECK (char_length(answer) <= 1000),
    registered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, account_id)
);
CREATE INDEX antennas_registration_account ON antennas_registration (account_id);

-- Attendance after the meeting, as counts only: by region, and by gender where people chose to say.
CREATE TABLE antennas_attendance (
    meeting_id BIGINT  NOT NULL REFERENCES antennas_meeting (id) ON DELETE CASCADE,
    dimension  TEXT    NOT NULL CHECK (dimension IN ('REGION', 'GENDER')),
    category   TEXT    NOT NULL CHECK (char_length(category) BETWEEN 1 AND 60),
    people     INTEGER NOT NULL CHECK (people >= 0),
    PRIMARY KEY (meeting_id, dimension, category)
);

CREATE TABLE antennas_report (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id       BIGINT      NOT NULL REFERENCES antennas_hub (id) ON DELETE CASCADE,
    title        TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    introduction TEXT        NOT NULL DEFAULT '' CHECK (char_length(introduction) <= 20000),
    language     TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('DRAFT', 'REVIEW', 'PUBLISHED')),
    -- 0 until first published; each published correction adds one
    version      INTEGER     NOT NULL DEFAULT 0,
    submitted_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX antennas_report_hub ON antennas_report (hub_id);

-- The global sessions a report addresses (and, once submitted, is submitted to).
CREATE TABLE antennas_report_session (
    report_id  BIGINT NOT NULL REFERENCES antennas_report (id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL,
    PRIMARY KEY (report_id, session_id)
);
CREATE INDEX antennas_report_session_session ON antennas_report_session (session_id);

CREATE TABLE antennas_key_point (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id BIGINT  NOT NULL REFERENCES antennas_report (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT    NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000)
);
CREATE INDEX antennas_key_point_report ON antennas_key_point (report_id, position);

-- A citation names its source by kind and id; quotes are read live from the source, so a source hidden or
-- deleted later shows as withdrawn. Opinion results keep the statement number and group they cite.
CREATE TABLE antennas_citation (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_point_id BIGINT      NOT NULL REFERENCES antennas_key_point (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL CHECK (kind IN ('POST', 'THREAD', 'STORY', 'OPINION', 'MINUTES', 'OUTCOME')),
    source_id    BIGINT      NOT NULL,
    detail       TEXT        NOT NULL DEFAULT '' CHECK (char_length(detail) <= 40),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (key_point_id, kind, source_id, detail)
);

-- Review comments by the hub's members, on the draft or on one key point.
CREATE TABLE antennas_report_comment (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id    BIGINT      NOT NULL REFERENCES antennas_report (id) ON DELETE CASCADE,
    key_point_id BIGINT REFERENCES antennas_key_point (id) ON DELETE CASCADE,
    author_id    BIGINT,
    body         TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX antennas_report_comment_report ON antennas_report_comment (report_id, created_at);

-- Every published version as it read then (key points as a JSON array of texts), to show what changed.
CREATE TABLE antennas_report_version (
    report_id    BIGINT      NOT NULL REFERENCES antennas_report (id) ON DELETE CASCADE,
    version      INTEGER     NOT NULL,
    title        TEXT        NOT NULL,
    introduction TEXT        NOT NULL,
    key_points   TEXT        NOT NULL,
    note         TEXT        NOT NULL DEFAULT '' CHECK (char_length(note) <= 1000),
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, version)
);
