/**
 * Volunteers' notices: a volunteer translator who asked to be told hears, in the app and in their digest, when texts
 * wait for a translation in their pairs. Kept apart from translation because notifications already depends on
 * dialogue, which depends on translation: this module uses translation and notifications, and nothing uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteers' notices")
package org.polyphony.volunteers;
