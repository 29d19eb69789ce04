package org.polyphony.experiences;

import java.util.List;
import java.util.Locale;
import org.polyphony.languages.Countries;

/**
 * The text alternative to the map of journeys, in the reader's language: one row per route shown, then the
 * stories of all other routes as one total (a page shows that total only when it is not zero).
 */
public record JourneyTable(List<Row> rows, int storiesOnOtherRoutes) {

    public record Row(String originCode, String origin, String residenceCode, String residence, int stories) {}

    public JourneyTable {
        rows = List.copyOf(rows);
    }

    /** Rows in the map's order: most stories first. */
    static JourneyTable of(JourneyFlows flows, Locale reader) {
        List<Row> rows = flows.routes().stream()
                .map(route -> new Row(
                        route.origin(),
                        Countries.name(route.origin(), reader),
                        route.residence(),
                        Countries.name(route.residence(), reader),
                        route.stories()))
                .toList();
        return new JourneyTable(rows, flows.storiesOnOtherRoutes());
    }
}
