package org.polyphony.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The volunteer pages on a first visit, page and assets as transferred (gzip), within the 60 KB budget: the queue,
 * the volunteer's choices, the translation form, the thanks page, in English and Arabic, signed in as a volunteer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerPageWeightTest {

    static final int BUDGET = 60 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "/translation/queue, en",
        "/translation/queue, ar",
        "/translation/volunteer, ar",
        "/translation/volunteers, en",
        "form, ar",
        "form, en"
    })
    void aFirstVisitFitsTheBudget(String path, String language) throws Exception {
        String name = "Weighed " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor volunteer = HttpVisitor.signedUp(port, name, "weighing the volunteer pages");
        volunteer.get("/account");
        volunteer.post(
                "/account/profile",
                "displayName",
                name,
                "uiLanguage",
                language,
                "readLanguages",
                "en",
                "readLanguages",
                "ar");
        volunteer.get("/translation/volunteer");
        volunteer.post("/translation/volunteer", "pair", "en-ar");
        if (path.equals("form")) {
            String thread = volunteer.startThread(
                    "/editions/athens-2009/sessions/1.2/threads",
                    "Weighing the form " + UUID.randomUUID(),
                    "Translations by people reach readers no engine on this server reaches.");
            long post = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                    .param("t", Long.parseLong(thread.substring("/threads/".length())))
                    .query(Long.class)
                    .single();
            path = "/translation/texts/post/" + post + "/ar";
        }
        String cookies = volunteer.cookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));

        HttpResponse<byte[]> page = fetch(path, language, cookies);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        Document document = Jsoup.parse(new String(ungzip(page), java.nio.charset.StandardCharsets.UTF_8));
        Set<String> assets = new LinkedHashSet<>();
        document.select("link[href]").forEach(e -> assets.add(e.attr("href")));
        document.select("[src]").forEach(e -> assets.add(e.attr("src")));
        long total = page.body().length;
        for (String asset : assets) {
            assertThat(asset).as("no third-party host").startsWith("/").doesNotStartWith("//");
            HttpResponse<byte[]> response = fetch(asset, language, cookies);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            total += response.body().length;
        }
        System.out.printf(
                "page weight %s (%s): %d bytes transferred, %d assets%n", path, language, total, assets.size());
        assertThat(total).isLessThanOrEqualTo(BUDGET);
    }

    private HttpResponse<byte[]> fetch(String path, String language, String cookies) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept-Encoding", "gzip")
                        .header("Accept-Language", language)
                        .header("Cookie", cookies)
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
