package org.polyphony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.database.DataDirectoryInUseException;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as `./mvnw spring-boot:run` or `java -jar` starts it: no database configured, so it runs its
 * own PostgreSQL in the data directory, migrates it, loads the demo agenda once, and finds it all again next time.
 */
class ZeroConfigurationStartTest {

    Path dataDirectory;

    @BeforeEach
    void freshDirectory() {
        dataDirectory = Path.of("target", "test-data", "zero-config-" + System.nanoTime());
    }

    @Test
    void startsWithItsOwnDatabaseAndDemoContentAndFindsThemAgain() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(editions(first)).isEqualTo(2);
            assertThat(get(first, "/actuator/health")).contains("\"status\":\"UP\"");
            assertThat(get(first, "/")).contains("/editions/athens-2009/sessions/1.1");
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("UPDATE forums_edition SET status = 'ARCHIVED' WHERE slug = 'gfmd-2012'")
                    .update();
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(editions(again))
                    .as("demo content loads only into an empty database")
                    .isEqualTo(2);
            assertThat(again.getBean(JdbcClient.class)
                            .sql("SELECT status FROM forums_edition WHERE slug = 'gfmd-2012'")
                            .query(String.class)
                            .single())
                    .isEqualTo("ARCHIVED");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryFailsClearly() {
        try (ConfigurableApplicationContext first = start()) {
            assertThatThrownBy(this::start)
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause()
                    .hasMessageContaining(dataDirectory.toAbsolutePath().toString());
            assertThat(editions(first)).isEqualTo(2);
        }
    }

    @Test
    void demoContentCanBeSwitchedOff() {
        try (ConfigurableApplicationContext context = start("--polyphony.demo-content.enabled=false")) {
            assertThat(editions(context)).isZero();
        }
    }

    @Test
    void theFirstAdministratorComesFromConfigurationWithoutADefaultPassword() {
        try (ConfigurableApplicationContext context = start(
                "--polyphony.admin.name=Coordinating Office",
                "--polyphony.admin.password=a very long admin passphrase")) {
            String roles = context.getBean(JdbcClient.class)
                    .sql(
                            "SELECT array_to_string(roles, ',') FROM accounts_account WHERE display_name = 'Coordinating Office'")
                    .query(String.class)
                    .single();
            assertThat(roles).contains("ADMINISTRATOR").contains("ORGANISER");
        }
        assertThatThrownBy(() -> start("--polyphony.admin.name=Another Admin", "--polyphony.admin.password="))
                .hasStackTraceContaining("polyphony.admin.password must be set");
    }

    @Test
    void anExistingAccountIsMadeAdministratorOnlyWithItsOwnPassword() {
        try (ConfigurableApplicationContext context = start()) {
            context.getBean(JdbcClient.class)
                    .sql("INSERT INTO accounts_account (display_name, name_key, password_hash)"
                            + " VALUES ('Squatter', 'squatter', 'not a hash')")
                    .update();
        }

        assertThatThrownBy(() -> start(
                        "--polyphony.admin.name=SQUATTER", "--polyphony.admin.password=the real admin passphrase"))
                .hasStackTraceContaining("is not its password");
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(JdbcClient.class)
                            .sql("SELECT array_to_string(roles, ',') FROM accounts_account WHERE name_key = 'squatter'")
                            .query(String.class)
                            .single())
                    .isEqualTo("PARTICIPANT");
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[] {
            "--polyphony.test.shared-database=false",
            "--polyphony.data-dir=" + dataDirectory,
            "--polyphony.binaries-dir=" + TestDatabase.binaries(),
            "--server.port=0"
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return SpringApplication.run(PolyphonyApplication.class, all);
    }

    private static long editions(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM forums_edition")
                .query(Long.class)
                .single();
    }

    private static String get(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
