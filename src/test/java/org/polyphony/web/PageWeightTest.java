package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A first visit, the page and every asset it references, fits in 60 KB as transferred (gzip), for readers on
 * prepaid data. Bytes are counted as they cross the wire, so this holds whatever the machine's speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageWeightTest {

    static final int BUDGET = 60 * 1024;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "/, en",
        "/, ar",
        "/, zh",
        "/signup, fr",
        "/editions/athens-2009, ru",
        "/editions/athens-2009/sessions/2.1, es"
    })
    void aFirstVisitFitsTheBudget(String path, String language) throws Exception {
        HttpResponse<byte[]> page = fetch(path, language);
        Document document = Jsoup.parse(new String(ungzip(page), java.nio.charset.StandardCharsets.UTF_8));
        Set<String> assets = new LinkedHashSet<>();
        document.select("link[href]").forEach(e -> assets.add(e.attr("href")));
        document.select("[src]").forEach(e -> assets.add(e.attr("src")));

        long total = page.body().length;
        for (String asset : assets) {
            assertThat(asset).as("no third-party host").startsWith("/").doesNotStartWith("//");
            HttpResponse<byte[]> response = fetch(asset, language);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            total += response.body().length;
        }

        System.out.printf(
                "page weight %s (%s): %d bytes transferred, %d assets%n", path, language, total, assets.size());
        assertThat(total).isLessThanOrEqualTo(BUDGET);
        assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The demo conversation's voting page and results (with the SVG map) count like any other first visit. */
    @ParameterizedTest(name = "conversation {0} in {1}")
    @CsvSource({", en", "/results, en", "/results, ar", "/mine, zh"})
    void conversationPagesFitTheBudget(String page, String language) throws Exception {
        long id = jdbc.sql(
                        "SELECT min(id) FROM opinions_conversation WHERE question LIKE 'Reintegration and circular%'")
                .query(Long.class)
                .single();
        aFirstVisitFitsTheBudget("/conversations/" + id + (page == null ? "" : page), language);
    }

    /** Sharing experiences: the list with its filters, the map of journeys, a story. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "/editions/athens-2009/stories, en",
        "/editions/athens-2009/stories, ar",
        "/editions/athens-2009/stories/journeys, zh",
        "/editions/athens-2009/stories/journeys, en"
    })
    void storyPagesFitTheBudget(String path, String language) throws Exception {
        aFirstVisitFitsTheBudget(path, language);
    }

    /** The directory (with its country and language lists) and a demo organisation's page. */
    @ParameterizedTest(name = "people {0} in {1}")
    @CsvSource({
        "/people/directory, en",
        "/people/directory, ar",
        "/people/directory?type=MIGRANT_ASSOCIATION&theme=remittances-investment&region=western-africa, fr",
        "/people/directory?kind=people, zh",
        "organisation, ru",
        "organisation, ar"
    })
    void peoplePagesFitTheBudget(String path, String language) throws Exception {
        if (path.equals("organisation")) {
            path = "/organisations/"
                    + jdbc.sql("SELECT min(id) FROM people_organisation WHERE name LIKE 'Association des Sénégalais%'")
                            .query(Long.class)
                            .single();
        }
        aFirstVisitFitsTheBudget(path, language);
    }

    private HttpResponse<byte[]> fetch(String path, String language) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept-Encoding", "gzip")
                        .header("Accept-Language", language)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] ungzip(HttpResponse<byte[]> response) throws Exception {
        if (!response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            return response.body();
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        }
    }
}
