package org.polyphony.research;

import java.util.List;
import java.util.OptionalLong;
import org.polyphony.statistics.CellSuppression;

/** An edition's participation, each breakdown protected; posts are counted as a whole only. */
public record ParticipationFigures(Breakdown byRegion, Breakdown byLanguage, Breakdown byMonth, long posts) {

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
