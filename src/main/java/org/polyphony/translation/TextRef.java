package org.polyphony.translation;

/**
 * A translatable text, named by the module that owns it: {@code new TextRef("post", 42)}.
 *
 * @param kind what the text is; fixed strings of the owning module
 * @param id the owning module's id of it
 */
public record TextRef(String kind, long id) {}
