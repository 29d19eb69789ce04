-- Regional Antennas, continued: member organisations of a hub, and the opinion conversations a hub opens.
-- organisation_id, conversation_id and session_id refer to other modules' rows by id only.

-- Organisations join a hub as organisations work: a coordinator invites one (INVITED) and one of its admins
-- accepts, or one of its admins asks (REQUESTED) and a coordinator accepts; either way it becomes a MEMBER.
CREATE TABLE antennas_hub_organisation (
    hub_id          BIGINT      NOT NULL REFERENCES antennas_hub (id) ON DELETE CASCADE,
    organisation_id BIGINT      NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('INVITED', 'REQUESTED', 'MEMBER')),
    since           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (hub_id, organisation_id)
);
CREATE INDEX antennas_hub_organisation_organisation ON antennas_hub_organisation (organisation_id);

-- A hub's opinion conversation: a conversation of a global session (opinions module) that the hub opened for its
-- regional track, as antennas_hub_thread does for threads.
CREATE TABLE antennas_hub_conversation (
    conversation_id BIGINT PRIMARY KEY,
    hub_id          BIGINT NOT NULL REFERENCES antennas_hub (id) ON DELETE CASCADE,
    session_id      BIGINT NOT NULL
);
CREATE INDEX antennas_hub_conversation_hub ON antennas_hub_conversation (hub_id, session_id);
