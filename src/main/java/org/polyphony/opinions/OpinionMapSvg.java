package org.polyphony.opinions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.opinions.AnalysisResult.Dot;

/**
 * The opinion map drawn on the server as SVG: each participant a dot, each group outlined (convex hull) and lettered,
 * the reader's own place ringed. No script and no chart library reach the browser. A large conversation is drawn as
 * one dot per occupied cell of a fine grid, sized by how many stand there, so the picture stays a few kilobytes
 * whatever the number of participants.
 */
final class OpinionMapSvg {

    static final int WIDTH = 480;
    static final int HEIGHT = 320;
    private static final int MARGIN = 28;
    /** Up to this many participants, each is a dot of their own. */
    static final int DOTS_DRAWN_ONE_BY_ONE = 600;

    private static final int CELL = 8;
    // Okabe–Ito colours: told apart with the common colour-vision deficiencies
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"};
    private static final String UNGROUPED = "#8a8a8a";

    /** The words the map carries, in the reader's language. */
    record Labels(String title, String description, String you) {}

    private OpinionMapSvg() {}

    static String letter(int group) {
        return String.valueOf((char) ('A' + group));
    }

    static String colour(int group) {
        return group < 0 ? UNGROUPED : COLOURS[group % COLOURS.length];
    }

    static String render(AnalysisResult result, Long reader, Labels labels) {
        return render(result, drawing(result), reader, labels);
    }

    /**
     * The map with the part every reader shares already drawn ({@link #drawing}): only the words and the reader's
     * ring are added, so a reader with a dot of their own does not cost the drawing of every participant's.
     */
    static String render(AnalysisResult result, String drawing, Long reader, Labels labels) {
        StringBuilder svg = new StringBuilder(drawing.length() + 1_024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"map-title map-desc\" class=\"opinion-map\">")
                .append("<title id=\"map-title\">")
                .append(escape(labels.title()))
                .append("</title><desc id=\"map-desc\">")
                .append(escape(labels.description()))
                .append("</desc>")
                .append(drawing);
        result.dotOf(reader).ifPresent(dot -> you(svg, dot, Scale.of(result.dots()), labels.you()));
        return svg.append("</svg>").toString();
    }

