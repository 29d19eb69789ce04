package org.polyphony.opinions;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.dialogue.TranslationChoice;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Statements and questions in the reader's languages: the reader's settings when signed in, else the page's. */
@Component
class StatementTexts {

    private final Translations translations;
    private final AccountDirectory accounts;

    StatementTexts(Translations translations, AccountDirectory accounts) {
        this.translations = translations;
        this.accounts = accounts;
    }

    /**
     * Whether the reader of the current request takes translations: statements follow the "translation off" choice
     * the reader made for posts. Outside a request (none today), yes.
     */
    static boolean translating() {
        return !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                || TranslationChoice.translates(request.getRequest());
    }

    List<String> readerLanguages(Locale locale) {
        return accounts.readerLanguages(locale);
    }

    /**
     * @param ask whether translations not made yet are asked for (pages: yes; the API: no, or a client could queue
     *     work for every language)
     */
    Map<Integer, ShownStatement> shown(List<StatementRow> statements, List<String> readerLanguages, boolean ask) {
        List<Long> ids = statements.stream()
                .filter(s -> s.moderation() == Moderation.ACCEPTED)
                .map(StatementRow::id)
                .toList();
        Map<TextRef, Shown> shown =
                translating() ? translations.shown(StatementLanguages.STATEMENT, ids, readerLanguages, ask) : Map.of();
        Map<Integer, ShownStatement> byNumber = new HashMap<>();
        for (StatementRow s : statements) {
            byNumber.put(
                    s.number(),
                    ShownStatement.of(
                            s.number(),
                            s.text(),
                            s.language(),
                            shown.get(new TextRef(StatementLanguages.STATEMENT, s.id()))));
        }
        return byNumber;
    }

    ShownStatement question(ConversationSummary conversation, List<String> readerLanguages, boolean ask) {
        if (!translating()) {
            return ShownStatement.of(-1, conversation.question(), conversation.questionLanguage(), null);
        }
        Shown shown = translations
                .shown(StatementLanguages.QUESTION, List.of(conversation.id().value()), readerLanguages, ask)
                .get(new TextRef(StatementLanguages.QUESTION, conversation.id().value()));
        return ShownStatement.of(-1, conversation.question(), conversation.questionLanguage(), shown);
    }
}
