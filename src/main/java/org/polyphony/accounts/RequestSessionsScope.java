package org.polyphony.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens, around the session filter, the scope in which {@link SparseSessionWrites} holds the sessions a request
 * loaded, and closes it when the request ends, so nothing held outlives its request on a pooled thread.
 */
@Configuration(proxyBeanMethods = false)
class RequestSessionsScope {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSessionsScopeFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Scope());
        // outside the session filter, whose last look-up of the session happens as it ends
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    private static final class Scope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SparseSessionWrites.RequestSessions.open();
            try {
                chain.doFilter(request, response);
            } finally {
                SparseSessionWrites.RequestSessions.close();
            }
        }
    }
}
