/**
 * Database wiring: the embedded PostgreSQL that runs when no external database is configured.
 * Uses no other module; no module uses its types, only the DataSource it provides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.polyphony.database;
