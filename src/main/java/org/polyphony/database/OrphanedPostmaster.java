package org.polyphony.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after a Polyphony process that died without stopping its PostgreSQL (for example {@code kill -9}).
 *
 * <p>PostgreSQL runs as a daemon, so it outlives a killed JVM. Only call this while holding the
 * {@link DataDirectoryLock}: then no live Polyphony owns the cluster and whatever runs on it is an orphan.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path clusterDirectory) {
        Path pidFile = clusterDirectory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(OrphanedPostmaster::isPostgres);
        if (process.isPresent()) {
            log.warn("Stopping a PostgreSQL (pid {}) left running by a Polyphony that did not shut down", pid.get());
            stop(process.get());
        } else {
            // The pid belongs to no process, or to an unrelated one after pid reuse: PostgreSQL would
            // refuse to start over a file naming a live foreign process, so remove it.
            log.info("Removing stale {}", pidFile);
        }
        deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                    .findFirst()
                    .orElse("")
                    .trim();
            return Optional.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    private static void stop(ProcessHandle postmaster) {
        // SIGTERM is PostgreSQL's "smart" shutdown: the dead JVM's connections are already gone, so it exits
        // promptly after a checkpoint.
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "PostgreSQL pid {} did not stop in {}; killing it (WAL recovery follows)",
                    postmaster.pid(),
                    SHUTDOWN_WAIT);
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
