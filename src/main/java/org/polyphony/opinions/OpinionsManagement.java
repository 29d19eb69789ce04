package org.polyphony.opinions;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.PolisConversation;
import org.polyphony.translation.DetectedLanguage;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/**
 * The opinions module's entry point: conversations attached to forum sessions, their statements and votes. Pages and
 * the API check who may do what; this class keeps the data consistent (numbering, moderation, translation, the
 * change count the background analysis follows).
 */
@Service
public class OpinionsManagement {

    private final ConversationStore store;
    private final StatementLanguages languages;
    private final JdbcClient jdbc;
    private final PolisImport polisImport;

    OpinionsManagement(
            ConversationStore store, StatementLanguages languages, JdbcClient jdbc, PolisImport polisImport) {
        this.store = store;
        this.languages = languages;
        this.jdbc = jdbc;
        this.polisImport = polisImport;
    }

    public Optional<ConversationSummary> find(ConversationId id) {
        return store.find(id);
    }

    public List<ConversationSummary> ofSession(long sessionId) {
        return store.ofSession(sessionId);
    }

    /** Starts a conversation with its question and seed statements, or says in {@code result} what is wrong. */
    @Transactional
    public Optional<ConversationId> start(long sessionId, ConversationForm form, BindingResult result) {
        List<String> seeds = checkSeeds(form, List.of(), result);
        if (result.hasErrors()) {
            return Optional.empty();
        }
        DetectedLanguage language = languages.detect(form.question());
        ConversationId id = store.create(sessionId, form, language.tag());
        languages.readable(
                StatementLanguages.QUESTION, id.value(), form.question().strip(), language.tag(), sessionId);
        for (String seed : seeds) {
            addAccepted(id, sessionId, seed, null, true);
        }
        if (!seeds.isEmpty()) {
            store.changed(id);
        }
        return Optional.of(id);
    }

    /** Starts a conversation with the statements and votes of a Pol.is export; its seed lines are ignored. */
    @Transactional
    public Optional<ConversationId> startFromPolis(
            long sessionId, ConversationForm form, PolisConversation polis, BindingResult result) {
        Optional<ConversationId> started = start(
                sessionId,
                new ConversationForm(
                        form.question(),
                        "",
                        form.participantStatements(),
                        form.premoderated(),
                        form.anonymousAllowed()),
                result);
        started.ifPresent(id -> polisImport.fill(id, polis, languages, sessionId));
        return started;
    }

    /** Changes a conversation's question and settings, and adds any new seed statements. */
    @Transactional
    public boolean update(
            ConversationSummary conversation, ConversationForm form, boolean closed, BindingResult result) {
        List<String> seeds = checkSeeds(
                form,
                store.statements(conversation.id()).stream()
                        .map(StatementRow::text)
                        .toList(),
                result);
        if (result.hasErrors()) {
            return false;
        }
        String question = form.question().strip();
        String language = question.equals(conversation.question())
                ? conversation.questionLanguage()
                : languages.detect(question).tag();
        store.updateSettings(conversation.id(), form, language, closed);
        if (!question.equals(conversation.question())) {
            languages.readable(
                    StatementLanguages.QUESTION,
                    conversation.id().value(),
                    question,
                    language,
                    conversation.sessionId());
        }
        store.lock(conversation.id());
        for (String seed : seeds) {
            addAccepted(conversation.id(), conversation.sessionId(), seed, null, true);
        }
        if (!seeds.isEmpty()) {
            store.changed(conversation.id());
        }
        return true;
    }

    /**
     * Adds a participant's statement: shown at once when {@code trusted} (moderators) or the conversation is not
     * pre-moderated, else kept for a moderator.
     *
     * @param author the writer's voter in this conversation
     * @return the statement, or empty with the reason in {@code result}
     */
    @Transactional
    public Optional<StatementRow> addStatement(
            ConversationSummary conversation, long author, StatementForm form, boolean trusted, BindingResult result) {
        String text = form.text() == null ? "" : form.text().strip();
        store.lock(conversation.id());
        if (!result.hasErrors() && store.statementExists(conversation.id(), text)) {
            result.rejectValue("text", "opinions.statement.duplicate");
        }
        if (result.hasErrors()) {
            return Optional.empty();
        }
        if (trusted || !conversation.premoderated()) {
            long id = addAccepted(conversation.id(), conversation.sessionId(), text, author, false);
            store.changed(conversation.id());
            return store.statementById(id);
        }
        DetectedLanguage language = languages.detect(text);
        long id = store.addStatement(
                conversation.id(), text, language.tag(), language.confidence(), author, false, Moderation.UNMODERATED);
        return store.statementById(id);
    }

    /** Records a vote (the latest counts) and marks the conversation for a new analysis. */
    @Transactional
    public void vote(ConversationSummary conversation, long voter, StatementRow statement, VoteChoice choice) {
        store.vote(conversation.id(), voter, statement.id(), choice);
    }

    /** A moderator accepts or rejects a statement; a rejected statement's votes stay but weigh nothing. */
    @Transactional
    public void moderate(ConversationSummary conversation, StatementRow statement, Moderation decision) {
        if (decision == statement.moderation()) {
            return;
        }
        store.moderate(statement.id(), decision);
        if (decision == Moderation.ACCEPTED) {
            languages.readable(
                    StatementLanguages.STATEMENT,
                    statement.id(),
                    statement.text(),
                    statement.language(),
                    conversation.sessionId());
        } else {
            languages.gone(StatementLanguages.STATEMENT, statement.id());
        }
        store.changed(conversation.id());
    }

    /**
     * A moderator marks a statement meta (about the participant: "I work in domestic work") or unmarks it. Meta
     * statements are voted like the others but take no part in the map or the groups; their answers show each group's
     * composition.
     */
    @Transactional
    public void markMeta(ConversationSummary conversation, StatementRow statement, boolean meta) {
        if (store.markMeta(statement.id(), meta)) {
            store.changed(conversation.id());
        }
    }

    /** A deleted account's votes go with it; its statements stay, no longer linked to anyone. */
    @EventListener
    void on(AccountDeleted deleted) {
        List<Long> conversations = jdbc.sql(
                        "DELETE FROM opinions_voter WHERE account_id = :a RETURNING conversation_id")
                .param("a", deleted.account().value())
                .query(Long.class)
                .list();
        for (long c : conversations) {
            // the votes went with the voters: the counts that pick the next statement follow
            store.recountVoters(new ConversationId(c));
            store.changed(new ConversationId(c));
        }
    }

    private long addAccepted(ConversationId conversation, long sessionId, String text, Long author, boolean seed) {
        DetectedLanguage language = languages.detect(text);
        long id = store.addStatement(
                conversation, text, language.tag(), language.confidence(), author, seed, Moderation.ACCEPTED);
        languages.readable(StatementLanguages.STATEMENT, id, text, language.tag(), sessionId);
        return id;
    }

    /** Seed lines that are new, each short enough and said once; errors name the first faulty line. */
    private static List<String> checkSeeds(ConversationForm form, List<String> existing, BindingResult result) {
        Set<String> seen = new HashSet<>();
        existing.forEach(text -> seen.add(text.toLowerCase(Locale.ROOT)));
        List<String> lines = form.seeds();
        List<String> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > StatementForm.MAX_LENGTH) {
                result.rejectValue(
                        "seedStatements",
                        "opinions.seeds.tooLong",
                        new Object[] {i + 1, StatementForm.MAX_LENGTH},
                        null);
                return List.of();
            }
            if (seen.add(line.toLowerCase(Locale.ROOT))) {
                fresh.add(line);
            }
        }
        return fresh;
    }
}
