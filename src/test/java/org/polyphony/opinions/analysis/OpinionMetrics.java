package org.polyphony.opinions.analysis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Agreement between two groupings and between a map and a grouping, for tests and the benchmark. */
public final class OpinionMetrics {

    /** The Pol.is conversations of the repository, one folder each. */
    public static final Path POLIS = Path.of("src/test/resources/polis");

    private OpinionMetrics() {}

    public static double jaccard(Set<Long> a, Set<Long> b) {
        Set<Long> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1;
        }
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / union.size();
    }

    /** Adjusted Rand index (Hubert and Arabie) over the participants both groupings assign. */
    public static double adjustedRandIndex(Map<Long, Integer> first, Map<Long, Integer> second) {
        Map<List<Integer>, Long> cells = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> columns = new HashMap<>();
        long n = 0;
        for (Map.Entry<Long, Integer> entry : first.entrySet()) {
            Integer other = second.get(entry.getKey());
            if (other == null) {
                continue;
            }
            n++;
            cells.merge(List.of(entry.getValue(), other), 1L, Long::sum);
            rows.merge(entry.getValue(), 1L, Long::sum);
            columns.merge(other, 1L, Long::sum);
        }
        double index =
                cells.values().stream().mapToDouble(OpinionMetrics::pairs).sum();
        double rowPairs =
                rows.values().stream().mapToDouble(OpinionMetrics::pairs).sum();
        double columnPairs =
                columns.values().stream().mapToDouble(OpinionMetrics::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(n);
        double max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }

    /**
     * Share of the participants with a recorded group whose map position lies nearest to the centre of that group
     * (centres taken on our map): whether our projection separates the groups as recorded.
     */
    public static double nearestCentreAccuracy(List<ParticipantPlacement> placements, Map<Long, Integer> recorded) {
        Map<Integer, double[]> sums = new HashMap<>();
        for (ParticipantPlacement p : placements) {
            Integer group = recorded.get(p.participantId());
            if (group != null) {
                double[] sum = sums.computeIfAbsent(group, g -> new double[3]);
                sum[0] += p.x();
                sum[1] += p.y();
                sum[2]++;
            }
        }
        int right = 0;
        int total = 0;
        for (ParticipantPlacement p : placements) {
            Integer group = recorded.get(p.participantId());
            if (group == null) {
                continue;
            }
            total++;
            int nearest = -1;
            double nearestDistance = Double.POSITIVE_INFINITY;
            for (Map.Entry<Integer, double[]> centre : sums.entrySet()) {
                double[] s = centre.getValue();
                double dx = p.x() - s[0] / s[2];
                double dy = p.y() - s[1] / s[2];
                if (dx * dx + dy * dy < nearestDistance) {
                    nearestDistance = dx * dx + dy * dy;
                    nearest = centre.getKey();
                }
            }
            right += nearest == group ? 1 : 0;
        }
        return total == 0 ? 1 : (double) right / total;
    }

    public static Map<Long, Integer> groupsOf(OpinionMap map) {
        Map<Long, Integer> groups = new HashMap<>();
        map.placements().forEach(p -> p.group().ifPresent(g -> groups.put(p.participantId(), g)));
        return groups;
    }
}
