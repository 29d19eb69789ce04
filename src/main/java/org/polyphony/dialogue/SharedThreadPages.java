package org.polyphony.dialogue;

import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.polyphony.web.CompressedPages;
import org.springframework.stereotype.Component;

/**
 * Thread pages as anonymous readers get them, rendered once and kept compressed until their thread changes
 * ({@link AnonymousThreadPages}): a reader signed out costs one copy of bytes, already gzipped for the browsers
 * that accept it. A page depends on the address (thread, page of posts, options), the interface language and
 * whether the reader switched translation off; nothing in it belongs to one visitor.
 */
@Component
class SharedThreadPages {

    static final java.util.Set<String> THREAD_PARAMETERS = java.util.Set.of("page", "view", "original");
    static final java.util.Set<String> LIST_PARAMETERS = java.util.Set.of("sort", "after");

    private final AnonymousThreadPages copies;
    private final TemplateEngine templates;

    SharedThreadPages(AnonymousThreadPages copies, TemplateEngine templates) {
        this.copies = copies;
        this.templates = templates;
    }

    /** Sends the shared copy of the page, rendering it first if there is none. */
    void send(
            long threadId,
            String template,
            Supplier<Map<String, Object>> model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Supplier<byte[]> rendered = () -> CompressedPages.keptCopy(render(template, model.get()));
        CompressedPages.sendGzipped(
                shareable(request, THREAD_PARAMETERS) ? copies.get(threadId, key(request), rendered) : rendered.get(),
                request,
                response);
    }

    /** Sends the shared copy of a session's list of threads, rendering it first if there is none. */
    void sendList(
            long sessionId,
            Supplier<Map<String, Object>> model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Supplier<byte[]> rendered = () -> CompressedPages.keptCopy(render("dialogue/threads", model.get()));
        CompressedPages.sendGzipped(
                shareable(request, LIST_PARAMETERS)
                        ? copies.list(sessionId, key(request), rendered, page -> page.length)
                        : rendered.get(),
                request,
                response);
    }

    private static List<Object> key(HttpServletRequest request) {
        return List.of(
                address(request),
                org.springframework.context.i18n.LocaleContextHolder.getLocale().toLanguageTag(),
                ReadingPreferences.translates(request));
    }

    /** The page's address, which a copy is kept under. */
    static String address(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /** Whether the page may be kept: made-up parameters get it rendered for them alone, not filling the memory. */
    static boolean shareable(HttpServletRequest request, java.util.Set<String> parameters) {
        return request.getParameterMap().keySet().stream().allMatch(parameters::contains);
    }

    private String render(String template, Map<String, Object> model) {
        return CompressedPages.render(templates, template, model);
    }
}
