package org.polyphony.followup;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A first visit of the follow-up pages, page and assets as transferred (gzip), fits in 60 KB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowupPageWeightTest {

    static final int BUDGET = 60 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "/followup, en",
        "/followup, ar",
        "/editions/gfmd-2012/followup, en",
        "/editions/gfmd-2012/followup, zh",
        "/editions/gfmd-2012/followup/report-card, fr",
        "recommendation, ar",
        "commitment, ru",
        "indicator, es",
        "indicator, ar"
    })
    void aFirstVisitFitsTheBudget(String path, String language) throws Exception {
        String address =
                switch (path) {
                    case "recommendation" ->
                        "/followup/recommendations/" + first("SELECT min(id) FROM followup_recommendation");
                    case "commitment" -> "/followup/commitments/" + first("SELECT min(id) FROM followup_commitment");
                    case "indicator" -> "/followup/indicators/" + first("SELECT min(id) FROM followup_indicator");
                    default -> path;
                };
        HttpResponse<byte[]> page = fetch(address, language);
        assertThat(page.statusCode()).isEqualTo(200);
        Document document = Jsoup.parse(new String(ungzip(page), java.nio.charset.StandardCharsets.UTF_8));
        Set<String> assets = new LinkedHashSet<>();
        document.select("link[href]").forEach(e -> assets.add(e.attr("href")));
        document.select("[src]").forEach(e -> assets.add(e.attr("src")));
        long total = page.body().length;
        for (String asset : assets) {
            assertThat(asset).startsWith("/").doesNotStartWith("//");
            HttpResponse<byte[]> response = fetch(asset, language);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            total += response.body().length;
        }
        System.out.printf(
                "page weight %s (%s): %d bytes transferred, %d assets%n", address, language, total, assets.size());
        assertThat(total).isLessThanOrEqualTo(BUDGET);
    }

    /** The organisers' pages that turn a consultation's outcome or a report's key points into recommendations. */
    @ParameterizedTest(name = "{0} in {1}")
    // the organiser signed up in English: the account’s language, not Accept-Language, chooses the page’s
    @CsvSource({"sources, en", "report, en"})
    void anOrganisersFirstVisitOfTheSourcesFitsTheBudget(String which, String language) throws Exception {
        org.polyphony.HttpVisitor organiser = org.polyphony.HttpVisitor.signedInWithRole(
                port,
                jdbc,
                "Weighing organiser " + java.util.UUID.randomUUID().toString().substring(0, 8),
                "weigh every page",
                "ORGANISER");
        String address = "sources".equals(which)
                ? "/editions/gfmd-2012/followup/sources"
                : jdbc.sql(
                                """
                                SELECT '/editions/' || e.slug || '/followup/sources/report/' || r.id
                                FROM antennas_report r JOIN antennas_hub h ON h.id = r.hub_id
                                JOIN forums_edition e ON e.id = h.edition_id
                                WHERE r.status = 'PUBLISHED' ORDER BY r.id LIMIT 1
                                """)
                        .query(String.class)
                        .single();
        String cookies = String.join(
                "; ",
                organiser.cookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue())
                        .toList());
        HttpResponse<byte[]> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + address))
                        .header("Accept-Encoding", "gzip")
                        .header("Accept-Language", language)
                        .header("Cookie", cookies)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        Document document = Jsoup.parse(new String(ungzip(page), java.nio.charset.StandardCharsets.UTF_8));
        Set<String> assets = new LinkedHashSet<>();
        document.select("link[href]").forEach(e -> assets.add(e.attr("href")));
        document.select("[src]").forEach(e -> assets.add(e.attr("src")));
        long total = page.body().length;
        for (String asset : assets) {
            total += fetch(asset, language).body().length;
        }
        System.out.printf(
                "page weight %s (%s, organiser): %d bytes transferred, %d assets%n",
                address, language, total, assets.size());
        assertThat(total).isLessThanOrEqualTo(BUDGET);
    }

    private long first(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
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
