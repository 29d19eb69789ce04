package org.polyphony.experiences;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes the map of journeys may show, and how many stories the other routes hold together. A route shared
 * by fewer than {@link #MINIMUM_STORIES_PER_ROUTE} stories is never shown on its own: with one or two stories
 * from a small country to a small town's country, a reader could tell whose story it is.
 */
record JourneyFlows(List<JourneyFlow> routes, int storiesOnOtherRoutes) {

    static final int MINIMUM_STORIES_PER_ROUTE = 5;

    JourneyFlows {
        routes = List.copyOf(routes);
        // Checked here as well as in aggregate, so that no other way of building the flows can draw a small route.
        for (JourneyFlow route : routes) {
            if (route.stories() < MINIMUM_STORIES_PER_ROUTE) {
                throw new IllegalArgumentException("a route with " + route.stories() + " stories cannot be shown");
            }
        }
        if (storiesOnOtherRoutes < 0) {
            throw new IllegalArgumentException("stories on other routes: " + storiesOnOtherRoutes);
        }
    }

    /**
     * Adds up the stories of each route (the input may hold a route several times, e.g. one flow per story) and
     * keeps the routes with enough stories, most stories first; the stories of the others are only counted.
     * Stories whose origin is their residence describe no journey and are left out.
     */
    static JourneyFlows aggregate(Collection<JourneyFlow> flows) {
        Map<List<String>, Integer> storiesByRoute = new LinkedHashMap<>();
        for (JourneyFlow flow : flows) {
            if (!flow.origin().equals(flow.residence())) {
                storiesByRoute.merge(List.of(flow.origin(), flow.residence()), flow.stories(), Math::addExact);
            }
        }
        List<JourneyFlow> routes = storiesByRoute.entrySet().stream()
                .filter(route -> route.getValue() >= MINIMUM_STORIES_PER_ROUTE)
                .map(route ->
                        new JourneyFlow(route.getKey().get(0), route.getKey().get(1), route.getValue()))
                .sorted(Comparator.comparingInt(JourneyFlow::stories)
                        .reversed()
                        .thenComparing(JourneyFlow::origin)
                        .thenComparing(JourneyFlow::residence))
                .toList();
        int others = storiesByRoute.values().stream()
                .filter(stories -> stories < MINIMUM_STORIES_PER_ROUTE)
                .mapToInt(Integer::intValue)
                .sum();
        return new JourneyFlows(routes, others);
    }

    int mostStoriesOnARoute() {
        return routes.stream().mapToInt(JourneyFlow::stories).max().orElse(0);
    }
}
