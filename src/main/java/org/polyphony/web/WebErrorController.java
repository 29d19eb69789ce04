package org.polyphony.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error, from an unknown URL to a failure deep inside, ends here: a short page in the reader's language,
 * or a small JSON body for API clients. Neither ever carries a stack trace or an exception message.
 */
@Controller
class WebErrorController implements ErrorController {

    private final PageAdvice pages;

    WebErrorController(PageAdvice pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    Object handle(HttpServletRequest request, HttpServletResponse response, Model model) {
        return wantsJson(request) ? json(request) : page(request, response, model);
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = statusOf(request);
        response.setStatus(status.value());
        model.addAttribute("page", pages.pageFor(request));
        model.addAttribute("status", status.value());
        model.addAttribute("kind", kindOf(status));
        return "web/error";
    }

    private static ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        return ResponseEntity.status(status).body(body);
    }

    /** API clients ask for JSON; browsers, and clients that accept anything, get the page. */
    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        boolean html = types.stream().anyMatch(t -> t.includes(MediaType.TEXT_HTML) && !t.isWildcardType());
        boolean json =
                types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType());
        return json && !html;
    }

    /** The error's status; a request for /error itself, which is no error, is a page that does not exist. */
    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** Selects the message: the few statuses a person can act on get their own words. */
    private static String kindOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> "not-found";
            case FORBIDDEN, UNAUTHORIZED -> "forbidden";
            case TOO_MANY_REQUESTS -> "too-many";
            case CONTENT_TOO_LARGE -> "too-large";
            case BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE -> "bad-request";
            default -> status.is4xxClientError() ? "bad-request" : "server";
        };
    }
}
