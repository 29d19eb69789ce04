-- A conversation's number of voters (those with at least one vote) was counted from the votes on every page that
-- shows it, some 70 ms for 10,000 voters. It is now kept in the vote tally's stripes: a voter is counted once, by
-- their first vote, which sets opinions_voter.voted. Votes leave only with their voter (deleted accounts), and then
-- the counts are made again from the votes, as the statements' counts are.
ALTER TABLE opinions_voter ADD COLUMN voted BOOLEAN NOT NULL DEFAULT false;
UPDATE opinions_voter v SET voted = true WHERE EXISTS (SELECT 1 FROM opinions_vote x WHERE x.voter_id = v.id);

ALTER TABLE opinions_vote_tally ADD COLUMN voters BIGINT NOT NULL DEFAULT 0;
INSERT INTO opinions_vote_tally AS t (conversation_id, stripe, voters)
SELECT conversation_id, id % 16, count(*) FROM opinions_voter WHERE voted GROUP BY 1, 2
ON CONFLICT (conversation_id, stripe) DO UPDATE SET voters = excluded.voters;

-- Results pages are kept rendered for readers without a dot of their own; a translation of a statement or of the
-- question moves this stamp, part of the kept page's key, so that every node renders the page again.
ALTER TABLE opinions_conversation ADD COLUMN texts_changed_at TIMESTAMPTZ NOT NULL DEFAULT now();
