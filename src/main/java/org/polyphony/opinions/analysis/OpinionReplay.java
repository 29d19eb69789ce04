package org.polyphony.opinions.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays a recorded conversation the way a live one is analysed: the analysis is recomputed as votes arrive, each
 * time continuing from the previous one ({@link OpinionAnalysis#analyse(Conversation, OpinionMap)}), and the map
 * after the last vote is returned. Groups found this way depend on the conversation's history, as Pol.is's do.
 *
 * <p>Statements enter when submitted (or at their first vote, if earlier or unknown), with their final moderation:
 * the export does not say when moderators decided.
 */
public final class OpinionReplay {

    private OpinionReplay() {}

    /**
     * @param interval the least time between two analyses, in milliseconds of the conversation's clock: an analysis
     *     runs after a vote when at least this long has passed since the previous one (and always after the last)
     */
    public static OpinionMap replay(PolisConversation polis, long interval) {
        List<Statement> statements = polis.conversation().statements();
        List<TimedVote> votes = polis.history().votes();
        OpinionMap map = null;
        long analysedAt = 0;
        for (int end = 1; end <= votes.size(); end++) {
            long time = votes.get(end - 1).timestamp();
            boolean last = end == votes.size();
            boolean sameInstantFollows = !last && votes.get(end).timestamp() == time;
            if (last || (!sameInstantFollows && (map == null || time - analysedAt >= interval))) {
                map = OpinionAnalysis.analyse(upTo(statements, votes, end, time, polis), map);
                analysedAt = time;
            }
        }
        return map != null ? map : OpinionAnalysis.analyse(polis.conversation());
    }

    /** The conversation as it stood after the first {@code end} vote events, at {@code time}. */
    static Conversation upTo(
            List<Statement> statements, List<TimedVote> votes, int end, long time, PolisConversation polis) {
        Set<Integer> voted = new HashSet<>();
        for (TimedVote vote : votes.subList(0, end)) {
            voted.add(vote.statementId());
        }
        Conversation.Builder builder = Conversation.builder();
        for (Statement statement : statements) {
            Long created = polis.history().created().get(statement.id());
            if (voted.contains(statement.id()) || (created != null && created <= time)) {
                builder.statement(statement);
            }
        }
        for (TimedVote vote : votes.subList(0, end)) {
            builder.vote(vote.participantId(), vote.statementId(), vote.vote());
        }
        return builder.build();
    }
}
