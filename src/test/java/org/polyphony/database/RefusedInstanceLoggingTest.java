package org.polyphony.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A refused second instance logs to its console only, never into the running instance's log file. */
class RefusedInstanceLoggingTest {

    private final Path dataDirectory =
            Path.of("target", "test-data", "refused-" + System.nanoTime()).toAbsolutePath();

    @Test
    void aDirectoryHeldByAnotherProcessTurnsTheLogFileOff() throws Exception {
        Process holder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            var reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("LOCKED");

            assertThat(logFileAfterPostProcessing()).isEmpty();
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(logFileAfterPostProcessing()).isEqualTo(dataDirectory + "/logs/polyphony.json");
    }

    @Test
    void aDirectoryHeldInThisJvmTurnsTheLogFileOffWithoutReleasingTheLock() {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(logFileAfterPostProcessing()).isEmpty();
            assertThat(DataDirectoryLock.isHeld(dataDirectory)).isTrue();
        }
        assertThat(DataDirectoryLock.isHeld(dataDirectory)).isFalse();
    }

    @Test
    void aFreshDirectoryKeepsItsLogFileAndGetsNoLockFile() {
        assertThat(logFileAfterPostProcessing()).isEqualTo(dataDirectory + "/logs/polyphony.json");
        assertThat(Files.exists(dataDirectory)).isFalse();
    }

    private String logFileAfterPostProcessing() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application",
                        Map.of(
                                "polyphony.data-dir",
                                dataDirectory.toString(),
                                "logging.file.name",
                                "${polyphony.data-dir}/logs/polyphony.json")));
        new RefusedInstanceLogging().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.file.name");
    }
}
