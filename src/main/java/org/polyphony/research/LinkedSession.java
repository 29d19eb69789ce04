package org.polyphony.research;

/** A forum session a publication informs, for its page. */
public record LinkedSession(String editionSlug, String code, org.polyphony.languages.LocalizedText title) {}
