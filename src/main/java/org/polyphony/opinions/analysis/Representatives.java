package org.polyphony.opinions.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statements that set a group apart: the group leans to one side (its smoothed proportion is significantly above
 * one half) and leans to it more than the other groups pooled (significant two-proportion test). Both tests must pass
 * at 90 % one-sided. Ranked by (in-group / outside probability) × in-group probability, which favours statements
 * that are both distinctive and firmly held; the five best are kept.
 */
final class Representatives {

    static final int PER_GROUP = 5;

    private Representatives() {}

    static List<RepresentativeStatement> of(Conversation conversation, VoteTally tally, int group) {
        record Ranked(RepresentativeStatement statement, double rank) {}
        List<Ranked> found = new ArrayList<>();
        for (int j = 0; j < conversation.statementCount(); j++) {
            if (!conversation.statement(j).shapesTheMap()) { // rejected or meta: no stance of opinion
                continue;
            }
            Ranked best = null;
            for (Stance stance : Stance.values()) {
                RepresentativeStatement candidate =
                        test(conversation.statement(j).id(), j, stance, tally, group);
                if (candidate != null) {
                    double rank = candidate.probabilityInGroup()
                            / candidate.probabilityOutside()
                            * candidate.probabilityInGroup();
                    if (best == null || rank > best.rank()) {
                        best = new Ranked(candidate, rank);
                    }
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        return found.stream()
                .sorted(Comparator.comparingDouble((Ranked r) -> -r.rank())
                        .thenComparingInt(r -> r.statement().statementId()))
                .limit(PER_GROUP)
                .map(Ranked::statement)
                .toList();
    }

    private static RepresentativeStatement test(int id, int j, Stance stance, VoteTally tally, int group) {
        int inside = tally.stanceCounts(stance, group)[j];
        int insideVotes = tally.votes[group][j];
        int outside = 0;
        int outsideVotes = 0;
        for (int g = 0; g < tally.votes.length; g++) {
            if (g != group) {
                outside += tally.stanceCounts(stance, g)[j];
                outsideVotes += tally.votes[g][j];
            }
        }
        double zInGroup = Proportions.zAboveHalf(inside, insideVotes);
        double zAgainstOthers = Proportions.zDifference(inside, insideVotes, outside, outsideVotes);
        if (zInGroup <= Proportions.Z_90 || zAgainstOthers <= Proportions.Z_90) {
            return null;
        }
        return new RepresentativeStatement(
                id,
                stance,
                Proportions.smoothed(inside, insideVotes),
                Proportions.smoothed(outside, outsideVotes),
                zInGroup,
                zAgainstOthers);
    }
}
