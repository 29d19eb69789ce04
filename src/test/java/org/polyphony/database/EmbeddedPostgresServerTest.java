package org.polyphony.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.TestDatabase;

/** The embedded PostgreSQL as an installation meets it: restarts, crashes, a second instance, stale files. */
class EmbeddedPostgresServerTest {

    Path dataDirectory;

    @BeforeEach
    void freshDirectory() {
        dataDirectory =
                Path.of("target", "test-data", "embedded-" + System.nanoTime()).toAbsolutePath();
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "CREATE TABLE kept (value TEXT)", "INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer server = start()) {
            assertThat(values(server, "SELECT value FROM kept")).containsExactly("still here");
        }
    }

    @Test
    void theDatabaseRefusesConnectionsWithoutThePassword() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(server.jdbcUrl(), "postgres", "guess"))
                    .isInstanceOf(SQLException.class);
            assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("postgres.password"))
                            .toString())
                    .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        }
    }

    @Test
    void aSecondInstanceInTheSameJvmFailsClearly() {
        try (EmbeddedPostgresServer server = start()) {
            assertThatThrownBy(this::start)
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running Polyphony")
                    .hasMessageContaining("--polyphony.data-dir");
        }
    }

    @Test
    void aSecondInstanceInAnotherProcessFailsClearlyAndHarmsNothing() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "CREATE TABLE kept (value TEXT)", "INSERT INTO kept VALUES ('safe')");
            Process second = probe("second");
            String said = readLine(second);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isEqualTo(3);
            assertThat(said).startsWith("IN USE:");
            assertThat(values(server, "SELECT value FROM kept")).containsExactly("safe");
        }
    }

    @Test
    void committedDataSurvivesKillingTheJvm() throws Exception {
        Process crashed = probe("committed before kill -9");
        assertThat(readLine(crashed)).isEqualTo("COMMITTED");
        crashed.destroyForcibly().waitFor();

        try (EmbeddedPostgresServer server = start()) {
            assertThat(values(server, "SELECT value FROM probe")).containsExactly("committed before kill -9");
        }
    }

    @Test
    void committedDataSurvivesKillingTheJvmAndPostgresTogether() throws Exception {
        Process crashed = probe("committed before the crash");
        assertThat(readLine(crashed)).isEqualTo("COMMITTED");
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid"))
                .getFirst()
                .trim());
        crashed.destroyForcibly().waitFor();
        ProcessHandle.of(postmaster).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().join();
        });

        try (EmbeddedPostgresServer server = start()) {
            assertThat(values(server, "SELECT value FROM probe")).containsExactly("committed before the crash");
        }
    }

    @Test
    void aStalePidFileNamingAnotherProcessIsHandled() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "CREATE TABLE kept (value TEXT)", "INSERT INTO kept VALUES ('ok')");
        }
        // a pid file left behind whose pid now belongs to an unrelated process (this JVM)
        Files.writeString(
                dataDirectory.resolve("postgres/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDirectory.resolve("postgres") + "\n");

        try (EmbeddedPostgresServer server = start()) {
            assertThat(values(server, "SELECT value FROM kept")).containsExactly("ok");
        }
    }

    private EmbeddedPostgresServer start() {
        return EmbeddedPostgresServer.start(dataDirectory, TestDatabase.binaries());
    }

    private Process probe(String value) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashProbe.class.getName(),
                        dataDirectory.toString(),
                        TestDatabase.binaries().toString(),
                        value)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String readLine(Process process) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.equals("COMMITTED") || line.startsWith("IN USE:")) {
                return line;
            }
        }
        return null;
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.dataSource().getConnection();
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> values(EmbeddedPostgresServer server, String query) throws SQLException {
        try (Connection connection = server.dataSource().getConnection();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
