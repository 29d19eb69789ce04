package org.polyphony.opinions.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Conversations with too little in them give an honest empty answer, never an exception. */
class OpinionDegenerateTest {

    @Test
    void noParticipants() {
        Conversation conversation = statements(5).build();

        OpinionMap map = OpinionAnalysis.analyse(conversation);

        assertThat(map.state()).isEqualTo(GroupingState.NOT_ENOUGH_VOTES);
        assertThat(map.placements()).isEmpty();
        assertThat(map.groups()).isEmpty();
        assertThat(map.majorityConsensus()).isEmpty();
        assertThat(map.groupInformedConsensus()).isEmpty();
        assertThat(map.k()).isZero();
    }

    @Test
    void noStatements() {
        OpinionMap map = OpinionAnalysis.analyse(Conversation.builder().build());

        assertThat(map.state()).isEqualTo(GroupingState.NOT_ENOUGH_VOTES);
    }

    @Test
    void oneParticipant() {
        Conversation.Builder builder = statements(10);
        for (int s = 0; s < 10; s++) {
            builder.vote(7, s, s % 2 == 0 ? 1 : -1);
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.NOT_ENOUGH_VOTES);
        assertThat(map.placements()).singleElement().satisfies(p -> assertThat(p.group())
                .isEmpty());
    }

    @Test
    void everybodyPassesOnEverything() {
        Conversation.Builder builder = statements(10);
        for (int p = 0; p < 40; p++) {
            for (int s = 0; s < 10; s++) {
                builder.vote(p, s, 0);
            }
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.NOT_ENOUGH_VOTES);
        assertThat(map.majorityConsensus()).isEmpty();
        assertThat(map.placements()).allSatisfy(p -> assertThat(p.x()).isZero());
    }

    @Test
    void everybodyVotesAlike() {
        Conversation.Builder builder = statements(10);
        for (int p = 0; p < 40; p++) {
            for (int s = 0; s < 10; s++) {
                builder.vote(p, s, 1);
            }
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.NOT_ENOUGH_VOTES);
        assertThat(map.majorityConsensus()).hasSize(10).allSatisfy(c -> assertThat(c.stance())
                .isEqualTo(Stance.AGREE));
    }

    @Test
    void fewerParticipantsThanTwoGroupsNeed() {
        Conversation.Builder builder = statements(8);
        for (int p = 0; p < 5; p++) {
            for (int s = 0; s < 8; s++) {
                builder.vote(p, s, p % 2 == 0 ? 1 : -1);
            }
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.NOT_ENOUGH_VOTES);
        assertThat(map.placements()).hasSize(5).allSatisfy(p -> assertThat(p.group())
                .isEmpty());
    }

    @Test
    void sixParticipantsOnTwoSidesMakeTwoGroups() {
        Conversation.Builder builder = statements(8);
        for (int p = 0; p < 6; p++) {
            for (int s = 0; s < 8; s++) {
                builder.vote(p, s, p % 2 == 0 ? 1 : -1);
            }
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.GROUPED);
        assertThat(map.groups()).extracting(OpinionGroup::size).containsExactly(3, 3);
    }

    @Test
    void aLoneDissenterJoinsTheNearestGroupRatherThanStandingAlone() {
        Conversation.Builder builder = planted(40, 20, 2, new SplittableRandom(4));
        for (int s = 0; s < 20; s++) {
            builder.vote(1000, s, -1);
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.groups()).allSatisfy(g -> assertThat(g.size()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void aStatementEverybodySkippedStaysNeutral() {
        Conversation.Builder builder = planted(60, 20, 2, new SplittableRandom(1));
        builder.statement(new Statement(99, "nobody saw this", Moderation.ACCEPTED));

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.GROUPED);
        assertThat(map.groupInformedConsensus().get(99)).isEqualTo(Math.pow(0.5, map.k()));
        assertThat(map.majorityConsensus()).noneMatch(c -> c.statementId() == 99);
    }

    @Test
    void aStatementEverybodyPassedOnStaysNeutral() {
        Conversation.Builder builder = planted(60, 20, 2, new SplittableRandom(1));
        OpinionMap without = OpinionAnalysis.analyse(builder.build());
        builder.statement(new Statement(99, "everybody passed", Moderation.ACCEPTED));
        for (int p = 0; p < 60; p++) {
            builder.vote(p, 99, 0);
        }

        OpinionMap map = OpinionAnalysis.analyse(builder.build());

        assertThat(map.state()).isEqualTo(GroupingState.GROUPED);
        assertThat(map.groups())
                .extracting(OpinionGroup::size)
                .isEqualTo(without.groups().stream().map(OpinionGroup::size).toList());
        assertThat(map.majorityConsensus()).noneMatch(c -> c.statementId() == 99);
        assertThat(map.groups()).allSatisfy(g -> assertThat(g.representatives()).noneMatch(r -> r.statementId() == 99));
    }

    @Test
    void findsPlantedGroupsAndWhatSetsThemApart() {
        Conversation conversation = planted(90, 30, 3, new SplittableRandom(2)).build();

        OpinionMap map = OpinionAnalysis.analyse(conversation);

        assertThat(map.state()).isEqualTo(GroupingState.GROUPED);
        assertThat(map.k()).isEqualTo(3);
        assertThat(map.groups()).extracting(OpinionGroup::size).containsExactly(30, 30, 30);
        assertThat(map.groups()).allSatisfy(g -> assertThat(g.representatives()).hasSize(5));
        // participant p was planted in group p % 3, and groups are numbered by their lowest participant
        assertThat(map.placements()).allSatisfy(p -> assertThat(p.group()).hasValue((int) (p.participantId() % 3)));
    }

    @Test
    void rejectedStatementsDoNotMoveAnyone() {
        Conversation.Builder withRejected = planted(60, 20, 2, new SplittableRandom(3));
        withRejected.statement(new Statement(99, "rejected", Moderation.REJECTED));
        for (int p = 0; p < 60; p++) {
            withRejected.vote(p, 99, p % 3 - 1);
        }
        Conversation conversation = withRejected.build();

        OpinionMap map = OpinionAnalysis.analyse(conversation);

        assertThat(map.state()).isEqualTo(GroupingState.GROUPED);
        assertThat(map.majorityConsensus()).noneMatch(c -> c.statementId() == 99);
        assertThat(map.groups()).allSatisfy(g -> assertThat(g.representatives()).noneMatch(r -> r.statementId() == 99));
    }

    static Conversation.Builder statements(int count) {
        Conversation.Builder builder = Conversation.builder();
        for (int s = 0; s < count; s++) {
            builder.statement(new Statement(s, "statement " + s, Moderation.ACCEPTED));
        }
        return builder;
    }

    /** Participant p belongs to group p % groups; each group has its side of every statement, held 90 % of the time. */
    static Conversation.Builder planted(int participants, int statementCount, int groups, SplittableRandom random) {
        Conversation.Builder builder = statements(statementCount);
        int[][] side = new int[groups][statementCount];
        for (int g = 0; g < groups; g++) {
            for (int s = 0; s < statementCount; s++) {
                side[g][s] = random.nextBoolean() ? 1 : -1;
            }
        }
        for (int p = 0; p < participants; p++) {
            for (int s = 0; s < statementCount; s++) {
                double draw = random.nextDouble();
                int vote = draw < 0.9 ? side[p % groups][s] : draw < 0.95 ? 0 : -side[p % groups][s];
                builder.vote(p, s, vote);
            }
        }
        return builder;
    }
}
