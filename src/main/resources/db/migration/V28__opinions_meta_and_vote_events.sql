-- Opinions, second round: meta statements, every vote kept as an event, and changes counted without a hot row.

-- A statement about the participant ("I identify as female") rather than an opinion (Pol.is's is-meta): voted like
-- the others, left out of the map and the groups, used to show each group's composition.
ALTER TABLE opinions_statement ADD COLUMN meta BOOLEAN NOT NULL DEFAULT FALSE;

-- Every vote as cast, changes included: the history a Pol.is export's votes.csv carries. Append-only.
CREATE TABLE opinions_vote_event (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES opinions_conversation (id) ON DELETE CASCADE,
    voter_id        BIGINT      NOT NULL REFERENCES opinions_voter (id) ON DELETE CASCADE,
    statement_id    BIGINT      NOT NULL,
    vote            SMALLINT    NOT NULL CHECK (vote IN (-1, 0, 1)),
    voted_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX opinions_vote_event_conversation ON opinions_vote_event (conversation_id, voted_at);
CREATE INDEX opinions_vote_event_voter ON opinions_vote_event (voter_id);

-- Votes counted in stripes (a voter always counts in the stripe of their id modulo the stripe count), so that votes
-- in a busy conversation do not queue on one row; the analysis sums them. Moderation and other rare changes still
-- count in opinions_conversation.changes.
CREATE TABLE opinions_vote_tally (
    conversation_id BIGINT      NOT NULL REFERENCES opinions_conversation (id) ON DELETE CASCADE,
    stripe          SMALLINT    NOT NULL,
    votes           BIGINT      NOT NULL DEFAULT 0,
    analysed_votes  BIGINT      NOT NULL DEFAULT 0,
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- when the first vote of this stripe not yet analysed came
    stale_since     TIMESTAMPTZ,
    PRIMARY KEY (conversation_id, stripe)
);
CREATE INDEX opinions_vote_tally_stale ON opinions_vote_tally (conversation_id) WHERE votes > analysed_votes;

-- The latest analysis records how many votes it covered, beside the other changes.
ALTER TABLE opinions_analysis ADD COLUMN votes_counted BIGINT NOT NULL DEFAULT 0;

-- The votes made before this migration become the first events (their latest version: earlier changes were not kept).
INSERT INTO opinions_vote_event (conversation_id, voter_id, statement_id, vote, voted_at)
SELECT s.conversation_id, v.voter_id, v.statement_id, v.vote, v.voted_at
FROM opinions_vote v JOIN opinions_statement s ON s.id = v.statement_id
ORDER BY v.voted_at;
