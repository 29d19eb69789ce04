package org.polyphony.web;

import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.polyphony.database.DatabaseAvailability;
import org.polyphony.languages.UiLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * While the database is away, answers every request at once with 503 and {@code Retry-After}: a short page in the
 * reader's language, or JSON for the API, instead of letting each request wait for a connection and end in a 500.
 * It runs before the session and security filters, which would otherwise reach for the database themselves. A
 * request that finds the database gone on its way (before anyone noticed) gets the same answer, and tells
 * {@link DatabaseAvailability}, so the next ones fail fast.
 */
class DatabaseGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGate.class);
    /** The health probes must tell the truth, and the page's style sheet needs no database. */
    private static final Set<String> OPEN_PREFIXES = Set.of("/actuator/", "/css/", "/js/", "/favicon");

    private static final Duration BUSY_WARNING_EVERY = Duration.ofMinutes(1);

    private final AtomicLong lastBusyWarning = new AtomicLong(System.nanoTime() - BUSY_WARNING_EVERY.toNanos());
    private final DatabaseAvailability availability;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final ObjectProvider<ResourceUrlProvider> assets;

    DatabaseGate(
            DatabaseAvailability availability,
            TemplateEngine templates,
            MessageSource messages,
            ObjectProvider<ResourceUrlProvider> assets) {
        this.availability = availability;
        this.templates = templates;
        this.messages = messages;
        this.assets = assets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!availability.isAvailable()) {
            unavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!availability.connectionFailed(failure) || response.isCommitted()) {
                throw failure;
            }
            if (availability.isAvailable()) {
                busy(request);
            } else {
                log.warn("{} {} failed: the database cannot be reached", request.getMethod(), request.getRequestURI());
            }
            response.reset();
            unavailable(request, response);
        }
    }

    /**
     * A request that waited in vain for a pooled connection while every one was in use: the node is overloaded, not
     * cut off. Said once a minute at most, with how many were refused, so that a burst does not flood the log.
     */
    private void busy(HttpServletRequest request) {
        long now = System.nanoTime();
        long last = lastBusyWarning.get();
        if (now - last > BUSY_WARNING_EVERY.toNanos() && lastBusyWarning.compareAndSet(last, now)) {
            log.warn(
                    "{} {} refused: no database connection came free in time ({} requests refused so far)",
                    request.getMethod(),
                    request.getRequestURI(),
                    availability.busyRefusals());
        }
    }

    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(
                "Retry-After", Long.toString(availability.retryAfter().toSeconds()));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsJson(request)) {
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"status\":503,\"error\":\"Service Unavailable\",\"retryAfterSeconds\":"
                            + availability.retryAfter().toSeconds() + "}");
            return;
        }
        UiLanguage language = UiLanguageResolver.withoutAccount(request);
        response.setContentType("text/html");
        response.setHeader("Content-Language", language.tag());
        Page page = new Page(language, messages, null, null, Set.of(), "/", assets.getIfAvailable(), null, null);
        templates.render(
                "web/unavailable.jte",
                Map.of("page", page, "retryAfter", availability.retryAfter().toSeconds()),
                new WriterOutput(response.getWriter()));
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }
}
