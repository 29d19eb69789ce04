package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymous readers share copies of thread pages for up to a minute; every change to a thread is announced by the
 * database and drops them, so a reader signed out sees a new reply, an edit or a hidden post at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "polyphony.anonymous-page-cache=PT60S")
class AnonymousPageCacheTest {

    static final String PASSWORD = "copies that stay fresh";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changesReachAnonymousReadersDespiteTheirSharedCopy() {
        HttpVisitor author = HttpVisitor.signedUp(
                port, "Cached " + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        String thread = author.startThread(
                "/editions/athens-2009/sessions/2.1/threads", "Fresh copies", "The first words of the thread.");
        HttpVisitor anonymous = new HttpVisitor(port);
        assertThat(anonymous.get(thread).body()).contains("The first words");

        author.post(
                thread + "/posts",
                "body",
                "A reply written later.",
                "idempotencyKey",
                UUID.randomUUID().toString());
        eventually(anonymous, thread, "A reply written later.");

        long reply = jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 2")
                .param("t", Long.parseLong(thread.replaceAll("\\D", "")))
                .query(Long.class)
                .single();
        author.get("/posts/" + reply + "/edit");
        author.post("/posts/" + reply + "/edit", "body", "A reply, corrected.");
        eventually(anonymous, thread, "A reply, corrected.");

        String newName = "Renamed " + UUID.randomUUID().toString().substring(0, 8);
        author.get("/account");
        author.post("/account/profile", "displayName", newName, "uiLanguage", "en");
        eventually(anonymous, thread, newName);

        jdbc.sql("UPDATE dialogue_post SET hidden_at = now() WHERE id = :id")
                .param("id", reply)
                .update();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (anonymous.get(thread).body().contains("A reply, corrected.")) {
            assertThat(Instant.now()).as("hidden post still shown").isBefore(deadline);
            pause();
        }
    }

    @Test
    void theSharedCopyIsSentGzippedToBrowsersThatAcceptIt() throws Exception {
        HttpVisitor author = HttpVisitor.signedUp(
                port, "Zipped " + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        String thread = author.startThread(
                "/editions/athens-2009/sessions/2.1/threads", "Compressed copies", "Words worth compressing.");
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + thread))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Words worth compressing.")
                    .doesNotContain("_csrf");
        }
        assertThat(new HttpVisitor(port).get("/threads/999999999").status()).isEqualTo(404);
    }

    private static void eventually(HttpVisitor reader, String path, String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!reader.get(path).body().contains(text)) {
            assertThat(Instant.now()).as("not shown: " + text).isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
