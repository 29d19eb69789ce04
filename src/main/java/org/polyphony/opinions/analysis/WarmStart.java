package org.polyphony.opinions.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Starting points taken from the previous analysis. They are carried as memberships (which participants were in
 * which base cluster and group), not as coordinates: the components are fitted afresh and may turn or flip between
 * analyses, so a previous cluster's centre is taken where its members stand on the new map.
 */
final class WarmStart {

    private WarmStart() {}

    /**
     * k-means of the clustered participants into min(100, participants) base clusters, starting from the previous
     * base clusters that still have members (participants new to the clustering join the nearest); k-means++ draws
     * the centres still missing. Without a previous analysis, the first distinct positions in participant order start
     * them.
     */
    static KMeans.Clusters baseClusters(
            Conversation conversation, int[] clustered, double[][] position, OpinionMap previous, long seed) {
        double[] x = new double[clustered.length];
        double[] y = new double[clustered.length];
        double[] weight = new double[clustered.length];
        int[] previousLabel = new int[clustered.length];
        int previousCount = 0;
        for (int i = 0; i < clustered.length; i++) {
            x[i] = position[0][clustered[i]];
            y[i] = position[1][clustered[i]];
            weight[i] = 1;
            Integer label = previous == null
                    ? null
                    : previous.history().baseClusterOf().get(conversation.participantId(clustered[i]));
            previousLabel[i] = label == null ? -1 : label;
            previousCount = Math.max(previousCount, previousLabel[i] + 1);
        }
        // from scratch, the first distinct positions in participant order: the same clusters on every run
        double[][] start = previous == null
                ? KMeans.firstDistinct(x, y, OpinionAnalysis.MAX_BASE_CLUSTERS)
                : meanPositions(x, y, previousLabel, previousCount);
        return KMeans.run(x, y, weight, OpinionAnalysis.MAX_BASE_CLUSTERS, start, new SplittableRandom(seed));
    }

    /** The groups in force at the previous analysis, their centres taken on the new map; null when there were none. */
    static GroupClustering.Previous groups(Conversation conversation, double[][] position, OpinionMap previous) {
        if (previous == null || previous.state() != GroupingState.GROUPED) {
            return null;
        }
        int k = previous.k();
        double[] x = new double[conversation.participantCount()];
        double[] y = new double[x.length];
        int[] label = new int[x.length];
        Arrays.fill(label, -1);
        for (ParticipantPlacement placement : previous.placements()) {
            int p = conversation.participantIndex(placement.participantId());
            if (p >= 0 && placement.group().isPresent()) {
                label[p] = placement.group().getAsInt();
            }
        }
        for (int p = 0; p < x.length; p++) {
            x[p] = position[0][p];
            y[p] = position[1][p];
        }
        double[][] centres = meanPositions(x, y, label, k);
        if (centres[0].length < k) {
            return null; // a group lost all its members: start afresh
        }
        return new GroupClustering.Previous(
                k, centres, previous.history().challenger(), previous.history().challengerWins());
    }

    /** Mean position of each label's points (label -1: none), leaving out labels without points. */
    private static double[][] meanPositions(double[] x, double[] y, int[] label, int labels) {
        double[] sx = new double[labels];
        double[] sy = new double[labels];
        int[] count = new int[labels];
        for (int i = 0; i < x.length; i++) {
            if (label[i] >= 0) {
                sx[label[i]] += x[i];
                sy[label[i]] += y[i];
                count[label[i]]++;
            }
        }
        int kept = 0;
        double[][] centres = new double[2][labels];
        for (int c = 0; c < labels; c++) {
            if (count[c] > 0) {
                centres[0][kept] = sx[c] / count[c];
                centres[1][kept] = sy[c] / count[c];
                kept++;
            }
        }
        return new double[][] {Arrays.copyOf(centres[0], kept), Arrays.copyOf(centres[1], kept)};
    }
}
