package org.polyphony.translation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LibreTranslate-compatible HTTP service, usually self-hosted: {@code GET /languages} lists the directions,
 * {@code POST /translate} translates. Texts leave this machine, so an administrator has to enable it. Language codes
 * of the service ({@code zh-Hans}, {@code pt-BR}) become the two-letter tags Polyphony uses, and are turned back
 * into the service's own codes when translating.
 */
@Component
class LibreTranslateProvider implements TranslationProvider {

    private static final Logger log = LoggerFactory.getLogger(LibreTranslateProvider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration KEEP_LANGUAGES = Duration.ofMinutes(10);
    // shorter than KEEP_LANGUAGES so a service that was down for a moment is back soon, yet a dead one is not
    // asked (and waited for) on every call
    private static final Duration KEEP_FAILURE = Duration.ofMinutes(1);
    private static final int LONGEST_ERROR = 300;

    private final String url;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private volatile Languages languages;

    LibreTranslateProvider(
            @Value("${polyphony.translation.libretranslate.url:}") String url,
            @Value("${polyphony.translation.libretranslate.api-key:}") String apiKey,
            @Value("${polyphony.translation.libretranslate.timeout:PT20S}") Duration timeout) {
        this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // plain HTTP/1.1: the HTTP/2 upgrade the client would otherwise attempt on http:// URLs trips up
                // some of the small Python servers these services run on
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public boolean keepsTextOnServer() {
        return onLoopback(url);
    }

    @Override
    public boolean enabledByDefault() {
        // even on loopback an administrator switches it on: the service is theirs to vouch for
        return false;
    }

    /**
     * Whether a service at this address runs on this machine: its host is a loopback address written out
     * ({@code 127.0.0.1}, any {@code 127.x.y.z}, {@code ::1}) or {@code localhost}. No name is looked up: a name
     * that resolves to loopback today may not tomorrow, so only what the address itself says counts.
     */
    static boolean onLoopback(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost")) {
            return true;
        }
        if (host.matches("127(\\.\\d{1,3}){3}")) {
            return true;
        }
        return host.contains(":") && ipv6Loopback(host);
    }

    /** {@code ::1} however it is written ({@code 0:0:0:0:0:0:0:1}, {@code ::0001}): every group zero but a last 1. */
    private static boolean ipv6Loopback(String host) {
        if (!host.matches("[0-9a-f:]+") || host.endsWith("::")) {
            return false;
        }
        String[] groups = host.split(":", -1);
        String last = groups[groups.length - 1];
        if (last.isEmpty() || last.length() > 4 || Integer.parseInt(last, 16) != 1) {
            return false;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (groups[i].length() > 4 || !groups[i].isEmpty() && Integer.parseInt(groups[i], 16) != 0) {
                return false;
            }
        }
        return host.contains("::") || groups.length == 8;
    }

    @Override
    public Set<LanguagePair> pairs() {
        return languages().pairs();
    }

    /** Why the last listing of languages failed, while that failure is remembered. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(languages().failure());
    }

    boolean configured() {
        return !url.isEmpty();
    }

    @Override
    public String translate(String text, LanguagePair pair) throws TranslationFailure {
        if (!configured()) {
            throw new TranslationFailure("LibreTranslate is not configured (polyphony.translation.libretranslate.url)");
        }
        if (text.isBlank()) {
            return text;
        }
        Languages known = languages();
        HttpRequest request = HttpRequest.newBuilder(endpoint("/translate"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        requestBody(text, known.codeOf(pair.source()), known.codeOf(pair.target())),
                        StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, "translate " + pair);
        return translatedText(response, pair);
    }

    private String requestBody(String text, String source, String target) {
        ObjectNode body = JSON.createObjectNode()
                .put("q", text)
                .put("source", source)
                .put("target", target)
                .put("format", "text");
        if (!apiKey.isEmpty()) {
            body.put("api_key", apiKey);
        }
        return JSON.writeValueAsString(body);
    }

    private String translatedText(HttpResponse<String> response, LanguagePair pair) throws TranslationFailure {
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new TranslationFailure("LibreTranslate could not translate " + pair + " (status "
                    + response.statusCode() + "): " + errorText(body, response.body()));
        }
        if (body == null) {
            throw new TranslationFailure("LibreTranslate answered " + pair + " with something other than JSON: "
                    + errorText(null, response.body()));
        }
        JsonNode translated = body.path("translatedText");
        if (!translated.isString() || translated.stringValue().isBlank()) {
            throw new TranslationFailure("LibreTranslate answered " + pair + " without a translated text: "
                    + errorText(body, response.body()));
        }
        return translated.stringValue();
    }

    private final java.util.concurrent.atomic.AtomicBoolean refreshing =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The service's languages. Only the very first listing is waited for; after that a stale list is served while a
     * background thread asks again, so that a slow or unreachable service never holds up a post being saved or a
     * page being rendered.
     */
    private Languages languages() {
        Languages known = languages;
        if (known == null) {
            return refreshLanguages();
        }
        if (known.isStale() && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("libretranslate-languages").start(() -> {
                try {
                    refreshLanguages();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return known;
    }

    // one listing at a time: callers arriving while it runs want its result, not a listing of their own
    private synchronized Languages refreshLanguages() {
        Languages known = languages;
        if (known != null && !known.isStale()) {
            return known;
        }
        if (!configured()) {
            known = Languages.none(null);
        } else {
            try {
                known = fetchLanguages();
            } catch (TranslationFailure failure) {
                log.warn("{}", failure.getMessage());
                known = Languages.none(failure.getMessage());
            }
        }
        languages = known;
        return known;
    }

    private Languages fetchLanguages() throws TranslationFailure {
        HttpRequest request = HttpRequest.newBuilder(endpoint("/languages"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request, "list its languages");
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new TranslationFailure("LibreTranslate could not list its languages (status " + response.statusCode()
                    + "): " + errorText(body, response.body()));
        }
        if (body == null || !body.isArray()) {
            throw new TranslationFailure(
                    "LibreTranslate listed its languages in an unexpected form: " + errorText(null, response.body()));
        }
        return Languages.of(body);
    }

    private URI endpoint(String path) throws TranslationFailure {
        try {
            return URI.create(url + path);
        } catch (IllegalArgumentException malformed) {
            throw new TranslationFailure("The LibreTranslate URL is not a valid URL: " + shortened(url));
        }
    }

    private HttpResponse<String> send(HttpRequest request, String purpose) throws TranslationFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            throw new TranslationFailure(
                    "LibreTranslate at " + where() + " did not answer within " + timeout.toMillis() + " ms to "
                            + purpose,
                    slow);
        } catch (ConnectException unreachable) {
            throw new TranslationFailure(
                    "Could not connect to LibreTranslate at " + where() + " to " + purpose + ": "
                            + reason(unreachable, "connection refused or host unreachable"),
                    unreachable);
        } catch (IOException broken) {
            throw new TranslationFailure(
                    "Talking to LibreTranslate at " + where() + " failed to " + purpose + ": "
                            + reason(broken, "connection lost"),
                    broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TranslationFailure("Interrupted while waiting for LibreTranslate to " + purpose, interrupted);
        } catch (IllegalArgumentException unsupported) {
            // the client refuses URIs it cannot send to (a scheme other than http or https, no host)
            throw new TranslationFailure(
                    "The LibreTranslate URL cannot be used: " + reason(unsupported, "not an http or https URL"));
        }
    }

    /** The service's address without any user name or password it may carry. */
    private String where() {
        try {
            URI uri = URI.create(url);
            return uri.getUserInfo() == null
                    ? url
                    : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                            .toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException malformed) {
            return "the configured URL";
        }
    }

    /** The client's exceptions often carry no message of their own, only a cause that has one. */
    private String reason(Throwable failure, String otherwise) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return shortened(t.getMessage());
            }
        }
        return otherwise;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException garbage) {
            return null;
        }
    }

