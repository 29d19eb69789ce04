package org.polyphony.research;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.polyphony.statistics.CellSuppression;
import org.polyphony.statistics.SmallCells;

/**
 * Counts by category (rows) and sex (columns), with totals, protected by complementary suppression. Page, chart, API
 * and CSV download all show this one table, so no two views can be subtracted to recover a hidden cell.
 */
public record DisaggregatedTable(List<String> categories, List<String> sexes, CellSuppression.Protected cells) {

    static DisaggregatedTable of(List<Object[]> sums, SmallCells rule) {
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> sexes = new TreeSet<>();
        for (Object[] sum : sums) {
            categories.add((String) sum[0]);
            sexes.add((String) sum[1]);
        }
        List<String> rows = new ArrayList<>(categories);
        List<String> columns = new ArrayList<>(sexes);
        long[][] counts = new long[rows.size()][columns.size()];
        for (Object[] sum : sums) {
            counts[rows.indexOf(sum[0])][columns.indexOf(sum[1])] += (Long) sum[2];
        }
        return new DisaggregatedTable(rows, columns, CellSuppression.protect(counts, rule));
    }

    public OptionalLong cell(int row, int column) {
        return cells.cell(row, column);
    }

    /** The greatest shown figure among the cells, for the chart's scale. */
    public long largestShownCell() {
        long largest = 0;
        for (int r = 0; r < categories.size(); r++) {
            for (int c = 0; c < sexes.size(); c++) {
                largest = Math.max(largest, cell(r, c).orElse(0));
            }
        }
        return largest;
    }

    public boolean anySuppressed() {
        return cells.hiddenCount() > 0;
    }
}
