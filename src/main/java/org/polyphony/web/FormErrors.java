package org.polyphony.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The errors of a submitted form, as messages in the reader's language keyed by field, so that a template can
 * show each one next to its field. A field's first error is the one shown.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of(), Map.of());

    private final Map<String, String> byField;
    private final List<String> general;
    private final Map<String, String> typed;

    private FormErrors(Map<String, String> byField, List<String> general, Map<String, String> typed) {
        this.byField = byField;
        this.general = general;
        this.typed = typed;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            byField.putIfAbsent(error.getField(), messages.getMessage(error, locale));
            if (error.isBindingFailure() && error.getRejectedValue() != null) {
                typed.putIfAbsent(error.getField(), String.valueOf(error.getRejectedValue()));
            }
        }
        List<String> general = result.getGlobalErrors().stream()
                .map((ObjectError error) -> messages.getMessage(error, locale))
                .toList();
        return new FormErrors(byField, general, typed);
    }

    /** One field's error, its message already in the reader's language. */
    public static FormErrors field(String field, String message) {
        return new FormErrors(Map.of(field, message), List.of(), Map.of());
    }

    /**
     * What was typed in a field whose value had the wrong type ("abc" for a year), which the form record could not
     * hold; {@code null} when the field converted.
     */
    public String typed(String field) {
        return typed.get(field);
    }

    /** What to show back in a field: what was typed when it did not convert, else the form's value (or ""). */
    public String typedOr(String field, Object value) {
        String raw = typed.get(field);
        return raw != null ? raw : value == null ? "" : value.toString();
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public List<String> general() {
        return general;
    }

    /** The number of errors, for the summary at the top of the form. */
    public int count() {
        return byField.size() + general.size();
    }

    public Map<String, String> byField() {
        return byField;
    }
}
