package org.polyphony.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Small-cell protection for a two-way table of counts published with its row, column and grand totals.
 *
 * <p>Primary suppression hides every cell (margins included) that {@link SmallCells} would hide. Complementary
 * suppression then hides enough other cells that no hidden value can be worked out from what is shown. The method:
 * see the table with its margins as an (R+1)×(C+1) grid in which every row and every column adds up (interior
 * cells minus their total). Hidden cells are edges of a bipartite graph between rows and columns. A hidden cell is
 * determined by the published figures exactly when its edge is a bridge of that graph (cutting it splits the graph,
 * and summing the constraints of one side gives its value); when every hidden cell lies on a cycle and every hidden
 * value is at least 1, adding and taking away 1 alternately round the cycle keeps every published figure and every
 * count non-negative, so each hidden value could be one more or one less than it is. So, while some hidden cell is a
 * bridge, the cheapest path between its row and its column through non-zero cells (already hidden ones free, then
 * fewest new cells, then smallest values, interior cells before totals) is hidden too. Zeros are never hidden: they
 * single nobody out. When no such path exists the whole table is hidden. Spring-free, so any module can use it.
 */
public final class CellSuppression {

    private static final long NEW_CELL = 1L << 40;
    private static final long TOTAL_PENALTY = 1L << 20;

    private CellSuppression() {}

    /** A table after protection: every figure with whether it may be shown. */
    public record Protected(
            long[][] cells,
            long[] rowTotals,
            long[] columnTotals,
            long grandTotal,
            boolean[][] cellHidden,
            boolean[] rowTotalHidden,
            boolean[] columnTotalHidden,
            boolean grandTotalHidden) {

        public int rows() {
            return cells.length;
        }

        public int columns() {
            return columnTotals.length;
        }

        public boolean hidden(int row, int column) {
            return cellHidden[row][column];
        }

        /** A cell when it may be shown, empty when it is hidden. */
        public java.util.OptionalLong cell(int row, int column) {
            return cellHidden[row][column]
                    ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(cells[row][column]);
        }

        public java.util.OptionalLong rowTotal(int row) {
            return rowTotalHidden[row] ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(rowTotals[row]);
        }

        public java.util.OptionalLong columnTotal(int column) {
            return columnTotalHidden[column]
                    ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(columnTotals[column]);
        }

        public java.util.OptionalLong total() {
            return grandTotalHidden ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(grandTotal);
        }

        /** How many figures (cells and totals) are hidden. */
        public int hiddenCount() {
            int count = grandTotalHidden ? 1 : 0;
            for (int r = 0; r < rows(); r++) {
                if (rowTotalHidden[r]) count++;
                for (int c = 0; c < columns(); c++) {
                    if (cellHidden[r][c]) count++;
                }
            }
            for (boolean hidden : columnTotalHidden) {
                if (hidden) count++;
            }
            return count;
        }
    }

    /** Protects a one-way table (counts by one dimension) published with its total, as a table of one row. */
    public static Protected protect(long[] counts, SmallCells rule) {
        return protect(new long[][] {counts}, rule);
    }

