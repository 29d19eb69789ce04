package org.polyphony.database;

import java.nio.file.Path;

/** Run in a separate JVM by {@link RefusedInstanceLoggingTest}: holds a data directory's lock until killed. */
public final class LockHolder {

    public static void main(String[] args) throws Exception {
        DataDirectoryLock.acquire(Path.of(args[0]));
        System.out.println("LOCKED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
