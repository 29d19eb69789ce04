package org.polyphony.experiences;

import java.util.ArrayList;
import java.util.List;

/**
 * Rings that cross the 180th meridian (Russia's far east, Fiji): world-atlas keeps them whole, as on a globe, so
 * drawn naively they would stretch a line across the whole map. They are cut at the meridian into pieces that each
 * lie on one side of the flat map.
 */
final class Antimeridian {

    private Antimeridian() {}

    static boolean crosses(List<double[]> ring) {
        for (int i = 0; i + 1 < ring.size(); i++) {
            if (Math.abs(ring.get(i + 1)[0] - ring.get(i)[0]) > 180) {
                return true;
            }
        }
        return false;
    }

    /** The ring cut into pieces within longitudes −180…180, each closed. */
    static List<List<double[]>> split(List<double[]> ring) {
        List<double[]> continuous = unwrapped(ring);
        List<List<double[]>> pieces = new ArrayList<>();
        for (int shift = -360; shift <= 360; shift += 360) {
            double west = -180 - shift;
            double east = 180 - shift;
            List<double[]> piece = clipped(clipped(continuous, west, true), east, false);
            if (piece.size() >= 4) {
                final int by = shift;
                pieces.add(
                        piece.stream().map(p -> new double[] {p[0] + by, p[1]}).toList());
            }
        }
        return pieces;
    }

    /** Longitudes made continuous: each point moved by a multiple of 360° to lie within 180° of the one before. */
    static List<double[]> unwrapped(List<double[]> ring) {
        List<double[]> continuous = new ArrayList<>(ring.size());
        double offset = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] point = ring.get(i);
            if (i > 0) {
                double previous = ring.get(i - 1)[0];
                if (point[0] - previous > 180) {
                    offset -= 360;
                } else if (previous - point[0] > 180) {
                    offset += 360;
                }
            }
            continuous.add(new double[] {point[0] + offset, point[1]});
        }
        return continuous;
    }

    /** Sutherland–Hodgman against one meridian: keeps the side east of it ({@code keepEast}) or west of it. */
    private static List<double[]> clipped(List<double[]> ring, double longitude, boolean keepEast) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(i + 1);
            boolean aIn = keepEast ? a[0] >= longitude : a[0] <= longitude;
            boolean bIn = keepEast ? b[0] >= longitude : b[0] <= longitude;
            if (aIn) {
                kept.add(a);
            }
            if (aIn != bIn) {
                double t = (longitude - a[0]) / (b[0] - a[0]);
                kept.add(new double[] {longitude, a[1] + t * (b[1] - a[1])});
            }
        }
        if (!kept.isEmpty()) {
            kept.add(kept.getFirst());
        }
        return kept;
    }
}
