/**
 * Forum editions and their agenda: roundtables, sessions, each session's background and main issues.
 * Uses languages and web; other modules refer to editions and sessions by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forums")
package org.polyphony.forums;
