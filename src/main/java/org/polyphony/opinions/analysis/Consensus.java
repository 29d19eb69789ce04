package org.polyphony.opinions.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** What everyone shares: majority consensus over all voters, and group-informed consensus across groups. */
final class Consensus {

    private Consensus() {}

    /**
     * Statements whose smoothed agree (or disagree) proportion over everyone is above one half with a significant
     * one-proportion test; the most probable first. Rejected statements are left out.
     */
    static List<ConsensusStatement> majority(Conversation conversation) {
        int[] everyone = new int[conversation.participantCount()];
        VoteTally tally = VoteTally.of(conversation, everyone, 1);
        List<ConsensusStatement> found = new ArrayList<>();
        for (int j = 0; j < conversation.statementCount(); j++) {
            if (!conversation.statement(j).shapesTheMap()) { // rejected or meta: no stance of opinion
                continue;
            }
            for (Stance stance : Stance.values()) {
                int successes = tally.stanceCounts(stance, 0)[j];
                double probability = Proportions.smoothed(successes, tally.votes[0][j]);
                double z = Proportions.zAboveHalf(successes, tally.votes[0][j]);
                if (probability > 0.5 && z > Proportions.Z_90) {
                    found.add(new ConsensusStatement(conversation.statement(j).id(), stance, probability, z));
                }
            }
        }
        found.sort(Comparator.comparingDouble((ConsensusStatement c) -> -c.probability())
                .thenComparingInt(ConsensusStatement::statementId));
        return found;
    }

    /**
     * For each statement, the product over groups of (agrees + 1) / (votes + 2), votes counting agrees, disagrees and
     * passes: high only where every group agrees, however small. Every statement is listed, rejected ones too.
     */
    static SortedMap<Integer, Double> groupInformed(Conversation conversation, int[] groupOf, int groups) {
        VoteTally tally = VoteTally.of(conversation, groupOf, groups);
        SortedMap<Integer, Double> result = new TreeMap<>();
        for (int j = 0; j < conversation.statementCount(); j++) {
            double product = 1;
            for (int g = 0; g < groups; g++) {
                product *= Proportions.smoothed(tally.agrees[g][j], tally.votes[g][j]);
            }
            result.put(conversation.statement(j).id(), product);
        }
        return result;
    }
}
