package org.polyphony.opinions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The convex hull of points in the plane (Andrew's monotone chain), to outline a group on the map. */
final class ConvexHull {

    private ConvexHull() {}

    /** The hull's corners counter-clockwise; fewer than three points come back as they are. */
    static List<double[]> of(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        if (sorted.size() < 3) {
            return sorted;
        }
        List<double[]> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (double[] p : sorted) {
                while (hull.size() >= start + 2 && turn(hull.get(hull.size() - 2), hull.getLast(), p) <= 0) {
                    hull.removeLast();
                }
                hull.add(p);
            }
            hull.removeLast(); // the last of each chain starts the other
            sorted = sorted.reversed();
        }
        return hull;
    }

    private static double turn(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }
}
