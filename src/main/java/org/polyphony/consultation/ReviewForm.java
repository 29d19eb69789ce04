package org.polyphony.consultation;

/** A reviewed translation of a paragraph as the drafting team typed it: the language it is in and its text. */
public record ReviewForm(String language, String text) {

    static ReviewForm blank() {
        return new ReviewForm("", "");
    }
}
