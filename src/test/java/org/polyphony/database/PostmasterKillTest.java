package org.polyphony.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.TestDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

/**
 * {@code kill -9} of the embedded postmaster while writers commit rows as fast as they can: the supervisor starts
 * PostgreSQL again, writes fail fast while it is away, and every write that was acknowledged is there afterwards.
 * Uses its own small server (not the suite's shared one, which other tests need alive) and no Spring context.
 */
class PostmasterKillTest {

    private static final int WRITERS = 4;

    private EmbeddedPostgresServer server;
    private HikariDataSource pool;
    private DatabaseAvailability availability;
    private EmbeddedPostgresSupervisor supervisor;
    private final List<AvailabilityState> states = new CopyOnWriteArrayList<>();
    /** Everything logged while the test runs: a crash the platform recovers from is not an error. */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void start() throws SQLException {
        logged.start();
        rootLogger().addAppender(logged);
        Path directory =
                Path.of("target", "test-data", "kill-" + System.nanoTime()).toAbsolutePath();
        server = EmbeddedPostgresServer.start(directory, TestDatabase.binaries());
        pool = EmbeddedDatabaseConfiguration.pool(server);
        availability = new DatabaseAvailability(pool, event -> {
            if (event instanceof AvailabilityChangeEvent<?> change) {
                states.add(change.getState());
            }
        });
        availability.startWatching();
        supervisor = new EmbeddedPostgresSupervisor(server, availability, EmbeddedPostgresSupervisor.BACK_OFF).start();
        try (Connection connection = pool.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
        }
    }

    @AfterEach
    void stop() {
        long began = System.nanoTime();
        supervisor.close();
        availability.close();
        pool.close();
        server.close();
        rootLogger().detachAppender(logged);
        System.out.printf("[PostmasterKillTest] shutdown after the recovery took %d ms%n", millisSince(began));
    }

    @Test
    void killedPostmasterIsRestartedAndNoAcknowledgedWriteIsLost() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger refusedAtOnce = new AtomicInteger();
        AtomicLong firstWriteAfterKill = new AtomicLong();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                for (int n = 0; writing.get(); n++) {
                    if (!availability.isAvailable()) {
                        // what DatabaseGate does for a request: answer at once instead of waiting for a connection
                        refusedAtOnce.incrementAndGet();
                        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                        continue;
                    }
                    String id = writer + "-" + n;
                    try {
                        insert(id);
                        acknowledged.add(id);
                        // the first write served by the restarted server (a backend may still commit a moment
                        // after its postmaster died: such writes are acknowledged, durable, and checked below)
                        if (supervisor.restarts() > 0) {
                            firstWriteAfterKill.compareAndSet(0, System.nanoTime());
                        }
                    } catch (SQLException e) {
                        failed.incrementAndGet();
                        availability.connectionFailed(e);
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);

        long postmaster = server.postmasterPid();
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        killedAt.set(System.nanoTime());

        await().atMost(Duration.ofSeconds(60)).until(() -> !server.isRunning() || supervisor.restarts() > 0);
        await().atMost(Duration.ofSeconds(120)).until(() -> firstWriteAfterKill.get() != 0);
        int atRecovery = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= atRecovery + 200);
        writing.set(false);
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(server.postmasterPid()).isNotEqualTo(postmaster);
        assertThat(supervisor.restarts()).isEqualTo(1);
        assertThat(states).containsSubsequence(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(states).doesNotContain(LivenessState.BROKEN);
        Set<String> stored = storedIds();
        assertThat(stored).containsAll(acknowledged);
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .isEmpty();
        System.out.printf(
                "[PostmasterKillTest] recovery: %d ms from kill -9 to the first acknowledged write;"
                        + " outage as DatabaseAvailability saw it: %d ms; %d writes acknowledged (all kept),"
                        + " %d failed in flight, %d refused at once while the database was away%n",
                (firstWriteAfterKill.get() - killedAt.get()) / 1_000_000,
                availability.lastOutage().toMillis(),
                acknowledged.size(),
                failed.get(),
                refusedAtOnce.get());
    }

    private void insert(String id) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO acknowledged (id, body) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "a reply that was acknowledged " + id);
            insert.executeUpdate();
        }
    }

    private Set<String> storedIds() throws SQLException {
        try (Connection connection = pool.getConnection();
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM acknowledged")) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
