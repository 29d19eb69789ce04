package org.polyphony.database;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Watches the database, embedded or external, from the moment the application is ready. */
@Configuration(proxyBeanMethods = false)
class DatabaseAvailabilityConfiguration {

    /** Also {@code spring.datasource.hikari.connection-timeout} for an external database (application.properties). */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    @Bean(destroyMethod = "close")
    DatabaseAvailability databaseAvailability(DataSource dataSource, ApplicationEventPublisher events) {
        return new DatabaseAvailability(dataSource, events);
    }

    @Bean
    BackgroundTaskFailures backgroundTaskFailures(DatabaseAvailability availability) {
        return new BackgroundTaskFailures(availability);
    }

    /** Scheduled tasks run on platform threads (a pool) or virtual threads, as {@code spring.threads.virtual}. */
    @Bean
    ThreadPoolTaskSchedulerCustomizer backgroundTaskFailuresOnPool(BackgroundTaskFailures failures) {
        return scheduler -> scheduler.setErrorHandler(failures);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer backgroundTaskFailuresOnVirtualThreads(BackgroundTaskFailures failures) {
        return scheduler -> scheduler.setErrorHandler(failures);
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(DatabaseAvailability.class).startWatching();
    }
}
