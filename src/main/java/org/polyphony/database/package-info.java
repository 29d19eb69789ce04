/**
 * Database wiring: the embedded PostgreSQL that runs when no external database is configured, its supervision
 * (restart with back-off), and {@link org.polyphony.database.DatabaseAvailability}, which tells whether the
 * database (embedded or external) can be reached now. Uses no other module; the web layer consults the availability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.polyphony.database;
