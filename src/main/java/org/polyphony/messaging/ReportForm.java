package org.polyphony.messaging;

import java.util.Arrays;
import java.util.Optional;

/**
 * A participant's report of a conversation: a reason and an optional note for the moderators. The reason is bound
 * as text, so that a made-up value is refused with the form's own words rather than a conversion error.
 */
public record ReportForm(String reason, String note) {

    public static ReportForm blank() {
        return new ReportForm("", "");
    }

    public Optional<ReportReason> chosenReason() {
        return Arrays.stream(ReportReason.values())
                .filter(r -> r.name().equals(reason))
                .findFirst();
    }

    public boolean chose(ReportReason candidate) {
        return candidate.name().equals(reason);
    }

    public String noteOrEmpty() {
        return note == null ? "" : note.strip();
    }
}
