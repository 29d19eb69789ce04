-- The match index keeps a candidate number as the 40 bits it is written from (C-… is made from them when shown):
-- a bigint sorts, copies and indexes far quicker than the text, which matters for a full re-match that writes a
-- row per candidacy. The rows are made again at the next start (no version row: the stored matches are not
-- current), so nothing is converted here.
DROP TABLE skills_match;
CREATE TABLE skills_match (
    opportunity_id BIGINT   NOT NULL,
    profile_id     BIGINT   NOT NULL,
    score          SMALLINT NOT NULL,
    number         BIGINT   NOT NULL
);
-- the same two indexes MatchIndex.rematchAll drops and builds again after its copy
CREATE INDEX skills_match_list ON skills_match (opportunity_id, score DESC, number);
CREATE INDEX skills_match_profile ON skills_match (profile_id);
DELETE FROM skills_match_state;
