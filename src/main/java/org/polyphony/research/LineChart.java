package org.polyphony.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A dataset broken down by year, drawn on the server as an SVG line chart: years along the x axis in order, one line
 * per sex, each shown figure marked by a dot. A suppressed cell is never drawn as a value: its line breaks there (no
 * segment runs through it, which would let a reader guess it) and a "✕" in that sex's colour stands under the axis
 * at its year, explained by "✕ suppressed" in the legend. The table next to the chart is the text alternative.
 *
 * <p>The categories must be years, as upload validation guarantees for a YEAR dataset. Years are placed by their
 * value, not their rank, so a year missing from the data leaves its gap in time instead of being squeezed out.
 */
public final class LineChart {

    private static final int WIDTH = 320;
    private static final int RIGHT = 10;
    /** Room at each end of the x axis, so that the first and last dots and year labels are not cut off. */
    private static final int INSET = 8;

    private static final int PLOT_HEIGHT = 140;
    /** One row of suppressed marks per sex under the axis. */
    private static final int ROW = 12;
    /** The least room between two year labels: four digits at font size 10 and a gap. */
    private static final int LABEL_ROOM = 34;

    private static final int[] YEAR_STEPS = {1, 2, 5, 10, 20, 25, 50, 100};

    private LineChart() {}

    public static String svg(DisaggregatedTable table, String title, String suppressedWord) {
        List<String> sexes = table.sexes();
        int[] years = table.categories().stream().mapToInt(Integer::parseInt).toArray();
        // the rows in the order of their years, whatever order the table keeps them in
        int[] order = IntStream.range(0, years.length)
                .boxed()
                .sorted(Comparator.comparingInt(r -> years[r]))
                .mapToInt(Integer::intValue)
                .toArray();
        // the scale comes from shown figures only, so a hidden one cannot stretch it and give itself away
        long largest = Math.max(1, table.largestShownCell());
        long step = valueStep(largest);
        long top = step * Math.ceilDiv(largest, step);
        int left = 8 + 6 * Long.toString(top).length();
        List<Integer> withHidden = IntStream.range(0, sexes.size())
                .filter(c -> IntStream.range(0, years.length)
                        .anyMatch(r -> table.cell(r, c).isEmpty()))
                .boxed()
                .toList();

        StringBuilder body = new StringBuilder();
        int plotTop = 24;
        int legendEnd = ChartParts.legend(body, sexes);
        if (!withHidden.isEmpty()) {
            // the key goes after the sexes when it fits on their line, on a line of its own otherwise
            int keyWidth = 14 + 6 * suppressedWord.length();
            boolean fits = legendEnd + keyWidth <= WIDTH;
            ChartParts.suppressed(body, "suppressed-key", fits ? legendEnd : 4, fits ? 13 : 27, suppressedWord);
            plotTop += fits ? 0 : 14;
        }
        int bottom = plotTop + PLOT_HEIGHT;
        XScale x = XScale.of(years, left + INSET, WIDTH - RIGHT - INSET);

        // value grid and its labels, from zero
        StringBuilder grid = new StringBuilder();
        for (long v = 0; v <= top; v += step) {
            double y = bottom - (double) PLOT_HEIGHT * v / top;
            grid.append('M').append(left).append(' ').append(f(y)).append('H').append(WIDTH - RIGHT);
            text(body, left - 4, y + 3, "end", Long.toString(v));
        }
        body.append("<path d=\"").append(grid).append("\" stroke=\"#ccc\"/>");

        // year labels, only as many as fit side by side, with a tick each
        StringBuilder ticks = new StringBuilder();
        for (int year : years.length == 0 ? List.<Integer>of() : x.labelled()) {
            ticks.append('M').append(f(x.at(year))).append(' ').append(bottom).append("v3");
            text(body, x.at(year), bottom + 14, "middle", Integer.toString(year));
        }
        body.append("<path d=\"").append(ticks).append("\" stroke=\"#444\"/>");

        for (int c = 0; c < sexes.size(); c++) {
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            boolean previousShown = false;
            boolean anySegment = false;
            for (int r : order) {
                var value = table.cell(r, c);
                if (value.isEmpty()) {
                    // the next shown figure starts a new piece of line: nothing is drawn across a hidden one
                    previousShown = false;
                    continue;
                }
                String px = f(x.at(years[r]));
                String py = f(bottom - (double) PLOT_HEIGHT * value.getAsLong() / top);
                line.append(previousShown ? "L" : "M").append(px).append(' ').append(py);
                anySegment |= previousShown;
                previousShown = true;
                dots.append("<circle cx=\"")
                        .append(px)
                        .append("\" cy=\"")
                        .append(py)
                        .append("\" r=\"2.5\"/>");
            }
            if (anySegment) {
                body.append("<path class=\"series\" d=\"")
                        .append(line)
                        .append("\" fill=\"none\" stroke=\"")
                        .append(ChartParts.fill(c))
                        .append("\" stroke-width=\"2\"/>");
            }
            if (!dots.isEmpty()) {
                body.append("<g fill=\"")
                        .append(ChartParts.fill(c))
                        .append("\">")
                        .append(dots)
                        .append("</g>");
            }
        }

        // the marks of hidden figures, one row per sex that has any, under the year labels
        int rowY = bottom + 20;
        for (int c : withHidden) {
            body.append("<rect x=\"")
                    .append(left - 12)
                    .append("\" y=\"")
                    .append(rowY)
                    .append("\" width=\"8\" height=\"8\" fill=\"")
                    .append(ChartParts.fill(c))
                    .append("\"/><g fill=\"")
                    .append(ChartParts.fill(c))
                    .append("\" font-size=\"10\" text-anchor=\"middle\">");
            for (int r : order) {
                if (table.cell(r, c).isEmpty()) {
                    body.append("<text class=\"suppressed\" x=\"")
                            .append(f(x.at(years[r])))
                            .append("\" y=\"")
                            .append(rowY + 8)
                            .append("\">")
                            .append(ChartParts.MARK)
                            .append("</text>");
                }
            }
            body.append("</g>");
            rowY += ROW;
        }

        StringBuilder out = new StringBuilder(body.length() + 300);
        ChartParts.open(out, WIDTH, rowY + 4, "line-chart-title", title);
        return out.append(body).append("</svg>").toString();
    }

