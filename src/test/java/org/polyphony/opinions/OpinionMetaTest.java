package org.polyphony.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.polyphony.opinions.GroupComposition.MetaAnswers;
import org.polyphony.opinions.analysis.ConsensusStatement;
import org.polyphony.opinions.analysis.Conversation;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.OpinionAnalysis;
import org.polyphony.opinions.analysis.OpinionMap;
import org.polyphony.opinions.analysis.OpinionMetrics;
import org.polyphony.opinions.analysis.RepresentativeStatement;
import org.polyphony.opinions.analysis.Statement;
import org.polyphony.statistics.SmallCells;

/**
 * Meta statements (about the participant, not an opinion) take no part in the map or the groups, and show who is in
 * each group, with small cells hidden.
 */
class OpinionMetaTest {

    private static final int PEOPLE = 24;
    private static final List<Integer> OPINIONS = List.of(0, 1, 2, 3);
    private static final List<Integer> META = List.of(4, 5, 6, 7, 8, 9, 10, 11);

    /**
     * Two opinion camps (participants 0, 1, 4, 5, … against 2, 3, 6, 7, …) on four statements; eight meta statements
     * split the same people another way (even against odd). Unflagged, the meta statements outnumber the opinions and
     * the groups form around who people are; flagged, around what they think.
     */
    private static Conversation conversation(boolean flagged) {
        Conversation.Builder builder = Conversation.builder();
        OPINIONS.forEach(s -> builder.statement(new Statement(s, "opinion " + s, Moderation.ACCEPTED)));
        META.forEach(s -> builder.statement(new Statement(s, "about me " + s, Moderation.ACCEPTED, flagged)));
        for (int p = 0; p < PEOPLE; p++) {
            int camp = (p / 2) % 2;
            for (int s : OPINIONS) {
                builder.vote(p, s, (s + camp) % 2 == 0 ? 1 : -1);
            }
            for (int s : META) {
                int vote = p % 2 == 0 ? 1 : -1;
                if (s == 5) {
                    vote = p == 0 || p == 1 ? 1 : -1; // only two, both of the first camp: a small cell
                }
                builder.vote(p, s, vote);
            }
        }
        return builder.build();
    }

    private static Map<Long, Integer> camps() {
        Map<Long, Integer> camps = new HashMap<>();
        IntStream.range(0, PEOPLE).forEach(p -> camps.put((long) p, (p / 2) % 2));
        return camps;
    }

    @Test
    void metaStatementsTakeNoPartInTheMapOrTheGroups() {
        OpinionMap flagged = OpinionAnalysis.analyse(conversation(true));
        assertThat(flagged.k()).isEqualTo(2);
        assertThat(OpinionMetrics.adjustedRandIndex(OpinionMetrics.groupsOf(flagged), camps()))
                .isEqualTo(1.0);
        assertThat(flagged.groups()).allSatisfy(group -> assertThat(group.representatives())
                .extracting(RepresentativeStatement::statementId)
                .isNotEmpty()
                .allMatch(OPINIONS::contains));
        assertThat(flagged.majorityConsensus())
                .extracting(ConsensusStatement::statementId)
                .noneMatch(META::contains);
        AnalysisResult result = AnalysisResult.of(conversation(true), flagged, Instant.EPOCH);
        assertThat(result.divisive()).isNotEmpty().allMatch(OPINIONS::contains);

        // the same votes with nothing flagged group people by who they are: the test can tell the difference
        OpinionMap unflagged = OpinionAnalysis.analyse(conversation(false));
        assertThat(OpinionMetrics.adjustedRandIndex(OpinionMetrics.groupsOf(unflagged), camps()))
                .isLessThan(0.5);
    }

    @Test
    void eachGroupShowsItsCompositionWithSmallCellsHidden() {
        Conversation votes = conversation(true);
        AnalysisResult result = AnalysisResult.of(votes, OpinionAnalysis.analyse(votes), Instant.EPOCH);

        List<GroupComposition> compositions = GroupComposition.of(result, List.of(4, 5), SmallCells.standard());
        assertThat(compositions).hasSize(2).allSatisfy(c -> assertThat(c.shown())
                .isTrue());
        for (GroupComposition composition : compositions) {
            MetaAnswers half = composition.answers().get(0);
            assertThat(half.statement()).isEqualTo(4);
            assertThat(half.answered()).isEqualTo(12);
            assertThat(List.of(half.agreePercent(), half.disagreePercent(), half.passPercent()))
                    .containsExactly(50, 50, 0);
        }
        // statement 5: two agree in the first camp, a small cell, so none of its three shares is shown there; in the
        // other camp nobody agrees (zero singles nobody out) and all twelve disagree
        GroupComposition even = compositions.stream()
                .filter(c -> c.group() == groupOf(result, 0))
                .findFirst()
                .orElseThrow();
        GroupComposition odd = compositions.stream()
                .filter(c -> c.group() == groupOf(result, 2))
                .findFirst()
                .orElseThrow();
        assertThat(even.answers().get(1).hidden()).isTrue();
        assertThat(even.answers().get(1).answered()).isEqualTo(12);
        assertThat(odd.answers().get(1).hidden()).isFalse();
        assertThat(odd.answers().get(1).disagreePercent()).isEqualTo(100);

        // a minimum above the groups' size hides the whole composition
        assertThat(GroupComposition.of(result, List.of(4, 5), new SmallCells(13)))
                .allSatisfy(c -> {
                    assertThat(c.shown()).isFalse();
                    assertThat(c.answers()).isEmpty();
                });
        // six agree and six disagree: shown at a minimum of 6, hidden at 7
        assertThat(GroupComposition.of(result, List.of(4), new SmallCells(6))
                        .getFirst()
                        .answers()
                        .getFirst()
                        .hidden())
                .isFalse();
        assertThat(GroupComposition.of(result, List.of(4), new SmallCells(7))
                        .getFirst()
                        .answers()
                        .getFirst()
                        .hidden())
                .isTrue();
    }

    private static int groupOf(AnalysisResult result, long voter) {
        return result.dotOf(voter).orElseThrow().group();
    }
}
