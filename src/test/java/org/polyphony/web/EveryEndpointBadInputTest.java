package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Sends malformed requests to every endpoint the application maps, as Spring itself lists them, so that an endpoint
 * added by any module is covered without anyone adding it here. Each request must be answered below 500, and
 * produce no ERROR log line and at most one WARN line (nor a stack trace) on the request's thread.
 *
 * <p>Path variables take real values where a crawl of the site as an administrator found a link of that shape,
 * and junk otherwise. Each parameter the handler binds (request parameters, the components of form records, file
 * parts) gets a value of the wrong type, a huge number, an over-long text, control characters and invalid UTF-8;
 * forms are sent without their CSRF token, with every field as a file part, and with a method the path does not
 * map. Anonymous visitors and participants send everything; the administrator's changes go only to ids that do
 * not exist, so that the shared demo content other tests rely on stays as it is.
 *
 * <p>This runs against the real server, not MockMvc: Tomcat's own parsing (percent-encoding, multipart) is where
 * some of these requests used to fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryEndpointBadInputTest {

    static final String PASSWORD = "every endpoint, every input";
    static final String INVALID_UTF8 = "%C3%28";
    static final List<String> JUNK_PATH_VALUES = List.of("99999999999999999999", "-1", INVALID_UTF8 + "x");
    /** Each parameter gets each of these in turn, its neighbours the others: a wrong type next to a failing check. */
    static final List<String> JUNK_VALUES =
            List.of("maybe", "99999999999999", "x".repeat(3000) + "\u0000\u001b[31m\u0007\r\n1e3");

    static final int CRAWL_LIMIT = 80;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private final Queue logs = new Queue();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @BeforeEach
    void listen() {
        logs.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logs);
        logs.stop();
    }

    @Test
    void noEndpointAnswers5xxOrLogsAnErrorForBadInput() {
        long started = System.nanoTime();
        List<Endpoint> endpoints = endpoints();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Visitor anonymous = new Visitor("anonymous", null);
        Visitor participant =
                new Visitor("participant", HttpVisitor.signedUp(port, "Endpoint participant " + suffix, PASSWORD));
        Visitor administrator = new Visitor(
                "administrator",
                HttpVisitor.signedInWithRole(
                        port, jdbc, "Endpoint administrator " + suffix, PASSWORD, "ADMINISTRATOR"));
        Map<String, String> realUrls = crawl(administrator, endpoints);

        for (Endpoint endpoint : endpoints) {
            Map<String, String> real = endpoint.realVariables(realUrls);
            for (Visitor visitor : List.of(anonymous, participant, administrator)) {
                boolean thorough = visitor == anonymous;
                if (endpoint.variables.isEmpty()) {
                    exercise(visitor, endpoint, Map.of(), thorough, visitor != administrator);
                } else {
                    if (real != null && !endpoint.stream) {
                        exercise(visitor, endpoint, real, thorough, visitor != administrator);
                    }
                    for (String junk : thorough ? JUNK_PATH_VALUES : JUNK_PATH_VALUES.subList(0, 1)) {
                        exercise(visitor, endpoint, endpoint.filled(junk), false, true);
                    }
                }
                if (thorough && endpoint.unmappedMethod() != null) {
                    sendForm(
                            visitor,
                            endpoint,
                            endpoint.unmappedMethod(),
                            endpoint.path(real == null ? Map.of() : real),
                            Map.of(),
                            true);
                }
            }
        }

        System.out.printf(
                "Bad input: %d endpoints (%d path patterns) covered with %d requests in %d s%n",
                endpoints.size(),
                endpoints.stream().map(e -> e.pattern).distinct().count(),
                requests,
                (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(endpoints.size()).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /**
     * The requests an endpoint gets with these path variables: the plain request, then (when {@code thorough}, or
     * with junk in the path only the plain one) every parameter malformed; forms also without their token, with
     * undecodable bytes and as multipart, when the visitor may change what the variables name.
     */
    private void exercise(
            Visitor visitor, Endpoint endpoint, Map<String, String> variables, boolean thorough, boolean mayChange) {
        String path = endpoint.path(variables);
        boolean junkPath = JUNK_PATH_VALUES.stream().anyMatch(variables::containsValue);
        for (String method : endpoint.methods) {
            boolean safe = method.equals("GET") || method.equals("HEAD");
            if (safe) {
                sendRaw(visitor, method, path, "", endpoint);
                if (junkPath || endpoint.parameters.isEmpty()) {
                    continue;
                }
                for (int rotation = 0; rotation < (thorough ? JUNK_VALUES.size() : 1); rotation++) {
                    sendRaw(visitor, method, path, encode(endpoint.rotated(rotation)), endpoint);
                }
                if (thorough) {
                    // Tomcat decodes parameters before anyone knows who is asking: once is enough
                    sendRaw(visitor, method, path, endpoint.rawQuery(INVALID_UTF8), endpoint);
                }
                continue;
            }
            sendForm(visitor, endpoint, method, path, Map.of(), false);
            if (junkPath) {
                sendForm(visitor, endpoint, method, path, endpoint.rotated(0), true);
                continue;
            }
            sendRawForm(visitor, endpoint, method, path, endpoint.rawQuery(INVALID_UTF8 + "x"));
            if (!mayChange) {
                continue; // the administrator changes only what does not exist
            }
            for (int rotation = 0; rotation < (thorough ? JUNK_VALUES.size() : 1); rotation++) {
                sendForm(visitor, endpoint, method, path, endpoint.rotated(rotation), true);
            }
            sendMultipart(visitor, endpoint, method, path);
        }
    }

    private void send(
            Visitor visitor, Endpoint endpoint, String method, String path, Map<String, String> params, boolean body) {
        String query = encode(params);
        sendRaw(visitor, method, path, query, endpoint);
    }

    private void sendRaw(Visitor visitor, String method, String path, String query, Endpoint endpoint) {
        String target = query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query;
        check(
                visitor,
                endpoint,
                method + " " + target,
                request(target).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private void sendForm(
            Visitor visitor, Endpoint endpoint, String method, String path, Map<String, String> params, boolean csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf) {
            fields.put("_csrf", visitor.csrfToken());
        }
        fields.putAll(params);
        sendRawForm(visitor, endpoint, method, path, encode(fields), csrf);
    }

    private void sendRawForm(Visitor visitor, Endpoint endpoint, String method, String path, String rawBody) {
        sendRawForm(visitor, endpoint, method, path, "_csrf=" + encodeOne(visitor.csrfToken()) + "&" + rawBody, true);
    }

    private void sendRawForm(
            Visitor visitor, Endpoint endpoint, String method, String path, String body, boolean withToken) {
        check(
                visitor,
                endpoint,
                method + " " + path + " [" + abbreviate(body) + "]" + (withToken ? "" : " without CSRF"),
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Every field, including the CSRF token's neighbours, sent as a file part, and every file as junk bytes. */
    private void sendMultipart(Visitor visitor, Endpoint endpoint, String method, String path) {
        String boundary = "----polyphony" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", null, visitor.csrfToken().getBytes(StandardCharsets.UTF_8));
        for (String name : endpoint.parameters) {
            part(body, boundary, name, "junk.zip", "PK\u0003\u0004truncated".getBytes(StandardCharsets.ISO_8859_1));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        check(
                visitor,
                endpoint,
                method + " " + path + " [multipart, every field a file]",
                request(path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String target) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html,*/*;q=0.8");
    }

    private void check(Visitor visitor, Endpoint endpoint, String what, HttpRequest.Builder request) {
        requests++;
        logs.drain();
        HttpResponse<String> response;
        try {
            response = visitor.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            failures.add(visitor + " " + what + " → " + e);
            return;
        }
        String who = visitor + " " + what + " (" + endpoint.handler + ")";
        if (response.statusCode() >= 500) {
            failures.add(who + " → " + response.statusCode());
        }
        String body = response.body();
        if (body.contains("\tat org.") || body.contains("at java.base/")) {
            failures.add(who + " → stack trace in the response");
        }
        List<ILoggingEvent> events = logs.drain();
        int warnings = 0;
        for (ILoggingEvent event : events) {
            if (event.getLoggerName().endsWith("MaximumAllowableTagsMeterFilter")) {
                // said once, when the test has visited more mapped paths than metrics keep tags for: not the request
                continue;
            }
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                failures.add(who + " → ERROR " + event.getLoggerName() + ": " + event.getFormattedMessage());
            } else if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                warnings++;
                if (event.getThrowableProxy() != null) {
                    failures.add(who + " → WARN with a stack trace " + event.getLoggerName());
                }
            }
        }
        if (warnings > 1) {
            failures.add(who + " → " + warnings + " WARN lines");
        }
    }

    /** Pages reachable from the home page and the editions, as the administrator sees them: real URLs to reuse. */
    private Map<String, String> crawl(Visitor administrator, List<Endpoint> endpoints) {
        Map<String, String> byPattern = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("/", "/editions"));
        jdbc.sql("SELECT slug FROM forums_edition ORDER BY id")
                .query(String.class)
                .list()
                .forEach(slug -> next.add("/editions/" + slug));
        Set<String> shapes = new java.util.HashSet<>();
        while (!next.isEmpty() && seen.size() < CRAWL_LIMIT) {
            String url = next.poll();
            if (!seen.add(url)) {
                continue;
            }
            HttpResponse<String> page;
            try {
                page = administrator.http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                continue;
            }
            String type = page.headers().firstValue("Content-Type").orElse("");
            if (page.statusCode() != 200 || !type.startsWith("text/html")) {
                continue;
            }
            Document document = Jsoup.parse(page.body());
            for (Element link : document.select("a[href], form[action]")) {
                String href = link.hasAttr("href") ? link.attr("href") : link.attr("action");
                if (!href.startsWith("/") || href.startsWith("//")) {
                    continue;
                }
                String path = href.replaceFirst("[?#].*$", "");
                for (Endpoint endpoint : endpoints) {
                    if (endpoint.matches(path)) {
                        byPattern.putIfAbsent(endpoint.pattern, path);
                    }
                }
                String shape = path.replaceAll("/\\d+", "/N");
                if (link.tagName().equals("a") && shapes.add(shape) && !seen.contains(path)) {
                    next.add(path);
                }
            }
        }
        return byPattern;
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Collection<String> patterns = info.getPathPatternsCondition() == null
                        ? info.getPatternValues()
                        : info.getPathPatternsCondition().getPatterns().stream()
                                .map(PathPattern::getPatternString)
                                .toList();
                for (String pattern : patterns) {
                    endpoints.add(new Endpoint(pattern, info, entry.getValue()));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing((Endpoint e) -> e.pattern).thenComparing(e -> e.handler));
        return endpoints;
    }

    private static String encode(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(encodeOne(name)).append('=').append(encodeOne(value));
        });
        return query.toString();
    }

    private static String encodeOne(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** One mapped path pattern with the methods, parameters and path variables its handler takes. */
    static final class Endpoint {
        static final Pattern VARIABLE = Pattern.compile("\\{([^}/:*]+)(?::[^}]*)?}");

        final String pattern;
        final String handler;
        final List<String> methods;
        final List<String> variables = new ArrayList<>();
        final Set<String> parameters = new TreeSet<>();
        final boolean stream;
        private final Pattern regex;

        Endpoint(String pattern, RequestMappingInfo info, HandlerMethod method) {
            this.pattern = pattern;
            this.handler = method.getBeanType().getSimpleName() + "."
                    + method.getMethod().getName();
            Set<RequestMethod> mapped = info.getMethodsCondition().getMethods();
            this.methods = mapped.isEmpty()
                    ? List.of("GET", "POST")
                    : mapped.stream().map(Enum::name).sorted().toList();
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                variables.add(matcher.group(1));
                regex.append(Pattern.quote(pattern.substring(last, matcher.start())))
                        .append("([^/]+)");
                last = matcher.end();
            }
            regex.append(Pattern.quote(pattern.substring(last)));
            this.regex = Pattern.compile(regex.toString().replace("\\Q**\\E", ".*"));
            for (MethodParameter parameter : method.getMethodParameters()) {
                collect(parameter);
            }
            Class<?> returned = method.getReturnType().getParameterType();
            boolean producesStream = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(MediaType.TEXT_EVENT_STREAM::isCompatibleWith);
            this.stream = producesStream
                    || ResponseBodyEmitter.class.isAssignableFrom(returned)
                    || returned.getName().startsWith("reactor.");
        }

        private void collect(MethodParameter parameter) {
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestBody.class)) {
                return;
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                if (name != null && !Map.class.isAssignableFrom(type)) {
                    parameters.add(name);
                }
                return;
            }
            if (MultipartFile.class.isAssignableFrom(type)) {
                parameters.add(parameter.getParameterName());
            } else if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    parameters.add(component.getName());
                }
            } else if (!BeanUtils.isSimpleProperty(type)
                    && !type.getName().startsWith("jakarta.")
                    && !type.getName().startsWith("java.")
                    && !type.getName().startsWith("org.springframework.")) {
                for (var property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        parameters.add(property.getName());
                    }
                }
            }
        }

        boolean matches(String path) {
            return !variables.isEmpty() && regex.matcher(path).matches();
        }

        /** The variables of a real URL of this shape the crawl found, or null. */
        Map<String, String> realVariables(Map<String, String> crawled) {
            String url = crawled.get(pattern);
            Matcher matcher = url == null ? null : regex.matcher(url);
            if (matcher == null || !matcher.matches()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < variables.size(); i++) {
                values.put(variables.get(i), matcher.group(i + 1));
            }
            return values;
        }

        /** Every parameter malformed, the n-th junk value for the first, the next for the second, and so on. */
        Map<String, String> rotated(int n) {
            Map<String, String> values = new LinkedHashMap<>();
            int i = n;
            for (String parameter : parameters) {
                values.put(parameter, JUNK_VALUES.get(i++ % JUNK_VALUES.size()));
            }
            return values;
        }

        Map<String, String> filled(String junk) {
            Map<String, String> values = new LinkedHashMap<>();
            variables.forEach(v -> values.put(v, junk));
            return values;
        }

        String path(Map<String, String> values) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String value = values.getOrDefault(matcher.group(1), "abc");
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString().replace("/**", "/x").replace("*", "x");
        }

        Map<String, String> all(String value) {
            Map<String, String> values = new LinkedHashMap<>();
            parameters.forEach(p -> values.put(p, value));
            return values;
        }

        String rawQuery(String raw) {
            StringBuilder query = new StringBuilder();
            for (String name : parameters.isEmpty() ? Set.of("q") : parameters) {
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(encodeOne(name)).append('=').append(raw);
            }
            return query.toString();
        }

        /** A method this path is not mapped for, or null when it is mapped for all. */
        String unmappedMethod() {
            for (String candidate : List.of("DELETE", "PUT", "PATCH", "POST")) {
                if (!methods.contains(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return methods + " " + pattern;
        }
    }

    /** A visitor's cookies and HTTP client; the CSRF token is taken from a form, as a browser would. */
    final class Visitor {
        final HttpClient http;
        private final CookieManager cookies;
        private final String name;
        private String token;

        Visitor(String name, HttpVisitor signedIn) {
            this.cookies = new CookieManager();
            this.name = name;
            if (signedIn != null) {
                for (HttpCookie cookie : signedIn.cookies()) {
                    cookies.getCookieStore().add(URI.create("http://localhost:" + port), cookie);
                }
            }
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }

        String csrfToken() {
            if (token == null) {
                try {
                    HttpResponse<String> login =
                            http.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
                    token = Optional.ofNullable(Jsoup.parse(login.body()).selectFirst("input[name=_csrf]"))
                            .map(Element::val)
                            .orElse("");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return token;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Log events from request threads, kept until the next request. */
    static final class Queue extends AppenderBase<ILoggingEvent> {
        private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getThreadName().startsWith("http-nio")
                    || event.getThreadName().startsWith("tomcat")) {
                events.add(event);
            }
        }

        List<ILoggingEvent> drain() {
            List<ILoggingEvent> drained = new ArrayList<>();
            for (ILoggingEvent event; (event = events.poll()) != null; ) {
                drained.add(event);
            }
            return drained;
        }
    }
}
