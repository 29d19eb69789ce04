package org.polyphony.dialogue;

import java.util.Arrays;

/** The orders a session's thread list offers, each with the column its keyset pagination walks. */
public enum ThreadSort {
    LATEST("last_activity_at", true),
    NEWEST("created_at", true),
    REPLIES("reply_count", false),
    UNANSWERED("created_at", true);

    final String column;
    final boolean timestamp;

    ThreadSort(String column, boolean timestamp) {
        this.column = column;
        this.timestamp = timestamp;
    }

    public String parameter() {
        return name().toLowerCase();
    }

    static ThreadSort of(String parameter) {
        return Arrays.stream(values())
                .filter(s -> s.parameter().equals(parameter))
                .findFirst()
                .orElse(LATEST);
    }
}
