package org.polyphony.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security sees them. It lives in the (database-stored) session, so it carries no
 * password hash once authentication is over, and nothing else beyond what pages need on every request.
 */
final class AccountUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String displayName;
    private final String uiLanguage;
    private final List<String> authorities;
    private String passwordHash;

    AccountUser(Account account) {
        this.id = account.id().value();
        this.displayName = account.displayName();
        this.uiLanguage = account.uiLanguage();
        this.authorities = account.roles().stream().map(Role::authority).toList();
        this.passwordHash = account.passwordHash();
    }

    AccountId accountId() {
        return new AccountId(id);
    }

    String uiLanguage() {
        return uiLanguage;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities.stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return displayName;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
