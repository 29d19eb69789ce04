package org.polyphony.consultation;

import java.util.List;

/** The drafting team's decision on one or several comments, with its reason. */
public record HandlingForm(List<Long> comments, String decision, String reason) {

    public List<Long> chosen() {
        return comments == null ? List.of() : comments;
    }

    String reasonText() {
        return reason == null ? "" : reason.strip();
    }
}
