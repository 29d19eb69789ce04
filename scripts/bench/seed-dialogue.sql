-- A realistic dialogue for load tests: 10,000 participants, 5,000 threads in the sessions of the demo editions,
-- 100,000 posts (20 per thread) with replies, in several languages; times :scale (psql -v scale=N, 1 by default
-- in scripts/benchmark-dialogue.sh). Deterministic (setseed) so runs compare; scale 1 is the data set of every
-- figure measured before the option existed.
SELECT setseed(0.42);

INSERT INTO accounts_account (display_name, name_key, password_hash, read_languages, created_at)
SELECT 'Participant ' || i, 'participant ' || i, 'not-a-password-hash',
       ARRAY[(ARRAY['en','fr','es','ar','tl','pt','ru','zh'])[1 + i % 8]],
       now() - interval '90 days'
  FROM generate_series(1, 10000 * :scale) AS i;

CREATE TEMP TABLE bench_accounts AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM accounts_account WHERE display_name LIKE 'Participant %';
CREATE TEMP TABLE bench_sessions AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM forums_session;

INSERT INTO dialogue_thread (session_id, title, author_id, created_at, last_activity_at, posts_written, reply_count)
SELECT s.id,
       'Thread ' || t || ': ' || (ARRAY['remittances and fees', 'skills recognition', 'circular migration',
            'domestic workers', 'diaspora investment', 'return and reintegration', 'recruitment costs',
            'children''s education'])[1 + t % 8],
       a.id,
       now() - (t || ' minutes')::interval,
       now() - (t || ' minutes')::interval + interval '30 seconds',
       20, 19
  FROM generate_series(1, 5000 * :scale) AS t
  JOIN bench_sessions s ON s.n = 1 + t % (SELECT count(*) FROM bench_sessions)
  JOIN bench_accounts a ON a.n = 1 + (t * 7) % (10000 * :scale);

CREATE TEMP TABLE bench_threads AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM dialogue_thread WHERE title LIKE 'Thread %';

INSERT INTO dialogue_post (thread_id, position, author_id, body, body_html, created_at)
SELECT th.id, p, a.id, body, '<p>' || body || '</p>', now() - ((th.n * 20 - p) || ' seconds')::interval
  FROM bench_threads th
 CROSS JOIN generate_series(1, 20) AS p
  JOIN bench_accounts a ON a.n = 1 + (th.n * 31 + p * 17) % (10000 * :scale)
 CROSS JOIN LATERAL (SELECT (ARRAY[
       'Migrant workers send money home every month, and the fees take too much of it.',
       'Les travailleurs migrants ont besoin que leurs compétences soient reconnues.',
       'La migración circular puede beneficiar a todos si se protegen los derechos.',
       'Domestic workers need contracts, days off and a way to complain without losing their visa.',
       'Diaspora associations can invest in their home towns when the rules are clear.',
       'O regresso precisa de apoio para que as competências adquiridas não se percam.',
       'Recruitment agencies should never charge workers; employers should pay.',
       'Children of migrants need schools that accept them wherever they are.'])[1 + (th.n + p) % 8] AS body) b;

-- replies point at an earlier post of the same thread, as conversations do
UPDATE dialogue_post p SET parent_id = q.id
  FROM dialogue_post q
 WHERE p.thread_id = q.thread_id AND p.position > 1 AND q.position = greatest(1, p.position - 1 - p.id % 3)
   AND p.thread_id IN (SELECT id FROM bench_threads);

ANALYZE;
SELECT (SELECT count(*) FROM bench_accounts) AS participants, (SELECT count(*) FROM bench_threads) AS threads,
       (SELECT count(*) FROM dialogue_post) AS posts;
