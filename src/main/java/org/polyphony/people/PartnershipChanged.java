package org.polyphony.people;

import java.util.List;
import org.polyphony.accounts.AccountId;

/**
 * A partnership was asked for, accepted or declined. Carries the active admins of both organisations, so that
 * whoever notifies them (the notifications module) needs nothing else from this one.
 *
 * @param actor who asked or decided (not notified of their own act); a site administrator for a stale request
 */
public record PartnershipChanged(
        long partnership,
        Change change,
        long fromId,
        String fromName,
        long toId,
        String toName,
        List<AccountId> fromAdmins,
        List<AccountId> toAdmins,
        AccountId actor) {

    public enum Change {
        ASKED,
        ACCEPTED,
        DECLINED
    }
}
