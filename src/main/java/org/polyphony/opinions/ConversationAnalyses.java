package org.polyphony.opinions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.polyphony.opinions.analysis.Conversation;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.OpinionAnalysis;
import org.polyphony.opinions.analysis.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each conversation's analysis up to date in the background, never on a reader's request. A conversation is
 * analysed once votes have paused for {@code polyphony.opinions.analysis-debounce}, or, under steady voting, once
 * its oldest unanalysed vote is {@code polyphony.opinions.analysis-max-wait} old. Any node may do it: a node claims
 * a conversation for a while (a lease in its row) rather than locking the row, so votes never wait for an analysis.
 */
@Component
class ConversationAnalyses {

    private static final Logger log = LoggerFactory.getLogger(ConversationAnalyses.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Renews running leases; daemon, so it never holds the application up at shutdown. */
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "opinions-analysis-lease");
        thread.setDaemon(true);
        return thread;
    });

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration debounce;
    private final Duration maxWait;
    private final Duration lease;

    ConversationAnalyses(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Value("${polyphony.opinions.analysis-debounce:PT3S}") Duration debounce,
            @Value("${polyphony.opinions.analysis-max-wait:PT30S}") Duration maxWait,
            @Value("${polyphony.opinions.analysis-lease:PT30S}") Duration lease) {
        if (lease.toMillis() < 3_000) {
            throw new IllegalArgumentException("polyphony.opinions.analysis-lease must be at least 3 seconds");
        }
        this.lease = lease;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.debounce = debounce;
        this.maxWait = maxWait;
    }

    /** Which analysis a stored result is; a new analysis of the conversation gives another. */
    private record Version(Instant computedAt, long changes, long votes) {}

    /**
     * A parsed result, the part of its map every reader shares (drawn once, when first asked for) and its maps by
     * language for readers without a dot of their own.
     */
    private record Ready(
            Version version,
            AnalysisResult result,
            java.util.concurrent.atomic.AtomicReference<String> drawing,
            Map<String, String> maps) {}

    /**
     * Results pages parse no JSON and draw no map on every view: the latest result of recently viewed conversations
     * is kept parsed, with its maps, until the next analysis replaces it (checked against the stored version on every
     * view, so a new analysis made on another node is seen at once).
     */
    private final Map<Long, Ready> ready =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Ready> eldest) {
                    return size() > 256;
                }
            });

    /** The latest finished analysis of a conversation, if one was made. */
    Optional<AnalysisResult> latest(ConversationId conversation) {
        return readyOf(conversation).map(Ready::result);
    }

    /**
     * The map of the latest analysis drawn for a reader without a dot of their own, kept until the next analysis.
     *
     * @param language the language of the labels, the part of the key that {@code draw} depends on
     */
    String sharedMap(ConversationId conversation, AnalysisResult result, String language, Supplier<String> draw) {
        Ready current = ready.get(conversation.value());
        if (current == null || current.result() != result) {
            return draw.get();
        }
        return current.maps().computeIfAbsent(language, l -> draw.get());
    }

    /** What the map of this result shows every reader alike ({@link OpinionMapSvg#drawing}), drawn once per result. */
    String drawing(ConversationId conversation, AnalysisResult result) {
        Ready current = ready.get(conversation.value());
        if (current == null || current.result() != result) {
            return OpinionMapSvg.drawing(result);
        }
        return current.drawing().updateAndGet(drawn -> drawn != null ? drawn : OpinionMapSvg.drawing(result));
    }

    private Optional<Ready> readyOf(ConversationId conversation) {
        Optional<Version> version = jdbc.sql(
                        "SELECT computed_at, changes, votes_counted FROM opinions_analysis WHERE conversation_id = :c")
                .param("c", conversation.value())
                .query((rs, n) -> new Version(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3)))
                .optional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Ready current = ready.get(conversation.value());
        if (current != null && current.version().equals(version.get())) {
            return Optional.of(current);
        }
        Optional<Ready> fresh = jdbc.sql(
                        "SELECT computed_at, changes, votes_counted, result FROM opinions_analysis WHERE conversation_id = :c")
                .param("c", conversation.value())
                .query((rs, n) -> new Ready(
                        new Version(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3)),
                        JSON.readValue(rs.getString(4), AnalysisResult.class),
                        new java.util.concurrent.atomic.AtomicReference<>(),
                        new java.util.concurrent.ConcurrentHashMap<>()))
                .optional();
        fresh.ifPresent(r -> ready.put(conversation.value(), r));
        return fresh;
    }

    /**
     * Whether something the analysis depends on changed since the latest analysis (of {@code opinions_conversation
     * c}): a change counted on the conversation or a vote in one of its tally's stripes.
     */
    static final String OUTDATED =
            """
            (c.changes > c.analysed_changes OR EXISTS (SELECT 1 FROM opinions_vote_tally t
                WHERE t.conversation_id = c.id AND t.votes > t.analysed_votes))""";

    /** Whether votes came in after the latest analysis started. */
    boolean outdated(ConversationId conversation) {
        return jdbc.sql(
                        """
                        SELECT %s FROM opinions_conversation c WHERE id = :c
                        """
                                .formatted(OUTDATED))
                .param("c", conversation.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Scheduled(
            fixedDelayString = "${polyphony.opinions.analysis-poll:PT1S}",
            initialDelayString = "${polyphony.opinions.analysis-poll:PT1S}")
    void analyseWhatChanged() {
        Optional<Claim> claim;
        while ((claim = claim()).isPresent()) {
            try {
                analyse(claim.get());
            } catch (RuntimeException e) {
                // the lease runs out and another attempt follows; one faulty conversation must not stop the others
                log.warn("Analysis of conversation {} failed", claim.get().conversation(), e);
                return;
            }
        }
    }

    private record Claim(long conversation, long changes) {}

    private Optional<Claim> claim() {
        return jdbc.sql(
                        """
                        WITH pending AS (
                            SELECT c.id,
                                   greatest(CASE WHEN c.changes > c.analysed_changes THEN c.changed_at END,
                                            v.changed_at) AS changed_at,
                                   least(CASE WHEN c.changes > c.analysed_changes THEN c.stale_since END,
                                         v.stale_since) AS stale_since
                            FROM opinions_conversation c
                            LEFT JOIN (SELECT conversation_id, max(changed_at) AS changed_at,
                                              min(stale_since) AS stale_since
                                       FROM opinions_vote_tally WHERE votes > analysed_votes
                                       GROUP BY conversation_id) v ON v.conversation_id = c.id
                            WHERE (c.changes > c.analysed_changes OR v.conversation_id IS NOT NULL)
                              AND (c.analysis_claimed_until IS NULL OR c.analysis_claimed_until < now()))
                        UPDATE opinions_conversation SET analysis_claimed_until = now() + make_interval(secs => :lease)
                        WHERE id = (SELECT c.id FROM opinions_conversation c JOIN pending p ON p.id = c.id
                                    WHERE p.changed_at < now() - make_interval(secs => :debounce)
                                       OR p.stale_since < now() - make_interval(secs => :maxWait)
                                    ORDER BY p.stale_since
                                    LIMIT 1 FOR UPDATE OF c SKIP LOCKED)
                        RETURNING id, changes
                        """)
                .param("lease", lease.toMillis() / 1000.0)
                .param("debounce", debounce.toMillis() / 1000.0)
                .param("maxWait", maxWait.toMillis() / 1000.0)
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getLong(2)))
                .optional();
    }

    /**
     * The lease is short (30 s by default, {@code polyphony.opinions.analysis-lease}), so that a node killed mid-way
     * delays the conversation's next analysis only that long; while the analysis runs it is renewed every third of
     * the lease, so a long analysis keeps its claim.
     */
    private void analyse(Claim claim) {
        long every = lease.toMillis() / 3;
        ScheduledFuture<?> renewal = RENEWALS.scheduleWithFixedDelay(
                () -> renewQuietly(claim.conversation()), every, every, TimeUnit.MILLISECONDS);
        try {
            analyseClaimed(claim);
        } finally {
            renewal.cancel(false);
        }
    }

    /** Extends a claim that is still held; true when it was. */
    boolean renew(long conversation) {
        return jdbc.sql(
                                """
                                UPDATE opinions_conversation SET analysis_claimed_until = now() + make_interval(secs => :lease)
                                WHERE id = :c AND analysis_claimed_until IS NOT NULL
                                """)
                        .param("lease", lease.toMillis() / 1000.0)
                        .param("c", conversation)
                        .update()
                > 0;
    }

    private void renewQuietly(long conversation) {
        try {
            renew(conversation);
        } catch (RuntimeException e) {
            // the database is away: the lease may run out and another node take over, which is safe (a result is
            // written only over an older one)
            log.warn("Could not renew the analysis lease of conversation {}: {}", conversation, e.toString());
        }
    }

    Duration lease() {
        return lease;
    }

    private void analyseClaimed(Claim claim) {
        long started = System.nanoTime();
        Snapshot snapshot = readOnly.execute(status -> load(claim.conversation()));
        Conversation votes = snapshot.conversation();
        AnalysisResult result = AnalysisResult.of(votes, OpinionAnalysis.analyse(votes), Instant.now());
        long counted = snapshot.votesByStripe().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        jdbc.sql(
                        """
                        INSERT INTO opinions_analysis (conversation_id, computed_at, changes, votes_counted, result)
                        VALUES (:c, :at, :changes, :votes, CAST(:result AS jsonb))
                        ON CONFLICT (conversation_id) DO UPDATE
                        SET computed_at = :at, changes = :changes, votes_counted = :votes,
                            result = CAST(:result AS jsonb)
                        WHERE opinions_analysis.changes <= :changes AND opinions_analysis.votes_counted <= :votes
                        """)
                .param("c", claim.conversation())
                .param("at", java.sql.Timestamp.from(result.computedAt()))
                .param("changes", claim.changes())
                .param("votes", counted)
                .param("result", JSON.writeValueAsString(result))
                .update();
        snapshot.votesByStripe().forEach((stripe, count) -> jdbc.sql(
                        """
                        UPDATE opinions_vote_tally
                        SET analysed_votes = greatest(analysed_votes, :n),
                            stale_since = CASE WHEN votes > greatest(analysed_votes, :n) THEN now() END
                        WHERE conversation_id = :c AND stripe = :stripe
                        """)
                .param("n", count)
                .param("c", claim.conversation())
                .param("stripe", stripe)
                .update());
        jdbc.sql(
                        """
                        UPDATE opinions_conversation
                        SET analysed_changes = greatest(analysed_changes, :changes), analysis_claimed_until = NULL,
                            stale_since = CASE WHEN changes > greatest(analysed_changes, :changes) THEN now() END
                        WHERE id = :c
                        """)
                .param("changes", claim.changes())
                .param("c", claim.conversation())
                .update();
        log.debug(
                "Analysed conversation {}: {} participants, {} votes in {} ms",
                claim.conversation(),
                votes.participantCount(),
                votes.voteCount(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** What one analysis read: the votes, and the tally's counts they are (the same snapshot). */
    private record Snapshot(Conversation conversation, java.util.Map<Integer, Long> votesByStripe) {}

    /** The conversation's statements, latest votes and vote counts, read in one snapshot. */
    private Snapshot load(long conversation) {
        java.util.Map<Integer, Long> stripes = new java.util.HashMap<>();
        jdbc.sql("SELECT stripe, votes FROM opinions_vote_tally WHERE conversation_id = :c")
                .param("c", conversation)
                .query(rs -> {
                    stripes.put(rs.getInt(1), rs.getLong(2));
                });
        Conversation.Builder builder = Conversation.builder();
        jdbc.sql("SELECT number, moderation, meta FROM opinions_statement WHERE conversation_id = :c")
                .param("c", conversation)
                .query(rs -> {
                    builder.statement(
                            new Statement(rs.getInt(1), "", Moderation.fromPolis(rs.getInt(2)), rs.getBoolean(3)));
                });
        jdbc.sql(
                        """
                        SELECT v.voter_id, s.number, v.vote FROM opinions_vote v
                        JOIN opinions_statement s ON s.id = v.statement_id
                        WHERE s.conversation_id = :c
                        """)
                .param("c", conversation)
                .withFetchSize(10_000)
                .query(rs -> {
                    builder.vote(rs.getLong(1), rs.getInt(2), rs.getInt(3));
                });
        return new Snapshot(builder.build(), stripes);
    }
}
