package org.polyphony.research;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once at start, hands to translation the abstracts stored before imports registered them, so that they reach
 * readers and the volunteers' queue like newly imported ones. New imports and the demo library register theirs as
 * they are stored ({@link Library#store}).
 */
@Component
class AbstractRegistration {

    private static final Logger log = LoggerFactory.getLogger(AbstractRegistration.class);

    private final Library library;

    AbstractRegistration(Library library) {
        this.library = library;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        try {
            int registered = library.registerAbstracts();
            if (registered > 0) {
                log.info("Handed {} publication abstracts to translation", registered);
            }
        } catch (RuntimeException failed) {
            // the library works without it; the next start tries again
            log.warn("Publication abstracts not handed to translation: {}", failed.toString());
        }
    }
}
