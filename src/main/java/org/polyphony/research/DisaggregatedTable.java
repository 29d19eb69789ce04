package org.polyphony.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.polyphony.statistics.CellSuppression;
import org.polyphony.statistics.SmallCells;

/**
 * Counts by category (rows) and sex (columns), with totals, protected by complementary suppression, and the second
 * measure of the same cells when the dataset has one. Page, chart, API and CSV download all show this one table, so
 * no two views can be subtracted to recover a hidden cell.
 *
 * <p>A second measure is shown only where its cell's count is shown, and its totals only where no cell they add up
 * is hidden: a total of a row with a hidden cell would give the attacker an equation over the hidden measures, and
 * unlike counts, measures may be zero (no remittances sent), so the interval the counts' pattern leaves could
 * shrink to a point. Without such totals no published figure involves a hidden measure at all.
 */
public record DisaggregatedTable(
        List<String> categories,
        List<String> seconds,
        List<String> sexes,
        CellSuppression.Protected cells,
        Measured measured) {

    /** A table of one category (no second category on its rows). */
    public DisaggregatedTable(
            List<String> categories, List<String> sexes, CellSuppression.Protected cells, Measured measured) {
        this(categories, categories.stream().map(c -> "").toList(), sexes, cells, measured);
    }

    /**
     * A second measure's sums by cell: for a rate, the sum of rate × count and the sum of the counts that carried a
     * rate; for an amount, the sum of the amounts and how many rows gave one. A weight of zero is "not available".
     */
    public record Measured(DatasetSchema.Measure measure, BigDecimal[][] sums, BigDecimal[][] weights) {}

    /** Sums as {@code {category, sex, count}}. */
    static DisaggregatedTable of(List<Object[]> sums, SmallCells rule) {
        return of(
                sums.stream()
                        .map(sum -> new Object[] {sum[0], "", sum[1], sum[2], null, null})
                        .toList(),
                rule,
                null);
    }

    /**
     * Sums as {@code {category, second category ("" when none), sex, count, measure sum, measure weight}}; the
     * measure's are read when {@code measure} is not null. Each pair of categories is a row.
     */
    static DisaggregatedTable of(List<Object[]> sums, SmallCells rule, DatasetSchema.Measure measure) {
        java.util.TreeMap<String, java.util.TreeSet<String>> pairs = new java.util.TreeMap<>();
        TreeSet<String> sexes = new TreeSet<>();
        for (Object[] sum : sums) {
            pairs.computeIfAbsent((String) sum[0], c -> new TreeSet<>()).add((String) sum[1]);
            sexes.add((String) sum[2]);
        }
        List<String> rows = new ArrayList<>();
        List<String> seconds = new ArrayList<>();
        java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
        pairs.forEach((category, secondValues) -> secondValues.forEach(second -> {
            rowOf.put(category + '\0' + second, rows.size());
            rows.add(category);
            seconds.add(second);
        }));
        List<String> columns = new ArrayList<>(sexes);
        long[][] counts = new long[rows.size()][columns.size()];
        BigDecimal[][] measureSums = zeros(rows.size(), columns.size());
        BigDecimal[][] weights = zeros(rows.size(), columns.size());
        for (Object[] sum : sums) {
            int r = rowOf.get(sum[0] + "\0" + sum[1]);
            int c = columns.indexOf(sum[2]);
            counts[r][c] += (Long) sum[3];
            if (measure != null && sum[4] != null) {
                measureSums[r][c] = measureSums[r][c].add((BigDecimal) sum[4]);
                weights[r][c] = weights[r][c].add((BigDecimal) sum[5]);
            }
        }
        return new DisaggregatedTable(
                rows,
                seconds,
                columns,
                CellSuppression.protect(counts, rule),
                measure == null ? null : new Measured(measure, measureSums, weights));
    }

    /** A row's name as pages and charts show it: its category, and its second category after a middle dot. */
    public String label(int row) {
        return seconds.get(row).isEmpty() ? categories.get(row) : categories.get(row) + " · " + seconds.get(row);
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

    public boolean hasMeasure() {
        return measured != null;
    }

    /** A cell's second measure: empty when its count is hidden, when no row gave one, or without a measure. */
    public Optional<BigDecimal> measure(int row, int column) {
        if (!hasMeasure() || cells.hidden(row, column)) return Optional.empty();
        return value(measured.sums()[row][column], measured.weights()[row][column]);
    }

    public Optional<BigDecimal> measureRowTotal(int row) {
        return measureRowTotalShown(row) ? sumOf((r, c) -> r == row) : Optional.empty();
    }

    public Optional<BigDecimal> measureColumnTotal(int column) {
        return measureColumnTotalShown(column) ? sumOf((r, c) -> c == column) : Optional.empty();
    }

    public Optional<BigDecimal> measureTotal() {
        return measureTotalShown() ? sumOf((r, c) -> true) : Optional.empty();
    }

    /** The measure of the cells a total adds up, combined as its kind is (summed, or averaged by weight). */
    private Optional<BigDecimal> sumOf(java.util.function.BiPredicate<Integer, Integer> included) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        for (int r = 0; r < categories.size(); r++) {
            for (int c = 0; c < sexes.size(); c++) {
                if (included.test(r, c)) {
                    sum = sum.add(measured.sums()[r][c]);
                    weight = weight.add(measured.weights()[r][c]);
                }
            }
        }
        return value(sum, weight);
    }

    public boolean measureShown(int row, int column) {
        return hasMeasure() && !cells.hidden(row, column);
    }

    /** Whether a category's measure total may be shown: none of its cells is hidden. */
    public boolean measureRowTotalShown(int row) {
        if (!hasMeasure() || cells.rowTotal(row).isEmpty()) return false;
        for (int c = 0; c < sexes.size(); c++) {
            if (cells.hidden(row, c)) return false;
        }
        return true;
    }

    public boolean measureColumnTotalShown(int column) {
        if (!hasMeasure() || cells.columnTotal(column).isEmpty()) return false;
        for (int r = 0; r < categories.size(); r++) {
            if (cells.hidden(r, column)) return false;
        }
        return true;
    }

    public boolean measureTotalShown() {
        if (!hasMeasure() || cells.total().isEmpty()) return false;
        for (int r = 0; r < categories.size(); r++) {
            if (!measureRowTotalShown(r)) return false;
        }
        return true;
    }

    private Optional<BigDecimal> value(BigDecimal sum, BigDecimal weight) {
        if (weight.signum() == 0) return Optional.empty();
        BigDecimal value = measured.measure().kind() == DatasetSchema.MeasureKind.RATE
                ? sum.divide(weight, 2, RoundingMode.HALF_EVEN)
                : sum;
        // 12.50 is shown as 12.5 and 100 stays 100 (not 1E+2)
        value = value.stripTrailingZeros();
        return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
    }

    private static BigDecimal[][] zeros(int rows, int columns) {
        BigDecimal[][] zeros = new BigDecimal[rows][columns];
        for (BigDecimal[] row : zeros) java.util.Arrays.fill(row, BigDecimal.ZERO);
        return zeros;
    }
}
