package org.polyphony.messaging;

import org.polyphony.accounts.AccountDirectory;
import org.polyphony.web.UnreadMessages;
import org.springframework.stereotype.Component;

/** Gives the layout the signed-in person's unread messages, without the web layer knowing this module. */
@Component
class UnreadMessageCount implements UnreadMessages {

    private final MessagingManagement messaging;
    private final AccountDirectory accounts;

    UnreadMessageCount(MessagingManagement messaging, AccountDirectory accounts) {
        this.messaging = messaging;
        this.accounts = accounts;
    }

    @Override
    public int unreadMessages() {
        return accounts.signedIn().map(messaging::unread).orElse(0);
    }
}
