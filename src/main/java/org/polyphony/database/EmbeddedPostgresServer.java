package org.polyphony.database;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose cluster lives in {@code <data-dir>/postgres}, started from the binaries that
 * Maven Central ships, for installations that configure no external database.
 *
 * <p>It holds {@link DataDirectoryLock} for its lifetime, so a second instance on the same directory fails
 * early with {@link DataDirectoryInUseException}. When the JVM runs as root, the PostgreSQL processes run in a
 * user namespace ({@code unshare -U}), where they are not root, because PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "polyphony";
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String CLUSTER_DIRECTORY = "postgres";
    private static final String PASSWORD_FILE = "postgres.password";

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    /** Replaying the write-ahead log after a crash takes seconds; an attempt that fails costs this long. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(30);
    /** Where PostgreSQL puts its Unix socket and the socket's lock file (its default). */
    private static final Path SOCKET_DIRECTORY = Path.of("/tmp");

    private final DataDirectoryLock lock;
    private final String password;
    private final Path cluster;
    private final Path binariesDirectory;
    private final Path passwordFile;
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile boolean closed;

    private EmbeddedPostgresServer(
            DataDirectoryLock lock,
            EmbeddedPostgres postgres,
            String password,
            Path cluster,
            Path binariesDirectory,
            Path passwordFile) {
        this.cluster = cluster;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
        this.binariesDirectory = binariesDirectory;
        this.passwordFile = passwordFile;
        this.postmasterPid = readPostmasterPid(cluster);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use and recovering it after a
     * crash, and makes sure the {@value #DATABASE} database exists.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path binariesDirectory) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        try {
            Path cluster = dataDirectory.toAbsolutePath().resolve(CLUSTER_DIRECTORY);
            OrphanedPostmaster.stopIfRunning(cluster);
            String password = passwordOf(dataDirectory);
            Files.createDirectories(binariesDirectory);
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE).toAbsolutePath();
            EmbeddedPostgres postgres = launch(cluster, binariesDirectory, passwordFile, password, 0, STARTUP_WAIT);
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(lock, postgres, password, cluster, binariesDirectory, passwordFile);
            try {
                server.createDatabaseIfMissing();
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), cluster);
            return server;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Starts a postmaster on the cluster; port 0 lets the library choose a free one. */
    private static EmbeddedPostgres launch(
            Path cluster, Path binariesDirectory, Path passwordFile, String password, int port, Duration wait)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDirectory.toFile())
                // initdb options, passed through the builder's only hook for extra initdb arguments
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("locale", "C")
                // the library favours test speed (-F, synchronous_commit=off); an installation must never lose
                // an acknowledged write, even when the server is killed or the power fails
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost")
                .setConnectConfig("password", password)
                // the library waits this long even when the server has already failed to start
                .setPGStartupWait(wait)
                // stopped by close(), after the application has finished its requests, not by a JVM hook
                // running in parallel with the graceful shutdown
                .setRegisterShutdownHook(false);
        if (port > 0) {
            // the application's connection pool keeps the address it was given
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Whether the postmaster still runs. A process killed outright may linger as a zombie until it is reaped, which
     * the operating system still counts as alive, so its state is read too.
     */
    public boolean isRunning() {
        long pid = postmasterPid;
        if (pid <= 0) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** The postmaster's process id, as its pid file gives it; 0 when it cannot be read. */
    public long postmasterPid() {
        return postmasterPid;
    }

    /**
     * Starts PostgreSQL again on the same cluster and port after its postmaster died: PostgreSQL replays its
     * write-ahead log, so every committed transaction is there. Throws when it cannot start (yet).
     */
    synchronized void restart() throws IOException {
        if (closed) {
            throw new IllegalStateException("The embedded PostgreSQL was closed");
        }
        int port = postgres.getPort();
        // backends of the dead postmaster leave on their own; a straggler would keep the shared memory in use
        ProcessHandle.of(postmasterPid).ifPresent(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        // without its pid file the library's stop returns at once instead of waiting for a dead server
        OrphanedPostmaster.stopIfRunning(cluster);
        removeStaleSocketLock(port, postmasterPid);
        // releases the library's own lock on the cluster
        closeDead(postgres);
        postgres = launch(cluster, binariesDirectory, passwordFile, password, port, RESTART_WAIT);
        postmasterPid = readPostmasterPid(cluster);
        log.info("Embedded PostgreSQL restarted on port {}", port);
    }

    /**
     * The socket's lock file names the postmaster that made it; a killed postmaster that lingers as a zombie still
     * counts as alive to the system, so PostgreSQL would refuse to start over the lock of its dead predecessor.
     */
    private static void removeStaleSocketLock(int port, long deadPostmaster) throws IOException {
        Path lock = SOCKET_DIRECTORY.resolve(".s.PGSQL." + port + ".lock");
        if (!Files.exists(lock)) {
            return;
        }
        List<String> lines = Files.readAllLines(lock, StandardCharsets.US_ASCII);
        if (!lines.isEmpty() && lines.getFirst().trim().equals(Long.toString(deadPostmaster))) {
            Files.deleteIfExists(SOCKET_DIRECTORY.resolve(".s.PGSQL." + port));
            Files.deleteIfExists(lock);
        }
    }

    /**
     * Closes the library's handle on a server whose postmaster is gone. The library asks {@code pg_ctl} to stop it
     * first, which fails because nothing is left to stop, and reports that failure at ERROR level with a stack
     * trace; here the failure is the expected case, so the library's logger is silenced for this one call.
     */
    private static void closeDead(EmbeddedPostgres dead) {
        Logger library = LoggerFactory.getLogger(EmbeddedPostgres.class);
        if (!(library instanceof ch.qos.logback.classic.Logger logback)) {
            closeQuietly(dead);
            return;
        }
        Level configured = logback.getLevel();
        logback.setLevel(Level.OFF);
        try {
            closeQuietly(dead);
        } finally {
            logback.setLevel(configured);
        }
    }

    private static void closeQuietly(EmbeddedPostgres dead) {
        try {
            dead.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the previous server: {}", e.toString());
        }
    }

    private static long readPostmasterPid(Path cluster) {
        try {
            return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                    .getFirst()
                    .trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The superuser password, made once per data directory and kept there, readable only by its owner. */
    private static String passwordOf(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        // created readable by its owner only, never for a moment by others
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        return password;
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!result.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + DATABASE + " database", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    /** Stops PostgreSQL with a fast shutdown (a checkpoint, then exit) and releases the data directory. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            postgres.close();
            // the library gives up waiting after a few seconds; keep the lock until PostgreSQL has really gone,
            // so that no new instance starts on a cluster that is still being written
            OrphanedPostmaster.awaitExit(cluster, SHUTDOWN_WAIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.close();
        }
    }
}
