package org.polyphony.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff member who signed in while two-factor sign-in is required of staff, and has not set it up, can reach only
 * its set-up page (and sign out) until it is done: their staff powers never work on a password alone.
 */
@Component
@Order(0)
class TwoFactorSetupGate extends OncePerRequestFilter {

    private static final List<String> OPEN =
            List.of(TwoFactorController.PATH, "/logout", "/css/", "/js/", "/favicon", "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session != null
                && session.getAttribute(SignInSuccess.SETUP_REQUIRED) != null
                && OPEN.stream().noneMatch(path::startsWith)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", TwoFactorController.PATH);
            return;
        }
        chain.doFilter(request, response);
    }
}
