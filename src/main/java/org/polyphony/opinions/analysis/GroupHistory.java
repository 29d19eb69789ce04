package org.polyphony.opinions.analysis;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an analysis passes on to the next one over more votes, so that groups evolve instead of being drawn afresh:
 * the base cluster of each clustered participant, and the number of groups that has lately beaten the one in force.
 * Pol.is works this way (it recomputes as votes arrive, from where it left off, and changes k only after a new k has
 * won several updates in a row); a from-scratch analysis can settle on a different, equally stable partition.
 *
 * @param baseClusterOf base cluster of each clustered participant, by participant id
 * @param challenger the number of groups that had the best silhouette at the latest analyses without being in force
 *     yet; 0 when the k in force won
 * @param challengerWins at how many analyses in a row the challenger won
 */
public record GroupHistory(SortedMap<Long, Integer> baseClusterOf, int challenger, int challengerWins) {

    public GroupHistory {
        baseClusterOf = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(baseClusterOf));
    }

    static GroupHistory of(Map<Long, Integer> baseClusterOf, int challenger, int challengerWins) {
        return new GroupHistory(new TreeMap<>(baseClusterOf), challenger, challengerWins);
    }
}
