package org.polyphony.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * {@link DataDirectoryLock}: then no live Polyphony owns the cluster, and a postmaster that its pid file shows
 * serving this very cluster is an orphan.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = postmasterOf(cluster);
        if (orphan.isPresent()) {
            log.warn(
                    "Stopping a PostgreSQL (pid {}) left running by a Polyphony that did not shut down",
                    orphan.get().pid());
            stop(orphan.get());
        } else if (Files.exists(pidFile)) {
            // The pid belongs to no process, or to an unrelated one after pid reuse: PostgreSQL would
            // refuse to start over a file naming a live foreign process, so remove it.
            log.info("Removing stale {}", pidFile);
        }
        deleteIfExists(pidFile);
    }

    /** Waits until no postmaster serves {@code cluster} any more. */
    static void awaitExit(Path cluster, Duration wait) {
        postmasterOf(cluster).ifPresent(process -> {
            try {
                process.onExit().get(wait.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                log.warn("PostgreSQL pid {} still runs {} after the stop request", process.pid(), wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The live postmaster serving {@code cluster}, if any: the pid in its pid file, still alive, still a
     * {@code postgres} process, and started before the pid file was last written (a process that merely reuses
     * the pid started later).
     */
    private static Optional<ProcessHandle> postmasterOf(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.size() < 2 || !samePath(lines.get(1).trim(), cluster)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.getFirst().trim());
            var written = Files.getLastModifiedTime(pidFile).toInstant();
            return ProcessHandle.of(pid)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .filter(p -> p.info()
                            .startInstant()
                            .map(s -> !s.isAfter(written.plusSeconds(5)))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean samePath(String written, Path cluster) {
        try {
            return Path.of(written)
                            .toAbsolutePath()
                            .normalize()
                            .equals(cluster.toAbsolutePath().normalize())
                    || Files.isSameFile(Path.of(written), cluster);
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned PostgreSQL", e);
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
