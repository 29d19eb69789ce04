package org.polyphony.translation;

import java.util.List;

/** How a text goes from its language to the reader's: one leg, or two through a pivot language. */
record Route(List<Leg> legs) {

    record Leg(TranslationProvider provider, LanguagePair pair) {}

    String pivot() {
        return legs.size() > 1 ? legs.getFirst().pair().target() : null;
    }

    /** The providers' names, joined when the legs used different ones. */
    String providerName() {
        return legs.stream()
                .map(leg -> leg.provider().name())
                .distinct()
                .reduce((a, b) -> a + "+" + b)
                .orElseThrow();
    }

    boolean keepsTextOnServer() {
        return legs.stream().allMatch(leg -> leg.provider().keepsTextOnServer());
    }
}
