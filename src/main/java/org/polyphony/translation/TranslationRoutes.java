package org.polyphony.translation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Chooses the provider for each direction: the one configured for the pair
 * ({@code polyphony.translation.pair.pt-es=libretranslate}), else the first enabled provider, in the configured
 * order, that offers it; where none translates directly, two legs through a pivot language.
 */
@Component
class TranslationRoutes {

    private final List<TranslationProvider> providers;
    private final ProviderSwitches switches;
    private final Environment environment;
    private final List<String> pivots;

    TranslationRoutes(
            List<TranslationProvider> providers,
            ProviderSwitches switches,
            Environment environment,
            @Value("${polyphony.translation.order:apertium,libretranslate}") List<String> order,
            @Value("${polyphony.translation.pivots:en,es,fr}") List<String> pivots) {
        this.providers = new ArrayList<>(providers);
        this.providers.sort(java.util.Comparator.comparingInt(p -> rank(order, p.name())));
        this.switches = switches;
        this.environment = environment;
        this.pivots = pivots;
    }

    private static int rank(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    List<TranslationProvider> providers() {
        return List.copyOf(providers);
    }

    Optional<Route> route(String source, String target) {
        if (source.equals(target)) {
            return Optional.empty();
        }
        List<TranslationProvider> enabled =
                providers.stream().filter(switches::enabled).toList();
        Optional<Route.Leg> direct = leg(enabled, new LanguagePair(source, target));
        if (direct.isPresent()) {
            return Optional.of(new Route(List.of(direct.get())));
        }
        for (String pivot : pivotCandidates(enabled)) {
            if (pivot.equals(source) || pivot.equals(target)) {
                continue;
            }
            Optional<Route.Leg> first = leg(enabled, new LanguagePair(source, pivot));
            Optional<Route.Leg> second = leg(enabled, new LanguagePair(pivot, target));
            if (first.isPresent() && second.isPresent()) {
                return Optional.of(new Route(List.of(first.get(), second.get())));
            }
        }
        return Optional.empty();
    }

    /** The configured pivots first, then any language some provider translates from. */
    private Set<String> pivotCandidates(List<TranslationProvider> enabled) {
        Set<String> candidates = new LinkedHashSet<>(pivots);
        enabled.forEach(p -> p.pairs().forEach(pair -> candidates.add(pair.source())));
        return candidates;
    }

    private Optional<Route.Leg> leg(List<TranslationProvider> enabled, LanguagePair pair) {
        String chosen = environment.getProperty("polyphony.translation.pair." + pair.source() + "-" + pair.target());
        return enabled.stream()
                .filter(p -> chosen == null || p.name().equals(chosen))
                .filter(p -> p.pairs().contains(pair))
                .findFirst()
                .map(p -> new Route.Leg(p, pair));
    }
}