    /** What the map shows the same to every reader in every language: the groups' outlines, the dots, the letters. */
    static String drawing(AnalysisResult result) {
        Scale scale = Scale.of(result.dots());
        StringBuilder svg = new StringBuilder(8_192);
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"#ccc\"/>");
        hulls(svg, result, scale);
        if (result.dots().size() <= DOTS_DRAWN_ONE_BY_ONE) {
            for (Dot dot : result.dots()) {
                svg.append("<circle cx=\"")
                        .append(fmt(scale.x(dot.x())))
                        .append("\" cy=\"")
                        .append(fmt(scale.y(dot.y())))
                        .append("\" r=\"3\" fill=\"")
                        .append(colour(dot.group()))
                        .append("\"/>");
            }
        } else {
            binned(svg, result.dots(), scale);
        }
        groupLetters(svg, result, scale);
        return svg.toString();
    }

    private static void hulls(StringBuilder svg, AnalysisResult result, Scale scale) {
        Map<Integer, List<double[]>> members = new HashMap<>();
        for (Dot dot : result.dots()) {
            if (dot.group() >= 0) {
                members.computeIfAbsent(dot.group(), g -> new ArrayList<>())
                        .add(new double[] {scale.x(dot.x()), scale.y(dot.y())});
            }
        }
        members.forEach((group, points) -> {
            List<double[]> hull = ConvexHull.of(points);
            svg.append("<polygon points=\"");
            for (double[] p : hull) {
                svg.append(fmt(p[0])).append(',').append(fmt(p[1])).append(' ');
            }
            svg.append("\" fill=\"")
                    .append(colour(group))
                    .append("\" fill-opacity=\"0.12\" stroke=\"")
                    .append(colour(group))
                    .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>");
        });
    }

    private static void binned(StringBuilder svg, List<Dot> dots, Scale scale) {
        record Cell(int column, int row) {}
        Map<Cell, int[]> cells = new HashMap<>(); // members per group, then ungrouped last
        for (Dot dot : dots) {
            Cell cell = new Cell((int) (scale.x(dot.x()) / CELL), (int) (scale.y(dot.y()) / CELL));
            int[] counts = cells.computeIfAbsent(cell, c -> new int[COLOURS.length + 1]);
            counts[dot.group() < 0 ? COLOURS.length : dot.group() % COLOURS.length]++;
        }
        int most = cells.values().stream().mapToInt(OpinionMapSvg::sum).max().orElse(1);
        cells.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<Cell, int[]> e) -> e.getKey().row())
                        .thenComparingInt(e -> e.getKey().column()))
                .forEach(entry -> {
                    int[] counts = entry.getValue();
                    int main = 0;
                    for (int g = 1; g < counts.length; g++) {
                        if (counts[g] > counts[main]) {
                            main = g;
                        }
                    }
                    double radius = 1.5 + 3.5 * Math.sqrt((double) sum(counts) / most);
                    svg.append("<circle cx=\"")
                            .append(entry.getKey().column() * CELL + CELL / 2)
                            .append("\" cy=\"")
                            .append(entry.getKey().row() * CELL + CELL / 2)
                            .append("\" r=\"")
                            .append(fmt(radius))
                            .append("\" fill=\"")
                            .append(main == COLOURS.length ? UNGROUPED : COLOURS[main])
                            .append("\"/>");
                });
    }

    private static void groupLetters(StringBuilder svg, AnalysisResult result, Scale scale) {
        for (AnalysisResult.Group group : result.groups()) {
            double x = scale.x(group.x());
            double y = scale.y(group.y());
            svg.append("<circle cx=\"")
                    .append(fmt(x))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"11\" fill=\"#fff\" stroke=\"")
                    .append(colour(group.id()))
                    .append("\" stroke-width=\"2\"/><text x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(fmt(y + 5))
                    .append("\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">")
                    .append(letter(group.id()))
                    .append("</text>");
        }
    }

    private static void you(StringBuilder svg, Dot dot, Scale scale, String label) {
        double x = scale.x(dot.x());
        double y = scale.y(dot.y());
        boolean labelLeft = x > WIDTH - 80;
        svg.append("<circle cx=\"")
                .append(fmt(x))
                .append("\" cy=\"")
                .append(fmt(y))
                .append("\" r=\"7\" fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\"/><text x=\"")
                .append(fmt(labelLeft ? x - 10 : x + 10))
                .append("\" y=\"")
                .append(fmt(y - 8))
                .append("\" text-anchor=\"")
                .append(labelLeft ? "end" : "start")
                .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"#000\">")
                .append(escape(label))
                .append("</text>");
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Map coordinates to the picture, one scale for both axes so that distances keep their meaning. */
    private record Scale(double minX, double minY, double factor, double offsetX, double offsetY) {

        static Scale of(List<Dot> dots) {
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Dot dot : dots) {
                minX = Math.min(minX, dot.x());
                maxX = Math.max(maxX, dot.x());
                minY = Math.min(minY, dot.y());
                maxY = Math.max(maxY, dot.y());
            }
            if (dots.isEmpty()) {
                return new Scale(0, 0, 1, WIDTH / 2.0, HEIGHT / 2.0);
            }
            double spanX = Math.max(maxX - minX, 1e-9);
            double spanY = Math.max(maxY - minY, 1e-9);
            double factor = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (HEIGHT - 2.0 * MARGIN) / spanY);
            if (maxX - minX < 1e-9 && maxY - minY < 1e-9) {
                factor = 1;
            }
            double offsetX = (WIDTH - spanX * factor) / 2;
            double offsetY = (HEIGHT - spanY * factor) / 2;
            return new Scale(minX, minY, factor, offsetX, offsetY);
        }

        double x(double value) {
            return offsetX + (value - minX) * factor;
        }

        /** Up on the map is up on the screen. */
        double y(double value) {
            return HEIGHT - (offsetY + (value - minY) * factor);
        }
    }
}
