package org.polyphony.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ErrorHandler;

/**
 * What happens to an exception that escapes a scheduled background task (digests, overdue checks, rate-limit
 * purges). Spring's default logs every one at ERROR with its stack trace; while the database is away each task
 * would then log an error at each of its runs, though nothing is wrong with the task and the outage is already
 * reported once by {@link DatabaseAvailability}. Such failures are logged as one warning line and reported to the
 * availability watch; any other failure is a real fault and stays an error.
 */
final class BackgroundTaskFailures implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTaskFailures.class);

    private final DatabaseAvailability availability;

    BackgroundTaskFailures(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public void handleError(Throwable failure) {
        if (DatabaseAvailability.isConnectionFailure(failure) || !availability.isAvailable()) {
            availability.connectionFailed(failure);
            log.warn("A background task could not reach the database and will run again later: {}", failure.toString());
            return;
        }
        log.error("A background task failed", failure);
    }
}
