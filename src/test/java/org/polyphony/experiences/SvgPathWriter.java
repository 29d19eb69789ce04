package org.polyphony.experiences;

import java.util.List;

/** Writes rings of whole-unit points as short SVG path data: one absolute move, then relative lines. */
final class SvgPathWriter {

    private SvgPathWriter() {}

    /** Appends {@code M x y l dx dy … z} for a closed ring (first point repeated last). */
    static void appendRing(StringBuilder path, List<double[]> ring) {
        int x = (int) ring.getFirst()[0];
        int y = (int) ring.getFirst()[1];
        path.append('M').append(x);
        appendNumber(path, y);
        path.append('l');
        boolean first = true;
        int pendingX = 0;
        int pendingY = 0;
        // The closing point is left to "z"; consecutive steps in one direction are written as one.
        for (int i = 1; i < ring.size() - 1; i++) {
            int dx = (int) ring.get(i)[0] - x;
            int dy = (int) ring.get(i)[1] - y;
            x += dx;
            y += dy;
            if ((pendingX != 0 || pendingY != 0) && !sameDirection(pendingX, pendingY, dx, dy)) {
                appendStep(path, pendingX, pendingY, first);
                first = false;
                pendingX = 0;
                pendingY = 0;
            }
            pendingX += dx;
            pendingY += dy;
        }
        if (pendingX != 0 || pendingY != 0) {
            appendStep(path, pendingX, pendingY, first);
        }
        path.append('z');
    }

    private static boolean sameDirection(int ax, int ay, int bx, int by) {
        return (long) ax * by == (long) ay * bx && (long) ax * bx + (long) ay * by > 0;
    }

    private static void appendStep(StringBuilder path, int dx, int dy, boolean first) {
        if (first) {
            path.append(dx);
        } else {
            appendNumber(path, dx);
        }
        appendNumber(path, dy);
    }

    /** A minus sign separates numbers by itself; a space is needed only before a positive one. */
    private static void appendNumber(StringBuilder path, int number) {
        if (number >= 0) {
            path.append(' ');
        }
        path.append(number);
    }
}
