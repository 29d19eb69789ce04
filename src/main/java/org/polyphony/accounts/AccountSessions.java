package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Finds and ends a person's sessions on every device. Sessions are indexed by account id, not by display name,
 * so that a renamed person's older sessions are found too.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Marks the request's session as belonging to {@code account}; called at every sign-in. */
    void bind(HttpServletRequest request, AccountId account) {
        request.getSession().setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, indexOf(account));
    }

    /** Signs the person out everywhere, e.g. after their account was deleted or their roles changed. */
    void endAll(AccountId account) {
        sessions.findByPrincipalName(indexOf(account)).keySet().forEach(sessions::deleteById);
    }

    /** Signs the person out everywhere but here, e.g. after they changed their password. */
    void endOthers(AccountId account, String keep) {
        sessions.findByPrincipalName(indexOf(account)).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(sessions::deleteById);
    }

    private static String indexOf(AccountId account) {
        return "account:" + account.value();
    }
}
