package org.polyphony.opinions.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weighted k-means on points of the plane: k-means++ seeding from a given random source, then Lloyd's iterations
 * until no point changes cluster. Ties go to the lower cluster index, so the same input and seed always give the
 * same clusters. Clusters left empty are dropped, so the result may have fewer than k clusters (always when there are
 * fewer than k distinct points).
 */
final class KMeans {

    private static final int MAX_ITERATIONS = 100;

    private KMeans() {}

    /**
     * @param label cluster of each point
     * @param inertia weighted sum of squared distances of points to their centre
     */
    record Clusters(double[] x, double[] y, double[] weight, int[] label, double inertia) {

        int count() {
            return x.length;
        }
    }

    /**
     * The first k distinct points in the order given, as starting centres: the deterministic start Pol.is is known to
     * use (points in participant order, base clusters in their order). Fewer when there are fewer distinct points.
     */
    static double[][] firstDistinct(double[] x, double[] y, int k) {
        double[] cx = new double[k];
        double[] cy = new double[k];
        java.util.Set<java.util.List<Double>> seen = new java.util.HashSet<>();
        int found = 0;
        for (int i = 0; i < x.length && found < k; i++) {
            if (seen.add(java.util.List.of(x[i], y[i]))) {
                cx[found] = x[i];
                cy[found] = y[i];
                found++;
            }
        }
        return new double[][] {Arrays.copyOf(cx, found), Arrays.copyOf(cy, found)};
    }

    static Clusters run(double[] x, double[] y, double[] weight, int k, SplittableRandom random) {
        return run(x, y, weight, k, new double[2][0], random);
    }

    /**
     * Warm start: Lloyd's iterations from the given centres (as many as k; more are ignored), k-means++ drawing the
     * missing ones. Recomputing from where the last analysis ended keeps a partition that is still a stable one
     * instead of jumping to whichever local optimum fresh seeds happen to find.
     *
     * @param start {x, y} of the starting centres
     */
    static Clusters run(double[] x, double[] y, double[] weight, int k, double[][] start, SplittableRandom random) {
        int n = x.length;
        double[][] centres = seed(x, y, weight, Math.min(k, n), start, random);
        double[] cx = centres[0];
        double[] cy = centres[1];
        int[] label = new int[n];
        Arrays.fill(label, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!assign(x, y, cx, cy, label)) {
                break;
            }
            recentre(x, y, weight, label, cx, cy);
        }
        return withoutEmptyClusters(x, y, weight, label, cx, cy);
    }

    /**
     * The given centres, then k-means++: each next centre drawn with probability proportional to weight × squared
     * distance to the nearest centre so far.
     */
    private static double[][] seed(
            double[] x, double[] y, double[] weight, int k, double[][] start, SplittableRandom random) {
        int n = x.length;
        double[] cx = new double[k];
        double[] cy = new double[k];
        if (n == 0) {
            return new double[][] {cx, cy};
        }
        int chosen = Math.min(k, start[0].length);
        System.arraycopy(start[0], 0, cx, 0, chosen);
        System.arraycopy(start[1], 0, cy, 0, chosen);
        if (chosen == 0) {
            int first = draw(weight, null, random);
            cx[0] = x[first];
            cy[0] = y[first];
            chosen = 1;
        }
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 0; c < chosen - 1; c++) {
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squared(x[i] - cx[c], y[i] - cy[c]));
            }
        }
        while (chosen < k) {
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squared(x[i] - cx[chosen - 1], y[i] - cy[chosen - 1]));
            }
            int next = draw(weight, nearest, random);
            if (next < 0) {
                break; // every point already sits on a centre
            }
            cx[chosen] = x[next];
            cy[chosen] = y[next];
            chosen++;
        }
        return new double[][] {Arrays.copyOf(cx, chosen), Arrays.copyOf(cy, chosen)};
    }

    /** Index drawn with probability ∝ weight (× distance when given), or -1 when all those are zero. */
    private static int draw(double[] weight, double[] distance, SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            total += weight[i] * (distance == null ? 1 : distance[i]);
        }
        if (!(total > 0)) {
            return -1;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < weight.length; i++) {
            double mass = weight[i] * (distance == null ? 1 : distance[i]);
            if (mass > 0) {
                cumulative += mass;
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }

    /** @return whether any point changed cluster */
    private static boolean assign(double[] x, double[] y, double[] cx, double[] cy, int[] label) {
        boolean changed = false;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cx.length; c++) {
                double d = squared(x[i] - cx[c], y[i] - cy[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            if (label[i] != best) {
                label[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    private static void recentre(double[] x, double[] y, double[] weight, int[] label, double[] cx, double[] cy) {
        double[] sx = new double[cx.length];
        double[] sy = new double[cx.length];
        double[] sw = new double[cx.length];
        for (int i = 0; i < x.length; i++) {
            sx[label[i]] += weight[i] * x[i];
            sy[label[i]] += weight[i] * y[i];
            sw[label[i]] += weight[i];
        }
        for (int c = 0; c < cx.length; c++) {
            if (sw[c] > 0) { // an empty cluster keeps its centre; it is dropped at the end if it stays empty
                cx[c] = sx[c] / sw[c];
                cy[c] = sy[c] / sw[c];
            }
        }
    }

    private static Clusters withoutEmptyClusters(
            double[] x, double[] y, double[] weight, int[] label, double[] cx, double[] cy) {
        double[] sw = new double[cx.length];
        for (int i = 0; i < x.length; i++) {
            sw[label[i]] += weight[i];
        }
        int[] renumbered = new int[cx.length];
        int kept = 0;
        for (int c = 0; c < cx.length; c++) {
            renumbered[c] = sw[c] > 0 ? kept++ : -1;
        }
        double[] kx = new double[kept];
        double[] ky = new double[kept];
        double[] kw = new double[kept];
        for (int c = 0; c < cx.length; c++) {
            if (renumbered[c] >= 0) {
                kx[renumbered[c]] = cx[c];
                ky[renumbered[c]] = cy[c];
                kw[renumbered[c]] = sw[c];
            }
        }
        double inertia = 0;
        int[] kl = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            kl[i] = renumbered[label[i]];
            inertia += weight[i] * squared(x[i] - kx[kl[i]], y[i] - ky[kl[i]]);
        }
        return new Clusters(kx, ky, kw, kl, inertia);
    }

    static double squared(double dx, double dy) {
        return dx * dx + dy * dy;
    }
}
