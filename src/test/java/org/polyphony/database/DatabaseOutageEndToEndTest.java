package org.polyphony.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.polyphony.PolyphonyApplication;
import org.polyphony.TestDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * The whole application on its own embedded PostgreSQL (the suite's shared server must stay up for everyone else, so
 * this is the one test that starts its own application): {@code kill -9} of the postmaster, then what a browser, an
 * API client and an orchestrator's probes see until the supervisor has brought the database back.
 */
class DatabaseOutageEndToEndTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whileTheDatabaseIsAwayRequestsFailFastWith503AndEverythingComesBack() throws Exception {
        Path dataDirectory = Path.of("target", "test-data", "outage-" + System.nanoTime());
        long shutdownMillis;
        // a crash the platform recovers from is not an error: nothing may log one meanwhile
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        try (ConfigurableApplicationContext app = SpringApplication.run(
                PolyphonyApplication.class,
                "--polyphony.test.shared-database=false",
                "--polyphony.data-dir=" + dataDirectory,
                "--polyphony.binaries-dir=" + TestDatabase.binaries(),
                "--polyphony.demo-content.enabled=false",
                "--server.port=0")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/").statusCode()).isEqualTo(200);
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            EmbeddedPostgresServer server = app.getBean(EmbeddedPostgresServer.class);
            DatabaseAvailability availability = app.getBean(DatabaseAvailability.class);

            long killedAt = System.nanoTime();
            ProcessHandle.of(server.postmasterPid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(10)).until(() -> !availability.isAvailable());
            // a background task that needs the database while it is away, as the digest or the overdue check would
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            app.getBean(TaskScheduler.class)
                    .schedule(() -> jdbc.sql("SELECT 1").query(Integer.class).single(), Instant.now());

            List<HttpResponse<String>> whileAway = new CopyOnWriteArrayList<>();
            List<Integer> readiness = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        HttpResponse<String> page = get(base + "/");
                        if (page.statusCode() == 200) {
                            return true;
                        }
                        whileAway.add(page);
                        readiness.add(get(base + "/actuator/health/readiness").statusCode());
                        return false;
                    });
            long recoveredMillis = (System.nanoTime() - killedAt) / 1_000_000;

            assertThat(whileAway).isNotEmpty().allSatisfy(page -> {
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(page.body()).contains("<h1>").doesNotContain("Exception");
            });
            assertThat(readiness)
                    .as("readiness is DOWN while the database is away")
                    .contains(503);
            assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            System.out.printf(
                    "[DatabaseOutageEndToEndTest] kill -9 of the postmaster to the first page served again: %d ms;"
                            + " %d requests answered 503 meanwhile%n",
                    recoveredMillis, whileAway.size());
            shutdownMillis = System.nanoTime();
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .isEmpty();
        System.out.printf(
                "[DatabaseOutageEndToEndTest] shutdown after the recovery: %d ms%n",
                (System.nanoTime() - shutdownMillis) / 1_000_000);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", url.contains("/actuator/") ? "application/json" : "text/html")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
