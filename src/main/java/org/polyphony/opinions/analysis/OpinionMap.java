package org.polyphony.opinions.analysis;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The analysis of a conversation.
 *
 * @param placements every participant who voted, by ascending id
 * @param groups empty unless {@code state} is {@link GroupingState#GROUPED}
 * @param majorityConsensus statements most of everyone agrees or disagrees with, the surest first
 * @param groupInformedConsensus per statement id, the product over groups of (agrees + 1) / (votes + 2); empty
 *     unless grouped
 * @param baseClusters how many fine clusters the groups were made of
 * @param silhouette how well separated the chosen groups are, from -1 to 1 (0 when not grouped)
 * @param history what the next analysis over more votes continues from ({@link OpinionAnalysis#analyse(Conversation,
 *     OpinionMap)})
 */
public record OpinionMap(
        GroupingState state,
        List<ParticipantPlacement> placements,
        List<OpinionGroup> groups,
        List<ConsensusStatement> majorityConsensus,
        SortedMap<Integer, Double> groupInformedConsensus,
        int baseClusters,
        double silhouette,
        GroupHistory history) {

    public OpinionMap {
        placements = List.copyOf(placements);
        groups = List.copyOf(groups);
        majorityConsensus = List.copyOf(majorityConsensus);
        groupInformedConsensus = Collections.unmodifiableSortedMap(new TreeMap<>(groupInformedConsensus));
    }

    /** How many groups formed: 0 when not grouped. */
    public int k() {
        return groups.size();
    }
}
