package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.polyphony.statistics.SmallCells;

/**
 * A second measure cannot be worked out for a hidden cell: whatever that cell's measure is, every figure the table
 * publishes (cells, totals, for rates and amounts) stays the same, so nothing published carries it. Tables are
 * random, with many small cells and measures that are often zero (the case where the counts' pattern alone would
 * leave an interval of a single point).
 */
class MeasureSuppressionTest {

    private static final String[] SEXES = {"female", "male", "other"};

    @Property(tries = 300)
    void noPublishedFigureDependsOnAHiddenCellsMeasure(
            @ForAll("tables") long[][] cells, @ForAll("kinds") DatasetSchema.MeasureKind kind) {
        DatasetSchema.Measure measure = new DatasetSchema.Measure("m", kind, "u");
        DisaggregatedTable table = table(cells, measure, -1, -1);
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                if (table.cells().hidden(r, c)) {
                    assertThat(published(table(cells, measure, r, c)))
                            .as("measure of hidden cell %d,%d", r, c)
                            .isEqualTo(published(table));
                    assertThat(table.measure(r, c)).isEmpty();
                }
            }
        }
    }

    /** The table with measures from the counts, the measure of cell (r, c) changed when r is not -1. */
    private static DisaggregatedTable table(
            long[][] cells, DatasetSchema.Measure measure, int changedRow, int changedColumn) {
        List<Object[]> sums = new ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                // zero for one cell in three: no remittances sent, a rate of zero
                long value = (r + 2 * c) % 3 == 0 ? 0 : cells[r][c] * 7 + r;
                if (r == changedRow && c == changedColumn) value += 1_000;
                sums.add(new Object[] {
                    "category " + r,
                    "",
                    SEXES[c],
                    cells[r][c],
                    BigDecimal.valueOf(value),
                    BigDecimal.valueOf(cells[r][c] + 1)
                });
            }
        }
        return DisaggregatedTable.of(sums, SmallCells.standard(), measure);
    }

    private static List<String> published(DisaggregatedTable table) {
        return TableFigure.all(table).stream()
                .map(f -> f.category() + "/" + f.sex() + "="
                        + f.measure().map(BigDecimal::toPlainString).orElse("-"))
                .toList();
    }

    @Provide
    Arbitrary<long[][]> tables() {
        Arbitrary<Long> cell = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(5, 200)));
        return Arbitraries.integers().between(2, 3).flatMap(columns -> cell.array(long[].class)
                .ofSize(columns)
                .array(long[][].class)
                .ofMinSize(2)
                .ofMaxSize(5));
    }

    @Provide
    Arbitrary<DatasetSchema.MeasureKind> kinds() {
        return Arbitraries.of(DatasetSchema.MeasureKind.class);
    }
}
