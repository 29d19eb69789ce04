package org.polyphony.opinions.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Opinion mapping after the public description of Pol.is: participants placed on a two-dimensional map by their
 * votes, grouped where they stand together, with the statements that set each group apart and those everyone
 * shares. See docs/opinions.md for the method step by step.
 *
 * <p>The same votes always give the same map: every random choice comes from a seeded generator and ties are broken
 * by id. Inputs with too few votes give {@link GroupingState#NOT_ENOUGH_VOTES}, never an exception.
 */
public final class OpinionAnalysis {

    /** Seed of {@link #analyse(Conversation)}; any fixed value would do. */
    public static final long DEFAULT_SEED = 20_141_118L;

    static final int MAX_BASE_CLUSTERS = 100;

    private OpinionAnalysis() {}

    public static OpinionMap analyse(Conversation conversation) {
        return analyse(conversation, null, DEFAULT_SEED);
    }

    public static OpinionMap analyse(Conversation conversation, long seed) {
        return analyse(conversation, null, seed);
    }

    /**
     * The analysis after more votes, continuing from the previous one (warm start): base clusters and groups start
     * from where the previous analysis left them, and k changes only once a new k has had the best silhouette at
     * {@link GroupClustering#WINS_TO_SWITCH} analyses in a row. Groups then evolve with the conversation instead of
     * jumping between equally stable partitions. Same votes and same previous map, same result.
     *
     * @param previous the latest analysis of this conversation (with fewer votes), or null to compute from scratch
     */
    public static OpinionMap analyse(Conversation conversation, OpinionMap previous) {
        return analyse(conversation, previous, DEFAULT_SEED);
    }

    public static OpinionMap analyse(Conversation conversation, OpinionMap previous, long seed) {
        List<ConsensusStatement> majority = Consensus.majority(conversation);
        double[] matrixValue = matrixValues(conversation);
        int[] clustered = Inclusion.clustered(conversation);
        PrincipalComponents components = PrincipalComponents.fit(conversation, clustered, matrixValue);
        double[][] position = components.project(conversation, matrixValue);

        KMeans.Clusters base = WarmStart.baseClusters(conversation, clustered, position, previous, seed);
        Optional<GroupClustering.Grouping> grouping = clustered.length < 2
                ? Optional.empty()
                : GroupClustering.choose(base, seed, WarmStart.groups(conversation, position, previous));
        GroupHistory history = history(conversation, clustered, base, grouping);
        if (grouping.isEmpty()) {
            int[] none = new int[conversation.participantCount()];
            Arrays.fill(none, -1);
            return new OpinionMap(
                    GroupingState.NOT_ENOUGH_VOTES,
                    placements(conversation, position, none),
                    List.of(),
                    majority,
                    new TreeMap<>(),
                    base.count(),
                    0,
                    history);
        }
        int k = grouping.get().k();
        int[] groupOf = groupsOfParticipants(conversation, clustered, base, grouping.get());
        VoteTally tally = VoteTally.of(conversation, groupOf, k);
        List<OpinionGroup> groups = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            groups.add(group(conversation, g, groupOf, position, tally));
        }
        return new OpinionMap(
                GroupingState.GROUPED,
                placements(conversation, position, groupOf),
                groups,
                majority,
                Consensus.groupInformed(conversation, groupOf, k),
                base.count(),
                grouping.get().silhouette(),
                history);
    }

    private static GroupHistory history(
            Conversation conversation,
            int[] clustered,
            KMeans.Clusters base,
            Optional<GroupClustering.Grouping> grouping) {
        Map<Long, Integer> baseClusterOf = new TreeMap<>();
        for (int i = 0; i < clustered.length; i++) {
            baseClusterOf.put(conversation.participantId(clustered[i]), base.label()[i]);
        }
        return GroupHistory.of(
                baseClusterOf,
                grouping.map(GroupClustering.Grouping::challenger).orElse(0),
                grouping.map(GroupClustering.Grouping::challengerWins).orElse(0));
    }

    /**
     * Group-informed consensus for groups decided elsewhere (for instance those Pol.is recorded): for every statement,
     * the product over the groups, in ascending group id, of (agrees + 1) / (votes + 2).
     *
     * @param groupOfParticipant group id by participant id; participants left out, or who never voted, are ignored
     */
    public static SortedMap<Integer, Double> groupInformedConsensus(
            Conversation conversation, Map<Long, Integer> groupOfParticipant) {
        int[] ids = groupOfParticipant.values().stream()
                .mapToInt(Integer::intValue)
                .distinct()
                .sorted()
                .toArray();
        int[] groupOf = new int[conversation.participantCount()];
        Arrays.fill(groupOf, -1);
        groupOfParticipant.forEach((participant, group) -> {
            int p = conversation.participantIndex(participant);
            if (p >= 0) {
                groupOf[p] = Arrays.binarySearch(ids, group);
            }
        });
        return Consensus.groupInformed(conversation, groupOf, ids.length);
    }

    /**
     * The vote matrix holds votes on rejected and meta statements as 0: they stay counted as votes but pull nobody
     * anywhere.
     */
    private static double[] matrixValues(Conversation conversation) {
        double[] value = new double[conversation.voteCount()];
        for (int e = 0; e < value.length; e++) {
            value[e] = conversation.statement(conversation.column(e)).shapesTheMap() ? conversation.vote(e) : 0;
        }
        return value;
    }

    /** Groups numbered by their lowest participant id, so numbering does not depend on how k-means happened to run. */
    private static int[] groupsOfParticipants(
            Conversation conversation, int[] clustered, KMeans.Clusters base, GroupClustering.Grouping grouping) {
        int k = grouping.k();
        int[] renumbered = new int[k];
        Arrays.fill(renumbered, -1);
        int next = 0;
        for (int i = 0; i < clustered.length; i++) { // clustered ascend, and so do participant ids
            int group = grouping.groupOfBase()[base.label()[i]];
            if (renumbered[group] < 0) {
                renumbered[group] = next++;
            }
        }
        int[] groupOf = new int[conversation.participantCount()];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < clustered.length; i++) {
            groupOf[clustered[i]] = renumbered[grouping.groupOfBase()[base.label()[i]]];
        }
        return groupOf;
    }

    private static OpinionGroup group(
            Conversation conversation, int g, int[] groupOf, double[][] position, VoteTally tally) {
        int size = 0;
        double sx = 0;
        double sy = 0;
        for (int p = 0; p < groupOf.length; p++) {
            if (groupOf[p] == g) {
                size++;
                sx += position[0][p];
                sy += position[1][p];
            }
        }
        return new OpinionGroup(g, size, sx / size, sy / size, Representatives.of(conversation, tally, g));
    }

    private static List<ParticipantPlacement> placements(
            Conversation conversation, double[][] position, int[] groupOf) {
        List<ParticipantPlacement> placements = new ArrayList<>(conversation.participantCount());
        for (int p = 0; p < conversation.participantCount(); p++) {
            placements.add(new ParticipantPlacement(
                    conversation.participantId(p),
                    position[0][p],
                    position[1][p],
                    groupOf[p] < 0 ? OptionalInt.empty() : OptionalInt.of(groupOf[p])));
        }
        return placements;
    }
}
