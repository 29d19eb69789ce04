package org.polyphony.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Removes control characters from every request parameter and form field bound to a {@link String}, by any
 * controller. PostgreSQL cannot store NUL in text, and no other C0 control character besides tab, line feed and
 * carriage return has any place in what people type.
 */
@ControllerAdvice
class ControlCharacters {

    @InitBinder
    void stripControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Stripping());
    }

    /** The text without C0 control characters other than tab, line feed and carriage return. */
    static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isStripped(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isStripped(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isStripped(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static final class Stripping extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(strip(text));
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
