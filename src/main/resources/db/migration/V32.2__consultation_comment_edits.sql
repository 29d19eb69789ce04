-- Commenters edit and withdraw their own comments while the round is open and the drafting team has not handled
-- them. Every earlier wording is kept (and shown with the comment); a withdrawn comment stays, for its replies, but
-- is no longer shown, counted or handled.
ALTER TABLE consultation_comment ADD COLUMN edited_at TIMESTAMPTZ;
ALTER TABLE consultation_comment ADD COLUMN withdrawn_at TIMESTAMPTZ;

CREATE TABLE consultation_comment_revision (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  BIGINT      NOT NULL REFERENCES consultation_comment (id) ON DELETE CASCADE,
    body        TEXT        NOT NULL,
    passage     TEXT,
    proposal    TEXT,
    -- when this wording was written (the comment's creation or its previous edit), and when it was replaced
    written_at  TIMESTAMPTZ NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consultation_comment_revision_comment ON consultation_comment_revision (comment_id);
