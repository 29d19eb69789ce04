/**
 * Search across the platform's content. Today it searches the dialogue; stories, statements and documents join as
 * their modules arrive. Uses dialogue, forums, accounts (public names only), languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.polyphony.search;
