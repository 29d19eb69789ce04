/**
 * Regional Antennas: the regional and inter-regional hubs of a forum edition, with their coordinators, rapporteurs
 * and members (roles scoped to one hub), their regional threads on the global sessions (dialogue threads that
 * belong to the hub), their meetings (registration, waiting list, iCalendar, minutes, attendance counts) and the
 * rapporteurs' reports, whose key points cite posts, threads, stories, opinion results and minutes, and which are
 * submitted to the global sessions as their "regional inputs". Uses accounts, forums, dialogue, opinions,
 * experiences, translation, statistics, languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regional Antennas")
package org.polyphony.antennas;
