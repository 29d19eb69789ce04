package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.PolyphonyApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A reply posted through one application node reaches a reader connected to another node, through PostgreSQL
 * LISTEN/NOTIFY and server-sent events; both nodes share the test database as two production nodes would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveUpdatesTest {

    static final String PASSWORD = "live and direct";
    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    LiveThreads thisNode;

    @BeforeAll
    static void startSecondNode() {
        secondNode = SpringApplication.run(PolyphonyApplication.class, "--server.port=0");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aReplyOnOneNodeReachesAReaderOnAnother() throws Exception {
        HttpVisitor author = signedUp(port, "Reader on node one");
        String thread = startThread(author);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + thread + "/live"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        waitUntilConnected(thread);

        int otherPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
        HttpVisitor replier = signedUp(otherPort, "Writer on node two");
        replier.get(thread);
        var reply = replier.post(
                thread + "/posts",
                "body",
                "Greetings from the other node",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(reply.redirect()).contains("#post-2");

        String data = firstData(lines);
        assertThat(data).as("a post event within the wait").isNotNull();
        String fragment = author.get("/posts/" + data + "/fragment").body();
        assertThat(fragment).contains("Greetings from the other node").contains("id=\"post-2\"");
        stream.cancel(true);
    }

    @Test
    void aReconnectingReaderGetsWhatItMissed() throws Exception {
        HttpVisitor author = signedUp(port, "Reconnecting");
        String thread = startThread(author);
        String firstPost = author.get(thread)
                .document()
                .select("#post-1 a[href*=replyTo]")
                .attr("href")
                .replaceAll(".*replyTo=(\\d+).*", "$1");
        author.post(
                thread + "/posts",
                "body",
                "Missed while away",
                "idempotencyKey",
                UUID.randomUUID().toString());

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + thread + "/live"))
                                .header("Last-Event-ID", firstPost)
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));

        String data = firstData(lines);
        assertThat(data).isNotNull().isNotEqualTo(firstPost);
        stream.cancel(true);
    }

    @Test
    void aPostWrittenWhileThePageLoadedIsNotMissed() throws Exception {
        HttpVisitor author = signedUp(port, "Loading");
        String thread = startThread(author);
        String live = author.get(thread).document().select("ol.posts").attr("data-live");
        assertThat(live).contains("?after=");
        author.post(
                thread + "/posts",
                "body",
                "Written meanwhile",
                "idempotencyKey",
                UUID.randomUUID().toString());

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + live))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));

        String data = firstData(lines);
        assertThat(data).isNotNull();
        assertThat(author.get("/posts/" + data + "/fragment").body()).contains("Written meanwhile");
        stream.cancel(true);
    }

    /** The data of the first event the stream delivers within 20 s of quiet, or null. */
    private static String firstData(BlockingQueue<String> lines) throws InterruptedException {
        for (String line = lines.poll(20, TimeUnit.SECONDS); line != null; line = lines.poll(20, TimeUnit.SECONDS)) {
            if (line.startsWith("data:")) {
                return line.substring(5).strip();
            }
        }
        return null;
    }

    /** The stream is open once this node counts the reader; only then is the reply written. */
    private void waitUntilConnected(String thread) throws InterruptedException {
        ThreadId id = new ThreadId(Long.parseLong(thread.replace("/threads/", "")));
        for (int i = 0; i < 100 && thisNode.readersOf(id) == 0; i++) {
            Thread.sleep(50);
        }
    }

    private static String startThread(HttpVisitor author) {
        String threads = "/editions/athens-2009/sessions/3.2/threads";
        author.get(threads);
        var started = author.post(
                threads,
                "title",
                "Live " + UUID.randomUUID(),
                "body",
                "Opening",
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(started.redirect()).startsWith("/threads/");
        return started.redirect();
    }

    private static HttpVisitor signedUp(int port, String prefix) {
        return HttpVisitor.signedUp(
                port, prefix + " " + UUID.randomUUID().toString().substring(0, 6), PASSWORD);
    }
}
