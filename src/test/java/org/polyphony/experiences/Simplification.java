package org.polyphony.experiences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plane geometry the world map generator needs: simplifying lines, areas, a point inside a ring. */
final class Simplification {

    private Simplification() {}

    /** Douglas–Peucker: keeps the end points and every point farther than {@code tolerance} from the simpler line. */
    static List<double[]> douglasPeucker(List<double[]> points, double tolerance) {
        if (points.size() < 3) {
            return points;
        }
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        markFarPoints(points, 0, points.size() - 1, tolerance, keep);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    private static void markFarPoints(List<double[]> points, int first, int last, double tolerance, boolean[] keep) {
        // An explicit stack: long coastlines would otherwise recurse deeply.
        List<int[]> stack = new ArrayList<>();
        stack.add(new int[] {first, last});
        while (!stack.isEmpty()) {
            int[] span = stack.removeLast();
            int farthest = -1;
            double farthestDistance = tolerance;
            for (int i = span[0] + 1; i < span[1]; i++) {
                double distance = distanceToSegment(points.get(i), points.get(span[0]), points.get(span[1]));
                if (distance > farthestDistance) {
                    farthest = i;
                    farthestDistance = distance;
                }
            }
            if (farthest >= 0) {
                keep[farthest] = true;
                stack.add(new int[] {span[0], farthest});
                stack.add(new int[] {farthest, span[1]});
            }
        }
    }

    static double distanceToSegment(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    }

    /** The points without those equal to the one before, as rounding leaves them. */
    static List<double[]> withoutRepeats(List<double[]> points) {
        List<double[]> kept = new ArrayList<>();
        for (double[] point : points) {
            if (kept.isEmpty() || !Arrays.equals(kept.getLast(), point)) {
                kept.add(point);
            }
        }
        return kept;
    }

    /** The area of a closed ring (first point repeated last), whatever its orientation. */
    static double area(List<double[]> ring) {
        return Math.abs(signedArea(ring));
    }

    private static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            sum += ring.get(i)[0] * ring.get(i + 1)[1] - ring.get(i + 1)[0] * ring.get(i)[1];
        }
        return sum / 2;
    }

    /**
     * The ring's centroid when it lies inside the ring; otherwise (a crescent, a bent coast) the middle of the
     * widest stretch of the ring along the centroid's horizontal.
     */
    static double[] interiorPoint(List<double[]> ring) {
        double[] centroid = centroid(ring);
        if (contains(ring, centroid)) {
            return centroid;
        }
        List<Double> crossings = new ArrayList<>();
        for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(i + 1);
            if ((a[1] > centroid[1]) != (b[1] > centroid[1])) {
                crossings.add(a[0] + (centroid[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
            }
        }
        crossings.sort(null);
        double[] best = centroid;
        double widest = -1;
        for (int i = 0; i + 1 < crossings.size(); i += 2) {
            double width = crossings.get(i + 1) - crossings.get(i);
            if (width > widest) {
                widest = width;
                best = new double[] {(crossings.get(i) + crossings.get(i + 1)) / 2, centroid[1]};
            }
        }
        return best;
    }

    static double[] centroid(List<double[]> ring) {
        double area = signedArea(ring);
        if (area == 0) {
            return ring.getFirst();
        }
        double x = 0;
        double y = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(i + 1);
            double cross = a[0] * b[1] - b[0] * a[1];
            x += (a[0] + b[0]) * cross;
            y += (a[1] + b[1]) * cross;
        }
        return new double[] {x / (6 * area), y / (6 * area)};
    }

    /** Even–odd ray casting. */
    static boolean contains(List<double[]> ring, double[] point) {
        boolean inside = false;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(i + 1);
            if ((a[1] > point[1]) != (b[1] > point[1])
                    && point[0] < a[0] + (point[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])) {
                inside = !inside;
            }
        }
        return inside;
    }
}
