package org.polyphony.accounts;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Who may do what, and the protections every response carries. Sessions are stored in PostgreSQL (Spring Session
 * JDBC) so any application node can serve any request. The CSRF token lives in a cookie, so anonymous readers
 * cost no session row.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling
@EnableJdbcHttpSession
class SecurityConfiguration {

    /** Scripts and styles only from this site; no inline script, no framing, no third-party hosts. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            LoginThrottle throttle,
            AccountSessions sessions,
            DeviceCookies devices,
            TwoFactor twoFactor)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/account", "/account/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.loginPage("/login")
                        .usernameParameter("name")
                        .passwordParameter("password")
                        .failureForwardUrl("/login/failed")
                        .successHandler(new SignInSuccess(sessions, devices, twoFactor, securityContextRepository()))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .securityContext(context -> context.securityContextRepository(securityContextRepository()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()")))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** The throttle runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    /** The token's cookie goes with top-level navigation only, never with a cross-site subrequest (issue 11). */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(
                """
                ROLE_ADMINISTRATOR > ROLE_ORGANISER
                ROLE_ORGANISER > ROLE_MODERATOR
                ROLE_ORGANISER > ROLE_RAPPORTEUR
                ROLE_MODERATOR > ROLE_PARTICIPANT
                ROLE_RAPPORTEUR > ROLE_PARTICIPANT
                """);
    }
}
