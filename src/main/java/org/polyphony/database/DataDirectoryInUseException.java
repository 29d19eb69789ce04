package org.polyphony.database;

import java.nio.file.Path;

/** Thrown when another running Polyphony already holds the data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path dataDirectory;

    DataDirectoryInUseException(Path dataDirectory) {
        super("The data directory " + dataDirectory.toAbsolutePath()
                + " is in use by another running Polyphony. Stop that instance first, or start this one with"
                + " another data directory (--polyphony.data-dir=DIR).");
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
