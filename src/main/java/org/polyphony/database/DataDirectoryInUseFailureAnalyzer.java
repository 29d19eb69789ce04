package org.polyphony.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked data directory into a short explanation instead of a stack trace at startup. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other Polyphony (Ctrl-C in its terminal), or pass --polyphony.data-dir=DIR to use another"
                        + " directory.",
                cause);
    }
}
