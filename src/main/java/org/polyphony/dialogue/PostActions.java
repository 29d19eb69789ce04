package org.polyphony.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.accounts.AccountId;

/**
 * Actions another module offers a reader on the posts of a thread (a regional hub's rapporteur citing a post in a
 * report, say). Each is a plain form sent with GET to a page of that module, so it works without JavaScript; that
 * page asks for what it needs and changes nothing until its own form is sent. Dialogue knows none of those modules:
 * each registers a bean of this type. Asked once per thread page, only for a signed-in reader.
 */
public interface PostActions {

    /** The actions for every visible post of this thread, labels in the reader's language; empty when none. */
    List<Action> forThread(ThreadId thread, AccountId reader, Locale locale);

    /** A form sent with GET to {@code path}, carrying {@code fields} and the post's id as {@code post}. */
    record Action(String label, String path, Map<String, String> fields) {}
}
