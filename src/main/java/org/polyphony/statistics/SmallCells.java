package org.polyphony.statistics;

import java.util.OptionalLong;

/**
 * The platform's one small-cell rule: a count of people below the minimum (default 5, setting
 * {@code polyphony.small-cells.minimum}) is never shown, and neither is a share computed from a group that
 * small. Zero is shown: it singles nobody out. Tables where a hidden cell could be recovered from totals or
 * from other cells need complementary suppression on top of this rule (see the research module's datasets).
 */
public record SmallCells(int minimum) {

    public static final int DEFAULT_MINIMUM = 5;

    public SmallCells {
        if (minimum < 1) {
            throw new IllegalArgumentException("the small-cell minimum must be at least 1");
        }
    }

    public static SmallCells standard() {
        return new SmallCells(DEFAULT_MINIMUM);
    }

    /** Whether this count of people may be shown as it is. */
    public boolean shows(long count) {
        return count == 0 || count >= minimum;
    }

    /** The count when it may be shown, empty when it must be hidden. */
    public OptionalLong shown(long count) {
        return shows(count) ? OptionalLong.of(count) : OptionalLong.empty();
    }

    /** Whether a share (part of a whole) may be shown: the whole must not be small, nor the part. */
    public boolean showsShare(long part, long whole) {
        return whole >= minimum && shows(part);
    }
}