    /** Protects {@code cells} (rows × columns, counts ≥ 0) and the totals computed from them. */
    public static Protected protect(long[][] cells, SmallCells rule) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        long[][] grid = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("ragged table");
            }
            for (int c = 0; c < columns; c++) {
                if (cells[r][c] < 0) {
                    throw new IllegalArgumentException("negative count");
                }
                grid[r][c] = cells[r][c];
                grid[r][columns] += cells[r][c];
                grid[rows][c] += cells[r][c];
                grid[rows][columns] += cells[r][c];
            }
        }
        boolean[][] hidden = new boolean[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                hidden[r][c] = !rule.shows(grid[r][c]);
            }
        }
        completeSuppression(grid, hidden);
        return toProtected(grid, hidden, rows, columns);
    }

    private static void completeSuppression(long[][] grid, boolean[][] hidden) {
        for (int[] bridge = firstBridge(hidden); bridge != null; bridge = firstBridge(hidden)) {
            List<int[]> path = cheapestPath(grid, hidden, bridge[0], bridge[1]);
            if (path == null) {
                hideAllNonZero(grid, hidden);
                return;
            }
            for (int[] cell : path) {
                hidden[cell[0]][cell[1]] = true;
            }
        }
    }

    private static void hideAllNonZero(long[][] grid, boolean[][] hidden) {
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                hidden[r][c] = grid[r][c] != 0;
            }
        }
    }

    /**
     * A hidden cell whose edge is a bridge of the row–column graph of hidden cells (Tarjan's low-link), or null.
     * Nodes 0..R are rows, R+1..R+C+1 columns.
     */
    static int[] firstBridge(boolean[][] hidden) {
        int rows = hidden.length;
        int columns = hidden[0].length;
        int nodes = rows + columns;
        List<List<int[]>> adjacent = new ArrayList<>();
        for (int n = 0; n < nodes; n++) adjacent.add(new ArrayList<>());
        int edge = 0;
        int[][] edgeCell = new int[rows * columns][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (hidden[r][c]) {
                    adjacent.get(r).add(new int[] {rows + c, edge});
                    adjacent.get(rows + c).add(new int[] {r, edge});
                    edgeCell[edge++] = new int[] {r, c};
                }
            }
        }
        int[] order = new int[nodes];
        int[] low = new int[nodes];
        Arrays.fill(order, -1);
        int counter = 0;
        for (int start = 0; start < nodes; start++) {
            if (order[start] != -1) continue;
            // iterative depth-first search: frames of {node, incoming edge, next neighbour index}
            Deque<int[]> stack = new ArrayDeque<>();
            order[start] = low[start] = counter++;
            stack.push(new int[] {start, -1, 0});
            while (!stack.isEmpty()) {
                int[] frame = stack.peek();
                int node = frame[0];
                if (frame[2] < adjacent.get(node).size()) {
                    int[] next = adjacent.get(node).get(frame[2]++);
                    if (next[1] == frame[1]) continue;
                    if (order[next[0]] == -1) {
                        order[next[0]] = low[next[0]] = counter++;
                        stack.push(new int[] {next[0], next[1], 0});
                    } else {
                        low[node] = Math.min(low[node], order[next[0]]);
                    }
                } else {
                    stack.pop();
                    if (!stack.isEmpty()) {
                        int parent = stack.peek()[0];
                        low[parent] = Math.min(low[parent], low[node]);
                        if (low[node] > order[parent]) {
                            return edgeCell[frame[1]];
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Dijkstra from the row node to the column node of the bridge, not through the bridge itself. */
    private static List<int[]> cheapestPath(long[][] grid, boolean[][] hidden, int bridgeRow, int bridgeColumn) {
        int rows = grid.length;
        int columns = grid[0].length;
        int nodes = rows + columns;
        long[] distance = new long[nodes];
        int[][] via = new int[nodes][];
        Arrays.fill(distance, Long.MAX_VALUE);
        int target = rows + bridgeColumn;
        distance[bridgeRow] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        queue.add(new long[] {0, bridgeRow});
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int node = (int) head[1];
            if (head[0] > distance[node]) continue;
            if (node == target) break;
            boolean isRow = node < rows;
            int count = isRow ? columns : rows;
            for (int k = 0; k < count; k++) {
                int r = isRow ? node : k;
                int c = isRow ? k : node - rows;
                if ((r == bridgeRow && c == bridgeColumn) || grid[r][c] == 0) continue;
                long cost =
                        hidden[r][c] ? 0 : NEW_CELL + grid[r][c] + (isTotal(r, c, rows, columns) ? TOTAL_PENALTY : 0);
                int other = isRow ? rows + c : r;
                if (distance[node] + cost < distance[other]) {
                    distance[other] = distance[node] + cost;
                    via[other] = new int[] {r, c, node};
                    queue.add(new long[] {distance[other], other});
                }
            }
        }
        if (distance[target] == Long.MAX_VALUE) return null;
        List<int[]> path = new ArrayList<>();
        for (int node = target; node != bridgeRow; node = via[node][2]) {
            path.add(new int[] {via[node][0], via[node][1]});
        }
        return path;
    }

    private static boolean isTotal(int r, int c, int rows, int columns) {
        return r == rows - 1 || c == columns - 1;
    }

    private static Protected toProtected(long[][] grid, boolean[][] hidden, int rows, int columns) {
        long[][] cells = new long[rows][columns];
        boolean[][] cellHidden = new boolean[rows][columns];
        long[] rowTotals = new long[rows];
        boolean[] rowHidden = new boolean[rows];
        long[] columnTotals = new long[columns];
        boolean[] columnHidden = new boolean[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = grid[r][c];
                cellHidden[r][c] = hidden[r][c];
            }
            rowTotals[r] = grid[r][columns];
            rowHidden[r] = hidden[r][columns];
        }
        for (int c = 0; c < columns; c++) {
            columnTotals[c] = grid[rows][c];
            columnHidden[c] = hidden[rows][c];
        }
        return new Protected(
                cells,
                rowTotals,
                columnTotals,
                grid[rows][columns],
                cellHidden,
                rowHidden,
                columnHidden,
                hidden[rows][columns]);
    }
}
