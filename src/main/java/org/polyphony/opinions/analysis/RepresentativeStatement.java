package org.polyphony.opinions.analysis;

/**
 * A statement on which a group differs from everyone else clustered.
 *
 * @param stance whether the group agrees or disagrees more than the others
 * @param probabilityInGroup (votes of that stance + 1) / (votes + 2) within the group
 * @param probabilityOutside the same over the other groups pooled
 * @param zInGroup how surely the group leans that way (one-proportion test against one half)
 * @param zAgainstOthers how surely the group differs from the others (two-proportion test)
 */
public record RepresentativeStatement(
        int statementId,
        Stance stance,
        double probabilityInGroup,
        double probabilityOutside,
        double zInGroup,
        double zAgainstOthers) {}
