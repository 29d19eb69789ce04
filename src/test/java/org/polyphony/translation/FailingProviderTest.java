package org.polyphony.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A LibreTranslate-compatible service that fails every translation (a small HTTP server in the test): the original
 * stays shown, nothing is lost, the job is retried and then given up, and administrators see it with its error and
 * can retry it. The service runs on this machine (loopback), so its text stays here, but like every LibreTranslate
 * service it works only once an administrator switches it on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailingProviderTest {

    static final String PASSWORD = "translation can fail";
    static final HttpServer SERVICE = brokenService();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry properties) {
        properties.add(
                "polyphony.translation.libretranslate.url",
                () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
        properties.add("polyphony.translation.first-retry", () -> "PT0.05S");
        properties.add("polyphony.translation.provider-rest", () -> "PT0.1S");
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    @Test
    void failedTranslationsKeepTheOriginalAndReachTheAdministrators() {
        HttpVisitor admin = withRoles("Admin", "ADMINISTRATOR");
        Document providers = admin.get("/admin/translation").document();
        assertThat(providers.text()).contains("libretranslate").contains("Stays on this server");
        assertThat(admin.post("/admin/translation/providers/libretranslate", "enabled", "true")
                        .redirect())
                .isEqualTo("/admin/translation");

        HttpVisitor author = withRoles("Writer", "PARTICIPANT");
        String body = "Seasonal workers need contracts they can read in their own language before they travel.";
        String thread = author.startThread(
                "/editions/athens-2009/sessions/1.2/threads", "Contracts " + UUID.randomUUID(), body);
        long postId = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t")
                .param("t", Long.parseLong(thread.replaceAll("\\D", "")))
                .query(Long.class)
                .single();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"FAILED".equals(status(postId))) {
            assertThat(Instant.now()).isBefore(deadline);
            sleep();
        }
        HttpVisitor arabic = withRoles("Qari", "PARTICIPANT");
        arabic.post("/account/profile", "displayName", nameOf(arabic), "uiLanguage", "ar", "readLanguages", "ar");
        Document page = arabic.get(thread).document();
        assertThat(page.select("#post-1 .post-body").text()).isEqualTo(body);
        assertThat(page.select("#post-1 .post-body").attr("lang")).isEqualTo("en");

        Document failed = admin.get("/admin/translation").document();
        assertThat(failed.select("#failed ~ table").text()).contains("500").contains("post " + postId);
        java.time.Instant firstGivenUp = finishedAt(postId);
        // the row of this post's job: other tests' jobs may have failed too, and later
        String retry = failed.select("#failed ~ table tr:has(a[href=/posts/" + postId + "]) form[action$=/retry]")
                .first()
                .attr("action");
        assertThat(admin.post(retry).redirect()).startsWith("/admin/translation");
        // retried for real: the service still fails, so the job is given up again, later
        Instant retried = Instant.now().plus(Duration.ofSeconds(60));
        while (!("FAILED".equals(status(postId)) && !finishedAt(postId).equals(firstGivenUp))) {
            assertThat(Instant.now()).isBefore(retried);
            sleep();
        }
    }

    private java.time.Instant finishedAt(long postId) {
        return jdbc.sql("SELECT coalesce(finished_at, '-infinity') FROM translation_job"
                        + " WHERE kind = 'post' AND content_id = :id AND target = 'ar'")
                .param("id", postId)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private String status(long postId) {
        return jdbc.sql("SELECT status FROM translation_job WHERE kind = 'post' AND content_id = :id AND target = 'ar'")
                .param("id", postId)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    private final java.util.Map<HttpVisitor, String> names = new java.util.HashMap<>();

    private String nameOf(HttpVisitor visitor) {
        return names.get(visitor);
    }

    private HttpVisitor withRoles(String prefix, String role) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor visitor = HttpVisitor.signedInWithRole(port, jdbc, name, PASSWORD, role);
        visitor.get("/account");
        names.put(visitor, name);
        return visitor;
    }

    /** Offers English to Arabic, which Apertium here does not, and answers every translation with an error. */
    private static HttpServer brokenService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(
                    "/languages",
                    exchange -> answer(
                            exchange,
                            200,
                            """
                    [{"code":"en","name":"English","targets":["ar"]},{"code":"ar","name":"Arabic","targets":["en"]}]
                    """));
            server.createContext("/translate", exchange -> answer(exchange, 500, "{\"error\":\"model crashed\"}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
