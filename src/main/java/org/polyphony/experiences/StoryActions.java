package org.polyphony.experiences;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Actions another module offers the reader of a published story (a regional hub's rapporteur citing it in a
 * report, say). Each is a plain form sent with GET to a page of that module, so it works without JavaScript; that
 * page asks for what it needs and changes nothing until its own form is sent. Experiences knows none of those
 * modules: each registers a bean of this type and decides itself, from who is signed in, what to offer.
 */
public interface StoryActions {

    /** The actions for this published story of this edition, labels in the reader's language; empty when none. */
    List<Action> forStory(StoryId story, long editionId, Locale locale);

    /** A form sent with GET to {@code path}, carrying {@code fields}. */
    record Action(String label, String path, Map<String, String> fields) {}
}
