package org.polyphony.research;

/**
 * A grouped bar chart drawn on the server as SVG: one group per category, one bar per sex. A suppressed cell has no
 * bar but a mark and the word for "suppressed", so the chart never shows what the table hides. The table next to it
 * is the text alternative; the SVG has its title for screen readers that reach it.
 */
public final class BarChart {

    private static final int BAR = 14;
    private static final int GAP = 10;
    private static final int LABEL = 120;
    private static final int WIDTH = 320;

    private BarChart() {}

    public static String svg(DisaggregatedTable table, String title, String suppressedWord) {
        int groups = table.categories().size();
        int perGroup = Math.max(1, table.sexes().size());
        int height = groups * (perGroup * BAR + GAP) + GAP + 24;
        long largest = Math.max(1, table.largestShownCell());
        StringBuilder out = new StringBuilder();
        ChartParts.open(out, WIDTH, height, "chart-title", title);
        ChartParts.legend(out, table.sexes());
        int y = 24;
        for (int r = 0; r < groups; r++) {
            out.append("<text x=\"")
                    .append(LABEL - 4)
                    .append("\" y=\"")
                    .append(y + perGroup * BAR / 2 + 4)
                    .append("\" font-size=\"11\" text-anchor=\"end\">")
                    .append(ChartParts.escape(clip(table.label(r))))
                    .append("</text>");
            for (int c = 0; c < table.sexes().size(); c++) {
                var value = table.cell(r, c);
                int barY = y + c * BAR;
                if (value.isPresent()) {
                    int length = (int) Math.round((WIDTH - LABEL - 50) * (double) value.getAsLong() / largest);
                    out.append("<rect x=\"")
                            .append(LABEL)
                            .append("\" y=\"")
                            .append(barY)
                            .append("\" width=\"")
                            .append(Math.max(1, length))
                            .append("\" height=\"")
                            .append(BAR - 2)
                            .append("\" fill=\"")
                            .append(ChartParts.fill(c))
                            .append("\"/><text x=\"")
                            .append(LABEL + length + 3)
                            .append("\" y=\"")
                            .append(barY + BAR - 4)
                            .append("\" font-size=\"10\">")
                            .append(value.getAsLong())
                            .append("</text>");
                } else {
                    ChartParts.suppressed(out, "suppressed", LABEL, barY + BAR - 4, suppressedWord);
                }
            }
            y += perGroup * BAR + GAP;
        }
        return out.append("</svg>").toString();
    }

    private static String clip(String label) {
        return label.length() > 18 ? label.substring(0, 17) + "…" : label;
    }
}
