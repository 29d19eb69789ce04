package org.polyphony.research;

import java.util.List;
import java.util.OptionalLong;
import org.polyphony.statistics.CellSuppression;

/**
 * An edition's participation, each breakdown protected; posts and votes are counted as a whole only.
 *
 * @param byRegion participants (authors of posts) by the region of the first country they chose to state
 * @param byRole participants by their highest role on the platform
 * @param storiesByRegion published stories by the region of residence their tellers gave
 * @param storiesByGender published stories by the gender their tellers chose to state, in their own words
 * @param votersByMonth voters in the edition's opinion conversations, by the month of their first vote
 * @param byGender participants by the gender they chose to state in their profile, in their own words
 * @param attendanceByRegion people counted at the edition's meetings, by region, as organisers recorded them
 * @param meetings meetings with attendance recorded
 */
public record ParticipationFigures(
        Breakdown byRegion,
        Breakdown byLanguage,
        Breakdown byMonth,
        Breakdown byRole,
        Breakdown storiesByRegion,
        Breakdown storiesByMonth,
        Breakdown storiesByGender,
        Breakdown votersByMonth,
        long posts,
        long votes,
        Breakdown byGender,
        Breakdown attendanceByRegion,
        Breakdown attendanceByGender,
        Breakdown attendanceByMonth,
        long meetings) {

    /** A breakdown: its category codes (labelled by the page) and the protected counts, one row with its total. */
    public record Breakdown(List<String> categories, CellSuppression.Protected counts) {
        public OptionalLong count(int index) {
            return counts.cell(0, index);
        }

        public OptionalLong total() {
            return counts.total();
        }
    }
}
