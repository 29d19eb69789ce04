package org.polyphony.dialogue;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
        Supplier<byte[]> rendered = () -> gzip(render(template, model.get()));
        sendGzipped(
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
        Supplier<byte[]> rendered = () -> gzip(render("dialogue/threads", model.get()));
        sendGzipped(
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

    private static void sendGzipped(byte[] gzipped, HttpServletRequest request, HttpServletResponse response) {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
        try {
            String accepted = request.getHeader("Accept-Encoding");
            if (accepted != null && accepted.contains("gzip")) {
                response.setHeader("Content-Encoding", "gzip");
                response.setContentLength(gzipped.length);
                response.getOutputStream().write(gzipped);
            } else {
                byte[] plain = gunzip(gzipped);
                response.setContentLength(plain.length);
                response.getOutputStream().write(plain);
            }
        } catch (IOException readerGone) {
            throw new UncheckedIOException(readerGone);
        }
    }

    /** The page's address, which a copy is kept under. */
    static String address(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /** Whether the page may be kept: made-up parameters get it rendered for them alone, not filling the memory. */
    static boolean shareable(HttpServletRequest request, java.util.Set<String> parameters) {
        return request.getParameterMap().keySet().stream().allMatch(parameters::contains);
    }

    /** Sends a page composed for one reader, compressed for the browsers that accept it. */
    static void write(String html, HttpServletRequest request, HttpServletResponse response) {
        byte[] plain = html.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
        try {
            String accepted = request.getHeader("Accept-Encoding");
            if (accepted != null && accepted.contains("gzip")) {
                byte[] gzipped = gzip(plain, ONE_RESPONSE);
                response.setHeader("Content-Encoding", "gzip");
                response.setContentLength(gzipped.length);
                response.getOutputStream().write(gzipped);
            } else {
                response.setContentLength(plain.length);
                response.getOutputStream().write(plain);
            }
        } catch (IOException readerGone) {
            throw new UncheckedIOException(readerGone);
        }
    }

    private String render(String template, Map<String, Object> model) {
        StringOutput output = new StringOutput();
        templates.render(template + ".jte", model, output);
        return output.toString();
    }

    /** A copy kept for many readers is compressed once, as tightly as zlib's default allows. */
    private static final int KEPT_COPY = 6;

    /**
     * A page composed for one reader is compressed for every request: at level 6 that was a fifth of its cost, for
     * some 10 % fewer bytes than level 3.
     */
    private static final int ONE_RESPONSE = 3;

    private static byte[] gzip(String html) {
        return gzip(html.getBytes(StandardCharsets.UTF_8), KEPT_COPY);
    }

    private static byte[] gzip(byte[] html, int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(html.length / 4);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            out.write(html);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
