package org.polyphony.opinions.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Continuing an analysis from the previous one: the same votes keep the groups; k changes only after several wins. */
class OpinionWarmStartTest {

    @Test
    void continuingWithTheSameVotesKeepsTheGroups() throws Exception {
        Conversation conversation =
                PolisCsv.read(OpinionMetrics.POLIS.resolve("bg2050-volunteers")).conversation();
        OpinionMap fresh = OpinionAnalysis.analyse(conversation);

        OpinionMap continued = OpinionAnalysis.analyse(conversation, fresh);

        assertThat(OpinionMetrics.groupsOf(continued)).isEqualTo(OpinionMetrics.groupsOf(fresh));
        assertThat(continued.history().baseClusterOf()).hasSize(107);
    }

    @Test
    void aReplayIsDeterministic() throws Exception {
        PolisConversation polis = PolisCsv.read(OpinionMetrics.POLIS.resolve("london.youth.policing"));

        assertThat(OpinionReplay.replay(polis, 10_000)).isEqualTo(OpinionReplay.replay(polis, 10_000));
    }

    @Test
    void aNewKReplacesTheOneInForceOnlyAfterWinningSeveralTimesInARow() {
        // two tight, far-apart clouds of 20 points: k = 2 has by far the best silhouette
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[40];
        double[] y = new double[40];
        double[] weight = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = (i < 20 ? 0 : 10) + random.nextDouble();
            y[i] = random.nextDouble();
            weight[i] = 1;
        }
        KMeans.Clusters base = KMeans.run(x, y, weight, 40, new SplittableRandom(2));
        double[][] threeCentres = {{0.2, 0.8, 10.5}, {0.5, 0.5, 0.5}};

        GroupClustering.Grouping grouping = GroupClustering.choose(
                        base, 3, new GroupClustering.Previous(3, threeCentres, 0, 0))
                .orElseThrow();
        assertThat(grouping.k()).isEqualTo(3);
        assertThat(grouping.challenger()).isEqualTo(2);
        assertThat(grouping.challengerWins()).isEqualTo(1);

        for (int wins = 1; wins < GroupClustering.WINS_TO_SWITCH; wins++) {
            grouping = GroupClustering.choose(base, 3, new GroupClustering.Previous(3, threeCentres, 2, wins))
                    .orElseThrow();
        }
        assertThat(grouping.k()).isEqualTo(2);
        assertThat(grouping.challenger()).isZero();
    }
}
