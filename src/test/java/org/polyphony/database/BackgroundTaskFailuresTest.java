package org.polyphony.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A background task that fails because the database is away warns once; any other failure is an error. */
class BackgroundTaskFailuresTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(BackgroundTaskFailures.class);
    private final DatabaseAvailability availability = new DatabaseAvailability(null, event -> {});
    private final BackgroundTaskFailures failures = new BackgroundTaskFailures(availability);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        availability.close();
    }

    @Test
    void aTaskThatCannotReachTheDatabaseWarnsAndReportsTheOutage() {
        failures.handleError(new CannotGetJdbcConnectionException(
                "no connection", new SQLTransientConnectionException("Connection is not available", "08001")));

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy())
                    .as("no stack trace for an expected outage")
                    .isNull();
        });
        assertThat(availability.isAvailable()).isFalse();
    }

    @Test
    void anyFailureWhileTheDatabaseIsAwayOnlyWarns() {
        availability.markDown("test");

        failures.handleError(new IllegalStateException("a query failed because its connection was dropped"));

        assertThat(logged.list)
                .singleElement()
                .extracting(ILoggingEvent::getLevel)
                .isEqualTo(Level.WARN);
    }

    @Test
    void aFaultOfTheTaskItselfStaysAnError() {
        failures.handleError(new IllegalArgumentException("a bug"));

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
        });
        assertThat(availability.isAvailable()).isTrue();
    }
}
