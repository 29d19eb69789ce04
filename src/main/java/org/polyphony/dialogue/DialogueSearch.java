package org.polyphony.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.TextSearchConfigurations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Full-text search over the dialogue's posts and thread titles, with PostgreSQL's own text search. Hits are
 * visible posts only (not deleted); a thread matches through its title or any of its posts.
 */
@Service
public class DialogueSearch {

    static final int PER_PAGE = 20;
    private static final int TRANSLATED_CANDIDATES = 200;
    /** Markers PostgreSQL puts around matched words; replaced by {@code <mark>} after the snippet is escaped. */
    private static final String START = "\u0002";

    private static final String STOP = "\u0003";

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final org.polyphony.translation.Translations translations;

    private final int candidates;
    private final PostSearchIndex index;

    DialogueSearch(
            PostSearchIndex index,
            JdbcClient jdbc,
            AccountDirectory accounts,
            org.polyphony.translation.Translations translations,
            @org.springframework.beans.factory.annotation.Value("${polyphony.search.candidates:1000}") int candidates) {
        this.index = index;
        this.candidates = candidates;
        this.translations = translations;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /**
     * What to search for, and where. Null filters do not filter.
     *
     * @param language the reader's language: its words are stemmed as that language's, and translations into it
     *     are searched too
     */
    public record Query(
            String words,
            Collection<Long> sessionIds,
            Long authorId,
            LocalDate from,
            LocalDate to,
            int page,
            String language) {}

    /** A matching post: its thread, its position there, and a snippet whose matches are marked. */
    public record Hit(
            long threadId,
            String threadTitle,
            long sessionId,
            int position,
            String author,
            String snippetHtml,
            Instant createdAt,
            String foundInTranslationInto,
            String threadTitleLang) {

        public String url() {
            int page = (position - 1) / DialogueManagement.POSTS_PER_PAGE + 1;
            return "/threads/" + threadId + (page > 1 ? "?page=" + page : "") + "#post-" + position;
        }
    }

    public record Results(List<Hit> hits, boolean more) {}

    public Results search(Query query) {
        if (query.words() == null || query.words().isBlank()) {
            return new Results(List.of(), false);
        }
        int page = Math.max(1, query.page());
        // posts whose translation into the reader's language matches, with a snippet of that translation
        Map<Long, String> translated = translations.matchingTranslations(
                ContributionLanguages.POST, query.words(), query.language(), TRANSLATED_CANDIDATES);
        List<Row> rows = fromIndex(query, page, translated).orElseGet(() -> fromDatabase(query, page, translated));
        return results(query, rows, translated);
    }

    /**
     * The page of hits as the search index ranks them (BM25; a thread's title counts double), posts found only
     * through their translation after them; empty while the index is not ready.
     */
    private java.util.Optional<List<Row>> fromIndex(Query query, int page, Map<Long, String> translated) {
        var words = PostSearchQueries.of(query.words(), query.language());
        if (words.isEmpty()) {
            return java.util.Optional.empty();
        }
        var filters = new PostSearchIndex.Filters(
                query.sessionIds() == null ? null : query.sessionIds(),
                query.authorId(),
                query.from() == null ? null : start(query.from()).toEpochMilli(),
                query.to() == null ? null : start(query.to().plusDays(1)).toEpochMilli());
        int wanted = page * PER_PAGE + 1;
        // a few more than shown, for hits the database no longer shows (a thread hidden a moment ago)
        return index.search(words.get(), filters, wanted + PER_PAGE).map(ranked -> {
            java.util.LinkedHashSet<Long> order = new java.util.LinkedHashSet<>(ranked);
            order.addAll(translated.keySet());
            List<Long> readable = readableInOrder(List.copyOf(order), query);
            int from = Math.min((page - 1) * PER_PAGE, readable.size());
            List<Long> shown = readable.subList(from, Math.min(readable.size(), from + PER_PAGE + 1));
            return withSnippets(shown, query);
        });
    }

    /** Of these posts, those readers may see and the filters let through, in the same order. */
    private List<Long> readableInOrder(List<Long> ids, Query query) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> readable = new java.util.HashSet<>(filtered(
                        jdbc.sql(
                                        """
                        SELECT p.id FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE p.id = ANY(:ids) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                           AND NOT p.awaiting_approval AND NOT t.hidden
                           AND (:anySession OR t.session_id IN (:sessions))
                           AND (:author::bigint IS NULL OR p.author_id = :author)
                           AND (:from::timestamptz IS NULL OR p.created_at >= :from)
                           AND (:to::timestamptz IS NULL OR p.created_at < :to)
                        """)
                                .param("ids", ids.toArray(Long[]::new)),
                        query)
                .query(Long.class)
                .list());
        return ids.stream().filter(readable::contains).toList();
    }

