package org.polyphony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.polyphony.database.EmbeddedPostgresServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context one real PostgreSQL per test JVM: the external database named by
 * {@code SPRING_DATASOURCE_URL} when set, otherwise one embedded server started on first use. Sharing it keeps
 * the suite fast while every test still runs against PostgreSQL. A test that must exercise the zero-configuration
 * start-up sets {@code polyphony.test.shared-database=false}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgresServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("polyphony.test.shared-database", Boolean.class, true)
                || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        EmbeddedPostgresServer shared = shared();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "testDatabase",
                        Map.of(
                                "spring.datasource.url", shared.jdbcUrl(),
                                "spring.datasource.username", EmbeddedPostgresServer.USER,
                                "spring.datasource.password", shared.password())));
    }

    public static synchronized EmbeddedPostgresServer shared() {
        if (server == null) {
            Path directory = Path.of(
                    "target", "test-data", "shared-" + ProcessHandle.current().pid());
            deleteRecursively(directory);
            server = EmbeddedPostgresServer.start(directory, binaries());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return server;
    }

    /** Where tests unpack the PostgreSQL binaries: once per build, not once per test. */
    public static Path binaries() {
        return Path.of("target", "pg-binaries").toAbsolutePath();
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
