/**
 * Opinions: Pol.is-style opinion mapping. Owns the analysis of a conversation's votes (participants placed on a
 * two-dimensional map, opinion groups, the statements that represent each group, majority and group-informed
 * consensus), reading and writing conversations in the Pol.is open-data CSV layout, and the {@code opinions}
 * command line; and conversations attached to forum sessions: statements, pseudonymous voters, votes, the analysis
 * kept up to date in the background, and the pages and API that show them. Uses accounts (who is signed in, rate
 * limits), forums (sessions), translation (statements in readers' languages), languages and web. The analysis and
 * the Pol.is CSV are in the sub-package {@code analysis}, which uses none of these.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opinions")
package org.polyphony.opinions;
