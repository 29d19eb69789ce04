package org.polyphony.opinions.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the opinion analysis on synthetic conversations with planted groups (seeded, so every run analyses the same
 * votes): 1,000, 10,000 and 100,000 participants × 1,000 statements, each participant voting on 5 % of them. Prints
 * the analysis time, the peak heap and how well the planted groups were found (adjusted Rand index). A benchmark,
 * not a test: it asserts nothing. Run it with {@code scripts/benchmark-opinions.sh}.
 */
public final class OpinionBenchmark {

    private static final int STATEMENTS = 1_000;
    private static final double SHARE_VOTED = 0.05;
    private static final int PLANTED_GROUPS = 4;

    private OpinionBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length > 0
                ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000, 100_000};
        System.out.println("warming up on 1,000 participants…");
        for (int i = 0; i < 3; i++) {
            OpinionAnalysis.analyse(generate(1_000, 99 + i).conversation);
        }
        System.out.println(
                "| participants | statements | votes | generate and build | analysis | peak heap | k | ARI with planted |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int participants : sizes) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            Synthetic synthetic = generate(participants, 1);
            long built = System.nanoTime();
            OpinionMap map = OpinionAnalysis.analyse(synthetic.conversation);
            long analysed = System.nanoTime();
            double ari = OpinionMetrics.adjustedRandIndex(OpinionMetrics.groupsOf(map), synthetic.planted);
            System.out.printf(
                    Locale.ROOT,
                    "| %,d | %,d | %,d | %.2f s | %.2f s | %,d MB | %d | %.3f |%n",
                    participants,
                    STATEMENTS,
                    synthetic.conversation.voteCount(),
                    (built - start) / 1e9,
                    (analysed - built) / 1e9,
                    peakHeap() / (1024 * 1024),
                    map.k(),
                    ari);
        }
    }

    private record Synthetic(Conversation conversation, Map<Long, Integer> planted) {}

    /** Each planted group has a side on every statement; its members take it 80 % of the time, pass 10 %. */
    private static Synthetic generate(int participants, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Conversation.Builder builder = Conversation.builder();
        for (int s = 0; s < STATEMENTS; s++) {
            builder.statement(new Statement(s, "statement " + s, Moderation.ACCEPTED));
        }
        int[][] side = new int[PLANTED_GROUPS][STATEMENTS];
        for (int g = 0; g < PLANTED_GROUPS; g++) {
            for (int s = 0; s < STATEMENTS; s++) {
                side[g][s] = random.nextBoolean() ? 1 : -1;
            }
        }
        Map<Long, Integer> planted = new HashMap<>();
        for (int p = 0; p < participants; p++) {
            int group = random.nextInt(PLANTED_GROUPS);
            planted.put((long) p, group);
            for (int s = 0; s < STATEMENTS; s++) {
                if (random.nextDouble() >= SHARE_VOTED) {
                    continue;
                }
                double draw = random.nextDouble();
                builder.vote(p, s, draw < 0.8 ? side[group][s] : draw < 0.9 ? 0 : -side[group][s]);
            }
        }
        return new Synthetic(builder.build(), planted);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any one time. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
