package org.polyphony.opinions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.polyphony.opinions.analysis.ConsensusStatement;
import org.polyphony.opinions.analysis.Conversation;
import org.polyphony.opinions.analysis.GroupingState;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.OpinionMap;
import org.polyphony.opinions.analysis.ParticipantPlacement;
import org.polyphony.opinions.analysis.Stance;
import org.polyphony.opinions.analysis.Statement;

/**
 * A finished analysis as it is kept (JSON in {@code opinions_analysis}) and shown: the map, the groups with their
 * representative statements, and every statement's votes overall and per group. Statements are named by their
 * number in the conversation.
 *
 * @param state whether groups formed
 * @param dots every voter's place; {@code group} is -1 when not clustered or not grouped
 * @param consensus numbers of the statements of broad (majority) consensus, surest first
 * @param divisive numbers of the statements the groups answer most differently, most divided first
 */
public record AnalysisResult(
        Instant computedAt,
        GroupingState state,
        int participants,
        int votes,
        List<Dot> dots,
        List<Group> groups,
        List<StatementVotes> statements,
        List<Integer> consensus,
        List<Integer> divisive) {

    /** Groups whose agreement with a statement differs by less than this are not "divided" on it. */
    static final double DIVIDED_BY_AT_LEAST = 0.3;
    /** A group's answer on a statement counts only when this many of its members voted on it. */
    static final int GROUP_VOTES_NEEDED = 3;

    static final int SHOWN = 5;

    /** The numbers of the statements a results page names: groups' representatives, consensus and divisive ones. */
    public java.util.Set<Integer> namedStatements() {
        java.util.Set<Integer> named = new java.util.TreeSet<>(consensus);
        named.addAll(divisive);
        groups.forEach(g -> g.representatives().forEach(r -> named.add(r.statement())));
        return named;
    }

    public record Dot(long voter, double x, double y, int group) {}

    /** @param representatives most representative first */
    public record Group(int id, int size, double x, double y, List<Representative> representatives) {}

    /** @param stance whether the group agrees or disagrees more than the others */
    public record Representative(int statement, Stance stance, double probabilityInGroup, double probabilityOutside) {}

    public record Votes(int agrees, int disagrees, int passes) {

        public int total() {
            return agrees + disagrees + passes;
        }

        /** Whole percent of those who voted, 0 when nobody did. */
        public int agreePercent() {
            return percent(agrees);
        }

        public int disagreePercent() {
            return percent(disagrees);
        }

        private int percent(int count) {
            return total() == 0 ? 0 : (int) Math.round(100.0 * count / total());
        }

        double agreeShare() {
            return total() == 0 ? 0 : (double) agrees / total();
        }
    }

    /**
     * @param byGroup votes of each group's members, by group id; empty when not grouped
     * @param groupInformedConsensus product over groups of (agrees + 1) / (votes + 2); null when not grouped
     * @param majority the stance most of everyone takes with confidence, or null
     */
    public record StatementVotes(
            int statement, Votes all, List<Votes> byGroup, Double groupInformedConsensus, Stance majority) {}

    static AnalysisResult of(Conversation conversation, OpinionMap map, Instant computedAt) {
        int k = map.k();
        int[] groupOf = new int[conversation.participantCount()];
        List<Dot> dots = new ArrayList<>(groupOf.length);
        for (int p = 0; p < groupOf.length; p++) {
            ParticipantPlacement placement = map.placements().get(p);
            OptionalInt group = placement.group();
            groupOf[p] = group.orElse(-1);
            dots.add(new Dot(placement.participantId(), placement.x(), placement.y(), groupOf[p]));
        }
        // in voter order a dot's place in the list would tell when its voter joined: sorted by position instead
        dots.sort(java.util.Comparator.comparingDouble(Dot::x).thenComparingDouble(Dot::y));
        int m = conversation.statementCount();
        int[][] counts = new int[m][3 * (k + 1)]; // agree, disagree, pass: all, then each group
        for (int p = 0; p < groupOf.length; p++) {
            for (int e = conversation.rowStart(p); e < conversation.rowEnd(p); e++) {
                int j = conversation.column(e);
                int kind = conversation.vote(e) > 0 ? 0 : conversation.vote(e) < 0 ? 1 : 2;
                counts[j][kind]++;
                if (groupOf[p] >= 0) {
                    counts[j][3 * (groupOf[p] + 1) + kind]++;
                }
            }
        }
        Map<Integer, Stance> majority = new HashMap<>();
        map.majorityConsensus().forEach(c -> majority.put(c.statementId(), c.stance()));
        List<StatementVotes> statements = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            int number = conversation.statement(j).id();
            List<Votes> byGroup = new ArrayList<>(k);
            for (int g = 1; g <= k; g++) {
                byGroup.add(new Votes(counts[j][3 * g], counts[j][3 * g + 1], counts[j][3 * g + 2]));
            }
            statements.add(new StatementVotes(
                    number,
                    new Votes(counts[j][0], counts[j][1], counts[j][2]),
                    byGroup,
                    map.groupInformedConsensus().get(number),
                    majority.get(number)));
        }
        List<Group> groups = map.groups().stream()
                .map(g -> new Group(
                        g.id(),
                        g.size(),
                        g.x(),
                        g.y(),
                        g.representatives().stream()
                                .map(r -> new Representative(
                                        r.statementId(), r.stance(), r.probabilityInGroup(), r.probabilityOutside()))
                                .toList()))
                .toList();
        return new AnalysisResult(
                computedAt,
                map.state(),
                conversation.participantCount(),
                conversation.voteCount(),
                dots,
                groups,
                statements,
                map.majorityConsensus().stream()
                        .filter(c -> conversation
                                        .statement(columnOf(conversation, c.statementId()))
                                        .moderation()
                                == Moderation.ACCEPTED)
                        .limit(SHOWN)
                        .map(ConsensusStatement::statementId)
                        .toList(),
                divisive(conversation, statements));
    }

    /** The statements on which the groups' shares of agreement lie furthest apart. */
    private static List<Integer> divisive(Conversation conversation, List<StatementVotes> statements) {
        record Spread(int statement, double spread) {}
        List<Spread> spreads = new ArrayList<>();
        for (int j = 0; j < statements.size(); j++) {
            if (conversation.statement(j).moderation() != Moderation.ACCEPTED
                    || conversation.statement(j).meta()) {
                continue; // a meta statement divides groups by who they are: it shows in their composition instead
            }
            double lowest = Double.MAX_VALUE;
            double highest = -1;
            for (Votes votes : statements.get(j).byGroup()) {
                if (votes.total() >= GROUP_VOTES_NEEDED) {
                    lowest = Math.min(lowest, votes.agreeShare());
                    highest = Math.max(highest, votes.agreeShare());
                }
            }
            if (highest - lowest >= DIVIDED_BY_AT_LEAST) {
                spreads.add(new Spread(statements.get(j).statement(), highest - lowest));
            }
        }
        return spreads.stream()
                .sorted(Comparator.comparingDouble(Spread::spread).reversed().thenComparingInt(Spread::statement))
                .limit(SHOWN)
                .map(Spread::statement)
                .toList();
    }

    private static int columnOf(Conversation conversation, int statementId) {
        List<Statement> all = conversation.statements();
        for (int j = 0; j < all.size(); j++) {
            if (all.get(j).id() == statementId) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown statement " + statementId);
    }

    public boolean grouped() {
        return state == GroupingState.GROUPED;
    }

    public java.util.Optional<StatementVotes> votesOn(int statement) {
        return statements.stream().filter(s -> s.statement() == statement).findFirst();
    }

    /** The reader's own dot, if they voted. */
    public java.util.Optional<Dot> dotOf(Long voter) {
        if (voter == null) {
            return java.util.Optional.empty();
        }
        long wanted = voter;
        for (Dot dot : dots) {
            if (dot.voter() == wanted) {
                return java.util.Optional.of(dot);
            }
        }
        return java.util.Optional.empty();
    }
}
