package org.polyphony.experiences;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.polyphony.languages.UiLanguage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JourneysMapTest {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final JourneysMapText ENGLISH = new JourneysMapText(
            "Journeys", "Where the authors of stories came from and where they live", JourneysMapTest::caption);

    /** Twenty routes of five stories or more and three smaller ones, along well-known corridors. */
    static final List<JourneyFlow> TWENTY_ROUTES = List.of(
            new JourneyFlow("MX", "US", 60),
            new JourneyFlow("PH", "SA", 41),
            new JourneyFlow("IN", "AE", 38),
            new JourneyFlow("BD", "SA", 25),
            new JourneyFlow("MA", "ES", 22),
            new JourneyFlow("TR", "DE", 20),
            new JourneyFlow("PH", "AE", 18),
            new JourneyFlow("EG", "SA", 16),
            new JourneyFlow("VE", "CO", 15),
            new JourneyFlow("DZ", "FR", 14),
            new JourneyFlow("SN", "FR", 12),
            new JourneyFlow("NP", "QA", 11),
            new JourneyFlow("RO", "IT", 10),
            new JourneyFlow("UA", "PL", 9),
            new JourneyFlow("ID", "MY", 9),
            new JourneyFlow("GT", "US", 8),
            new JourneyFlow("EC", "ES", 7),
            new JourneyFlow("BO", "AR", 6),
            new JourneyFlow("ET", "LB", 5),
            new JourneyFlow("LK", "KW", 5),
            new JourneyFlow("SV", "US", 4),
            new JourneyFlow("ML", "FR", 3),
            new JourneyFlow("TJ", "RU", 1));

    private final JourneysMap map = new JourneysMap(WorldMap.fromResource());

    @Test
    void isWellFormedAndLabelledForAssistiveTechnology() throws Exception {
        Document svg = parse(map.render(JourneyFlows.aggregate(TWENTY_ROUTES), Locale.ENGLISH, ENGLISH));

        Element root = svg.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby").split(" "))
                .containsExactly(JourneysMap.TITLE_ID, JourneysMap.DESCRIPTION_ID);
        assertThat(byId(svg, JourneysMap.TITLE_ID).getLocalName()).isEqualTo("title");
        assertThat(byId(svg, JourneysMap.TITLE_ID).getTextContent()).isEqualTo("Journeys");
        assertThat(byId(svg, JourneysMap.DESCRIPTION_ID).getLocalName()).isEqualTo("desc");
        assertThat(root.getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void drawsTheRoutesWithEnoughStoriesAndNoOthers() throws Exception {
        Document svg = parse(map.render(JourneyFlows.aggregate(TWENTY_ROUTES), Locale.ENGLISH, ENGLISH));

        List<String> drawn = routeTitles(svg);
        assertThat(drawn).hasSize(20);
        assertThat(drawn).contains(caption("Mexico", "United States", 60), caption("Ethiopia", "Lebanon", 5));
        assertThat(String.join("\n", drawn)).doesNotContain("El Salvador", "Mali", "Tajikistan");
    }

    @Test
    void widensRoutesWithTheirStories() throws Exception {
        Document svg = parse(map.render(JourneyFlows.aggregate(TWENTY_ROUTES), Locale.ENGLISH, ENGLISH));

        List<Element> routes = routes(svg);
        assertThat(routes.getFirst().getAttribute("stroke-width")).isEqualTo("8.0");
        assertThat(routes.getLast().getAttribute("stroke-width")).isEqualTo("3.4"); // 1.5 + 6.5 × √(5/60)
        assertThat(JourneysMap.width(15, 60)).isEqualTo("4.8"); // a quarter of the stories: half the extra width
    }

    @Test
    void bendsARouteAndItsReturnToOppositeSides() {
        WorldMap.Point tunis = new WorldMap.Point(520, 150);
        WorldMap.Point rome = new WorldMap.Point(530, 120);

        assertThat(JourneysMap.curve(tunis, rome)).isEqualTo("M520 150Q519 133 530 120");
        assertThat(JourneysMap.curve(rome, tunis)).isEqualTo("M530 120Q531 137 520 150");
    }

    @Test
    void leavesOutRoutesToPlacesTooSmallForTheMap() throws Exception {
        JourneyFlows flows =
                JourneyFlows.aggregate(List.of(new JourneyFlow("KM", "RE", 6), new JourneyFlow("KM", "FR", 5)));

        Document svg = parse(map.render(flows, Locale.ENGLISH, ENGLISH));

        assertThat(routeTitles(svg)).containsExactly(caption("Comoros", "France", 5));
    }

    @Test
    void highlightsOnlyTheCountriesOfRoutesShown() throws Exception {
        JourneyFlows flows =
                JourneyFlows.aggregate(List.of(new JourneyFlow("MX", "US", 5), new JourneyFlow("ML", "FR", 4)));

        Document svg = parse(map.render(flows, Locale.ENGLISH, ENGLISH));

        Element highlighted = byClass(svg, "journeys-countries-on-routes");
        assertThat(highlighted.getElementsByTagNameNS(SVG, "path").getLength()).isEqualTo(2);
    }

    @Test
    void escapesTheWordsItIsGiven() throws Exception {
        String hostile = "<script>alert(\"x\")</script> & 'more' \u0007";
        JourneysMapText text = new JourneysMapText(hostile, hostile, (from, to, stories) -> hostile);

        String rendered = map.render(JourneyFlows.aggregate(TWENTY_ROUTES), Locale.ENGLISH, text);
        Document svg = parse(rendered);

        assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(byId(svg, JourneysMap.TITLE_ID).getTextContent())
                .isEqualTo("<script>alert(\"x\")</script> & 'more' ");
        assertThat(routeTitles(svg)).allMatch(title -> title.startsWith("<script>"));
    }

    @Test
    void refersToNothingOutsideItselfAndRunsNoScript() {
        String rendered = map.render(JourneyFlows.aggregate(TWENTY_ROUTES), Locale.ENGLISH, ENGLISH);

        assertThat(rendered.replace("xmlns=\"" + SVG + "\"", ""))
                .doesNotContain("http", "href", "<script", "<style", "style=", "@import")
                .doesNotContainPattern("url\\((?!#)")
                .doesNotContainPattern(" on[a-z]+=");
    }

    @Test
    void keepsArabicNamesApartFromArrowsAndNumbers() throws Exception {
        JourneysMapText arabic = new JourneysMapText(
                "رحلات",
                "من أين جاء كتّاب القصص وأين يعيشون",
                (from, to, stories) -> from + " ← " + to + ": " + stories);

        Document svg = parse(map.render(JourneyFlows.aggregate(TWENTY_ROUTES), UiLanguage.AR.locale(), arabic));

        assertThat(svg.getDocumentElement().getAttribute("lang")).isEqualTo("ar");
        // Each name is a directional isolate: the bidirectional algorithm orders it as one neutral unit, so the
        // number after it stays after it, whatever the direction of the name and of the sentence.
        assertThat(isolatedRouteTitles(svg)).contains("\u2068المكسيك\u2069 ← \u2068الولايات المتحدة\u2069: 60");
        assertThat(isolatedRouteTitles(svg)).allSatisfy(title -> assertThat(title)
                .matches("\u2068[^\u2068\u2069]+\u2069 ← \u2068[^\u2068\u2069]+\u2069: \\d+"));
    }

    @Test
    void anEmptyMapIsStillAMap() throws Exception {
        Document svg = parse(map.render(JourneyFlows.aggregate(List.of()), Locale.ENGLISH, ENGLISH));

        assertThat(routes(svg)).isEmpty();
        assertThat(byClass(svg, "journeys-countries")
                        .getElementsByTagNameNS(SVG, "path")
                        .getLength())
                .isGreaterThan(170);
    }

    /** Prints the size a first visit pays for the map, and keeps it well inside the 60 KB page budget. */
    @Test
    void weighsLittleCompressed() throws IOException {
        String rendered = map.render(JourneyFlows.aggregate(TWENTY_ROUTES), Locale.ENGLISH, ENGLISH);
        byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
        int compressed = gzipped(bytes);

        System.out.printf("journeys map with 20 routes: %,d bytes, %,d gzipped%n", bytes.length, compressed);
        Path sample = Path.of("target", "journeys-map-sample.svg");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, rendered);
        assertThat(compressed).isLessThan(20_000);
    }

    static String caption(String origin, String residence, int stories) {
        return strip(origin) + " → " + strip(residence) + ": " + stories + " stories";
    }

    private static String strip(String isolated) {
        return isolated.replace("\u2068", "").replace("\u2069", "");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> routes(Document svg) {
        NodeList paths = byClass(svg, "journeys-routes").getElementsByTagNameNS(SVG, "path");
        List<Element> routes = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            routes.add((Element) paths.item(i));
        }
        return routes;
    }

    private static List<String> routeTitles(Document svg) {
        return isolatedRouteTitles(svg).stream().map(JourneysMapTest::strip).toList();
    }

    private static List<String> isolatedRouteTitles(Document svg) {
        return routes(svg).stream()
                .map(route -> route.getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .toList();
    }

    private static Element byId(Document svg, String id) {
        return elements(svg).stream()
                .filter(element -> id.equals(element.getAttribute("id")))
                .findFirst()
                .orElseThrow();
    }

    private static Element byClass(Document svg, String className) {
        return elements(svg).stream()
                .filter(element -> className.equals(element.getAttribute("class")))
                .findFirst()
                .orElseThrow();
    }

    private static List<Element> elements(Document svg) {
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            elements.add((Element) all.item(i));
        }
        return elements;
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
