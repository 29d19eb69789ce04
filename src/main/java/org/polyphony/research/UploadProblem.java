package org.polyphony.research;

/** A problem in an upload: the line (1 is the header), the column (1-based, 0 for the whole line), a message key, the value. */
public record UploadProblem(long line, int column, String key, String value) {}
