package org.polyphony.opinions.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of a conversation and each participant's latest vote on them ({@code 1} agree, {@code -1} disagree,
 * {@code 0} pass). Immutable; build it with {@link #builder()}.
 *
 * <p>Votes are kept as sparse rows (a participant sees a few dozen of perhaps a thousand statements), so a
 * conversation of 100,000 participants costs memory in proportion to its votes, not to participants × statements.
 */
public final class Conversation {

    private final long[] participantIds;
    private final Statement[] statements;
    private final int[] rowStart;
    private final int[] columns;
    private final byte[] votes;

    private Conversation(long[] participantIds, Statement[] statements, int[] rowStart, int[] columns, byte[] votes) {
        this.participantIds = participantIds;
        this.statements = statements;
        this.rowStart = rowStart;
        this.columns = columns;
        this.votes = votes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Statements by ascending id. */
    public List<Statement> statements() {
        return List.of(statements);
    }

    /** Everyone who voted at least once. */
    public int participantCount() {
        return participantIds.length;
    }

    public int statementCount() {
        return statements.length;
    }

    /** Latest votes, one per participant and statement voted on. */
    public int voteCount() {
        return votes.length;
    }

    public long participantId(int participant) {
        return participantIds[participant];
    }

    /** Index of a participant, or a negative number when they never voted. */
    int participantIndex(long participantId) {
        return Arrays.binarySearch(participantIds, participantId);
    }

    public Statement statement(int column) {
        return statements[column];
    }

    public int rowStart(int participant) {
        return rowStart[participant];
    }

    public int rowEnd(int participant) {
        return rowStart[participant + 1];
    }

    int votesOf(int participant) {
        return rowStart[participant + 1] - rowStart[participant];
    }

    /** Statement index of the vote at a position of the sparse rows. */
    public int column(int entry) {
        return columns[entry];
    }

    /** The vote as cast, at a position of the sparse rows. */
    public int vote(int entry) {
        return votes[entry];
    }

    /** Collects statements, then votes in the order they were cast: a later vote on the same statement replaces an earlier one. */
    public static final class Builder {

        private final Map<Integer, Statement> statements = new HashMap<>();
        private long[] voters = new long[256];
        private int[] statementIds = new int[256];
        private byte[] values = new byte[256];
        private int size;

        private Builder() {}

        public Builder statement(Statement statement) {
            if (statements.putIfAbsent(statement.id(), statement) != null) {
                throw new IllegalArgumentException("statement " + statement.id() + " added twice");
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException when the statement was not added first or the vote is not -1, 0 or 1
         */
        public Builder vote(long participantId, int statementId, int vote) {
            if (!statements.containsKey(statementId)) {
                throw new IllegalArgumentException("unknown statement " + statementId);
            }
            if (vote < -1 || vote > 1) {
                throw new IllegalArgumentException("vote must be -1, 0 or 1, found " + vote);
            }
            if (size == voters.length) {
                int grown = Math.max(256, size + (size >> 1));
                voters = Arrays.copyOf(voters, grown);
                statementIds = Arrays.copyOf(statementIds, grown);
                values = Arrays.copyOf(values, grown);
            }
            voters[size] = participantId;
            statementIds[size] = statementId;
            values[size] = (byte) vote;
            size++;
            return this;
        }

        public Conversation build() {
            Statement[] sorted = statements.values().stream()
                    .sorted(Comparator.comparingInt(Statement::id))
                    .toArray(Statement[]::new);
            int[] ids = Arrays.stream(sorted).mapToInt(Statement::id).toArray();
            long[] participants = distinctSorted(Arrays.copyOf(voters, size));

            // counting sort of the votes by participant, keeping the order they were cast in
            int n = participants.length;
            int[] start = new int[n + 1];
            int[] participantOf = new int[size];
            for (int i = 0; i < size; i++) {
                participantOf[i] = Arrays.binarySearch(participants, voters[i]);
                start[participantOf[i] + 1]++;
            }
            for (int p = 0; p < n; p++) {
                start[p + 1] += start[p];
            }
            // column in the high half, order cast in the low half: sorting a row puts a statement's votes together,
            // the latest last
            long[] keyed = new long[size];
            int[] fill = Arrays.copyOf(start, n);
            for (int i = 0; i < size; i++) {
                long column = Arrays.binarySearch(ids, statementIds[i]);
                keyed[fill[participantOf[i]]++] = column << 32 | i;
            }

            int[] rowStart = new int[n + 1];
            int[] columns = new int[size];
            byte[] latest = new byte[size];
            int kept = 0;
            for (int p = 0; p < n; p++) {
                Arrays.sort(keyed, start[p], start[p + 1]);
                for (int e = start[p]; e < start[p + 1]; e++) {
                    boolean lastOfItsStatement = e + 1 == start[p + 1] || (keyed[e + 1] >>> 32) != (keyed[e] >>> 32);
                    if (lastOfItsStatement) {
                        columns[kept] = (int) (keyed[e] >>> 32);
                        latest[kept] = values[(int) keyed[e]];
                        kept++;
                    }
                }
                rowStart[p + 1] = kept;
            }
            return new Conversation(
                    participants, sorted, rowStart, Arrays.copyOf(columns, kept), Arrays.copyOf(latest, kept));
        }

        private static long[] distinctSorted(long[] values) {
            Arrays.sort(values);
            int distinct = 0;
            for (int i = 0; i < values.length; i++) {
                if (i == 0 || values[i] != values[i - 1]) {
                    values[distinct++] = values[i];
                }
            }
            return Arrays.copyOf(values, distinct);
        }
    }
}
