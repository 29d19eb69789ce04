package org.polyphony.database;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerTest}: starts the embedded server, commits one row, says so,
 * and waits to be killed. Exits with status 3 when the data directory is in use.
 */
public final class CrashProbe {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]));
        } catch (DataDirectoryInUseException e) {
            System.out.println("IN USE: " + e.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        try (Connection connection = server.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe (value TEXT PRIMARY KEY)");
            statement.execute("INSERT INTO probe VALUES ('" + args[2].replace("'", "") + "')");
        }
        System.out.println("COMMITTED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
