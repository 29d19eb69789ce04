-- Opinions: a statement's count of voters without a hot row. Every first vote on a statement used to add one to
-- opinions_statement.vote_count, and the next statement offered is the one with the fewest votes, so in a busy
-- conversation everyone votes on the same few statements at once and queued on their rows. The count is now kept in
-- stripes, as opinions_vote_tally keeps the conversation's: a voter always counts in the stripe of their id modulo
-- the stripe count (16), and a statement's count is the sum of its stripes.
CREATE TABLE opinions_statement_tally (
    statement_id BIGINT NOT NULL REFERENCES opinions_statement (id) ON DELETE CASCADE,
    stripe       SMALLINT NOT NULL,
    voters       BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (statement_id, stripe)
);

INSERT INTO opinions_statement_tally (statement_id, stripe, voters)
SELECT statement_id, (voter_id % 16)::SMALLINT, count(*)
FROM opinions_vote
GROUP BY statement_id, voter_id % 16;

ALTER TABLE opinions_statement DROP COLUMN vote_count;
