package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.polyphony.statistics.CellSuppression;
import org.polyphony.statistics.SmallCells;

/** The line chart of a YEAR dataset shows only what the protected table shows, and breaks where it hides. */
class LineChartTest {

    private static final Pattern YEAR_LABEL = Pattern.compile(
            "<text x=\"([\\d.]+)\" y=\"[\\d.]+\" font-size=\"10\" text-anchor=\"middle\">(\\d{4})</text>");
    private static final Pattern SERIES =
            Pattern.compile("<path class=\"series\" d=\"([^\"]*)\" fill=\"none\" stroke=\"([^\"]*)\"");
    private static final Pattern VERTEX = Pattern.compile("([ML])([\\d.]+) [\\d.]+");
    private static final Pattern DOT = Pattern.compile("<circle cx=\"([\\d.]+)\"");
    private static final Pattern MARK = Pattern.compile("<text class=\"suppressed\" x=\"([\\d.]+)\"");

    @Test
    void yearsRunInOrderAlongTheAxisWhateverOrderTheTableKeeps() {
        // built by hand so that the rows are not already sorted, as DisaggregatedTable.of would sort them
        DisaggregatedTable table =
                table(List.of("2010", "2004", "2007"), new long[][] {{30, 40}, {10, 20}, {15, 25}}, new boolean[][] {
                    {false, false}, {false, false}, {false, false}
                });
        String svg = LineChart.svg(table, "Members by year", "suppressed");
        Map<Integer, Double> labels = yearLabels(svg);
        // six years over the width leave room to label each, the missing ones too
        assertThat(labels.keySet()).containsExactly(2004, 2005, 2006, 2007, 2008, 2009, 2010);
        assertThat(List.copyOf(labels.values())).isSorted();
        // years are placed by value: 2007 is halfway between 2004 and 2010
        assertThat(series(svg)).hasSize(2);
        for (String line : series(svg).values()) {
            List<List<Double>> pieces = pieces(line);
            assertThat(pieces).hasSize(1);
            List<Double> xs = pieces.getFirst();
            assertThat(xs).hasSize(3).isSorted().doesNotHaveDuplicates();
            assertThat(xs.get(1)).isCloseTo((xs.get(0) + xs.get(2)) / 2, within(0.15));
        }
        // the value axis starts at zero
        assertThat(svg).contains("text-anchor=\"end\">0</text>");
    }

    @Test
    void aSuppressedCellBreaksItsLineAndIsMarkedAtItsYear() {
        DisaggregatedTable table = DisaggregatedTable.of(
                List.of(
                        new Object[] {"2004", "women", 12L},
                        new Object[] {"2004", "men", 18L},
                        new Object[] {"2005", "women", 21L},
                        new Object[] {"2005", "men", 19L},
                        new Object[] {"2006", "women", 26L},
                        new Object[] {"2006", "men", 24L},
                        new Object[] {"2007", "women", 30L},
                        new Object[] {"2007", "men", 2L},
                        new Object[] {"2008", "women", 41L},
                        new Object[] {"2008", "men", 35L}),
                new SmallCells(5));
        int men = table.sexes().indexOf("men");
        int year2007 = table.categories().indexOf("2007");
        assertThat(table.cell(year2007, men)).isEmpty();
        String svg = LineChart.svg(table, "Members by year", "suppressed");
        Map<Integer, Double> labels = yearLabels(svg);
        assertThat(labels).hasSize(5);

        List<Double> hiddenYears = new ArrayList<>();
        int hidden = 0;
        for (int c = 0; c < table.sexes().size(); c++) {
            for (int r = 0; r < table.categories().size(); r++) {
                if (table.cell(r, c).isEmpty()) {
                    hidden++;
                    hiddenYears.add(
                            labels.get(Integer.valueOf(table.categories().get(r))));
                }
            }
        }
        // one mark per hidden cell, at the x of its year, and the key that explains it
        List<Double> marks = new ArrayList<>();
        Matcher mark = MARK.matcher(svg);
        while (mark.find()) marks.add(Double.valueOf(mark.group(1)));
        assertThat(marks).hasSize(hidden).containsExactlyInAnyOrderElementsOf(hiddenYears);
        assertThat(svg).contains("class=\"suppressed-key\"").contains("✕ suppressed");

        // the men's line stops before 2007 and starts again after it: every piece lies wholly on one side
        double at2007 = labels.get(2007);
        List<List<Double>> pieces = pieces(series(svg).get(ChartParts.fill(men)));
        assertThat(pieces).hasSizeGreaterThanOrEqualTo(2);
        for (List<Double> piece : pieces) {
            assertThat(piece.stream().allMatch(x -> x < at2007)
                            || piece.stream().allMatch(x -> x > at2007))
                    .isTrue();
        }
        // and no dot stands for a hidden figure: at 2007 only the shown ones have theirs
        int shownIn2007 = 0;
        for (int c = 0; c < table.sexes().size(); c++) {
            if (table.cell(year2007, c).isPresent()) shownIn2007++;
        }
        assertThat(dots(svg).stream().filter(x -> x == at2007)).hasSize(shownIn2007);
    }

