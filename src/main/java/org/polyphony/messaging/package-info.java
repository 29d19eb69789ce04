/**
 * Messaging: direct messages between two people who both accept them, blocking, and reports of a conversation to
 * moderators, who see a conversation's messages only when one of its participants reported it. Uses accounts (who
 * is signed in, display names, rate limits, suspension) and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.polyphony.messaging;
