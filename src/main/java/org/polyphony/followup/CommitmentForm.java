package org.polyphony.followup;

/**
 * A commitment as typed: the committing organisation's id (one the person administers), or, for an organiser, a
 * state's country code; what will be done, by when (ISO date), who is responsible, and an optional indicator id.
 */
public record CommitmentForm(
        String organisation, String country, String action, String dueOn, String responsible, String indicator) {

    public static CommitmentForm blank() {
        return new CommitmentForm("", "", "", "", "", "");
    }
}
