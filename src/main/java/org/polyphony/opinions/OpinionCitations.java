package org.polyphony.opinions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.polyphony.opinions.analysis.Moderation;
import org.springframework.stereotype.Service;

/**
 * The results of a conversation that other modules may cite (a regional report, say): each opinion group's
 * representative statements and the statements of broad consensus of the latest analysis, in the reader's
 * language. Only accepted statements; no voter is named or counted below the group.
 */
@Service
public class OpinionCitations {

    /** How a cited result is named in a citation: "g0:12" (group A, statement 12) or "c:12" (consensus). */
    public record CitableResult(
            ConversationId conversation,
            long sessionId,
            String detail,
            String groupLetter,
            int statement,
            Stance stance,
            int percent,
            ShownStatement text) {

        public boolean consensus() {
            return groupLetter == null;
        }
    }

    private final ConversationStore store;
    private final ConversationAnalyses analyses;
    private final StatementTexts texts;

    OpinionCitations(ConversationStore store, ConversationAnalyses analyses, StatementTexts texts) {
        this.store = store;
        this.analyses = analyses;
        this.texts = texts;
    }

    public List<CitableResult> results(ConversationId id, List<String> readerLanguages) {
        Optional<ConversationSummary> conversation = store.find(id);
        Optional<AnalysisResult> latest = analyses.latest(id);
        if (conversation.isEmpty() || latest.isEmpty()) {
            return List.of();
        }
        Map<Integer, ShownStatement> shown = texts.shown(
                store.statements(id).stream()
                        .filter(s -> s.moderation() == Moderation.ACCEPTED)
                        .toList(),
                readerLanguages,
                false);
        AnalysisResult result = latest.get();
        long session = conversation.get().sessionId();
        List<CitableResult> citable = new ArrayList<>();
        for (AnalysisResult.Group group : result.groups()) {
            for (AnalysisResult.Representative r : group.representatives()) {
                ShownStatement text = shown.get(r.statement());
                if (text != null) {
                    citable.add(new CitableResult(
                            id,
                            session,
                            "g" + group.id() + ":" + r.statement(),
                            OpinionMapSvg.letter(group.id()),
                            r.statement(),
                            Stance.of(r.stance()),
                            (int) Math.round(100 * r.probabilityInGroup()),
                            text));
                }
            }
        }
        for (int statement : result.consensus()) {
            ShownStatement text = shown.get(statement);
            var votes = result.votesOn(statement);
            if (text != null && votes.isPresent() && votes.get().majority() != null) {
                Stance stance = Stance.of(votes.get().majority());
                citable.add(new CitableResult(
                        id,
                        session,
                        "c:" + statement,
                        null,
                        statement,
                        stance,
                        stance == Stance.AGREE
                                ? votes.get().all().agreePercent()
                                : votes.get().all().disagreePercent(),
                        text));
            }
        }
        return citable;
    }

    /** One result by its detail ("g0:12", "c:12"), if the latest analysis still shows it. */
    public Optional<CitableResult> result(ConversationId id, String detail, List<String> readerLanguages) {
        return results(id, readerLanguages).stream()
                .filter(r -> r.detail().equals(detail))
                .findFirst();
    }

    /** The conversations of a session, for the report assistant. */
    public List<ConversationId> ofSession(long sessionId) {
        return store.ofSession(sessionId).stream().map(ConversationSummary::id).toList();
    }
}
