-- A busy conversation for the opinions load test: 10,000 voters and 500 statements, each voter having voted on 50
-- of them (500,000 votes), in four planted camps: each camp has a side on every statement, which its members take
-- 80 % of the time (10 % pass, 10 % the other side). Voters are pseudonyms whose cookie secrets are known to the
-- benchmark ('bench' and the voter's number on 38 digits), so wrk can vote as any of them. Deterministic.
SELECT setseed(0.17);

INSERT INTO opinions_conversation (session_id, question, question_language, anonymous_allowed, changes)
SELECT s.id, 'Benchmark: how should recruitment fees be handled?', 'en', TRUE, 1
  FROM forums_session s JOIN forums_edition e ON e.id = s.edition_id
 WHERE e.status <> 'ARCHIVED'
 ORDER BY s.id
 LIMIT 1;

CREATE TEMP TABLE bench_conversation AS
SELECT max(id) AS id FROM opinions_conversation WHERE question LIKE 'Benchmark:%';

INSERT INTO opinions_statement (conversation_id, number, body, language, seed, moderation)
SELECT c.id, n,
       'Statement ' || n || ': ' || (ARRAY['recruitment fees should be paid by employers',
            'contracts should be written in the worker''s language', 'passports must stay with their holders',
            'remittance fees should be capped', 'skills gained abroad should be recognised at home',
            'domestic workers need labour inspections', 'pensions should follow workers across borders',
            'returning migrants need help to find work'])[1 + n % 8],
       'en', TRUE, 1
  FROM bench_conversation c, generate_series(0, 499) AS n;

INSERT INTO opinions_voter (conversation_id, secret_hash, created_at)
SELECT c.id, sha256(convert_to(c.id || ':bench' || lpad(i::text, 38, '0'), 'UTF8')), now() - interval '2 days'
  FROM bench_conversation c, generate_series(1, 10000) AS i;

CREATE TEMP TABLE bench_voters AS
SELECT row_number() OVER (ORDER BY v.id) AS n, v.id
  FROM opinions_voter v JOIN bench_conversation c ON c.id = v.conversation_id;
CREATE TEMP TABLE bench_statements AS
SELECT s.number, s.id FROM opinions_statement s JOIN bench_conversation c ON c.id = s.conversation_id;

-- voter n votes on the statements (n * 7 + 10 k) mod 500, k = 0 … 49: fifty different ones
INSERT INTO opinions_vote (voter_id, statement_id, vote, voted_at)
SELECT v.id, s.id,
       CASE WHEN r < 0.8 THEN side WHEN r < 0.9 THEN 0 ELSE -side END,
       now() - interval '1 day' + (v.n || ' seconds')::interval
  FROM bench_voters v
  CROSS JOIN generate_series(0, 49) AS k
  JOIN bench_statements s ON s.number = (v.n * 7 + 10 * k) % 500
  CROSS JOIN LATERAL (SELECT random() AS r,
                             CASE WHEN hashtext((v.n % 4) || ':' || s.number) % 2 = 0 THEN 1 ELSE -1 END AS side) x;

INSERT INTO opinions_vote_event (conversation_id, voter_id, statement_id, vote, voted_at)
SELECT c.id, v.voter_id, v.statement_id, v.vote, v.voted_at
  FROM opinions_vote v JOIN bench_statements s ON s.id = v.statement_id, bench_conversation c
 ORDER BY v.voted_at;

INSERT INTO opinions_statement_tally (statement_id, stripe, voters)
SELECT v.statement_id, v.voter_id % 16, count(*)
  FROM opinions_vote v JOIN bench_statements s ON s.id = v.statement_id
 GROUP BY 1, 2;

UPDATE opinions_voter SET voted = true WHERE id IN (SELECT id FROM bench_voters);

INSERT INTO opinions_vote_tally (conversation_id, stripe, votes, voters, changed_at, stale_since)
SELECT c.id, v.voter_id % 16, count(*), count(DISTINCT v.voter_id), now() - interval '1 minute',
       now() - interval '1 minute'
  FROM opinions_vote v JOIN bench_statements s ON s.id = v.statement_id, bench_conversation c
 GROUP BY 1, 2;

ANALYZE opinions_vote;
ANALYZE opinions_vote_event;
ANALYZE opinions_statement_tally;
ANALYZE opinions_vote_tally;
