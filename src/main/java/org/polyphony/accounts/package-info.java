/**
 * Accounts: sign-up with a pseudonym, sign-in, roles, personal settings, data export and deletion, and the
 * security configuration (sessions in PostgreSQL, CSRF, headers, login rate limits). Uses languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.polyphony.accounts;
