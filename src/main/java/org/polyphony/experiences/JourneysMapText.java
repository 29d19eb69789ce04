package org.polyphony.experiences;

/**
 * The words of a journeys map in the reader's language, from the message bundles of whoever draws it: the map's
 * title and description, and the tooltip of a route.
 */
record JourneysMapText(String title, String description, RouteCaption routeCaption) {

    @FunctionalInterface
    interface RouteCaption {

        /** E.g. "Mexico → United States: 12 stories"; the names come wrapped in Unicode directional isolates. */
        String caption(String origin, String residence, int stories);
    }
}
