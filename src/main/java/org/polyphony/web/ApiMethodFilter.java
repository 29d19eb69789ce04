package org.polyphony.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A request to the read-only API with a method its path does not take ({@code POST /api/editions}) is answered
 * 405 with an {@code Allow} header, as HTTP says, before the CSRF check would call it forbidden: an API client
 * learns that the method is wrong, not that it lacks a token it could never have.
 */
@Configuration(proxyBeanMethods = false)
class ApiMethodFilter {

    static final String API = "/api/";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiMethodFilterRegistration(
            ObjectProvider<RequestMappingHandlerMapping> mappings) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new MethodCheck(mappings));
        registration.addUrlPatterns(API + "*");
        // before Spring Security's chain (order -100), whose CSRF check would answer 403 first
        registration.setOrder(-110);
        return registration;
    }

    private static final class MethodCheck extends OncePerRequestFilter {

        private final ObjectProvider<RequestMappingHandlerMapping> mappings;

        MethodCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
            this.mappings = mappings;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return SAFE.contains(request.getMethod())
                    || !request.getRequestURI().startsWith(API);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Set<HttpMethod> allowed = allowedMethods(request);
            if (allowed == null) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader(
                    HttpHeaders.ALLOW,
                    allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }

        /** The methods the path takes when it is mapped but not for this method; null otherwise. */
        private Set<HttpMethod> allowedMethods(HttpServletRequest request) {
            boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
            if (parsedHere) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            try {
                for (RequestMappingHandlerMapping mapping :
                        mappings.orderedStream().toList()) {
                    try {
                        if (mapping.getHandler(request) != null) {
                            return null;
                        }
                    } catch (HttpRequestMethodNotSupportedException wrongMethod) {
                        Set<HttpMethod> supported = wrongMethod.getSupportedHttpMethods();
                        return supported == null || supported.isEmpty() ? Set.of(HttpMethod.GET) : supported;
                    } catch (Exception other) {
                        return null;
                    }
                }
                return null;
            } finally {
                if (parsedHere) {
                    ServletRequestPathUtils.clearParsedRequestPath(request);
                }
            }
        }
    }
}
