package org.polyphony.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL and points the application's DataSource at it, unless
 * {@code spring.datasource.url} names an external database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDir();
        Path binaries = properties.binariesDirOrDefault();
        return EmbeddedPostgresServer.start(dataDirectory, binaries);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        return pool(server);
    }

    /** Closed before the server it watches (it depends on it), so a shutdown is never taken for a crash. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresSupervisor embeddedPostgresSupervisor(
            EmbeddedPostgresServer server, DatabaseAvailability availability) {
        return new EmbeddedPostgresSupervisor(server, availability, EmbeddedPostgresSupervisor.BACK_OFF).start();
    }

    static HikariDataSource pool(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(server.password());
        dataSource.setPoolName("polyphony");
        dataSource.setMaximumPoolSize(10);
        // a request that slips past DatabaseAvailability waits at most this long, never Hikari's default 30 s
        dataSource.setConnectionTimeout(DatabaseAvailabilityConfiguration.CONNECTION_TIMEOUT.toMillis());
        return dataSource;
    }
}
