package org.polyphony.experiences;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.polyphony.languages.Countries;

/**
 * Draws the map of journeys as an SVG document to embed in a page: countries, and a curved arrow from origin to
 * residence for each route shown, its width growing with the route's stories. No script, no style sheet, no
 * external reference: colours are presentation attributes set once per group (a page may override them through
 * the classes, and a content security policy that forbids inline styles does not touch them). A role="img" map
 * hides its parts from assistive technology, so pages pair it with the {@link JourneyTable}.
 */
final class JourneysMap {

    static final String TITLE_ID = "journeys-map-title";
    static final String DESCRIPTION_ID = "journeys-map-description";
    static final String ARROW_ID = "journeys-map-arrow";
    static final double THINNEST = 1.5;
    static final double THICKEST = 8;
    // How far a route bends away from the straight line, relative to its length: enough that the routes A → B
    // and B → A, bent to opposite sides, do not cover each other.
    static final double BEND = 0.2;

    private static final char FIRST_STRONG_ISOLATE = '\u2068';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private final WorldMap world;

    JourneysMap(WorldMap world) {
        this.world = world;
    }

    String render(JourneyFlows flows, Locale reader, JourneysMapText text) {
        StringBuilder svg = new StringBuilder(32_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journeys-map\" viewBox=\"0 0 ")
                .append(world.width())
                .append(' ')
                .append(world.height())
                .append("\" role=\"img\" aria-labelledby=\"" + TITLE_ID + ' ' + DESCRIPTION_ID + "\" lang=\"")
                .append(escaped(reader.toLanguageTag()))
                .append("\">");
        svg.append("<title id=\"" + TITLE_ID + "\">")
                .append(escaped(text.title()))
                .append("</title><desc id=\"" + DESCRIPTION_ID + "\">")
                .append(escaped(text.description()))
                .append("</desc>");
        svg.append("<defs><marker id=\"" + ARROW_ID + "\" viewBox=\"0 0 6 6\" refX=\"4\" refY=\"3\""
                + " markerWidth=\"2.5\" markerHeight=\"2.5\" orient=\"auto\">"
                + "<path class=\"journeys-arrow\" d=\"M0 0L6 3 0 6z\" fill=\"#a3231b\"/></marker></defs>");
        appendCountries(svg, flows);
        appendRoutes(svg, flows, reader, text.routeCaption());
        return svg.append("</svg>").toString();
    }

    /** Countries on the routes shown stand out; those of the routes merged into "other routes" do not. */
    private void appendCountries(StringBuilder svg, JourneyFlows flows) {
        Set<String> onRoutes = new HashSet<>();
        flows.routes().forEach(route -> {
            onRoutes.add(route.origin());
            onRoutes.add(route.residence());
        });
        svg.append("<g class=\"journeys-countries\" fill=\"#dcdcd6\" stroke=\"#fff\" stroke-width=\".5\">");
        world.shapes().stream()
                .filter(shape -> !onRoutes.contains(shape.code()))
                .forEach(shape -> appendPath(svg, shape.path()));
        svg.append("<g class=\"journeys-countries-on-routes\" fill=\"#b5cbe0\">");
        world.shapes().stream()
                .filter(shape -> onRoutes.contains(shape.code()))
                .forEach(shape -> appendPath(svg, shape.path()));
        svg.append("</g></g>");
    }

    private static void appendPath(StringBuilder svg, String path) {
        svg.append("<path d=\"").append(path).append("\"/>");
    }

    /** The busiest routes first, so that thin routes lie on top and keep their tooltips reachable. */
    private void appendRoutes(
            StringBuilder svg, JourneyFlows flows, Locale reader, JourneysMapText.RouteCaption caption) {
        svg.append("<g class=\"journeys-routes\" fill=\"none\" stroke=\"#a3231b\" stroke-opacity=\".75\""
                + " stroke-linecap=\"round\" marker-end=\"url(#" + ARROW_ID + ")\">");
        int most = flows.mostStoriesOnARoute();
        for (JourneyFlow route : flows.routes()) {
            Optional<WorldMap.Point> from = world.labelPoint(route.origin());
            Optional<WorldMap.Point> to = world.labelPoint(route.residence());
            if (from.isEmpty() || to.isEmpty()) {
                continue; // a territory too small for the map: the table still lists the route
            }
            String title = caption.caption(
                    isolated(Countries.name(route.origin(), reader)),
                    isolated(Countries.name(route.residence(), reader)),
                    route.stories());
            svg.append("<path d=\"")
                    .append(curve(from.get(), to.get()))
                    .append("\" stroke-width=\"")
                    .append(width(route.stories(), most))
                    .append("\"><title>")
                    .append(escaped(title))
                    .append("</title></path>");
        }
        svg.append("</g>");
    }

    /** A quadratic Bézier curve bent to the left of the direction of travel. */
    static String curve(WorldMap.Point from, WorldMap.Point to) {
        int dx = to.x() - from.x();
        int dy = to.y() - from.y();
        long controlX = Math.round((from.x() + to.x()) / 2.0 + BEND * dy);
        long controlY = Math.round((from.y() + to.y()) / 2.0 - BEND * dx);
        return "M" + from.x() + " " + from.y() + "Q" + controlX + " " + controlY + " " + to.x() + " " + to.y();
    }

    /** Width grows with the square root of the stories, so a route with four times the stories looks twice as wide. */
    static String width(int stories, int most) {
        double width = THINNEST + (THICKEST - THINNEST) * Math.sqrt((double) stories / Math.max(1, most));
        return String.format(Locale.ROOT, "%.1f", width);
    }

    /**
     * A country name set apart from the text around it, so that an Arabic name in an English sentence, or a Latin
     * one in an Arabic sentence, does not carry the neighbouring arrow or number to its side.
     */
    static String isolated(String name) {
        return FIRST_STRONG_ISOLATE + name + POP_DIRECTIONAL_ISOLATE;
    }

    /** Text fit for XML element content and attribute values; characters XML 1.0 cannot hold are left out. */
    static String escaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || allowedInXml(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean allowedInXml(int c) {
        return c >= 0x20 && !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFE && c != 0xFFFF;
    }
}
