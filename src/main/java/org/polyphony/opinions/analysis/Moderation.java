package org.polyphony.opinions.analysis;

/** What moderators decided about a statement. Votes on rejected statements are kept but weigh nothing in the map. */
public enum Moderation {
    ACCEPTED,
    UNMODERATED,
    REJECTED;

    /** Pol.is writes {@code 1} accepted, {@code 0} not yet moderated, {@code -1} rejected. */
    public static Moderation fromPolis(int value) {
        return switch (value) {
            case 1 -> ACCEPTED;
            case 0 -> UNMODERATED;
            case -1 -> REJECTED;
            default -> throw new IllegalArgumentException("moderation must be -1, 0 or 1, found " + value);
        };
    }

    public int toPolis() {
        return switch (this) {
            case ACCEPTED -> 1;
            case UNMODERATED -> 0;
            case REJECTED -> -1;
        };
    }
}
