package org.polyphony.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;

/**
 * Requests that are malformed before any controller could judge them get a 400 and one short log line, never an
 * ERROR with a stack trace: anyone can send them, so they must not be able to grow the logs.
 *
 * <ul>
 *   <li>Parameters whose percent-encoding is not UTF-8 ({@code ?q=%C3%28}): Tomcat refuses to decode them the
 *       first time anything reads a parameter, which used to be deep inside a controller, logged as a failure of
 *       the application. They are read here first, once, before anything else.
 *   <li>A parameter sent as a file where a value is expected ({@code kind} as a file part of a multipart form):
 *       Spring calls that a conversion it cannot do, a 500; it is the request that is wrong.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequests {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> malformedParametersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new ParametersFirst());
        // right after the character encoding filter (HIGHEST_PRECEDENCE), which must set UTF-8 before parsing
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    private static final class ParametersFirst extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // multipart bodies are left to Spring's multipart handling (sizes, parts), as before
            String type = request.getContentType();
            boolean multipart =
                    type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            if (!multipart && (request.getQueryString() != null || type != null)) {
                try {
                    request.getParameterMap();
                } catch (IllegalStateException | IllegalArgumentException undecodable) {
                    // one line, no stack trace, no parameter value (it may be anything)
                    log.debug(
                            "Refused a request with undecodable parameters: {}",
                            undecodable.getClass().getName());
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    @ControllerAdvice
    static class FileWhereAValueBelongs {

        @ExceptionHandler(MethodArgumentConversionNotSupportedException.class)
        void refuse(MethodArgumentConversionNotSupportedException wrongKind, HttpServletResponse response)
                throws IOException {
            log.debug(
                    "Refused parameter {} of a kind that cannot become a {}",
                    wrongKind.getName(),
                    wrongKind.getRequiredType());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
