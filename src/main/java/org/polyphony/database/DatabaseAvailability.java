package org.polyphony.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether the database can be reached now, for the embedded PostgreSQL as for an external one. Requests consult it
 * to fail at once while the database is away instead of each waiting for a connection; the readiness probe follows
 * it; the liveness probe turns DOWN only when the database cannot come back without restarting the application.
 *
 * <p>It learns of an outage three ways: the supervisor of the embedded server sees its postmaster die, a request
 * fails for want of a connection ({@link #connectionFailed}), or its own watchdog's probe fails. While the database
 * is away the watchdog probes it often and announces its return.
 */
public class DatabaseAvailability implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final Duration PROBE_WHILE_UP = Duration.ofSeconds(5);
    private static final Duration PROBE_WHILE_DOWN = Duration.ofMillis(250);
    /** A busy pool asks for a check outside it at most this often: each opens a connection of its own. */
    private static final Duration OUTSIDE_CHECK_EVERY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Object wake = new Object();
    private volatile boolean available = true;
    private volatile boolean recoverable = true;
    private volatile boolean closed;
    private volatile Instant downSince;
    private volatile Duration lastOutage;
    private final AtomicLong busyRefusals = new AtomicLong();
    private final AtomicLong lastOutsideCheck = new AtomicLong(System.nanoTime() - OUTSIDE_CHECK_EVERY.toNanos());
    /** Set by a request refused for want of a free pooled connection; guarded by {@link #wake}. */
    private boolean checkOutsidePool;

    private final Thread watchdog;

    public DatabaseAvailability(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
        this.watchdog = Thread.ofPlatform().daemon().name("database-watchdog").unstarted(this::watch);
    }

    /** Starts probing; a separate step so that the application's start-up, not this bean, meets the first failure. */
    synchronized void startWatching() {
        if (watchdog.getState() == Thread.State.NEW && !closed) {
            watchdog.start();
        }
    }

    public boolean isAvailable() {
        return available;
    }

    /** How long clients are asked to wait before they try again (the {@code Retry-After} header). */
    public Duration retryAfter() {
        return available ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
    }

    /** How long the last outage lasted, from its detection to the first successful probe; null before any. */
    public Duration lastOutage() {
        return lastOutage;
    }

    /**
     * Told by a request whose work failed; when the failure says the database cannot be reached, requests fail fast
     * from now on until a probe finds it back. Returns whether it was such a failure.
     */
    public boolean connectionFailed(Throwable failure) {
        if (!isConnectionFailure(failure)) {
            return false;
        }
        if (isPoolTimeout(failure) && poolExhausted()) {
            // every connection was lent out for the whole wait: the database answers, this node is busy; the
            // watchdog checks the database outside the pool before anyone declares it away
            busyRefusals.incrementAndGet();
            long now = System.nanoTime();
            long last = lastOutsideCheck.get();
            if (now - last > OUTSIDE_CHECK_EVERY.toNanos() && lastOutsideCheck.compareAndSet(last, now)) {
                synchronized (wake) {
                    checkOutsidePool = true;
                    wake.notifyAll();
                }
            }
            return true;
        }
        markDown("a request could not reach it: " + rootMessage(failure));
        return true;
    }

    /** How many requests were refused because every pooled connection stayed lent out while they waited. */
    public long busyRefusals() {
        return busyRefusals.get();
    }

    /**
     * Whether the failure is the pool's own timeout with nothing behind it: Hikari names the last failure to open a
     * connection as the cause when there was one, so a bare timeout means no connection came free in time.
     */
    static boolean isPoolTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null && timeout.getSQLState() == null;
            }
        }
        return false;
    }

    private boolean poolExhausted() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            var pool = hikari.getHikariPoolMXBean();
            return pool.getTotalConnections() > 0 && pool.getIdleConnections() == 0;
        }
        return false;
    }

    /** Whether {@code failure} says the database could not be reached, rather than that one statement failed. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed, or not yet up
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    void markDown(String reason) {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (!available) {
                return;
            }
            available = false;
            downSince = Instant.now();
        }
        log.warn("The database is unavailable ({}); requests are answered 503 until it is back", reason);
        dropPooledConnections();
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    void markUp() {
        Instant since;
        synchronized (this) {
            if (available) {
                return;
            }
            available = true;
            since = downSince;
        }
        lastOutage = Duration.between(since, Instant.now());
        // connections opened before the outage lead to a server that is gone
        dropPooledConnections();
        log.info("The database is back after {} ms", lastOutage.toMillis());
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        if (!recoverable) {
            recoverable = true;
            AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
        }
    }

    /** The database did not come back within the supervisor's back-off: only a restart of the application may help. */
    void cannotRecover() {
        if (recoverable) {
            recoverable = false;
            log.error("The database could not be brought back; the liveness probe now reports DOWN");
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    /**
     * One probe now: a connection from the pool, validated by the server. When the pool has none to lend because all
     * are in use, a connection of its own, outside the pool, tells whether the server answers.
     */
    public boolean probe() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return isPoolTimeout(e) && poolExhausted() ? probeOutsidePool() : false;
        }
    }

    private boolean probeOutsidePool() {
        if (!(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
            return true;
        }
        Properties properties = new Properties();
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "3");
        try (Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties)) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void watch() {
        while (!closed) {
            boolean wasAvailable = available;
            boolean outsidePool;
            synchronized (wake) {
                outsidePool = checkOutsidePool;
                checkOutsidePool = false;
            }
            if (outsidePool ? probeOutsidePool() : probe()) {
                markUp();
            } else if (!closed && wasAvailable) {
                markDown("a probe failed");
            }
            synchronized (wake) {
                try {
                    if (!checkOutsidePool) {
                        wake.wait((available ? PROBE_WHILE_UP : PROBE_WHILE_DOWN).toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void dropPooledConnections() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public void close() {
        closed = true;
        watchdog.interrupt();
    }
}
