package org.polyphony.opinions;

/**
 * The side of a statement that a group, or everyone, leans to, as other modules see it in a cited result
 * ({@link OpinionCitations.CitableResult#stance()}). The analysis has its own ({@code analysis.Stance}): it stands
 * alone and uses nothing of the module around it, and the module's other parts are not exposed to other modules.
 */
public enum Stance {
    AGREE,
    DISAGREE;

    static Stance of(org.polyphony.opinions.analysis.Stance stance) {
        return stance == org.polyphony.opinions.analysis.Stance.AGREE ? AGREE : DISAGREE;
    }
}
