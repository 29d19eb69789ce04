package org.polyphony.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What other modules use: hand over a text when it is written or edited, ask what to show a reader, forget a text
 * when it goes. Translations into the platform's usual languages are made ahead; any other language a reader reads is
 * asked for when a reader first meets the text.
 */
@Service
public class Translations {

    private final JdbcClient jdbc;
    private final TranslationJobs jobs;
    private final TranslationRoutes routes;
    private final TranslationWorker worker;
    private final Glossary glossary;
    private final List<String> aheadOfTime;
    private final ApplicationEventPublisher events;

    Translations(
            JdbcClient jdbc,
            TranslationJobs jobs,
            TranslationRoutes routes,
            TranslationWorker worker,
            Glossary glossary,
            @Value("${polyphony.translation.ahead-of-time:en,ar,zh,fr,ru,es,pt}") List<String> aheadOfTime,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.routes = routes;
        this.worker = worker;
        this.glossary = glossary;
        this.aheadOfTime = aheadOfTime;
        this.events = events;
    }

    /**
     * Keeps a new or edited text and asks for its translations. Call it in the transaction that saves the text.
     *
     * @param glossaryId the forum edition whose glossary applies, or null
     */
    public void register(TextRef ref, String text, String language, Long glossaryId) {
        byte[] hash = contentHash(text, language, Glossary.fingerprint(glossary.terms(glossaryId)));
        jdbc.sql(
                        """
                        INSERT INTO translation_source (kind, content_id, language, text, content_hash, glossary_id)
                        VALUES (:k, :id, :l, :text, :h, :g)
                        ON CONFLICT (kind, content_id) DO UPDATE
                        SET language = :l, text = :text, content_hash = :h, glossary_id = :g, updated_at = now()
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("l", language)
                .param("text", text)
                .param("h", hash)
                .param("g", glossaryId)
                .update();
        // direct translations first: a pivoted one then finds its first leg already made
        List<Map.Entry<String, Route>> reachable = aheadOfTime.stream()
                .filter(target -> !target.equals(language))
                .flatMap(target -> routes.route(language, target).map(route -> Map.entry(target, route)).stream())
                .sorted(java.util.Comparator.comparingInt(
                        entry -> entry.getValue().legs().size()))
                .toList();
        // one statement for all of them: a post's jobs are written while its author waits
        jobs.request(ref, reachable.stream().map(Map.Entry::getKey).toList(), hash);
        // a job already asked for in earlier versions follows the edit too
        jobs.restartForNewVersion(ref, hash);
        wakeWorkersAfterCommit();
    }

    /**
     * As {@link #register}, only when the text, its language or its glossary changed since it was last registered
     * (or it never was): texts saved again unchanged (an agenda saved as a whole) keep their place in the queue and
     * ask for nothing. Call it in a transaction.
     *
     * @return whether the text was registered anew
     */
    public boolean registerIfChanged(TextRef ref, String text, String language, Long glossaryId) {
        byte[] hash = contentHash(text, language, Glossary.fingerprint(glossary.terms(glossaryId)));
        boolean same = jdbc.sql(
                                """
                        SELECT count(*) FROM translation_source
                        WHERE kind = :k AND content_id = :id AND content_hash = :h AND language = :l
                          AND glossary_id IS NOT DISTINCT FROM CAST(:g AS bigint)
                        """)
                        .param("k", ref.kind())
                        .param("id", ref.id())
                        .param("h", hash)
                        .param("l", language)
                        .param("g", glossaryId)
                        .query(Long.class)
                        .single()
                > 0;
        if (same) {
            return false;
        }
        register(ref, text, language, glossaryId);
        return true;
    }

    /**
     * Keeps a text only people may translate for now (a post waiting for a moderator, who asked for a translation):
     * no provider is asked; {@link #register} later, once approved, asks them as for any text.
     */
    public void holdForPeople(TextRef ref, String text, String language, Long glossaryId) {
        jdbc.sql(
                        """
                        INSERT INTO translation_source (kind, content_id, language, text, content_hash, glossary_id)
                        VALUES (:k, :id, :l, :text, :h, :g)
                        ON CONFLICT (kind, content_id) DO NOTHING
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("l", language)
                .param("text", text)
                .param("h", contentHash(text, language, Glossary.fingerprint(glossary.terms(glossaryId))))
                .param("g", glossaryId)
                .update();
    }

    /** A glossary changed: every text it applies to gets a new content hash, hence new translations. */
    public void glossaryChanged(long glossaryId) {
        byte[] fingerprint = Glossary.fingerprint(glossary.terms(glossaryId));
        record Text(String kind, long id, String language, String text) {}
        List<Text> texts = jdbc.sql(
                        "SELECT kind, content_id, language, text FROM translation_source WHERE glossary_id = :g")
                .param("g", glossaryId)
                .query((rs, n) -> new Text(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Text text : texts) {
            byte[] hash = contentHash(text.text(), text.language(), fingerprint);
            jdbc.sql("UPDATE translation_source SET content_hash = :h WHERE kind = :k AND content_id = :id")
                    .param("h", hash)
                    .param("k", text.kind())
                    .param("id", text.id())
                    .update();
            jobs.restartForNewVersion(new TextRef(text.kind(), text.id()), hash);
        }
        wakeWorkersAfterCommit();
    }

    /** Removes a text, its jobs and the machine translations only it used (a deleted or hidden post). */
    public void forget(TextRef ref) {
        jdbc.sql(
                        """
                        WITH gone AS (DELETE FROM translation_source WHERE kind = :k AND content_id = :id
                                      RETURNING content_hash)
                        DELETE FROM translation_text t USING gone
                        WHERE t.content_hash = gone.content_hash
                          AND NOT EXISTS (SELECT 1 FROM translation_source s
                                          WHERE s.content_hash = gone.content_hash
                                            AND NOT (s.kind = :k AND s.content_id = :id))
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .update();
        jdbc.sql("DELETE FROM translation_review WHERE kind = :k AND content_id = :id")
                .param("k", ref.kind())
                .param("id", ref.id())
                .update();
    }

    /**
     * What to show a reader of each text: the original when the reader reads its language, else a translation into
     * the first of the reader's languages that has one, else the original with why. Asks for translations that are
     * possible and not yet asked for.
     *
     * @param readerLanguages the reader's languages, preferred first
     */
    public Map<TextRef, Shown> shown(String kind, Collection<Long> ids, List<String> readerLanguages) {
        return shown(kind, ids, readerLanguages, true);
    }

    /**
     * As {@link #shown(String, Collection, List)}; with {@code askForMissing} false, nothing is asked for: a text
     * without a translation shows as its original, "in progress" only if someone else asked.
     */
    public Map<TextRef, Shown> shown(
            String kind, Collection<Long> ids, List<String> readerLanguages, boolean askForMissing) {
        if (ids.isEmpty() || readerLanguages.isEmpty()) {
            return Map.of();
        }
        Map<Long, Source> sources = sources(kind, ids);
        if (sources.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, Candidate>> candidates = candidates(kind, sources.keySet(), readerLanguages);
        Map<TextRef, Shown> shown = new LinkedHashMap<>();
        boolean asked = false;
        for (Source source : sources.values()) {
            TextRef ref = new TextRef(kind, source.id());
            if (readerLanguages.contains(source.language()) || "und".equals(source.language())) {
                shown.put(ref, Shown.original(source.text(), source.language(), Shown.State.ORIGINAL));
                continue;
            }
            Map<String, Candidate> byTarget = candidates.getOrDefault(source.id(), Map.of());
            Optional<Shown> ready = readerLanguages.stream()
                    .map(byTarget::get)
                    .filter(c -> c != null && c.ready(source))
                    .findFirst()
                    .map(c -> c.shown(source, leftTheServer(c.provider())));
            boolean outdated =
                    readerLanguages.stream().map(byTarget::get).anyMatch(c -> c != null && c.outdatedReview(source));
            if (ready.isPresent()) {
                Shown one = ready.get();
                shown.put(ref, one.state() == Shown.State.REVIEWED ? one : one.outdated(outdated));
                continue;
            }
            boolean waiting = readerLanguages.stream().map(byTarget::get).anyMatch(c -> c != null && c.waiting());
            if (!waiting && askForMissing) {
                Optional<String> reachable = readerLanguages.stream()
                        .filter(target -> !byTarget.containsKey(target))
                        .filter(target ->
                                routes.route(source.language(), target).isPresent())
                        .findFirst();
                if (reachable.isPresent()) {
                    jobs.request(ref, reachable.get(), source.hash());
                    asked = waiting = true;
                }
            }
            shown.put(
                    ref,
                    Shown.original(
                                    source.text(),
                                    source.language(),
                                    waiting ? Shown.State.IN_PROGRESS : Shown.State.UNAVAILABLE)
                            .outdated(outdated));
        }
        if (asked) {
            worker.wake();
        }
        return shown;
    }

    /**
     * Keeps a person's correction of the translation of a text into a language; it is shown instead of the
     * machine's from then on, also when the machine translation is redone.
     */
    public void review(TextRef ref, String target, String text, long reviewer) {
        int kept = jdbc.sql(
                        """
                        INSERT INTO translation_review (kind, content_id, target, text, content_hash, reviewer_id,
                                                        search_config)
                        SELECT kind, content_id, :t, :text, content_hash, :r, CAST(:config AS regconfig)
                        FROM translation_source WHERE kind = :k AND content_id = :id
                        ON CONFLICT (kind, content_id, target) DO UPDATE
                        SET text = :text, content_hash = EXCLUDED.content_hash, reviewer_id = :r,
                            reviewed_at = now()
                        """)
                .param("t", target)
                .param("text", text)
                .param("r", reviewer)
                .param("config", org.polyphony.languages.TextSearchConfigurations.of(target))
                .param("k", ref.kind())
                .param("id", ref.id())
                .update();
        if (kept > 0) {
            // a person's translation is a translation that has become available, as a machine's is
            events.publishEvent(new TranslationReady(ref, target));
        }
    }

    /**
     * Texts of a kind whose translation into a language (a person's or the machine's) matches a web-search style
     * query, best matches first, each with a snippet of that translation whose matches are between the characters
     * U+0002 and U+0003; for finding contributions by words of the reader's language.
     */
    public Map<Long, String> matchingTranslations(String kind, String query, String language, int limit) {
        String config = org.polyphony.languages.TextSearchConfigurations.of(language);
        Map<Long, String> found = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        WITH q AS (SELECT websearch_to_tsquery(CAST(:config AS regconfig), :q) AS query),
                        matches AS (
                            SELECT s.content_id, t.text, ts_rank(t.search_vector, q.query) AS rank
                            FROM q, translation_text t
                            JOIN translation_source s ON s.content_hash = t.content_hash AND s.language = t.source
                            WHERE t.target = :l AND s.kind = :k AND t.search_vector @@ q.query
                            UNION ALL
                            SELECT r.content_id, r.text, ts_rank(r.search_vector, q.query) + 1
                            FROM q, translation_review r
                            JOIN translation_source s ON s.kind = r.kind AND s.content_id = r.content_id
                                                     AND s.content_hash = r.content_hash
                            WHERE r.kind = :k AND r.target = :l AND r.search_vector @@ q.query),
                        best AS (
                            SELECT DISTINCT ON (content_id) content_id, text, rank FROM matches
                            ORDER BY content_id, rank DESC)
                        SELECT content_id,
                               ts_headline(CAST(:config AS regconfig), text, q.query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12')
                        FROM best, q ORDER BY rank DESC, content_id DESC LIMIT :limit
                        """)
                .param("config", config)
                .param("q", query)
                .param("k", kind)
                .param("l", language)
                .param("limit", limit)
                .query((rs, n) -> found.put(rs.getLong(1), rs.getString(2)))
                .list();
        return found;
    }

    private record Source(long id, String language, String text, byte[] hash) {}

    private Map<Long, Source> sources(String kind, Collection<Long> ids) {
        Map<Long, Source> found = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT content_id, language, text, content_hash FROM translation_source
                        WHERE kind = :k AND content_id = ANY(:ids)
                        """)
                .param("k", kind)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> found.put(
                        rs.getLong(1), new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))))
                .list();
        return found;
    }

    private record Candidate(
            String target,
            String machineText,
            String provider,
            String pivot,
            String reviewText,
            byte[] reviewHash,
            boolean byVolunteer,
            String jobStatus) {

        /**
         * A person's correction counts while the text is the one they corrected: after the author's edit it would
         * put back words the author took out, so the machine translation of the new text is shown instead.
         */
        boolean currentReview(Source source) {
            return reviewText != null && java.util.Arrays.equals(reviewHash, source.hash());
        }

        boolean outdatedReview(Source source) {
            return reviewText != null && !currentReview(source);
        }

        boolean ready(Source source) {
            return currentReview(source) || machineText != null;
        }

        boolean waiting() {
            return "PENDING".equals(jobStatus) || "RUNNING".equals(jobStatus);
        }

        Shown shown(Source source, boolean leftTheServer) {
            if (currentReview(source)) {
                return new Shown(
                        Shown.State.REVIEWED,
                        reviewText,
                        source.language(),
                        target,
                        null,
                        null,
                        false,
                        byVolunteer,
                        false);
            }
            return new Shown(
                    Shown.State.TRANSLATED, machineText, source.language(), target, provider, pivot, leftTheServer);
        }
    }

    /** Whether a stored provider name ("apertium", "apertium+libretranslate") includes one that sends text away. */
    private boolean leftTheServer(String provider) {
        Set<String> onServer = routes.providers().stream()
                .filter(TranslationProvider::keepsTextOnServer)
                .map(TranslationProvider::name)
                .collect(java.util.stream.Collectors.toSet());
        return provider != null
                && !java.util.Arrays.stream(provider.split("\\+")).allMatch(onServer::contains);
    }

    private Map<Long, Map<String, Candidate>> candidates(String kind, Collection<Long> ids, List<String> targets) {
        Map<Long, Map<String, Candidate>> found = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT s.content_id, l.target, t.text, t.provider, t.pivot, r.text, r.content_hash, j.status,
                               r.by_volunteer
                        FROM translation_source s
                        CROSS JOIN unnest(:targets) AS l(target)
                        LEFT JOIN LATERAL (SELECT text, provider, pivot FROM translation_text t
                                           WHERE t.content_hash = s.content_hash AND t.source = s.language
                                             AND t.target = l.target
                                           ORDER BY created_at DESC LIMIT 1) t ON true
                        LEFT JOIN translation_review r
                               ON r.kind = s.kind AND r.content_id = s.content_id AND r.target = l.target
                        LEFT JOIN translation_job j
                               ON j.kind = s.kind AND j.content_id = s.content_id AND j.target = l.target
                        WHERE s.kind = :k AND s.content_id = ANY(:ids)
                          AND (t.text IS NOT NULL OR r.text IS NOT NULL OR j.status IS NOT NULL)
                        """)
                .param("targets", targets.toArray(String[]::new))
                .param("k", kind)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(
                                rs.getString(2),
                                new Candidate(
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getBytes(7),
                                        rs.getBoolean(9),
                                        rs.getString(8))))
                .list();
        return found;
    }

    static byte[] contentHash(String text, String language, byte[] glossaryFingerprint) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(language.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(glossaryFingerprint);
            return digest.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void wakeWorkersAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }
}
