package org.polyphony.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The figures of the dashboard, per edition or across editions: recommendations by theme, status and addressee;
 * commitments by their latest claimed level and the overdue ones; indicators against their targets. They count
 * recommendations and commitments, never people, so no small-cell rule applies.
 */
@Component
public class Dashboard {

    static final String NO_UPDATE = "NONE";

    public record IndicatorProgress(Indicator indicator, IndicatorValue latest, Integer percentOfWay) {}

    public record Figures(
            int recommendations,
            Map<String, Long> byTheme,
            Map<RecommendationStatus, Long> byStatus,
            Map<String, Long> byAddressee,
            int commitments,
            Map<String, Long> byLevel,
            List<FollowupReading.CommitmentSummary> overdue,
            List<IndicatorProgress> indicators) {}

    private final RecommendationStore recommendations;
    private final FollowupReading reading;
    private final IndicatorStore indicators;

    Dashboard(RecommendationStore recommendations, FollowupReading reading, IndicatorStore indicators) {
        this.recommendations = recommendations;
        this.reading = reading;
        this.indicators = indicators;
    }

    public record Shown(
            List<Recommendation> recommendations,
            List<FollowupReading.CommitmentSummary> commitments,
            Figures figures) {}

    Shown of(RecommendationStore.Filter filter, Locale locale) {
        List<Recommendation> found = recommendations.list(filter);
        List<FollowupReading.CommitmentSummary> commitments =
                reading.summaries(found.stream().map(Recommendation::id).toList(), locale);
        return new Shown(found, commitments, figures(found, commitments));
    }

    Figures figures(List<Recommendation> found, List<FollowupReading.CommitmentSummary> commitments) {
        Map<String, Long> byTheme = new LinkedHashMap<>();
        FollowupThemes.CODES.forEach(t -> byTheme.put(t, 0L));
        Map<RecommendationStatus, Long> byStatus = new LinkedHashMap<>();
        for (RecommendationStatus s : RecommendationStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<String, Long> byAddressee = new LinkedHashMap<>();
        Addressees.CODES.forEach(a -> byAddressee.put(a, 0L));
        for (Recommendation r : found) {
            byTheme.merge(r.theme(), 1L, Long::sum);
            byStatus.merge(r.status(), 1L, Long::sum);
            r.addressees().forEach(a -> byAddressee.merge(a, 1L, Long::sum));
        }
        Map<String, Long> byLevel = new LinkedHashMap<>();
        byLevel.put(NO_UPDATE, 0L);
        for (CompletionLevel level : CompletionLevel.values()) {
            byLevel.put(level.name(), 0L);
        }
        for (FollowupReading.CommitmentSummary c : commitments) {
            byLevel.merge(c.claimed() == null ? NO_UPDATE : c.claimed().name(), 1L, Long::sum);
        }
        List<FollowupReading.CommitmentSummary> overdue = commitments.stream()
                .filter(FollowupReading.CommitmentSummary::overdue)
                .toList();
        return new Figures(
                found.size(),
                byTheme,
                byStatus,
                byAddressee,
                commitments.size(),
                byLevel,
                overdue,
                indicatorsOf(commitments));
    }

    /** The indicators the shown commitments use, or every indicator when none is chosen by a commitment. */
    private List<IndicatorProgress> indicatorsOf(List<FollowupReading.CommitmentSummary> commitments) {
        List<Long> used = commitments.stream()
                .map(c -> c.commitment().indicatorId())
                .filter(id -> id != null)
                .distinct()
                .toList();
        return indicators.all().stream()
                .filter(i -> used.isEmpty() || used.contains(i.id()))
                .map(this::progress)
                .toList();
    }

    IndicatorProgress progress(Indicator indicator) {
        List<IndicatorValue> totals = indicators.values(indicator.id()).stream()
                .filter(IndicatorValue::total)
                .toList();
        IndicatorValue latest = totals.isEmpty() ? null : totals.getLast();
        return new IndicatorProgress(
                indicator, latest, latest == null ? null : percentOfWay(indicator, latest.value()));
    }

    /** How far a value has come from the baseline towards the target, in per cent (may pass 100 or fall below 0). */
    static Integer percentOfWay(Indicator indicator, BigDecimal value) {
        BigDecimal way = indicator.targetValue().subtract(indicator.baselineValue());
        if (way.signum() == 0) {
            return null;
        }
        return value.subtract(indicator.baselineValue())
                .multiply(BigDecimal.valueOf(100))
                .divide(way, 0, RoundingMode.HALF_UP)
                .intValue();
    }
}
