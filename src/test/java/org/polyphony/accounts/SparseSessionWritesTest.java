package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The session store's economies, against the real PostgreSQL session table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SparseSessionWritesTest {

    @Autowired
    SparseSessionWrites sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionLookedUpAgainInTheSameRequestIsNotReadAgainButIsInTheNext() {
        String id = storedSession();

        SparseSessionWrites.RequestSessions.open();
        try {
            var first = sessions.findById(id);
            sessions.save(first);
            assertThat(sessions.findById(id)).isSameAs(first);
        } finally {
            SparseSessionWrites.RequestSessions.close();
        }

        SparseSessionWrites.RequestSessions.open();
        try {
            var next = sessions.findById(id);
            assertThat(next).isNotNull();
            assertThat(sessions.findById(id)).isSameAs(next);
        } finally {
            SparseSessionWrites.RequestSessions.close();
        }
        assertThat(sessions.findById(id)).isNotSameAs(sessions.findById(id));
    }

    @Test
    void aSessionWhoseIdChangedIsNotFoundByItsOldIdFromWhatTheRequestHolds() {
        String id = storedSession();
        SparseSessionWrites.RequestSessions.open();
        try {
            var session = sessions.findById(id);
            String newId = session.changeSessionId();
            sessions.save(session);
            assertThat(sessions.findById(newId)).isSameAs(session);
            assertThat(sessions.findById(id)).isNull();
        } finally {
            SparseSessionWrites.RequestSessions.close();
        }
    }

    @Test
    void requestsOfOneSessionAtTheSameTimeWriteItsLastUseOnce() {
        String id = storedSession();
        var one = sessions.findById(id);
        var other = sessions.findById(id);
        Instant later = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        one.setLastAccessedTime(later);
        other.setLastAccessedTime(later.plusSeconds(1));

        sessions.save(one);
        sessions.save(other);

        assertThat(lastUse(id)).isEqualTo(later.toEpochMilli());
    }

    @Test
    void whatChangedInASessionIsWrittenEvenWhenItsLastUseWasJustWritten() {
        String id = storedSession();
        var one = sessions.findById(id);
        var other = sessions.findById(id);
        Instant later = Instant.now().plus(2, ChronoUnit.MINUTES);
        one.setLastAccessedTime(later);
        other.setLastAccessedTime(later);
        other.setAttribute("choice", "kept");

        sessions.save(one);
        sessions.save(other);

        assertThat((String) sessions.findById(id).getAttribute("choice")).isEqualTo("kept");
    }

    private String storedSession() {
        var session = sessions.createSession();
        sessions.save(session);
        return session.getId();
    }

    private long lastUse(String id) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
