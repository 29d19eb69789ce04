package org.polyphony.followup;

import java.util.List;

/** What the follow-up templates need beyond the module's records: vocabularies and small view records. */
public final class FollowupViews {

    public static final List<String> THEMES = FollowupThemes.CODES;
    public static final List<String> ADDRESSEES = Addressees.CODES;

    private FollowupViews() {}

    /** The dashboard's filters as chosen, empty strings for "any". */
    public record Filter(String edition, String theme, String status, String addressee) {}

    /** An import problem as shown: line 0 means the whole file; column null when it is no one column's. */
    public record Problem(int line, String column, String message) {}
}
