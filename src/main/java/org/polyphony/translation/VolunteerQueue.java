package org.polyphony.translation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What waits for volunteers in their pairs: texts no provider brings into a language readers read, machine
 * translations readers flagged as poor, and texts a moderator needs; a person's translation of an earlier version
 * (the author edited since) counts as missing. In order of need: a moderator's request first, then how many readers
 * read the language (plus flags), then the most recent.
 */
@Service
public class VolunteerQueue {

    /** One text waiting for a translation into {@code target}. */
    public record Item(
            TextRef ref,
            String source,
            String target,
            String excerpt,
            String address,
            String kindLabel,
            OptionalLong readers,
            boolean requested,
            long flags,
            boolean outdated,
            boolean unreached,
            Instant updatedAt) {

        public String url() {
            return "/translation/texts/" + ref.kind() + "/" + ref.id() + "/" + target;
        }
    }

    private final JdbcClient jdbc;
    private final TranslationRoutes routes;
    private final TranslatableTextOwners owners;
    private final AccountDirectory accounts;
    private final SmallCells smallCells;

    VolunteerQueue(
            JdbcClient jdbc,
            TranslationRoutes routes,
            TranslatableTextOwners owners,
            AccountDirectory accounts,
            SmallCells smallCells) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.owners = owners;
        this.accounts = accounts;
        this.smallCells = smallCells;
    }

    /**
     * Narrows the queue to what a volunteer can do now: one kind of text ("session-background"), the texts of one
     * forum edition (posts of its sessions, its agenda, stories and statements of that edition); null for all.
     */
    public record Filter(String kind, Long edition) {

        public static final Filter ALL = new Filter(null, null);
    }

    /** What waits in these pairs, at most {@code limit}, most needed first; only texts anyone may read now. */
    public List<Item> waiting(List<LanguagePair> pairs, int limit) {
        return waiting(pairs, Filter.ALL, limit);
    }

    /** As {@link #waiting(List, int)}, only what the filter lets through. */
    public List<Item> waiting(List<LanguagePair> pairs, Filter filter, int limit) {
        List<String> kinds = owners.kinds().stream()
                .filter(kind -> filter.kind() == null || filter.kind().equals(kind))
                .toList();
        if (pairs.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        Map<String, Long> readers = accounts.readersByLanguage();
        record Row(
                String kind,
                long id,
                String source,
                String target,
                String excerpt,
                boolean requested,
                long flags,
                boolean outdated,
                boolean unreached,
                Instant updatedAt) {}
        List<Row> rows = jdbc.sql(
                        """
                        WITH pairs AS (
                            SELECT * FROM unnest(CAST(:sources AS text[]), CAST(:targets AS text[]),
                                                 CAST(:unreached AS boolean[]), CAST(:readers AS bigint[]))
                                     AS p(source, target, unreached, readers)),
                        candidates AS (
                            SELECT s.kind, s.content_id, s.language, p.target, left(s.text, 280) AS excerpt,
                                   s.updated_at, p.unreached, p.readers,
                                   EXISTS (SELECT 1 FROM translation_request q
                                           WHERE q.kind = s.kind AND q.content_id = s.content_id
                                             AND q.target = p.target) AS requested,
                                   (SELECT count(*) FROM translation_flag f
                                    WHERE f.kind = s.kind AND f.content_id = s.content_id AND f.target = p.target
                                      AND f.content_hash = s.content_hash) AS flags,
                                   r.content_hash IS NOT NULL AS outdated,
                                   EXISTS (SELECT 1 FROM translation_text t
                                           WHERE t.content_hash = s.content_hash AND t.source = s.language
                                             AND t.target = p.target) AS machine
                            FROM translation_source s
                            JOIN pairs p ON p.source = s.language
                            LEFT JOIN translation_review r ON r.kind = s.kind AND r.content_id = s.content_id
                                                          AND r.target = p.target
                            WHERE s.kind = ANY(CAST(:kinds AS text[]))
                              AND (CAST(:edition AS bigint) IS NULL OR s.glossary_id = CAST(:edition AS bigint))
                              AND (r.content_hash IS NULL OR r.content_hash <> s.content_hash))
                        SELECT kind, content_id, language, target, excerpt, requested, flags, outdated, unreached,
                               updated_at
                        FROM candidates
                        WHERE requested OR flags > 0 OR (unreached AND NOT machine)
                        ORDER BY requested DESC, readers + flags DESC, updated_at DESC
                        LIMIT :limit
                        """)
                .param("sources", pairs.stream().map(LanguagePair::source).toArray(String[]::new))
                .param("targets", pairs.stream().map(LanguagePair::target).toArray(String[]::new))
                .param(
                        "unreached",
                        pairs.stream()
                                .map(p -> routes.route(p.source(), p.target()).isEmpty())
                                .toArray(Boolean[]::new))
                .param(
                        "readers",
                        pairs.stream()
                                .map(p -> readers.getOrDefault(p.target(), 0L))
                                .toArray(Long[]::new))
                .param("kinds", kinds.toArray(String[]::new))
                .param("edition", filter.edition())
                .param("limit", limit * 3)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getLong(7),
                        rs.getBoolean(8),
                        rs.getBoolean(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
        // only what anyone may read now: owners drop hidden, deleted and waiting texts
        Map<String, List<Long>> idsByKind = new LinkedHashMap<>();
        rows.forEach(
                r -> idsByKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id()));
        Map<String, Map<Long, String>> addresses = new LinkedHashMap<>();
        idsByKind.forEach((kind, ids) -> addresses.put(kind, owners.translatable(kind, ids)));
        return rows.stream()
                .filter(r -> addresses.get(r.kind()).containsKey(r.id()))
                .filter(r -> owners.wanted(new TextRef(r.kind(), r.id()), r.target()))
                .limit(limit)
                .map(r -> new Item(
                        new TextRef(r.kind(), r.id()),
                        r.source(),
                        r.target(),
                        r.excerpt(),
                        addresses.get(r.kind()).get(r.id()),
                        owners.kindLabel(r.kind()),
                        smallCells.shown(readers.getOrDefault(r.target(), 0L)),
                        r.requested(),
                        r.flags(),
                        r.outdated(),
                        r.unreached(),
                        r.updatedAt()))
                .toList();
    }
}
