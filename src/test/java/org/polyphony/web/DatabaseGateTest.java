package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import gg.jte.TemplateEngine;
import jakarta.servlet.FilterChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.polyphony.PolyphonyWebTest;
import org.polyphony.database.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * While the database is away every request is answered at once with 503, {@code Retry-After} and a page in the
 * reader's language (JSON for the API); the health probes stay reachable. The gate under test is the application's
 * own, given an availability that has seen the database go (a real pool failure marks it so); the shared database
 * itself is never stopped, since every other test uses it.
 */
@PolyphonyWebTest
class DatabaseGateTest {

    @Autowired
    TemplateEngine templates;

    @Autowired
    MessageSource messages;

    @Autowired
    ObjectProvider<ResourceUrlProvider> assets;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    private static final FilterChain NEVER = (request, response) -> fail("the request reached the application");

    @Test
    void whileTheDatabaseIsAwayPagesAnswer503AtOnceInTheReadersLanguage() throws Exception {
        DatabaseGate gate = new DatabaseGate(databaseGone(), templates, messages, assets);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/threads/1/replies");
        request.addHeader("Accept-Language", "ar");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();

        gate.doFilter(request, response, NEVER);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("h1").text()).isEqualTo("الموقع غير متاح لفترة قصيرة");
        assertThat(response.getContentAsString()).doesNotContain("reliability.").doesNotContain("Exception");
    }

    @Test
    void theApiGetsJson() throws Exception {
        DatabaseGate gate = new DatabaseGate(databaseGone(), templates, messages, assets);
        MockHttpServletResponse response = new MockHttpServletResponse();

        gate.doFilter(new MockHttpServletRequest("GET", "/api/editions"), response, NEVER);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"status\":503");
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    }

    @Test
    void theHealthProbesAreNotGated() throws Exception {
        DatabaseGate gate = new DatabaseGate(databaseGone(), templates, messages, assets);
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] passed = {false};

        gate.doFilter(
                new MockHttpServletRequest("GET", "/actuator/health/readiness"),
                response,
                (req, res) -> passed[0] = true);

        assertThat(passed[0]).isTrue();
    }

    @Test
    void aRequestThatFindsTheDatabaseGoneGets503AndTheNextOnesFailAtOnce() throws Exception {
        DatabaseAvailability availability = new DatabaseAvailability(unreachable(), event -> {});
        DatabaseGate gate = new DatabaseGate(availability, templates, messages, assets);
        MockHttpServletResponse first = new MockHttpServletResponse();

        gate.doFilter(new MockHttpServletRequest("GET", "/search"), first, (req, res) -> {
            throw new CannotGetJdbcConnectionException(
                    "pool", new SQLTransientConnectionException("Connection is not available"));
        });

        assertThat(first.getStatus()).isEqualTo(503);
        assertThat(availability.isAvailable()).isFalse();
        MockHttpServletResponse next = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/"), next, NEVER);
        assertThat(next.getStatus()).isEqualTo(503);
    }

    /**
     * A pool whose every connection is in use while a request waits is a busy node, not a database gone: the request
     * gets 503 with a short {@code Retry-After}, the node stays available (no connection is evicted, the next
     * request is served), and the watchdog's probe, finding no pooled connection free, asks the server directly.
     */
    @Test
    void aPoolWithEveryConnectionInUseIsBusyNotAnOutage() throws Exception {
        HikariDataSource shared = (HikariDataSource) dataSource;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(shared.getJdbcUrl());
        config.setUsername(shared.getUsername());
        config.setPassword(shared.getPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource one = new HikariDataSource(config);
                Connection lent = one.getConnection()) {
            DatabaseAvailability availability = new DatabaseAvailability(one, event -> {});
            DatabaseGate gate = new DatabaseGate(availability, templates, messages, assets);
            MockHttpServletResponse refused = new MockHttpServletResponse();

            gate.doFilter(new MockHttpServletRequest("GET", "/search"), refused, (req, res) -> {
                try (var ignored = one.getConnection()) {
                    fail("the pool's only connection is lent out");
                } catch (SQLException timeout) {
                    throw new CannotGetJdbcConnectionException("pool", timeout);
                }
            });

            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
            assertThat(availability.isAvailable()).isTrue();
            assertThat(availability.busyRefusals()).isEqualTo(1);
            assertThat(availability.probe()).isTrue();
            assertThat(lent.isValid(1)).isTrue();
            boolean[] served = {false};
            gate.doFilter(
                    new MockHttpServletRequest("GET", "/"),
                    new MockHttpServletResponse(),
                    (req, res) -> served[0] = true);
            assertThat(served[0]).isTrue();
        }
    }

    @Test
    void aFailureOfAnotherKindIsNotTakenForAnOutage() {
        DatabaseAvailability availability = new DatabaseAvailability(unreachable(), event -> {});

        boolean outage = availability.connectionFailed(new IllegalArgumentException("bad input"));

        assertThat(outage).isFalse();
        assertThat(availability.isAvailable()).isTrue();
    }

    @Test
    void withTheDatabaseUpTheProbesAreUp() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    /** An availability that has seen a request fail for want of a connection, as the real pool reports it. */
    private static DatabaseAvailability databaseGone() {
        DatabaseAvailability availability = new DatabaseAvailability(unreachable(), event -> {});
        try (var ignored = unreachable().getConnection()) {
            fail("nothing listens on port 1");
        } catch (java.sql.SQLException refused) {
            assertThat(availability.connectionFailed(refused)).isTrue();
        }
        return availability;
    }

    private static DriverManagerDataSource unreachable() {
        return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "nobody", "none");
    }
}
