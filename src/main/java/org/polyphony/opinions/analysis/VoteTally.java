package org.polyphony.opinions.analysis;

/**
 * Agrees, disagrees and passes per statement, for each of several sets of participants (the groups, or everyone as
 * one set). Votes are counted as cast, rejected statements included: whether to show a statement is the reader's
 * concern, not the tally's.
 */
final class VoteTally {

    final int[][] agrees;
    final int[][] disagrees;
    final int[][] votes;

    private VoteTally(int sets, int statements) {
        agrees = new int[sets][statements];
        disagrees = new int[sets][statements];
        votes = new int[sets][statements];
    }

    /** @param setOf the set of each participant index, or -1 to leave them out */
    static VoteTally of(Conversation conversation, int[] setOf, int sets) {
        VoteTally tally = new VoteTally(sets, conversation.statementCount());
        for (int p = 0; p < conversation.participantCount(); p++) {
            int set = setOf[p];
            if (set < 0) {
                continue;
            }
            for (int e = conversation.rowStart(p); e < conversation.rowEnd(p); e++) {
                int j = conversation.column(e);
                tally.votes[set][j]++;
                if (conversation.vote(e) > 0) {
                    tally.agrees[set][j]++;
                } else if (conversation.vote(e) < 0) {
                    tally.disagrees[set][j]++;
                }
            }
        }
        return tally;
    }

    int[] stanceCounts(Stance stance, int set) {
        return stance == Stance.AGREE ? agrees[set] : disagrees[set];
    }
}