    /** The service's own explanation ({@code {"error": "..."}}), else the start of whatever it sent. */
    private String errorText(JsonNode body, String raw) {
        JsonNode error = body == null ? null : body.get("error");
        if (error != null && error.isString() && !error.stringValue().isBlank()) {
            return shortened(error.stringValue());
        }
        return raw == null || raw.isBlank() ? "no explanation given" : shortened(raw);
    }

    // the key goes to the service in the body, and a service echoing the request must not bring it into a log
    private String shortened(String text) {
        String safe = apiKey.isEmpty() ? text : text.replace(apiKey, "***");
        String oneLine = safe.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST_ERROR ? oneLine : oneLine.substring(0, LONGEST_ERROR) + "…";
    }

    /**
     * The directions listed by the service, with the service's code for each tag, or why they could not be listed.
     */
    private record Languages(
            Set<LanguagePair> pairs, Map<String, String> codeByTag, String failure, long listedAtNanos) {

        static Languages none(String failure) {
            return new Languages(Set.of(), Map.of(), failure, System.nanoTime());
        }

        static Languages of(JsonNode listing) {
            Set<LanguagePair> pairs = new HashSet<>();
            Map<String, String> codeByTag = new HashMap<>();
            for (JsonNode language : listing) {
                String source = language.path("code").asString("");
                String sourceTag = tagOf(source);
                if (sourceTag == null) {
                    continue;
                }
                remember(codeByTag, sourceTag, source);
                for (JsonNode target : language.path("targets")) {
                    String targetTag = tagOf(target.asString(""));
                    if (targetTag != null && !targetTag.equals(sourceTag)) {
                        pairs.add(new LanguagePair(sourceTag, targetTag));
                        remember(codeByTag, targetTag, target.asString(""));
                    }
                }
            }
            return new Languages(Set.copyOf(pairs), Map.copyOf(codeByTag), null, System.nanoTime());
        }

        /**
         * A code that is the tag itself wins over a variant ({@code zh} over {@code zh-Hant}); among variants the
         * first listed, as services list their main variant first ({@code zh-Hans} before {@code zh-Hant}).
         */
        private static void remember(Map<String, String> codeByTag, String tag, String code) {
            if (code.equals(tag)) {
                codeByTag.put(tag, code);
            } else {
                codeByTag.putIfAbsent(tag, code);
            }
        }

        String codeOf(String tag) {
            return codeByTag.getOrDefault(tag, tag);
        }

        boolean isStale() {
            Duration kept = failure == null ? KEEP_LANGUAGES : KEEP_FAILURE;
            return System.nanoTime() - listedAtNanos > kept.toNanos();
        }
    }

    private static final Map<String, String> THREE_TO_TWO = threeLetterCodes();

    private static Map<String, String> threeLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            codes.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
        return codes;
    }

    /**
     * The language of a service's code as Polyphony tags it: the primary subtag, lower-case, two letters when ISO
     * 639-1 has them. Null for a code that names no language.
     */
    static String tagOf(String code) {
        String primary = code.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        if (!primary.matches("[a-z]{2,3}")) {
            return null;
        }
        if (primary.equals("zt")) {
            // LibreTranslate's former code for Traditional Chinese
            return "zh";
        }
        return primary.length() == 3 ? THREE_TO_TWO.getOrDefault(primary, primary) : primary;
    }
}
