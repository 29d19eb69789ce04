package org.polyphony.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * A second Polyphony started on a data directory that a running one holds will be refused; until then it must not
 * write a line into the running instance's log file ({@code <data-dir>/logs/polyphony.json}). Runs before logging
 * starts: when the directory is held, this instance logs to the console only, where the refusal is read.
 */
class RefusedInstanceLogging implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "polyphony-refused-instance";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            // an external database takes no lock: several nodes may share a data directory's log on purpose
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("polyphony.data-dir", "data"));
        if (DataDirectoryLock.isHeld(dataDirectory)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("logging.file.name", "")));
        }
    }

    /** After the configuration files and the command line have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
