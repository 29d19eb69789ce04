package org.polyphony.opinions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.polyphony.translation.TranslationReady;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Results pages as readers signed out and without a dot of their own get them: the same page for every such reader
 * of a language, rendered once and kept compressed. A kept page is used while the state it was made from holds,
 * read in one query on every view, so every node sees a change at once: the latest analysis (a new one replaces the
 * groups), the conversation's change count (a statement accepted, rejected or marked meta), whether votes came in
 * since the analysis (the page says a new one is on its way), and when a statement's or the question's translation
 * last arrived ({@code texts_changed_at}, moved by the listener below on the node that made the translation).
 *
 * <p>Within one state the page's counts of participants and votes are those of the latest analysis; the header's
 * count of voters may lag new voters until the next analysis (at most {@code polyphony.opinions.analysis-max-wait}).
 */
@Component
class KeptResultsPages {

    private static final int MAX_PAGES = 512;

    /** What a kept page was made from; another state makes another page. */
    record State(
            long changes,
            Instant textsChangedAt,
            Instant analysedAt,
            long analysedChanges,
            long analysedVotes,
            boolean outdated) {}

    private record Key(long conversation, String locale, boolean translating) {}

    private record Kept(State state, byte[] gzipped) {}

    private final JdbcClient jdbc;
    private final Map<Key, Kept> pages = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MAX_PAGES;
        }
    });

    KeptResultsPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kept page for this state, or the one {@code render} makes (and is kept) when there is none. */
    byte[] page(long conversation, String locale, boolean translating, Supplier<byte[]> render) {
        Optional<State> state = stateOf(conversation);
        if (state.isEmpty()) {
            return render.get();
        }
        Key key = new Key(conversation, locale, translating);
        Kept kept = pages.get(key);
        if (kept != null && kept.state().equals(state.get())) {
            return kept.gzipped();
        }
        byte[] fresh = render.get();
        pages.put(key, new Kept(state.get(), fresh));
        return fresh;
    }

    private Optional<State> stateOf(long conversation) {
        return jdbc.sql(
                        """
                        SELECT c.changes, c.texts_changed_at, a.computed_at, a.changes, a.votes_counted, %s
                          FROM opinions_conversation c LEFT JOIN opinions_analysis a ON a.conversation_id = c.id
                         WHERE c.id = :c
                        """
                                .formatted(ConversationAnalyses.OUTDATED))
                .param("c", conversation)
                .query((rs, n) -> new State(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBoolean(6)))
                .optional();
    }

    /** A statement's or a question's translation arrived: the conversation's pages are made again, on every node. */
    @EventListener
    void on(TranslationReady ready) {
        String kind = ready.text().kind();
        if (StatementLanguages.STATEMENT.equals(kind)) {
            jdbc.sql(
                            """
                            UPDATE opinions_conversation SET texts_changed_at = clock_timestamp()
                             WHERE id = (SELECT conversation_id FROM opinions_statement WHERE id = :s)
                            """)
                    .param("s", ready.text().id())
                    .update();
        } else if (StatementLanguages.QUESTION.equals(kind)) {
            jdbc.sql("UPDATE opinions_conversation SET texts_changed_at = clock_timestamp() WHERE id = :c")
                    .param("c", ready.text().id())
                    .update();
        }
    }
}
