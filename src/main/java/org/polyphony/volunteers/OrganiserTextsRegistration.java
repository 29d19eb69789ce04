package org.polyphony.volunteers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.polyphony.forums.AgendaSaved;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands organisers' texts (edition names and summaries, session backgrounds and main issues) to translation when they
 * are written, so a fresh installation's translation and volunteer queues have them before anyone opens a page:
 * after every committed change to the agenda (organisers' forms, an agenda import, the demo agenda) and once at
 * start, for texts saved before this existed. Only published editions that are not archived: a draft is not
 * translated before it is shown, and an installation's past editions are not queued.
 *
 * <p>Texts this node already handed over unchanged are skipped without a query; others are compared with what
 * translation holds ({@code Translations.registerIfChanged}), so saving an agenda again asks for nothing.
 */
@Component
class OrganiserTextsRegistration {

    private static final Logger log = LoggerFactory.getLogger(OrganiserTextsRegistration.class);

    private final ForumManagement forums;
    private final SessionTexts sessions;
    private final EditionTexts editions;
    private final TransactionTemplate transaction;
    // what this node handed over, by "edition:id" and "session:id": the texts as they were then
    private final Map<String, String> handedOver = new ConcurrentHashMap<>();

    OrganiserTextsRegistration(
            ForumManagement forums,
            SessionTexts sessions,
            EditionTexts editions,
            PlatformTransactionManager transactions) {
        this.forums = forums;
        this.sessions = sessions;
        this.editions = editions;
        this.transaction = new TransactionTemplate(transactions);
        // it runs once the organisers' change committed: its own transaction, not theirs
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        registerChanged();
    }

    @EventListener(AgendaSaved.class)
    void agendaSaved() {
        registerChanged();
    }

    /** Registers every text of the published editions that changed since this node last handed it over. */
    void registerChanged() {
        Map<String, String> done = new HashMap<>();
        try {
            transaction.executeWithoutResult(status -> {
                for (Edition edition : forums.editions(false)) {
                    if (edition.archived()) {
                        continue;
                    }
                    registerIfNew(
                            "edition:" + edition.id().value(),
                            editions.fingerprint(edition),
                            done,
                            () -> editions.register(edition));
                    for (Edition.Roundtable roundtable : edition.roundtables()) {
                        for (Edition.ForumSession session : roundtable.sessions()) {
                            registerIfNew(
                                    "session:" + session.id().value(),
                                    SessionTexts.fingerprint(session),
                                    done,
                                    () -> sessions.register(edition, session));
                        }
                    }
                }
            });
            // remembered only once committed: a rolled back registration is tried again next time
            handedOver.putAll(done);
        } catch (RuntimeException failed) {
            // the organisers' change is saved; the next change or restart hands the texts over
            log.warn("Organisers' texts not handed to translation: {}", failed.toString());
        }
    }

    private void registerIfNew(String key, String fingerprint, Map<String, String> done, Runnable register) {
        if (!fingerprint.equals(handedOver.get(key))) {
            register.run();
            done.put(key, fingerprint);
        }
    }
}
