package org.polyphony.translation;

/**
 * Published on the node that made it when a translation of a text has become available: a machine's (by the worker)
 * or a person's (a reviewed translation, a volunteer's), which is shown instead of the machine's from then on.
 * Published in the transaction that keeps a person's translation.
 */
public record TranslationReady(TextRef text, String language) {}
