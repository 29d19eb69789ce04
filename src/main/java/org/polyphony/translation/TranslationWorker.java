package org.polyphony.translation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.polyphony.languages.TextSearchConfigurations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes translation jobs and runs them, outside any request: a post is published at once and its translations
 * follow. Failed calls are retried with growing waits; a provider that keeps failing rests for a while. Each node
 * runs a few workers; they share the queue through the database.
 */
@Component
class TranslationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TranslationWorker.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration NO_ROUTE_WAIT = Duration.ofMinutes(5);

    private final TranslationJobs jobs;
    private final TranslationRoutes routes;
    private final Glossary glossary;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int workers;
    private final Duration poll;
    private final Duration firstRetry;
    private final ProviderHealth health;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    TranslationWorker(
            TranslationJobs jobs,
            TranslationRoutes routes,
            Glossary glossary,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            @Value("${polyphony.translation.workers:2}") int workers,
            @Value("${polyphony.translation.poll:PT1S}") Duration poll,
            @Value("${polyphony.translation.first-retry:PT5S}") Duration firstRetry,
            @Value("${polyphony.translation.provider-rest:PT1M}") Duration providerRest) {
        this.jobs = jobs;
        this.routes = routes;
        this.glossary = glossary;
        this.jdbc = jdbc;
        this.events = events;
        this.workers = workers;
        this.poll = poll;
        this.firstRetry = firstRetry;
        this.health = new ProviderHealth(3, providerRest, Clock.systemUTC());
    }

    /** Tells the workers that a job may be waiting, so that they need not wait for their next look. */
    void wake() {
        wakeUps.release();
    }

    private void work() {
        while (running) {
            try {
                Optional<TranslationJobs.Job> job = jobs.take();
                if (job.isPresent()) {
                    run(job.get());
                } else {
                    wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Translation worker could not take or finish a job: {}", e.toString());
                    sleep(poll);
                }
            }
        }
    }

    void run(TranslationJobs.Job job) {
        if (cached(job)) {
            jobs.done(job);
            events.publishEvent(new TranslationReady(job.ref(), job.target()));
            return;
        }
        if (job.source().equals(job.target())) {
            // the author said the text is in this language after all: nothing to translate
            jobs.done(job);
            return;
        }
        Optional<Route> route = routes.route(job.source(), job.target());
        if (route.isEmpty()) {
            // a provider that offered the pair when the job was made is switched off or unreachable: wait for it
            jobs.failed(
                    job,
                    "No enabled provider translates " + job.source() + " → " + job.target() + " at the moment",
                    job.attempts() < MAX_ATTEMPTS,
                    NO_ROUTE_WAIT);
            return;
        }
        for (Route.Leg leg : route.get().legs()) {
            Instant resting = health.restingUntil(leg.provider().name());
            if (resting != null) {
                jobs.postpone(job, Duration.between(Instant.now(), resting));
                return;
            }
        }
        try {
            String translated = translate(job, route.get());
            store(job, route.get(), translated);
            jobs.done(job);
            events.publishEvent(new TranslationReady(job.ref(), job.target()));
        } catch (RuntimeException unexpected) {
            // not the provider's failure (the database, a listener): retried like one, and shown to administrators
            jobs.failed(job, unexpected.toString(), job.attempts() < MAX_ATTEMPTS, firstRetry);
            log.warn("Translation job {} failed unexpectedly: {}", job.id(), unexpected.toString());
        } catch (TranslationFailure failure) {
            boolean retry = job.attempts() < MAX_ATTEMPTS;
            Duration wait = firstRetry.multipliedBy(1L << Math.min(job.attempts() - 1, 10));
            jobs.failed(job, failure.getMessage(), retry, wait);
            // the provider's words stay on the admin page: an error body may quote the text it was given
            log.info(
                    "Translation job {} ({}→{}) failed, attempt {}",
                    job.id(),
                    job.source(),
                    job.target(),
                    job.attempts());
        }
    }

    private String translate(TranslationJobs.Job job, Route route) throws TranslationFailure {
        List<Glossary.Term> terms = glossary.terms(job.glossaryId());
        Glossary.Protected marked = Glossary.protect(job.text(), terms);
        String text = marked.text();
        List<Route.Leg> legs = route.legs();
        Optional<String> firstLegDone = legs.size() > 1 && terms.isEmpty()
                ? madeBefore(job, legs.getFirst().pair().target())
                : Optional.empty();
        if (firstLegDone.isPresent()) {
            // the text is already in the pivot language (that language's own job made it)
            text = firstLegDone.get();
            legs = legs.subList(1, legs.size());
        }
        for (Route.Leg leg : legs) {
            try {
                text = leg.provider().translate(text, leg.pair());
                health.succeeded(leg.provider().name());
                if (!leg.pair().target().equals(job.target()) && !text.isBlank()) {
                    // the first leg of a pivot is itself a translation into the pivot language: kept, it saves
                    // that language's own job the same call
                    keepPivotLeg(
                            job, leg, marked.restore(text.strip(), leg.pair().target(), terms));
                }
            } catch (TranslationFailure | RuntimeException failure) {
                health.failed(leg.provider().name());
                throw failure instanceof TranslationFailure known
                        ? known
                        : new TranslationFailure(leg.provider().name() + " failed: " + failure, failure);
            }
        }
        if (text.isBlank() && !job.text().isBlank()) {
            throw new TranslationFailure(route.providerName() + " returned an empty translation");
        }
        return marked.restore(text.strip(), job.target(), terms);
    }

    private Optional<String> madeBefore(TranslationJobs.Job job, String target) {
        return jdbc.sql("SELECT text FROM translation_text WHERE content_hash = :h AND source = :s AND target = :t"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param("h", job.contentHash())
                .param("s", job.source())
                .param("t", target)
                .query(String.class)
                .optional();
    }

    /** The same content in the same direction was translated before, for another text or an earlier job. */
    private boolean cached(TranslationJobs.Job job) {
        return madeBefore(job, job.target()).isPresent();
    }

    private void keepPivotLeg(TranslationJobs.Job job, Route.Leg leg, String translated) {
        jdbc.sql(
                        """
                        INSERT INTO translation_text (content_hash, source, target, provider, text, search_config)
                        SELECT :h, :s, :t, :p, :text, CAST(:config AS regconfig)
                        WHERE EXISTS (SELECT 1 FROM translation_source WHERE content_hash = :h)
                        ON CONFLICT (content_hash, source, target, provider) DO NOTHING
                        """)
                .param("h", job.contentHash())
                .param("s", job.source())
                .param("t", leg.pair().target())
                .param("p", leg.provider().name())
                .param("text", translated)
                .param("config", TextSearchConfigurations.of(leg.pair().target()))
                .update();
    }

    private void store(TranslationJobs.Job job, Route route, String translated) {
        jdbc.sql(
                        """
                        INSERT INTO translation_text (content_hash, source, target, provider, pivot, text, search_config)
                        SELECT :h, :s, :t, :p, :pivot, :text, CAST(:config AS regconfig)
                        -- a text deleted while it was being translated leaves no translation behind
                        WHERE EXISTS (SELECT 1 FROM translation_source WHERE content_hash = :h)
                        ON CONFLICT (content_hash, source, target, provider) DO UPDATE
                        SET text = :text, pivot = :pivot, created_at = now()
                        """)
                .param("h", job.contentHash())
                .param("s", job.source())
                .param("t", job.target())
                .param("p", route.providerName())
                .param("pivot", route.pivot())
                .param("text", translated)
                .param("config", TextSearchConfigurations.of(job.target()))
                .update();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("translation-worker-" + i).start(this::work));
        }
    }

    @Override
    public void stop() {
        running = false;
        // no interrupt: a worker in the middle of a database call would lose its connection; it stops after its job
        wakeUps.release(threads.size());
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
