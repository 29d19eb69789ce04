-- Reports of a conversation under a candidate number, by the worker or by the organisation. Moderators read the
-- conversation through an open report only, up to its last message at the time of the report. The reporter's
-- account is kept so that one person has one open report per conversation; it is never shown.
CREATE TABLE skills_conversation_report (
    id              BIGSERIAL   PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES skills_conversation (id) ON DELETE CASCADE,
    by_worker       BOOLEAN     NOT NULL,
    reporter        BIGINT      NOT NULL,
    last_message_id BIGINT      NOT NULL,
    reason          TEXT        NOT NULL CHECK (reason IN ('FEES', 'DOCUMENTS', 'HARASSMENT', 'OTHER')),
    note            TEXT        NOT NULL DEFAULT '' CHECK (char_length(note) <= 1000),
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'SUSPENDED')),
    decided_by      BIGINT,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX skills_conversation_report_once ON skills_conversation_report (conversation_id, reporter)
    WHERE status = 'OPEN';
CREATE INDEX skills_conversation_report_open ON skills_conversation_report (created_at) WHERE status = 'OPEN';
