package org.polyphony.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cards another module shows under a post for the links in it that lead to something of its own (the research
 * library shows a publication's title, authors and year under a post that links to it). Dialogue knows none of those
 * modules: each registers a bean of this type. Asked once per page of posts with their rendered (sanitised) HTML;
 * a card is plain text and a local link, so it needs no script and is the same for every reader of a language.
 */
public interface PostLinkCards {

    /** The cards for each post that has any, keyed by post id; labels in {@code locale}. */
    Map<Long, List<Card>> cards(Map<Long, String> htmlByPost, Locale locale);

    /**
     * A card: what it is ("Publication"), its title, a line of details (authors, year) and the local link it leads
     * to; {@code language} is the title's language tag, or empty when unknown.
     */
    record Card(String kind, String title, String language, String details, String href) {}
}
