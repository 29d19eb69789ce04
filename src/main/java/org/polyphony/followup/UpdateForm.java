package org.polyphony.followup;

/** A progress update as typed: a completion level, what happened, and evidence links one per line. */
public record UpdateForm(String level, String body, String links) {

    public static UpdateForm blank() {
        return new UpdateForm("", "", "");
    }
}
