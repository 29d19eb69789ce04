package org.polyphony.skills;

import java.util.List;
import java.util.OptionalLong;
import org.polyphony.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pilot's figures for its organisers: profiles, opportunities, matches, interest and placements, overall and
 * by ISCO major group. Counts of people go through the platform's small-cell rule; counts of opportunities are
 * about organisations and are shown as they are.
 */
@Component
public class PilotFigures {

    /** A row of figures; an empty count of people is a small cell, hidden. */
    public record Row(
            String majorGroup,
            long opportunities,
            OptionalLong matches,
            OptionalLong interested,
            OptionalLong placed) {}

    public record Figures(OptionalLong activeProfiles, Row total, List<Row> byMajorGroup) {}

    private final JdbcClient jdbc;
    private final Candidates candidates;
    private final Opportunities opportunities;
    private final SmallCells cells;

    PilotFigures(JdbcClient jdbc, Candidates candidates, Opportunities opportunities, SmallCells cells) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.opportunities = opportunities;
        this.cells = cells;
    }

    Figures of(long edition) {
        long profiles = jdbc.sql("SELECT count(*) FROM skills_profile WHERE NOT paused")
                .query(Long.class)
                .single();
        List<Opportunity> open = opportunities.open(edition, "", "", "");
        java.util.Map<Long, Long> matches = candidates.counts(open);
        List<Row> rows = new java.util.ArrayList<>();
        for (int major = 0; major <= 9; major++) {
            String group = Integer.toString(major);
            List<Opportunity> inGroup =
                    open.stream().filter(o -> o.occupation().startsWith(group)).toList();
            if (!inGroup.isEmpty()) {
                rows.add(row(edition, group, inGroup, matches));
            }
        }
        return new Figures(cells.shown(profiles), protectTotal(row(edition, "", open, matches), rows), rows);
    }

    /**
     * A total with exactly one hidden cell among its groups would give that cell away by subtraction: then the
     * total is hidden too (complementary suppression along the one dimension this table has).
     */
    private static Row protectTotal(Row total, List<Row> rows) {
        return new Row(
                total.majorGroup(),
                total.opportunities(),
                protect(total.matches(), rows.stream().map(Row::matches).toList()),
                protect(total.interested(), rows.stream().map(Row::interested).toList()),
                protect(total.placed(), rows.stream().map(Row::placed).toList()));
    }

    private static OptionalLong protect(OptionalLong total, List<OptionalLong> cells) {
        return cells.stream().filter(OptionalLong::isEmpty).count() == 1 ? OptionalLong.empty() : total;
    }

    private Row row(long edition, String majorGroup, List<Opportunity> open, java.util.Map<Long, Long> byOpportunity) {
        long matches = open.stream().mapToLong(o -> byOpportunity.get(o.id())).sum();
        var counts = jdbc.sql(
                        """
                        SELECT count(DISTINCT i.profile_id), count(DISTINCT i.profile_id) FILTER (WHERE i.placed)
                          FROM skills_interest i JOIN skills_opportunity o ON o.id = i.opportunity_id
                         WHERE o.edition_id = :edition AND o.occupation LIKE :group || '%'
                        """)
                .param("edition", edition)
                .param("group", majorGroup)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Row(majorGroup, open.size(), cells.shown(matches), cells.shown(counts[0]), cells.shown(counts[1]));
    }
}