    /** Where each year goes along the x axis, and which years are labelled. */
    private record XScale(int first, int last, double from, double to) {

        static XScale of(int[] years, double from, double to) {
            int first = IntStream.of(years).min().orElse(0);
            int last = IntStream.of(years).max().orElse(0);
            return new XScale(first, last, from, to);
        }

        double at(int year) {
            return first == last ? (from + to) / 2 : from + (to - from) * (year - first) / (last - first);
        }

        /** Every year when there is room, else every 2nd, 5th, 10th… so that no two labels overlap. */
        List<Integer> labelled() {
            if (first == last) return List.of(first);
            double perYear = (to - from) / (last - first);
            int step = YEAR_STEPS[YEAR_STEPS.length - 1];
            for (int candidate : YEAR_STEPS) {
                if (candidate * perYear >= LABEL_ROOM) {
                    step = candidate;
                    break;
                }
            }
            List<Integer> years = new ArrayList<>();
            for (int year = Math.ceilDiv(first, step) * step; year <= last; year += step) {
                years.add(year);
            }
            return years;
        }
    }

    /** A round step (1, 2 or 5 times a power of ten) that reaches {@code largest} in at most four steps. */
    static long valueStep(long largest) {
        long power = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * power * 4 >= largest) return m * power;
            }
            power *= 10;
        }
    }

    private static void text(StringBuilder out, double x, double y, String anchor, String text) {
        out.append("<text x=\"")
                .append(f(x))
                .append("\" y=\"")
                .append(f(y))
                .append("\" font-size=\"10\" text-anchor=\"")
                .append(anchor)
                .append("\">")
                .append(ChartParts.escape(text))
                .append("</text>");
    }

    /** A coordinate to a tenth of a unit, without a trailing ".0", to keep the SVG small. */
    private static String f(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
