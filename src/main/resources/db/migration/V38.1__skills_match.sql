-- The candidates of every open opportunity, scored when a profile or an opportunity changes rather than on each
-- view of the candidate list. A row holds the score and the candidate number (a keyed hash), nothing of the
-- worker. No foreign keys: a full re-match writes a row per candidate, and the code deletes rows with their
-- profile or opportunity.
CREATE TABLE skills_match (
    opportunity_id BIGINT   NOT NULL,
    profile_id     BIGINT   NOT NULL,
    score          SMALLINT NOT NULL,
    number         TEXT     NOT NULL
);
CREATE INDEX skills_match_list ON skills_match (opportunity_id, score DESC, number);
CREATE INDEX skills_match_profile ON skills_match (profile_id);

-- the open opportunities of a minor group, for re-matching one profile
CREATE INDEX skills_opportunity_open_minor ON skills_opportunity (left(occupation, 3)) WHERE status = 'OPEN';

-- The version of the matching rules the stored matches were computed with: a start with other rules re-matches.
CREATE TABLE skills_match_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
