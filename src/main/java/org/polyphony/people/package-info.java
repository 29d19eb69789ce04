/**
 * People: profiles with per-field visibility and an optional photo, organisations with their members, a
 * directory, follows and the personal feed, partnerships between organisations. Uses accounts (who is signed in,
 * display names, rate limits), dialogue (recent posts for the feed), translation (organisation descriptions),
 * languages (countries, regions, themes) and web. Other modules add to the feed by implementing {@link
 * org.polyphony.people.FeedSource}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.polyphony.people;