    /** The rows of the posts shown, in the order given, each with its snippet. */
    private List<Row> withSnippets(List<Long> shown, Query query) {
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> rows = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        WITH q AS (SELECT websearch_to_tsquery('simple', :words)
                                          || websearch_to_tsquery(CAST(:config AS regconfig), :words)
                                          || websearch_to_tsquery('english', :words) AS query)
                        SELECT p.id, p.thread_id, t.title, t.session_id, p.position, p.author_id, p.created_at,
                               (p.search_vector @@ q.query OR t.search_vector @@ q.query) AS own_words,
                               ts_headline(p.search_config, p.body, q.query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12')
                                   AS snippet
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id CROSS JOIN q
                         WHERE p.id = ANY(:ids)
                        """)
                .param("words", query.words())
                .param("config", TextSearchConfigurations.of(query.language()))
                .param("ids", shown.toArray(Long[]::new))
                .query(DialogueSearch::row)
                .list()
                .forEach(row -> rows.put(row.id(), row));
        return shown.stream().map(rows::get).filter(row -> row != null).toList();
    }

    /** The query's filters as the parameters {@code :anySession, :sessions, :author, :from, :to}. */
    private static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec filtered(
            org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement, Query query) {
        return statement
                .param("anySession", query.sessionIds() == null)
                .param("sessions", sessionsOf(query))
                .param("author", query.authorId())
                .param("from", query.from() == null ? null : java.sql.Timestamp.from(start(query.from())))
                .param(
                        "to",
                        query.to() == null
                                ? null
                                : java.sql.Timestamp.from(start(query.to().plusDays(1))));
    }

    private static List<Long> sessionsOf(Query query) {
        return query.sessionIds() == null || query.sessionIds().isEmpty()
                ? List.of(-1L)
                : List.copyOf(query.sessionIds());
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getBoolean("own_words"),
                rs.getLong("id"),
                rs.getLong("thread_id"),
                rs.getString("title"),
                rs.getLong("session_id"),
                rs.getInt("position"),
                (Long) rs.getObject("author_id"),
                rs.getString("snippet"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The page of hits as PostgreSQL's text search ranks them: while the index is not ready. */
    private List<Row> fromDatabase(Query query, int page, Map<Long, String> translated) {
        return filtered(
                        jdbc.sql(
                                        """
                        -- each text is indexed with its own language's stemmer: the words are looked up as they are,
                        -- as words of the reader's language, and as English (the dialogue's most common language)
                        WITH q AS (SELECT websearch_to_tsquery('simple', :words)
                                          || websearch_to_tsquery(CAST(:config AS regconfig), :words)
                                          || websearch_to_tsquery('english', :words) AS query),
                        -- index lookups (posts' words, threads' titles, translations found by the translation
                        -- module) instead of one scan of every post
                        hits AS (
                            SELECT p.id FROM dialogue_post p, q WHERE p.search_vector @@ q.query
                            UNION
                            SELECT o.id FROM dialogue_thread t
                              JOIN dialogue_post o ON o.thread_id = t.id AND o.position = 1, q
                             WHERE t.search_vector @@ q.query
                            UNION
                            SELECT unnest(CAST(:translated AS bigint[]))
                        ),
                        -- the readable hits that pass the filters, the most recent first, at most so many: ranking
                        -- reads each candidate's whole text, which a common phrase would make thousands of reads
                        candidates AS (
                            SELECT p.id FROM hits
                              JOIN dialogue_post p ON p.id = hits.id
                              JOIN dialogue_thread t ON t.id = p.thread_id
                             WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND NOT t.hidden
                               AND (:anySession OR t.session_id IN (:sessions))
                               AND (:author::bigint IS NULL OR p.author_id = :author)
                               AND (:from::timestamptz IS NULL OR p.created_at >= :from)
                               AND (:to::timestamptz IS NULL OR p.created_at < :to)
                             ORDER BY p.id DESC
                             LIMIT :candidates
                        ),
                        ranked AS (
                            SELECT p.id, ts_rank(p.search_vector, q.query) + 2 * ts_rank(t.search_vector, q.query)
                                       AS rank
                              FROM candidates
                              JOIN dialogue_post p ON p.id = candidates.id
                              JOIN dialogue_thread t ON t.id = p.thread_id
                              CROSS JOIN q
                             ORDER BY rank DESC, p.id DESC
                             LIMIT :limit OFFSET :offset
                        )
                        -- snippets only for the page shown
                        SELECT p.id, p.thread_id, t.title, t.session_id, p.position, p.author_id, p.created_at,
                               (p.search_vector @@ q.query OR t.search_vector @@ q.query) AS own_words,
                               ts_headline(p.search_config, p.body, q.query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12')
                                   AS snippet,
                               ranked.rank
                          FROM ranked
                          JOIN dialogue_post p ON p.id = ranked.id
                          JOIN dialogue_thread t ON t.id = p.thread_id
                          CROSS JOIN q
                         ORDER BY ranked.rank DESC, p.id DESC
                        """)
                                .param("words", query.words())
                                .param("config", TextSearchConfigurations.of(query.language()))
                                .param("translated", translated.keySet().toArray(Long[]::new)),
                        query)
                .param("candidates", candidates)
                .param("limit", PER_PAGE + 1)
                .param("offset", (page - 1) * PER_PAGE)
                .query(DialogueSearch::row)
                .list();
    }

    private Results results(Query query, List<Row> rows, Map<Long, String> translated) {
        boolean more = rows.size() > PER_PAGE;
        List<Row> shown = more ? rows.subList(0, PER_PAGE) : rows;
        Map<AccountId, String> names = accounts.displayNames(shown.stream()
                .map(Row::authorId)
                .filter(id -> id != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        // titles as the thread page shows them: in the reader's language where a translation is ready (asking for
        // none: a search must not queue work)
        List<String> readerLanguages = accounts.signedIn()
                .map(accounts::readingLanguages)
                .filter(languages -> !languages.isEmpty())
                .orElse(List.of(query.language()));
        Map<org.polyphony.translation.TextRef, org.polyphony.translation.Shown> titles = translations.shown(
                ContributionLanguages.TITLE,
                shown.stream().map(Row::threadId).distinct().toList(),
                readerLanguages,
                false);
        List<Hit> hits = shown.stream()
                .map(r -> new Hit(
                        r.threadId(),
                        titleOf(r, titles),
                        r.sessionId(),
                        r.position(),
                        r.authorId() == null ? null : names.get(new AccountId(r.authorId())),
                        marked(viaTranslation(r, translated) ? translated.get(r.id()) : r.snippet()),
                        r.createdAt(),
                        viaTranslation(r, translated) ? query.language() : null,
                        titleLanguageOf(r, titles)))
                .toList();
        return new Results(hits, more);
    }

    private static String titleOf(
            Row row, Map<org.polyphony.translation.TextRef, org.polyphony.translation.Shown> titles) {
        var title = titles.get(new org.polyphony.translation.TextRef(ContributionLanguages.TITLE, row.threadId()));
        return title != null && title.translated() ? title.text() : row.title();
    }

    private static String titleLanguageOf(
            Row row, Map<org.polyphony.translation.TextRef, org.polyphony.translation.Shown> titles) {
        var title = titles.get(new org.polyphony.translation.TextRef(ContributionLanguages.TITLE, row.threadId()));
        return title == null ? null : title.language();
    }

    /** Escapes the snippet, then turns PostgreSQL's markers into {@code <mark>} elements. */
    static String marked(String snippet) {
        return HtmlUtils.htmlEscape(snippet).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A post whose own words have no match was found through its translation into the reader's language. */
    private static boolean viaTranslation(Row row, Map<Long, String> translated) {
        return !row.ownWords() && translated.containsKey(row.id());
    }

    private record Row(
            boolean ownWords,
            long id,
            long threadId,
            String title,
            long sessionId,
            int position,
            Long authorId,
            String snippet,
            Instant createdAt) {}
}
