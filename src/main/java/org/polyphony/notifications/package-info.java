/**
 * Notifications: in the app for replies, quotes and @mentions; following threads and sessions; e-mail digests in
 * the reader's language, only for people who gave an address and asked for them. Uses dialogue, accounts, web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.polyphony.notifications;
