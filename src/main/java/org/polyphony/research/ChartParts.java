package org.polyphony.research;

import java.util.List;

/**
 * What the dataset charts have in common, so that a bar chart and a line chart of the same table look like one
 * family: the opening with its accessible title, one colour per sex, the legend, the "✕ suppressed" mark and the
 * escaping of every text that comes from an upload.
 */
final class ChartParts {

    /** One colour per sex, in the table's column order; more sexes than colours start again. */
    private static final String[] FILLS = {"#1b5e8c", "#b5472c", "#4b7d2e", "#6b4f99"};

    /** The mark of a hidden figure, the same in every chart. */
    static final String MARK = "✕";

    private ChartParts() {}

    static String fill(int column) {
        return FILLS[column % FILLS.length];
    }

    /**
     * Opens the SVG: scaled to the width it is given (so it fits a 320 px screen), announced as one image by its
     * title. {@code titleId} must be unique on the page, which may hold more than one chart. The layout is left to
     * right on a right-to-left page too: SVG text inherits the page's direction, and in Arabic every
     * {@code text-anchor} would flip, throwing labels over the bars and lines they name.
     */
    static void open(StringBuilder out, int width, int height, String titleId, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" direction=\"ltr\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" aria-labelledby=\"")
                .append(titleId)
                .append("\">")
                .append("<title id=\"")
                .append(titleId)
                .append("\">")
                .append(escape(title))
                .append("</title>");
    }

    /** A colour square and the name of each sex along the top; returns where the next entry could start. */
    static int legend(StringBuilder out, List<String> sexes) {
        int x = 4;
        for (int c = 0; c < sexes.size(); c++) {
            out.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"4\" width=\"10\" height=\"10\" fill=\"")
                    .append(fill(c))
                    .append("\"/><text x=\"")
                    .append(x + 14)
                    .append("\" y=\"13\" font-size=\"11\">")
                    .append(escape(sexes.get(c)))
                    .append("</text>");
            x += 24 + 7 * Math.min(12, sexes.get(c).length());
        }
        return x;
    }

    /** "✕ suppressed" in italics: drawn where a hidden figure would be, never a number. */
    static void suppressed(StringBuilder out, String cssClass, int x, int y, String word) {
        out.append("<text class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"10\" font-style=\"italic\">")
                .append(MARK)
                .append(' ')
                .append(escape(word))
                .append("</text>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
