package org.polyphony.database;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL running for the application that owns it. It watches the postmaster; when it dies
 * (killed, out of memory, a crash) it tells {@link DatabaseAvailability} at once, so requests fail fast, and starts
 * the server again on the same cluster and port, waiting longer after each failed attempt. When every attempt of
 * the back-off has failed the liveness probe turns DOWN, and it keeps trying at the longest interval.
 */
final class EmbeddedPostgresSupervisor implements AutoCloseable {

    /**
     * Waits before each restart attempt. An attempt that fails can take up to half a minute, so the liveness probe
     * turns DOWN some four minutes after the crash when PostgreSQL cannot start at all.
     */
    static final List<Duration> BACK_OFF = List.of(
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30));

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

    private final EmbeddedPostgresServer server;
    private final DatabaseAvailability availability;
    private final List<Duration> backOff;
    private final Thread thread;
    private volatile boolean closed;
    private volatile int restarts;

    EmbeddedPostgresSupervisor(
            EmbeddedPostgresServer server, DatabaseAvailability availability, List<Duration> backOff) {
        this.server = server;
        this.availability = availability;
        this.backOff = List.copyOf(backOff);
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("embedded-postgres-supervisor")
                .unstarted(this::supervise);
    }

    EmbeddedPostgresSupervisor start() {
        thread.start();
        return this;
    }

    /** How many times the server was started again. */
    int restarts() {
        return restarts;
    }

    private void supervise() {
        while (!closed) {
            if (!server.isRunning()) {
                log.warn("The embedded PostgreSQL (pid {}) has stopped; starting it again", server.postmasterPid());
                availability.markDown("the embedded PostgreSQL stopped");
                if (!bringBack()) {
                    return;
                }
            }
            if (!pause(WATCH_INTERVAL)) {
                return;
            }
        }
    }

    /** Restarts with back-off; false only when closed meanwhile. */
    private boolean bringBack() {
        for (int attempt = 0; !closed; attempt++) {
            if (!pause(backOff.get(Math.min(attempt, backOff.size() - 1)))) {
                return false;
            }
            try {
                server.restart();
                restarts++;
                // a direct connection, not the pool's, which may still be backing off after its failures
                try (var connection = server.dataSource().getConnection()) {
                    if (connection.isValid(2)) {
                        availability.markUp();
                    }
                }
                return true;
            } catch (Exception e) {
                if (closed) {
                    return false;
                }
                log.warn("Restart attempt {} of the embedded PostgreSQL failed: {}", attempt + 1, e.toString());
                if (attempt + 1 >= backOff.size()) {
                    availability.cannotRecover();
                }
            }
        }
        return false;
    }

    private boolean pause(Duration duration) {
        if (duration.isZero()) {
            return !closed;
        }
        try {
            Thread.sleep(duration);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops watching first, so that the server's own shutdown is not taken for a crash. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
