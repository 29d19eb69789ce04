package org.polyphony.opinions.analysis;

/**
 * Silhouette of a grouping of base clusters, each standing for as many participants as it has members: exactly the
 * silhouette of the participants placed at their base-cluster centres, at the cost of base clusters squared (at most
 * 100 × 100) instead of participants squared.
 */
final class Silhouette {

    private Silhouette() {}

    /** Weighted mean over points of (b − a) / max(a, b); a point alone in its group counts 0. */
    static double of(double[] x, double[] y, double[] weight, int[] group, int groups) {
        double[] groupWeight = new double[groups];
        for (int i = 0; i < x.length; i++) {
            groupWeight[group[i]] += weight[i];
        }
        double total = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            total += weight[i];
            double[] distanceTo = new double[groups];
            for (int j = 0; j < x.length; j++) {
                distanceTo[group[j]] += weight[j] * Math.sqrt(KMeans.squared(x[i] - x[j], y[i] - y[j]));
            }
            double ownOthers = groupWeight[group[i]] - 1; // the point itself is one of its cluster's participants
            if (ownOthers <= 0) {
                continue;
            }
            double a = distanceTo[group[i]] / ownOthers;
            double b = Double.POSITIVE_INFINITY;
            for (int g = 0; g < groups; g++) {
                if (g != group[i] && groupWeight[g] > 0) {
                    b = Math.min(b, distanceTo[g] / groupWeight[g]);
                }
            }
            double larger = Math.max(a, b);
            if (larger > 0 && b != Double.POSITIVE_INFINITY) {
                sum += weight[i] * (b - a) / larger;
            }
        }
        return total > 0 ? sum / total : 0;
    }
}
