package org.polyphony.antennas;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.web.util.HtmlUtils;

/** The overview's matrix, and its drawing as SVG (made on the server; no script). */
public final class OverviewViews {

    private OverviewViews() {}

    /** @param participants distinct people who posted in the hub's threads of the session, hidden when few */
    public record Cell(String session, long reports, OptionalLong participants, long posts, long languages) {}

    public record Row(long hubId, String hub, List<Cell> cells) {}

    static final int CELL = 28;
    static final int LABEL = 150;

    /** A grid: one row a hub, one column a session, the cell darker with more reports, empty cells outlined. */
    static String svg(List<Row> rows, List<String> sessions) {
        int width = LABEL + sessions.size() * CELL + 4;
        int height = 24 + rows.size() * CELL + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"matrix-title\" class=\"matrix\">")
                .append("<title id=\"matrix-title\">reports</title>");
        for (int c = 0; c < sessions.size(); c++) {
            svg.append("<text x=\"")
                    .append(LABEL + c * CELL + CELL / 2)
                    .append("\" y=\"16\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(HtmlUtils.htmlEscape(sessions.get(c)))
                    .append("</text>");
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = 24 + r * CELL;
            String name = row.hub().length() > 22 ? row.hub().substring(0, 21) + "…" : row.hub();
            svg.append("<text x=\"0\" y=\"")
                    .append(y + CELL / 2 + 4)
                    .append("\" font-size=\"11\">")
                    .append(HtmlUtils.htmlEscape(name))
                    .append("</text>");
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                String fill = cell.reports() == 0 ? "#ffffff" : cell.reports() == 1 ? "#7fb3d5" : "#1f618d";
                svg.append("<rect x=\"")
                        .append(LABEL + c * CELL + 2)
                        .append("\" y=\"")
                        .append(y + 2)
                        .append("\" width=\"")
                        .append(CELL - 4)
                        .append("\" height=\"")
                        .append(CELL - 4)
                        .append("\" fill=\"")
                        .append(fill)
                        .append("\" stroke=\"#555\"/>");
                if (cell.reports() > 0) {
                    svg.append("<text x=\"")
                            .append(LABEL + c * CELL + CELL / 2)
                            .append("\" y=\"")
                            .append(y + CELL / 2 + 4)
                            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#fff\">")
                            .append(cell.reports())
                            .append("</text>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }
}
