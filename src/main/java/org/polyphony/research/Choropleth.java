package org.polyphony.research;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.polyphony.experiences.WorldMapShapes;
import org.polyphony.languages.Countries;

/**
 * A small choropleth of a dataset by country, drawn on the server as SVG on the journeys' world map: each country
 * shaded by its total as the protected table shows it, in four classes of the largest shown total. A country whose
 * total is suppressed is hatched, never shaded, so the map shows nothing the table hides; countries without data stay
 * blank. The table is the text alternative; each shaded country has its name and figure as a tooltip.
 */
public final class Choropleth {

    private static final String[] SHADES = {"#d6e6f2", "#94bedb", "#4a8ec0", "#1b5e8c"};
    private static final String BLANK = "#eeeeee";

    private Choropleth() {}

    /** Labels the page gives: the map's title, the word for suppressed, the legend's "up to n", "no data". */
    public record Labels(
            String title, String suppressed, java.util.function.LongFunction<String> upTo, String noData) {}

    public static String svg(DisaggregatedTable table, Locale reader, Labels labels) {
        Map<String, OptionalLong> totals = new HashMap<>();
        long largest = 1;
        for (int r = 0; r < table.categories().size(); r++) {
            OptionalLong total = table.cells().rowTotal(r);
            totals.put(table.categories().get(r).toUpperCase(Locale.ROOT), total);
            if (total.isPresent()) largest = Math.max(largest, total.getAsLong());
        }
        WorldMapShapes world = WorldMapShapes.world();
        int legendHeight = 80;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(world.width())
                .append(' ')
                .append(world.height() + legendHeight)
                .append("\" width=\"100%\" aria-labelledby=\"map-title\"><title id=\"map-title\">")
                .append(escape(labels.title()))
                .append("</title><defs><pattern id=\"suppressed-hatch\" width=\"8\" height=\"8\""
                        + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                        + "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
                        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b5472c\" stroke-width=\"3\"/>"
                        + "</pattern></defs><g stroke=\"#ffffff\" stroke-width=\"0.5\">");
        for (WorldMapShapes.Country country : world.countries()) {
            OptionalLong total = country.code() == null ? null : totals.get(country.code());
            out.append("<path d=\"").append(country.path()).append("\" fill=\"");
            if (total == null) {
                out.append(BLANK).append("\"/>");
                continue;
            }
            String name = Countries.name(country.code(), reader);
            if (total.isPresent()) {
                out.append(SHADES[shade(total.getAsLong(), largest)])
                        .append("\"><title>")
                        .append(escape(name))
                        .append(": ")
                        .append(total.getAsLong());
            } else {
                out.append("url(#suppressed-hatch)\"><title>")
                        .append(escape(name))
                        .append(": ")
                        .append(escape(labels.suppressed()));
            }
            out.append("</title></path>");
        }
        out.append("</g>");
        int y = world.height() + 10;
        int x = 10;
        for (int i = 0; i < SHADES.length; i++) {
            long upper = Math.round(largest * (i + 1) / (double) SHADES.length);
            x = legend(out, x, y, SHADES[i], labels.upTo().apply(upper));
        }
        x = legend(out, 10, y + 34, "url(#suppressed-hatch)", labels.suppressed());
        legend(out, x, y + 34, BLANK, labels.noData());
        return out.append("</svg>").toString();
    }

    /** Class 0 … 3: which quarter of the largest shown total the value is in. */
    static int shade(long value, long largest) {
        int shade = (int) Math.ceil(SHADES.length * (double) value / largest) - 1;
        return Math.max(0, Math.min(SHADES.length - 1, shade));
    }

    private static int legend(StringBuilder out, int x, int y, String fill, String text) {
        out.append("<rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"24\" height=\"24\" stroke=\"#555555\" fill=\"")
                .append(fill)
                .append("\"/><text x=\"")
                .append(x + 30)
                .append("\" y=\"")
                .append(y + 18)
                .append("\" font-size=\"20\">")
                .append(escape(text))
                .append("</text>");
        return x + 40 + 11 * text.length();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
