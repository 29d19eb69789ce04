package org.polyphony.opinions.analysis;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Interchange with Pol.is open-data exports (github.com/compdemocracy/openData layout). Reads {@code comments.csv}
 * and {@code votes.csv} (required), {@code participants-votes.csv} and {@code summary.csv} (when present); writes
 * {@code participants-votes.csv}, {@code summary.csv} and {@code consensus.csv}. Layouts and what is tolerated are in
 * docs/opinions.md.
 */
public final class PolisCsv {

    private PolisCsv() {}

    /**
     * @throws PolisCsvException when a file is missing, malformed or inconsistent with the others; it names the file
     *     and line
     */
    public static PolisConversation read(Path folder) throws IOException, PolisCsvException {
        return PolisCsvReading.read(folder);
    }

    /** Writes the three files into {@code out}, creating it if needed and replacing files of the same names. */
    public static void write(PolisConversation conversation, OpinionMap map, Path out) throws IOException {
        PolisCsvWriting.write(conversation, map, out);
    }
}
