package org.polyphony.forums;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Whether the person making the request organises forums (administrators do too). */
@Component
class Organisers {

    private final RoleHierarchy roles;

    Organisers(RoleHierarchy roles) {
        this.roles = roles;
    }

    boolean isOrganiser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                        .anyMatch(a -> "ROLE_ORGANISER".equals(a.getAuthority()));
    }
}
