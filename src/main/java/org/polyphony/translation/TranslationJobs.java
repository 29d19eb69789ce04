package org.polyphony.translation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Translation jobs as rows in PostgreSQL, so that every node shares the work: a node takes a job with
 * {@code FOR UPDATE SKIP LOCKED} and holds it for a while; a job whose node died becomes takeable again.
 */
@Component
class TranslationJobs {

    private static final Duration HOLD = Duration.ofMinutes(2);

    private final JdbcClient jdbc;

    TranslationJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job with the source text it translates, as it stood when the job was taken. */
    record Job(
            long id,
            TextRef ref,
            String target,
            byte[] contentHash,
            int attempts,
            String source,
            String text,
            Long glossaryId) {}

    /** Asks for a translation; a job already there for an older version of the text starts again. */
    void request(TextRef ref, String target, byte[] contentHash) {
        jdbc.sql(
                        """
                        INSERT INTO translation_job (kind, content_id, target, content_hash) VALUES (:k, :id, :t, :h)
                        ON CONFLICT (kind, content_id, target) DO UPDATE
                        SET content_hash = :h, status = 'PENDING', attempts = 0, run_after = now(),
                            claimed_until = NULL, last_error = NULL, finished_at = NULL
                        WHERE translation_job.content_hash <> :h
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("t", target)
                .param("h", contentHash)
                .update();
    }

    /**
     * Asks for translations into several languages in one statement; jobs are made in the order of
     * {@code targets} (workers take them in that order), and one already there for an older version starts again.
     */
    void request(TextRef ref, List<String> targets, byte[] contentHash) {
        if (targets.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        INSERT INTO translation_job (kind, content_id, target, content_hash)
                        SELECT :k, :id, target, :h FROM unnest(CAST(ARRAY[:targets] AS text[]))
                            WITH ORDINALITY AS asked (target, place)
                        ORDER BY place
                        ON CONFLICT (kind, content_id, target) DO UPDATE
                        SET content_hash = :h, status = 'PENDING', attempts = 0, run_after = now(),
                            claimed_until = NULL, last_error = NULL, finished_at = NULL
                        WHERE translation_job.content_hash <> :h
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("targets", targets)
                .param("h", contentHash)
                .update();
    }

    /** Every job of a text made for another version of it starts again for this one. */
    void restartForNewVersion(TextRef ref, byte[] contentHash) {
        jdbc.sql(
                        """
                        UPDATE translation_job SET content_hash = :h, status = 'PENDING', attempts = 0,
                            run_after = now(), claimed_until = NULL, last_error = NULL, finished_at = NULL
                        WHERE kind = :k AND content_id = :id AND content_hash <> :h
                        """)
                .param("h", contentHash)
                .param("k", ref.kind())
                .param("id", ref.id())
                .update();
    }

    Optional<Job> take() {
        return jdbc.sql(
                        """
                        WITH next AS (
                            SELECT id FROM translation_job
                            WHERE (status = 'PENDING' AND run_after <= now())
                               OR (status = 'RUNNING' AND claimed_until < now())
                            -- the newest first: someone is reading what was just written, while a backlog (the
                            -- demo's texts, an import) can wait; the backlog is reached whenever the engine keeps up
                            ORDER BY run_after DESC, id DESC
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        UPDATE translation_job j
                        SET status = 'RUNNING', attempts = j.attempts + 1, claimed_until = now() + :hold
                        FROM next, translation_source s
                        WHERE j.id = next.id AND s.kind = j.kind AND s.content_id = j.content_id
                        RETURNING j.id, j.kind, j.content_id, j.target, j.content_hash, j.attempts,
                                  s.language, s.text, s.glossary_id
                        """)
                .param("hold", new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, HOLD.toSeconds()))
                .query((rs, n) -> new Job(
                        rs.getLong("id"),
                        new TextRef(rs.getString("kind"), rs.getLong("content_id")),
                        rs.getString("target"),
                        rs.getBytes("content_hash"),
                        rs.getInt("attempts"),
                        rs.getString("language"),
                        rs.getString("text"),
                        (Long) rs.getObject("glossary_id")))
                .optional();
    }

    void done(Job job) {
        jdbc.sql(
                        """
                        UPDATE translation_job SET status = 'DONE', finished_at = now(), last_error = NULL,
                            claimed_until = NULL
                        WHERE id = :id AND content_hash = :h
                        """)
                .param("id", job.id())
                .param("h", job.contentHash())
                .update();
    }

    /** Tries again later, or gives up when the job has had its attempts. */
    void failed(Job job, String error, boolean retry, Duration wait) {
        jdbc.sql(
                        """
                        UPDATE translation_job
                        SET status = CASE WHEN :retry THEN 'PENDING' ELSE 'FAILED' END,
                            run_after = now() + :wait, last_error = :error, claimed_until = NULL,
                            finished_at = CASE WHEN :retry THEN NULL ELSE now() END
                        WHERE id = :id AND content_hash = :h
                        """)
                .param("retry", retry)
                .param("wait", new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, wait.toMillis() / 1000.0))
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", job.id())
                .param("h", job.contentHash())
                .update();
    }

    /** Puts a job back without counting the attempt: its provider is resting. */
    void postpone(Job job, Duration wait) {
        jdbc.sql(
                        """
                        UPDATE translation_job SET status = 'PENDING', attempts = greatest(attempts - 1, 0),
                            run_after = now() + :wait, claimed_until = NULL
                        WHERE id = :id AND content_hash = :h
                        """)
                .param("wait", new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, wait.toMillis() / 1000.0))
                .param("id", job.id())
                .param("h", job.contentHash())
                .update();
    }

    record Failed(long id, TextRef ref, String target, int attempts, String error, java.time.Instant finishedAt) {}

    List<Failed> failedJobs(int limit) {
        return jdbc.sql(
                        """
                        SELECT id, kind, content_id, target, attempts, last_error, finished_at FROM translation_job
                        WHERE status = 'FAILED' ORDER BY finished_at DESC LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Failed(
                        rs.getLong(1),
                        new TextRef(rs.getString(2), rs.getLong(3)),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    boolean retry(long jobId) {
        return jdbc.sql(
                                """
                        UPDATE translation_job SET status = 'PENDING', attempts = 0, run_after = now(),
                            last_error = NULL, finished_at = NULL
                        WHERE id = :id AND status = 'FAILED'
                        """)
                        .param("id", jobId)
                        .update()
                > 0;
    }

    java.util.Map<String, Long> countsByStatus() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, count(*) FROM translation_job GROUP BY status")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
