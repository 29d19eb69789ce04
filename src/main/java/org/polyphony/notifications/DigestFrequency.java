package org.polyphony.notifications;

import java.time.Duration;

/** How often a person wants an e-mail digest; never unless they choose. */
public enum DigestFrequency {
    NONE(null),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7));

    final Duration interval;

    DigestFrequency(Duration interval) {
        this.interval = interval;
    }
}
