package org.polyphony.consultation;

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

/**
 * A first visit to the demo consultation's pages, the page and every asset it references (the stylesheet, the
 * optional script), fits in 60 KB as transferred (gzip). Prints each page's weight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationPageWeightTest {

    static final int BUDGET = 60 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "'', en",
        "'', ar",
        "?version=1, es",
        "/paragraphs/draft?version=1, fr",
        "/compare?from=1&to=2, zh",
        "/rounds/1/responses, ru",
        "LIST, pt"
    })
    void aFirstVisitFitsTheBudget(String suffix, String language) throws Exception {
        long demo = jdbc.sql("SELECT min(id) FROM consultation_consultation WHERE title = :t")
                .param("t", DemoConsultation.TITLE)
                .query(Long.class)
                .single();
        String path = "LIST".equals(suffix) ? "/editions/gfmd-2012/consultations" : "/consultations/" + demo + suffix;
        HttpResponse<byte[]> page = fetch(path, language);
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
                "page weight %s (%s): %d bytes transferred, %d assets%n", path, language, total, assets.size());
        assertThat(total).isLessThanOrEqualTo(BUDGET);
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
