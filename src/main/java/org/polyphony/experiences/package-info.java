/**
 * Experiences: "Sharing experiences of migration and development" — stories with structured facts (countries,
 * kinds of migration, themes) and the map of journeys drawn from them. Uses no other module so far.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experiences")
package org.polyphony.experiences;
