package org.polyphony.antennas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * A first visit to each public page of the antennas (the page and every asset it references, gzip as transferred)
 * fits in 60 KB. The pages are made once, with a hub, a meeting with minutes and a published report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AntennasPageWeightTest {

    static final int BUDGET = 60 * 1024;
    static Map<String, String> pages;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "hubs, en",
        "hubs, ar",
        "hub, en",
        "hub, ar",
        "meeting, fr",
        "meeting, ar",
        "report, es",
        "report, ar",
        "print, en",
        "versions, zh",
        "session, ru"
    })
    void aFirstVisitFitsTheBudget(String which, String language) throws Exception {
        String path = pages().get(which);
        HttpResponse<byte[]> page = fetch(path, language);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
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
                "page weight %s %s (%s): %d bytes transferred, %d assets%n",
                which, path, language, total, assets.size());
        assertThat(total).isLessThanOrEqualTo(BUDGET);
    }

    private synchronized Map<String, String> pages() {
        if (pages != null) {
            return pages;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String password = "weighing the pages";
        HttpVisitor organiser = HttpVisitor.signedInWithRole(port, jdbc, "Weigher " + suffix, password, "ORGANISER");
        organiser.get("/editions/athens-2009/antennas");
        String hub = organiser
                .post(
                        "/editions/athens-2009/antennas",
                        "name",
                        "Weighed hub " + suffix,
                        "language",
                        "en",
                        "description",
                        "A hub whose pages are weighed.")
                .redirect()
                .replace("/manage", "");
        organiser.get(hub + "/manage");
        organiser.post(hub + "/roles", "person", "Weigher " + suffix, "role", "RAPPORTEUR");
        organiser.get(hub + "/meetings/new");
        String meeting = organiser
                .post(
                        hub + "/meetings",
                        "title",
                        "Weighed meeting",
                        "kind",
                        "REGIONAL",
                        "date",
                        LocalDate.now().plusDays(9).toString(),
                        "startTime",
                        "09:00",
                        "endTime",
                        "11:00",
                        "timeZone",
                        "Europe/Athens",
                        "mode",
                        "IN_PERSON",
                        "place",
                        "Athens",
                        "programme",
                        "3.2: Inputs",
                        "language",
                        "en")
                .redirect();
        organiser.get(meeting + "/minutes");
        organiser.post(
                meeting + "/minutes",
                "minutes",
                "We agreed on **three** points.",
                "language",
                "en",
                "outcomes",
                "One\nTwo",
                "byRegion",
                "southern-europe: 11",
                "byGender",
                "woman: 6\nman: 3");
        organiser.get(hub);
        String thread = organiser
                .post(
                        hub + "/threads",
                        "session",
                        "3.2",
                        "title",
                        "Weighed thread",
                        "body",
                        "Fair recruitment in the Mediterranean.",
                        "idempotencyKey",
                        UUID.randomUUID().toString())
                .redirect();
        long post = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", Long.parseLong(thread.substring("/threads/".length())))
                .query(Long.class)
                .single();
        organiser.get(hub + "/reports/new");
        String report = organiser
                .post(hub + "/reports", "title", "Weighed report", "language", "en", "sessions", "3.2")
                .redirect()
                .replace("/edit", "");
        organiser.get(report + "/edit");
        organiser.post(report + "/points", "text", "Fair recruitment matters.");
        long point = jdbc.sql("SELECT id FROM antennas_key_point WHERE report_id = :r")
                .param("r", Long.parseLong(report.substring("/reports/".length())))
                .query(Long.class)
                .single();
        organiser.post(
                report + "/citations",
                "keyPoint",
                String.valueOf(point),
                "kind",
                "POST",
                "source",
                String.valueOf(post));
        organiser.post(
                report + "/citations",
                "keyPoint",
                String.valueOf(point),
                "kind",
                "OUTCOME",
                "source",
                meeting.substring("/meetings/".length()),
                "detail",
                "1");
        organiser.post(report + "/step", "step", "publish");
        organiser.get(report + "/edit");
        organiser.post(report + "/points/" + point, "text", "Fair recruitment matters most.", "note", "Stronger");
        pages = Map.of(
                "hubs",
                "/editions/athens-2009/antennas",
                "hub",
                hub,
                "meeting",
                meeting,
                "report",
                report,
                "print",
                report + "/print",
                "versions",
                report + "/versions",
                "session",
                "/editions/athens-2009/sessions/3.2");
        return pages;
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
