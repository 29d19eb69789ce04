package org.polyphony.research;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One figure of a protected table as the API and the CSV download list them: a cell, a category's total (sex
 * "total"), a sex's total (category "total") or the grand total, with its count and second measure as far as they
 * may be shown, and whether the measure is withheld (as against not available). Both list the same figures in the
 * same order from here.
 */
record TableFigure(
        String category,
        String secondCategory,
        String sex,
        OptionalLong count,
        Optional<BigDecimal> measure,
        boolean measureSuppressed) {

    static final String TOTAL = "total";

    static List<TableFigure> all(DisaggregatedTable table) {
        List<TableFigure> figures = new ArrayList<>();
        for (int r = 0; r < table.categories().size(); r++) {
            for (int c = 0; c < table.sexes().size(); c++) {
                figures.add(new TableFigure(
                        table.categories().get(r),
                        table.seconds().get(r),
                        table.sexes().get(c),
                        table.cell(r, c),
                        table.measure(r, c),
                        table.hasMeasure() && !table.measureShown(r, c)));
            }
            figures.add(new TableFigure(
                    table.categories().get(r),
                    table.seconds().get(r),
                    TOTAL,
                    table.cells().rowTotal(r),
                    table.measureRowTotal(r),
                    table.hasMeasure() && !table.measureRowTotalShown(r)));
        }
        for (int c = 0; c < table.sexes().size(); c++) {
            figures.add(new TableFigure(
                    TOTAL,
                    "",
                    table.sexes().get(c),
                    table.cells().columnTotal(c),
                    table.measureColumnTotal(c),
                    table.hasMeasure() && !table.measureColumnTotalShown(c)));
        }
        figures.add(new TableFigure(
                TOTAL,
                "",
                TOTAL,
                table.cells().total(),
                table.measureTotal(),
                table.hasMeasure() && !table.measureTotalShown()));
        return figures;
    }
}
