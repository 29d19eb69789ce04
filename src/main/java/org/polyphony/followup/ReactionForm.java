package org.polyphony.followup;

/** A confirmation or a contest as typed: for which organisation, the stance, why, and evidence links. */
public record ReactionForm(String organisation, String stance, String body, String links) {

    public static ReactionForm blank() {
        return new ReactionForm("", "", "", "");
    }
}