    @Test
    void noFigureOfAHiddenCellIsInTheSvgNotEvenThroughTheScale() {
        // hidden figures larger than any shown one: drawn, or used for the scale, they would show
        List<String> years = List.of("2001", "2002", "2003", "2004");
        long[][] counts = {{40, 50}, {98765, 43210}, {60, 70}, {65, 75}};
        boolean[][] hidden = {{false, false}, {true, true}, {false, false}, {false, false}};
        String svg = LineChart.svg(table(years, counts, hidden), "t", "suppressed");
        assertThat(svg).doesNotContain("98765").doesNotContain("43210");
        assertThat(svg).contains("text-anchor=\"end\">80</text>").doesNotContain("text-anchor=\"end\">100</text>");
        // other hidden figures, the same shown ones: not one byte differs
        long[][] others = {{40, 50}, {1, 2}, {60, 70}, {65, 75}};
        assertThat(LineChart.svg(table(years, others, hidden), "t", "suppressed"))
                .isEqualTo(svg);
        // neither line has a segment across 2002: every piece lies wholly before or wholly after it
        double at2002 = yearLabels(svg).get(2002);
        Map<String, String> lines = series(svg);
        assertThat(lines).hasSize(2);
        for (String line : lines.values()) {
            for (List<Double> piece : pieces(line)) {
                assertThat(piece.stream().allMatch(x -> x < at2002)
                                || piece.stream().allMatch(x -> x > at2002))
                        .isTrue();
            }
        }
        assertThat(dots(svg)).hasSize(6).doesNotContain(at2002);
        assertThat(svg.split("<text class=\"suppressed\"", -1)).hasSize(3);
    }

    @Test
    void everyTextIsEscaped() {
        DisaggregatedTable table = table(List.of("2001", "2002"), new long[][] {{10, 20}, {30, 40}}, new boolean[][] {
            {false, false}, {false, true}
        });
        String svg = LineChart.svg(table, "Title \"&\" <b>", "<i>hidden</i>");
        assertThat(svg)
                .contains("<title id=\"line-chart-title\">Title &quot;&amp;&quot; &lt;b&gt;</title>")
                .contains("&lt;script&gt;")
                .contains("✕ &lt;i&gt;hidden&lt;/i&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .doesNotContain("<i>");
        assertThat(svg).contains("role=\"img\"").contains("aria-labelledby=\"line-chart-title\"");
        assertThat(svg).contains("viewBox=\"0 0 320 ").contains("width=\"100%\"");
    }

    @Test
    void fiftyYearsStayLightAndTheirLabelsDoNotOverlap() throws IOException {
        List<Object[]> sums = new ArrayList<>();
        for (int year = 1975; year < 2025; year++) {
            sums.add(new Object[] {Integer.toString(year), "women", 100L + 3 * (year - 1975)});
            // one small cell, so that the marks and the key are in the weight too
            sums.add(new Object[] {Integer.toString(year), "men", year == 1990 ? 3L : 90L + 2 * (year - 1975)});
        }
        DisaggregatedTable table = DisaggregatedTable.of(sums, new SmallCells(5));
        String svg = LineChart.svg(table, "Fifty years", "suppressed");
        List<Double> xs = new ArrayList<>(yearLabels(svg).values());
        assertThat(xs).hasSizeBetween(4, 10);
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i) - xs.get(i - 1)).isGreaterThanOrEqualTo(34);
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(svg.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(svg.length()).isLessThan(10_000);
        assertThat(gzipped.size()).isLessThan(3_000);
    }

    @Test
    void theValueStepIsRoundAndReachesTheLargestFigureInFourSteps() {
        assertThat(LineChart.valueStep(1)).isEqualTo(1);
        assertThat(LineChart.valueStep(47)).isEqualTo(20);
        assertThat(LineChart.valueStep(150)).isEqualTo(50);
        assertThat(LineChart.valueStep(1_000_000)).isEqualTo(500_000);
    }

    /** The labelled years, in the order they are drawn, with their x. */
    private static Map<Integer, Double> yearLabels(String svg) {
        Map<Integer, Double> labels = new LinkedHashMap<>();
        Matcher m = YEAR_LABEL.matcher(svg);
        while (m.find()) labels.put(Integer.valueOf(m.group(2)), Double.valueOf(m.group(1)));
        return labels;
    }

    /** Each drawn line by its colour. */
    private static Map<String, String> series(String svg) {
        Map<String, String> lines = new LinkedHashMap<>();
        Matcher m = SERIES.matcher(svg);
        while (m.find()) lines.put(m.group(2), m.group(1));
        return lines;
    }

    /** The x of each vertex of a line, piece by piece: a piece starts at every "M". */
    private static List<List<Double>> pieces(String d) {
        List<List<Double>> pieces = new ArrayList<>();
        Matcher m = VERTEX.matcher(d);
        while (m.find()) {
            if (m.group(1).equals("M")) pieces.add(new ArrayList<>());
            pieces.getLast().add(Double.valueOf(m.group(2)));
        }
        return pieces;
    }

    private static List<Double> dots(String svg) {
        List<Double> xs = new ArrayList<>();
        Matcher m = DOT.matcher(svg);
        while (m.find()) xs.add(Double.valueOf(m.group(1)));
        return xs;
    }

    private static DisaggregatedTable table(List<String> years, long[][] counts, boolean[][] hidden) {
        long[] rowTotals = new long[counts.length];
        long[] columnTotals = new long[2];
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < 2; c++) {
                rowTotals[r] += counts[r][c];
                columnTotals[c] += counts[r][c];
            }
        }
        var cells = new CellSuppression.Protected(
                counts,
                rowTotals,
                columnTotals,
                columnTotals[0] + columnTotals[1],
                hidden,
                new boolean[counts.length],
                new boolean[2],
                false);
        return new DisaggregatedTable(years, List.of("<script>", "men"), cells, null);
    }
}
