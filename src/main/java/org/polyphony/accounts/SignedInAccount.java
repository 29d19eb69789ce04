package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Reads the signed-in account from the security context, and refreshes it there after the account changed. */
@Component
class SignedInAccount {

    private final AccountRepository accounts;
    private final SecurityContextRepository contexts;

    SignedInAccount(AccountRepository accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    Optional<AccountUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    AccountId id() {
        return current()
                .orElseThrow(() -> new IllegalStateException("not signed in"))
                .accountId();
    }

    /** Reloads the account into the session, so that a new name, language or role shows at once. */
    void refresh(HttpServletRequest request, HttpServletResponse response) {
        current().flatMap(user -> accounts.findById(user.accountId())).ifPresent(account -> {
            AccountUser user = new AccountUser(account);
            user.eraseCredentials();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        });
    }
}
