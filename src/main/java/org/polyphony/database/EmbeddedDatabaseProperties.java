package org.polyphony.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database keeps its files.
 *
 * @param dataDir the installation's data directory; the cluster lives in its {@code postgres} sub-folder
 * @param binariesDir where the PostgreSQL binaries are unpacked; defaults to {@code <dataDir>/.postgres-binaries}
 */
@ConfigurationProperties("polyphony")
record EmbeddedDatabaseProperties(@DefaultValue("data") Path dataDir, Path binariesDir) {

    Path binariesDirOrDefault() {
        return binariesDir != null ? binariesDir : dataDir.resolve(".postgres-binaries");
    }
}
