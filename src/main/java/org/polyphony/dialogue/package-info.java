/**
 * The Online Dialogue: threads and posts in every session of a forum edition, with replies, quotes, edit history,
 * reactions. Uses accounts (who is signed in, display names), forums (sessions and their editions), languages, web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dialogue")
package org.polyphony.dialogue;
