package org.polyphony.opinions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.polyphony.statistics.SmallCells;

/**
 * Who is in an opinion group, from its members' answers to the meta statements ("I identify as female", "I live in
 * the Gulf"): for each meta statement, the share of the group's members who answered it that agreed, disagreed or
 * passed. The disaggregation by gender, region or sector, applied to opinions. Small cells are protected by the
 * platform's rule ({@link SmallCells}): a group smaller than the minimum shows no composition at all, and a statement
 * shows no shares when fewer than the minimum of the group's members answered it or when any of its three answers
 * was given by fewer than the minimum (but more than none): the three add up to the whole, so one hidden alone could
 * be worked out from the other two.
 *
 * @param shown false when the group is too small for its composition to be shown; {@code answers} is then empty
 */
public record GroupComposition(int group, String letter, int size, boolean shown, List<MetaAnswers> answers) {

    /**
     * A group's answers to one meta statement; the three percentages are null together when hidden.
     *
     * @param answered how many of the group's members voted on it; null when that count is itself a small cell
     */
    public record MetaAnswers(
            int statement, Integer answered, Integer agreePercent, Integer disagreePercent, Integer passPercent) {

        public boolean hidden() {
            return agreePercent == null && disagreePercent == null && passPercent == null;
        }
    }

    /**
     * The composition of each group of an analysis.
     *
     * @param metaStatements numbers of the statements marked meta now, in the order to show them
     */
    public static List<GroupComposition> of(AnalysisResult result, List<Integer> metaStatements, SmallCells cells) {
        List<GroupComposition> compositions = new ArrayList<>();
        if (!result.grouped() || metaStatements.isEmpty()) {
            return compositions;
        }
        Set<Integer> wanted = Set.copyOf(metaStatements);
        for (AnalysisResult.Group group : result.groups()) {
            String letter = OpinionMapSvg.letter(group.id());
            if (group.size() < cells.minimum()) {
                compositions.add(new GroupComposition(group.id(), letter, group.size(), false, List.of()));
                continue;
            }
            List<MetaAnswers> answers = new ArrayList<>();
            for (int number : metaStatements) {
                result.votesOn(number)
                        .filter(v -> wanted.contains(v.statement())
                                && group.id() < v.byGroup().size())
                        .map(v -> answers(number, v.byGroup().get(group.id()), cells))
                        .ifPresent(answers::add);
            }
            compositions.add(new GroupComposition(group.id(), letter, group.size(), true, answers));
        }
        return compositions;
    }

    private static MetaAnswers answers(int statement, AnalysisResult.Votes votes, SmallCells cells) {
        int whole = votes.total();
        Integer answered = cells.shows(whole) ? whole : null;
        // the three shares add up to the whole: one hidden alone could be worked out from the others, so a small
        // cell hides all three
        if (!cells.showsShare(votes.agrees(), whole)
                || !cells.showsShare(votes.disagrees(), whole)
                || !cells.showsShare(votes.passes(), whole)) {
            return new MetaAnswers(statement, answered, null, null, null);
        }
        return new MetaAnswers(
                statement,
                answered,
                percent(votes.agrees(), whole),
                percent(votes.disagrees(), whole),
                percent(votes.passes(), whole));
    }

    private static int percent(int part, int whole) {
        return (int) Math.round(100.0 * part / whole);
    }
}
