package org.polyphony.consultation;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level differences between two texts: the longest common subsequence of their words (whitespace-separated
 * tokens), then the rest as deletions and insertions. Paragraphs are a few hundred words at most, so the quadratic
 * table is small; longer texts fall back to "all deleted, all inserted" rather than using much memory.
 */
public final class WordDiff {

    /** Beyond this many words on either side the texts are compared whole. */
    static final int MAX_WORDS = 4_000;

    public enum Kind {
        SAME,
        DELETED,
        INSERTED
    }

    public record Segment(Kind kind, String text) {}

    private WordDiff() {}

    static List<Segment> between(String before, String after) {
        String[] a = tokens(before);
        String[] b = tokens(after);
        List<Segment> segments = new ArrayList<>();
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            add(segments, Kind.DELETED, String.join(" ", a));
            add(segments, Kind.INSERTED, String.join(" ", b));
            return segments;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                add(segments, Kind.SAME, a[i]);
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                add(segments, Kind.DELETED, a[i++]);
            } else {
                add(segments, Kind.INSERTED, b[j++]);
            }
        }
        while (i < a.length) {
            add(segments, Kind.DELETED, a[i++]);
        }
        while (j < b.length) {
            add(segments, Kind.INSERTED, b[j++]);
        }
        return segments;
    }

    static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.kind() != Kind.SAME);
    }

    private static String[] tokens(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    /** Runs of the same kind become one segment, so the page has one mark per change, not one per word. */
    private static void add(List<Segment> segments, Kind kind, String word) {
        if (word.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            Segment last = segments.removeLast();
            segments.add(new Segment(kind, last.text() + " " + word));
        } else {
            segments.add(new Segment(kind, word));
        }
    }
}
