package org.polyphony.translation;

/** A provider could not translate a text; the message is shown to administrators, never to readers. */
class TranslationFailure extends Exception {

    TranslationFailure(String message) {
        super(message);
    }

    TranslationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
