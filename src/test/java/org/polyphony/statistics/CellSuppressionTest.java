package org.polyphony.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * An attacker tries to recover hidden cells: from everything published (shown cells, shown totals, and the fact that
 * rows and columns add up and counts are never negative), a linear programme finds the least and the greatest value
 * each hidden figure could have. A figure is protected when that interval is wider than a point.
 */
class CellSuppressionTest {

    private final SmallCells rule = SmallCells.standard();

    @Property(tries = 300)
    void noHiddenFigureCanBeWorkedOut(@ForAll("tables") long[][] cells) {
        CellSuppression.Protected table = CellSuppression.protect(cells, rule);
        Attack attack = new Attack(table);
        for (int figure = 0; figure < attack.unknowns.size(); figure++) {
            double least = attack.bound(figure, GoalType.MINIMIZE);
            double greatest = attack.bound(figure, GoalType.MAXIMIZE);
            assertThat(greatest - least)
                    .as(
                            "hidden figure %s of %s",
                            Arrays.toString(attack.unknowns.get(figure)), Arrays.deepToString(cells))
                    .isGreaterThan(0.5);
        }
    }

    @Property(tries = 300)
    void everySmallFigureIsHiddenAndNoZeroIs(@ForAll("tables") long[][] cells) {
        CellSuppression.Protected table = CellSuppression.protect(cells, rule);
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < table.columns(); c++) {
                long value = cells[r][c];
                if (value > 0 && value < rule.minimum())
                    assertThat(table.hidden(r, c)).isTrue();
                if (value == 0) assertThat(table.hidden(r, c)).isFalse();
            }
            if (table.rowTotals()[r] > 0 && table.rowTotals()[r] < rule.minimum())
                assertThat(table.rowTotalHidden()[r]).isTrue();
        }
        for (int c = 0; c < table.columns(); c++) {
            if (table.columnTotals()[c] > 0 && table.columnTotals()[c] < rule.minimum())
                assertThat(table.columnTotalHidden()[c]).isTrue();
        }
    }

    @Property(tries = 200)
    void aTableWithoutSmallCellsIsShownWhole(@ForAll("largeTables") long[][] cells) {
        assertThat(CellSuppression.protect(cells, rule).hiddenCount()).isZero();
    }

    @Example
    void oneSmallCellCostsAFullRectangle() {
        // women in A: 3. Hiding it alone would let A's total minus men in A give it back.
        CellSuppression.Protected table = CellSuppression.protect(new long[][] {{3, 40}, {25, 30}, {12, 18}}, rule);
        assertThat(table.hidden(0, 0)).isTrue();
        assertThat(table.hiddenCount()).isEqualTo(4);
        assertThat(table.rowTotal(0)).isPresent();
        assertThat(table.total()).hasValue(128);
    }

    @Example
    void aOneWayTableHidesTwoCategoriesNotOne() {
        CellSuppression.Protected table = CellSuppression.protect(new long[] {2, 9, 30}, rule);
        assertThat(table.hidden(0, 0)).isTrue();
        assertThat(table.hidden(0, 1)).isTrue();
        assertThat(table.hidden(0, 2)).isFalse();
        assertThat(table.total()).hasValue(41);
    }

    @Provide
    Arbitrary<long[][]> tables() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 4)),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(5, 60)));
        return table(count);
    }

    @Provide
    Arbitrary<long[][]> largeTables() {
        return table(Arbitraries.longs().between(5, 500));
    }

    private static Arbitrary<long[][]> table(Arbitrary<Long> count) {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(1, 5))
                .flatAs((rows, columns) -> count.array(long[].class)
                        .ofSize(columns)
                        .array(long[][].class)
                        .ofSize(rows));
    }

    /** The published figures as linear constraints on the hidden ones. */
    private static final class Attack {

        final List<int[]> unknowns = new ArrayList<>();
        private final List<LinearConstraint> constraints = new ArrayList<>();

        Attack(CellSuppression.Protected table) {
            int rows = table.rows();
            int columns = table.columns();
            long[][] grid = new long[rows + 1][columns + 1];
            boolean[][] hidden = new boolean[rows + 1][columns + 1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    grid[r][c] = table.cells()[r][c];
                    hidden[r][c] = table.cellHidden()[r][c];
                }
                grid[r][columns] = table.rowTotals()[r];
                hidden[r][columns] = table.rowTotalHidden()[r];
            }
            for (int c = 0; c < columns; c++) {
                grid[rows][c] = table.columnTotals()[c];
                hidden[rows][c] = table.columnTotalHidden()[c];
            }
            grid[rows][columns] = table.grandTotal();
            hidden[rows][columns] = table.grandTotalHidden();
            int[][] index = new int[rows + 1][columns + 1];
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    index[r][c] = hidden[r][c] ? unknowns.size() : -1;
                    if (hidden[r][c]) unknowns.add(new int[] {r, c});
                }
            }
            for (int r = 0; r <= rows; r++) {
                double[] coefficients = new double[unknowns.size()];
                double known = 0;
                for (int c = 0; c <= columns; c++) {
                    double sign = c == columns ? -1 : 1;
                    if (hidden[r][c]) coefficients[index[r][c]] += sign;
                    else known += sign * grid[r][c];
                }
                add(coefficients, -known);
            }
            for (int c = 0; c <= columns; c++) {
                double[] coefficients = new double[unknowns.size()];
                double known = 0;
                for (int r = 0; r <= rows; r++) {
                    double sign = r == rows ? -1 : 1;
                    if (hidden[r][c]) coefficients[index[r][c]] += sign;
                    else known += sign * grid[r][c];
                }
                add(coefficients, -known);
            }
        }

        private void add(double[] coefficients, double value) {
            if (Arrays.stream(coefficients).anyMatch(v -> v != 0)) {
                constraints.add(new LinearConstraint(coefficients, Relationship.EQ, value));
            }
        }

        double bound(int figure, GoalType goal) {
            double[] objective = new double[unknowns.size()];
            objective[figure] = 1;
            // counts are bounded by the grand total, so the maximum is finite even when the grand total is hidden
            List<LinearConstraint> all = new ArrayList<>(constraints);
            double[] cap = new double[unknowns.size()];
            cap[figure] = 1;
            all.add(new LinearConstraint(cap, Relationship.LEQ, 1e7));
            return new SimplexSolver()
                    .optimize(
                            new MaxIter(10_000),
                            new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(all),
                            goal,
                            new NonNegativeConstraint(true))
                    .getValue();
        }
    }
}
