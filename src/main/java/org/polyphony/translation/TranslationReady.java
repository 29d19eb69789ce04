package org.polyphony.translation;

/** Published on the node that made it when a translation of a text has become available. */
public record TranslationReady(TextRef text, String language) {}
