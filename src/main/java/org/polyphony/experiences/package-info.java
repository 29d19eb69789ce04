/**
 * Experiences: "Sharing experiences of migration and development" — stories with structured facts (countries,
 * kinds of migration, themes), published with the author's name or anonymously (then linked to no account), pre-moderated,
 * translated like posts, linked to forum sessions, and the map of journeys drawn from them. Uses accounts, forums,
 * people (named stories in followers' feeds), translation, languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experiences")
package org.polyphony.experiences;
