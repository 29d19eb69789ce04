package org.polyphony.opinions;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.polyphony.opinions.ConversationViews.Listed;
import org.polyphony.opinions.analysis.Moderation;
import org.springframework.stereotype.Service;

/**
 * Conversations by id with their question in the reader's language, for modules that list some of them as their
 * own (a regional hub lists the conversations it opened on a session). Opening one is {@link
 * OpinionsManagement#start}; the conversation stays an ordinary conversation of its session.
 */
@Service
public class ConversationListings {

    private final ConversationStore store;
    private final StatementTexts texts;

    ConversationListings(ConversationStore store, StatementTexts texts) {
        this.store = store;
        this.texts = texts;
    }

    /** The conversations that still exist, in the order given, questions in the reader's language. */
    public List<Listed> listed(List<ConversationId> ids, List<String> readerLanguages) {
        return ids.stream()
                .flatMap(id -> store.find(id).stream())
                .map(c -> new Listed(c, texts.question(c, readerLanguages, false)))
                .toList();
    }

    /**
     * An accepted statement of a conversation by its number, in the reader's language: what a citation of a result
     * still quotes when the latest analysis no longer shows that result (the votes moved on).
     */
    public Optional<ShownStatement> acceptedStatement(ConversationId id, int number, List<String> readerLanguages) {
        return store.statement(id, number)
                .filter(s -> s.moderation() == Moderation.ACCEPTED)
                .map(s -> texts.shown(List.of(s), readerLanguages, false).get(number));
    }

    /** The number of the accepted statement that reads exactly so (a demo finding its own statement), if any. */
    public OptionalInt numberOf(ConversationId id, String text) {
        return store.statements(id).stream()
                .filter(s -> s.moderation() == Moderation.ACCEPTED && s.text().equals(text))
                .mapToInt(ConversationViews.StatementRow::number)
                .findFirst();
    }
}
