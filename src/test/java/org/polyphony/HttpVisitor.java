package org.polyphony;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A visitor without JavaScript: keeps cookies like a browser, reads the CSRF token from the last page it saw,
 * and posts forms as a browser would. Tests with it go through the real servlet container, filters, session store
 * in PostgreSQL, forwards and error pages.
 */
public final class HttpVisitor {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String acceptLanguage = "en";
    private Document lastPage;

    public HttpVisitor(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpVisitor speaking(String languages) {
        this.acceptLanguage = languages;
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page seen, unless the pairs name their own {@code _csrf}. */
    public Page post(String path, String... nameValuePairs) {
        List<String> given = List.of(nameValuePairs);
        boolean ownToken = given.indexOf("_csrf") % 2 == 0;
        String token = ownToken
                ? null
                : Optional.ofNullable(lastPage)
                        .map(page -> page.selectFirst("input[name=_csrf]"))
                        .map(input -> input.val())
                        .orElseGet(() -> get("/login")
                                .document()
                                .selectFirst("input[name=_csrf]")
                                .val());
        List<String> fields = new ArrayList<>(ownToken ? List.of() : List.of("_csrf", token));
        fields.addAll(given);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(fields.get(i))).append('=').append(encode(fields.get(i + 1)));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The body of a download, as bytes; the request must succeed. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept-Language", acceptLanguage)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a multipart form with the CSRF token of the last page seen: one text field and one file. */
    public Page postMultipart(String path, String textName, String textValue, String fileField, byte[] file) {
        String boundary = "----polyphony" + UUID.randomUUID();
        String token = lastPage.selectFirst("input[name=_csrf]").val();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = part -> body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        for (String[] field : new String[][] {{"_csrf", token}, {textName, textValue}}) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n");
        }
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"upload.zip\"\r\nContent-Type: application/zip\r\n\r\n");
        body.writeBytes(file);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A file of a multipart form: its field, the name and type the browser would send, and its bytes. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {}

    /**
     * Posts a multipart form with the CSRF token of the last page seen: any text fields (name, value pairs) and
     * any files.
     */
    public Page postMultipart(String path, List<String> nameValuePairs, List<FilePart> files) {
        String boundary = "----polyphony" + UUID.randomUUID();
        String token = lastPage.selectFirst("input[name=_csrf]").val();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = part -> body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        List<String> fields = new ArrayList<>(List.of("_csrf", token));
        fields.addAll(nameValuePairs);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n"
                    + fields.get(i + 1) + "\r\n");
        }
        for (FilePart file : files) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A new visitor who has just signed up as {@code name}; the sign-up must succeed. */
    public static HttpVisitor signedUp(int port, String name, String password) {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/signup");
        Page response = visitor.post("/signup", "displayName", name, "password", password, "passwordRepeat", password);
        if (!"/?welcome".equals(response.redirect())) {
            throw new AssertionError("sign-up of " + name + " failed: " + response.status());
        }
        return visitor;
    }

    /**
     * A new visitor signed in as a new account holding a role besides participant ({@code "MODERATOR"}); roles are
     * set in the database, since giving them through the admin page is tested elsewhere.
     */
    public static HttpVisitor signedInWithRole(
            int port, org.springframework.jdbc.core.simple.JdbcClient jdbc, String name, String password, String role) {
        signedUp(port, name, password);
        jdbc.sql("UPDATE accounts_account SET roles = :roles::text[] WHERE display_name = :name")
                .param("roles", "{PARTICIPANT," + role + "}")
                .param("name", name)
                .update();
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/login");
        Page signedIn = visitor.post("/login", "name", name, "password", password);
        if (!"/".equals(signedIn.redirect())) {
            throw new AssertionError("sign-in of " + name + " failed: " + signedIn.status());
        }
        return visitor;
    }

    /** Starts a thread on a session's thread page and returns the thread's address ("/threads/N"). */
    public String startThread(String threadsPath, String title, String body) {
        get(threadsPath);
        Page started = post(
                threadsPath,
                "title",
                title,
                "body",
                body,
                "idempotencyKey",
                UUID.randomUUID().toString());
        if (started.redirect() == null || !started.redirect().startsWith("/threads/")) {
            throw new AssertionError("thread not started: " + started.status());
        }
        return started.redirect();
    }

    public List<java.net.HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.header("Accept-Language", acceptLanguage)
                            .header("Accept", "text/html,*/*;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response);
            if (page.isHtml()) {
                lastPage = page.document();
            }
            return page;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response as the visitor saw it. */
    public final class Page {
        private final HttpResponse<String> response;

        Page(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String redirect() {
            return header("Location")
                    .map(l -> l.replaceFirst("^https?://[^/]+", ""))
                    .orElse(null);
        }

        public boolean isHtml() {
            return header("Content-Type").map(t -> t.startsWith("text/html")).orElse(false);
        }

        public Document document() {
            return Jsoup.parse(response.body());
        }

        /** Follows a redirect like a browser. */
        public Page follow() {
            return redirect() == null ? this : get(redirect());
        }
    }
}
