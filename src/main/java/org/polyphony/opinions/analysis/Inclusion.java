package org.polyphony.opinions.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who is clustered: a participant's place on the map means little until they have voted on a few statements, so
 * only those who voted on at least min(7, statements) are clustered; while fewer than 15 have, the most active
 * voters are taken in as well, so that a young conversation still shows some structure.
 */
final class Inclusion {

    static final int VOTES_NEEDED = 7;
    static final int MINIMUM_CLUSTERED = 15;

    private Inclusion() {}

    /** Participant indices, ascending. Votes on rejected statements count: the participant did take part. */
    static int[] clustered(Conversation conversation) {
        int needed = Math.max(1, Math.min(VOTES_NEEDED, conversation.statementCount()));
        List<Integer> qualified = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int p = 0; p < conversation.participantCount(); p++) {
            int votes = conversation.votesOf(p);
            if (votes >= needed) {
                qualified.add(p);
            } else if (votes > 0) {
                others.add(p);
            }
        }
        if (qualified.size() < MINIMUM_CLUSTERED) {
            others.sort(Comparator.comparingInt((Integer p) -> -conversation.votesOf(p))
                    .thenComparingInt(p -> p));
            qualified.addAll(others.subList(0, Math.min(others.size(), MINIMUM_CLUSTERED - qualified.size())));
        }
        return qualified.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
