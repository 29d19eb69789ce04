package org.polyphony.opinions.analysis;

/**
 * A Pol.is CSV file that cannot be read as it is: missing, malformed, or inconsistent with the other files. Says
 * which file and which line (line 0: the file as a whole), so that whoever exported it can find the fault.
 */
public class PolisCsvException extends Exception {

    private final String file;
    private final int line;
    private final String problem;

    public PolisCsvException(String file, int line, String problem) {
        super(line > 0 ? file + ", line " + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file's name within the folder, such as {@code votes.csv}. */
    public String file() {
        return file;
    }

    /** The line where the faulty record starts, counting from 1; 0 when the fault is the file's as a whole. */
    public int line() {
        return line;
    }

    /** What is wrong, without file and line. */
    public String problem() {
        return problem;
    }
}
