package org.polyphony.database;

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

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;
    private final Path cluster;

    private EmbeddedPostgresServer(DataDirectoryLock lock, EmbeddedPostgres postgres, String password, Path cluster) {
        this.cluster = cluster;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
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
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    // initdb options, passed through the builder's only hook for extra initdb arguments
                    .setLocaleConfig(
                            "pwfile",
                            dataDirectory
                                    .resolve(PASSWORD_FILE)
                                    .toAbsolutePath()
                                    .toString())
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
                    .setPGStartupWait(Duration.ofSeconds(120))
                    // stopped by close(), after the application has finished its requests, not by a JVM hook
                    // running in parallel with the graceful shutdown
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(lock, postgres, password, cluster);
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
    public void close() {
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
