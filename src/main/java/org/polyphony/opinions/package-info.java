/**
 * Opinions: Pol.is-style opinion mapping. Owns the analysis of a conversation's votes (participants placed on a
 * two-dimensional map, opinion groups, the statements that represent each group, majority and group-informed
 * consensus), reading and writing conversations in the Pol.is open-data CSV layout, and the {@code opinions}
 * command line. Uses no other module; pages and storage of statements and votes come later and call
 * {@link org.polyphony.opinions.OpinionAnalysis}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opinions")
package org.polyphony.opinions;
