package org.polyphony.followup;

/** Where a claimed progress stands: verified by an organiser, contested, confirmed by others, or only claimed. */
public enum Standing {
    VERIFIED,
    CONTESTED,
    CONFIRMED,
    CLAIMED;

    static Standing of(boolean verified, long contests, long confirmations) {
        return verified ? VERIFIED : contests > 0 ? CONTESTED : confirmations > 0 ? CONFIRMED : CLAIMED;
    }
}
