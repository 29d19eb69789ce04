package org.polyphony.followup;

import java.util.List;

/** Whom a recommendation addresses, besides named organisations and countries. Names: {@code followup.addressee.<code>}. */
final class Addressees {

    static final List<String> CODES = List.of("states", "civil-society", "international-organisations");

    private Addressees() {}

    static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
