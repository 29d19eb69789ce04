package org.polyphony.opinions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.opinions.AnalysisResult.StatementVotes;
import org.polyphony.opinions.AnalysisResult.Votes;
import org.polyphony.opinions.analysis.GroupingState;
import org.polyphony.opinions.analysis.Stance;

/**
 * What the results page and the API show of the latest analysis, statements in the reader's language. Voters are
 * not named here: the reader learns only which dot is theirs.
 *
 * @param computedAt when the analysis finished, or null when none was made yet
 * @param updating votes came in since: a new analysis is on its way
 * @param yourGroup the reader's group, -1 when they are in none
 * @param map the opinion map as SVG, or null without an analysis
 */
public record ResultsView(
        Instant computedAt,
        boolean updating,
        GroupingState state,
        int participants,
        int votes,
        int yourGroup,
        List<GroupRow> groups,
        List<ConsensusRow> consensus,
        List<DivisiveRow> divisive,
        String map,
        List<MapDot> dots) {

    /** A participant's place, without who they are; {@code you} marks the reader's own. */
    public record MapDot(double x, double y, int group, boolean you) {}

    public record GroupRow(int id, String letter, String colour, int size, List<RepresentativeRow> representatives) {}

    /**
     * @param groupPercent share of the group's voters who took {@code stance} on it
     * @param othersPercent the same among everyone clustered outside the group
     */
    public record RepresentativeRow(
            ShownStatement statement, Stance stance, int groupPercent, int othersPercent, int groupVotes) {}

    public record ConsensusRow(
            ShownStatement statement, Stance stance, int agreePercent, int disagreePercent, int votes) {}

    /** @param agreePercentByGroup by group id */
    public record DivisiveRow(ShownStatement statement, List<Integer> agreePercentByGroup) {}

    static ResultsView none(boolean updating) {
        return new ResultsView(
                null,
                updating,
                GroupingState.NOT_ENOUGH_VOTES,
                0,
                0,
                -1,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of());
    }

    static ResultsView of(
            AnalysisResult result,
            boolean updating,
            Long reader,
            Map<Integer, ShownStatement> statements,
            OpinionMapSvg.Labels labels,
            boolean withDots) {
        return of(result, updating, reader, statements, OpinionMapSvg.render(result, reader, labels), withDots);
    }

    /** @param map the map already drawn for this reader */
    static ResultsView of(
            AnalysisResult result,
            boolean updating,
            Long reader,
            Map<Integer, ShownStatement> statements,
            String map,
            boolean withDots) {
        Optional<AnalysisResult.Dot> you = result.dotOf(reader);
        List<GroupRow> groups = new ArrayList<>();
        for (AnalysisResult.Group group : result.groups()) {
            List<RepresentativeRow> rows = new ArrayList<>();
            for (AnalysisResult.Representative r : group.representatives()) {
                ShownStatement text = statements.get(r.statement());
                StatementVotes votes = result.votesOn(r.statement()).orElse(null);
                if (text == null || votes == null) {
                    continue;
                }
                Votes inGroup = votes.byGroup().get(group.id());
                Votes others = othersThan(votes, group.id());
                rows.add(new RepresentativeRow(
                        text, r.stance(), percent(inGroup, r.stance()), percent(others, r.stance()), inGroup.total()));
            }
            groups.add(new GroupRow(
                    group.id(),
                    OpinionMapSvg.letter(group.id()),
                    OpinionMapSvg.colour(group.id()),
                    group.size(),
                    rows));
        }
        List<ConsensusRow> consensus = result.consensus().stream()
                .flatMap(number -> result.votesOn(number).stream())
                .filter(v -> statements.containsKey(v.statement()))
                .map(v -> new ConsensusRow(
                        statements.get(v.statement()),
                        v.majority(),
                        v.all().agreePercent(),
                        v.all().disagreePercent(),
                        v.all().total()))
                .toList();
        List<DivisiveRow> divisive = result.divisive().stream()
                .flatMap(number -> result.votesOn(number).stream())
                .filter(v -> statements.containsKey(v.statement()))
                .map(v -> new DivisiveRow(
                        statements.get(v.statement()),
                        v.byGroup().stream().map(Votes::agreePercent).toList()))
                .toList();
        List<MapDot> dots = withDots
                ? result.dots().stream()
                        .map(d -> new MapDot(d.x(), d.y(), d.group(), you.isPresent() && you.get() == d))
                        .toList()
                : List.of();
        return new ResultsView(
                result.computedAt(),
                updating,
                result.state(),
                result.participants(),
                result.votes(),
                you.map(AnalysisResult.Dot::group).orElse(-1),
                groups,
                consensus,
                divisive,
                map,
                dots);
    }

    private static Votes othersThan(StatementVotes votes, int group) {
        int agrees = 0;
        int disagrees = 0;
        int passes = 0;
        for (int g = 0; g < votes.byGroup().size(); g++) {
            if (g != group) {
                agrees += votes.byGroup().get(g).agrees();
                disagrees += votes.byGroup().get(g).disagrees();
                passes += votes.byGroup().get(g).passes();
            }
        }
        return new Votes(agrees, disagrees, passes);
    }

    private static int percent(Votes votes, Stance stance) {
        return stance == Stance.AGREE ? votes.agreePercent() : votes.disagreePercent();
    }

    /** The same without the SVG, for API clients that draw their own map from {@code dots}. */
    ResultsView withoutMap() {
        return new ResultsView(
                computedAt, updating, state, participants, votes, yourGroup, groups, consensus, divisive, null, dots);
    }

    public String yourLetter() {
        return yourGroup < 0 ? null : OpinionMapSvg.letter(yourGroup);
    }

    public boolean grouped() {
        return state == GroupingState.GROUPED;
    }
}
