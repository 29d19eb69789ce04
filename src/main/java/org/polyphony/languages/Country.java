package org.polyphony.languages;

/** A country as offered to a reader: its ISO 3166-1 alpha-2 code and its name in the reader's language. */
public record Country(String code, String name) {}
