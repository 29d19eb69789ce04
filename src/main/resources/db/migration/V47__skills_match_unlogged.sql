-- The match index is derived data: every row can be computed again from the profiles and opportunities, which stay
-- logged. Written UNLOGGED it costs no WAL: a full re-match writes some 300 MB of rows and index pages, which went
-- through the WAL and its flushes and set off checkpoints on the way. The price: after a crash of PostgreSQL both
-- tables come back empty. The state row going with them makes the stored matches "not current", and
-- MatchIndexUpkeep, which checks that at start and every minute, re-matches. (Reads are not routed to streaming
-- replicas, which do not carry unlogged tables; a deployment that routes them must keep this table logged.)
ALTER TABLE skills_match SET UNLOGGED;
ALTER TABLE skills_match_state SET UNLOGGED;
