package org.polyphony.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.polyphony.languages.UiLanguage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Gives every page rendered by any controller its {@link Page} as the model attribute {@code page}. */
@ControllerAdvice
class PageAdvice {

    private final MessageSource messages;
    private final Resolved<RoleHierarchy> roleHierarchy;
    private final Resolved<ResourceUrlProvider> assets;
    private final Resolved<UnreadNotifications> notifications;
    private final Resolved<UnreadMessages> messageCount;

    /**
     * A bean asked for through its provider once, then kept: resolving it on every page (four of them, through the
     * bean factory) was a tenth of the time of a page served from a kept copy. Not kept while it is not there yet.
     */
    private static final class Resolved<T> {

        private final ObjectProvider<T> provider;
        private volatile T bean;

        Resolved(ObjectProvider<T> provider) {
            this.provider = provider;
        }

        T get() {
            T known = bean;
            if (known == null) {
                known = provider.getIfAvailable();
                bean = known;
            }
            return known;
        }
    }

    PageAdvice(
            MessageSource messages,
            ObjectProvider<RoleHierarchy> roleHierarchy,
            ObjectProvider<ResourceUrlProvider> assets,
            ObjectProvider<UnreadNotifications> notifications,
            ObjectProvider<UnreadMessages> messageCount) {
        this.notifications = new Resolved<>(notifications);
        this.messageCount = new Resolved<>(messageCount);
        this.messages = messages;
        this.roleHierarchy = new Resolved<>(roleHierarchy);
        this.assets = new Resolved<>(assets);
    }

    @ModelAttribute("page")
    Page page(HttpServletRequest request) {
        return pageFor(request);
    }

    Page pageFor(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return new Page(
                UiLanguage.of(LocaleContextHolder.getLocale()),
                messages,
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
                signedIn ? authentication.getName() : null,
                signedIn ? roles(authentication) : Set.of(),
                pathOf(request),
                assets.get(),
                notifications.get(),
                messageCount.get());
    }

    private Set<String> roles(Authentication authentication) {
        var granted = authentication.getAuthorities();
        RoleHierarchy hierarchy = roleHierarchy.get();
        var all = hierarchy == null ? granted : hierarchy.getReachableGrantedAuthorities(granted);
        return all.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
    }

    private static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = original instanceof String forwarded ? forwarded : request.getRequestURI();
        String query = original == null ? request.getQueryString() : null;
        return LocalPath.orHome(query == null ? uri : uri + "?" + query);
    }
}
