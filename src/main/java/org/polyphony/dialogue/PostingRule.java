package org.polyphony.dialogue;

import java.util.Optional;
import org.polyphony.accounts.AccountId;

/**
 * A rule another module sets on who may reply in some threads (a regional hub that asks for membership, say). The
 * dialogue asks every such bean before a reply is saved; a refusal is a message key shown on the form, which keeps
 * what the person wrote.
 */
public interface PostingRule {

    /** The message key of the refusal, or empty when {@code author} may post in {@code thread}. */
    Optional<String> refusal(ThreadId thread, AccountId author);
}
