package org.polyphony.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a small server in the test that speaks the LibreTranslate API. */
class LibreTranslateProviderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "secret-key-8d1f";
    private static final String LANGUAGES =
            """
            [
              {"code": "en", "name": "English", "targets": ["en", "es", "fr", "zh-Hans", "pt-BR"]},
              {"code": "zh-Hans", "name": "Chinese", "targets": ["en", "zh-Hans"]},
              {"code": "pt-BR", "name": "Portuguese (Brazil)", "targets": ["en"]},
              {"code": "es", "name": "Spanish", "targets": ["en"]}
            ]
            """;
    private static final LanguagePair EN_ES = new LanguagePair("en", "es");

    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicInteger languageRequests = new AtomicInteger();
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private volatile Reply reply = exchange -> respond(exchange, 200, "{\"translatedText\": \"Hola\"}");

    @FunctionalInterface
    interface Reply {
        void to(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(handlers);
        server.createContext("/languages", exchange -> {
            languageRequests.incrementAndGet();
            respond(exchange, 200, LANGUAGES);
        });
        server.createContext("/translate", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
                respond(exchange, 400, "{\"error\": \"expected a JSON POST\"}");
                return;
            }
            received.set(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            reply.to(exchange);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private LibreTranslateProvider provider(String key) {
        return new LibreTranslateProvider(url(), key, Duration.ofSeconds(5));
    }

    @Test
    void describesItself() {
        LibreTranslateProvider provider = provider("");
        assertThat(provider.name()).isEqualTo("libretranslate");
        // the test's server listens on 127.0.0.1: the text stays on this machine, yet it is off until switched on
        assertThat(provider.keepsTextOnServer()).isTrue();
        assertThat(provider.enabledByDefault()).isFalse();
    }

    @Test
    void onlyALoopbackAddressKeepsTheTextOnTheMachine() {
        assertThat(List.of(
                        "http://127.0.0.1:5000",
                        "http://127.3.4.5:5000/",
                        "http://localhost:5000",
                        "http://LOCALHOST",
                        "http://[::1]:5000",
                        "http://[0:0:0:0:0:0:0:1]:5000",
                        "https://[::0001]/lt"))
                .allMatch(LibreTranslateProvider::onLoopback);
        assertThat(List.of(
                        "",
                        "http://10.0.0.7:5000",
                        "http://128.0.0.1",
                        "http://translate.example.org",
                        "http://localhost.example.org",
                        "http://127.0.0.1.example.org",
                        "http://[::2]:5000",
                        "http://[::]:5000",
                        "http://[2001:db8::1]",
                        "not a url at all",
                        "http://[::1"))
                .noneMatch(LibreTranslateProvider::onLoopback);
        assertThat(new LibreTranslateProvider("https://translate.example.org", "", Duration.ofSeconds(1))
                        .keepsTextOnServer())
                .isFalse();
    }

    @Test
    void listsTheDirectionsWithTwoLetterTagsAndWithoutSelfPairs() {
        assertThat(provider("").pairs())
                .containsExactlyInAnyOrder(
                        new LanguagePair("en", "es"),
                        new LanguagePair("en", "fr"),
                        new LanguagePair("en", "zh"),
                        new LanguagePair("en", "pt"),
                        new LanguagePair("zh", "en"),
                        new LanguagePair("pt", "en"),
                        new LanguagePair("es", "en"));
    }

    @Test
    void asksForTheLanguagesOnceWhileTheyAreFresh() {
        LibreTranslateProvider provider = provider("");
        provider.pairs();
        provider.pairs();
        assertThat(languageRequests).hasValue(1);
        assertThat(provider.lastFailure()).isEmpty();
    }

    @Test
    void translatesWithTheKeyAndPlainTextFormat() throws TranslationFailure {
        String translated = provider(KEY).translate("Hello", EN_ES);

        assertThat(translated).isEqualTo("Hola");
        JsonNode body = received.get();
        assertThat(body.path("q").asString()).isEqualTo("Hello");
        assertThat(body.path("source").asString()).isEqualTo("en");
        assertThat(body.path("target").asString()).isEqualTo("es");
        assertThat(body.path("format").asString()).isEqualTo("text");
        assertThat(body.path("api_key").asString()).isEqualTo(KEY);
    }

    @Test
    void sendsNoKeyWhenNoneIsSet() throws TranslationFailure {
        provider("").translate("Hello", EN_ES);

        assertThat(received.get().has("api_key")).isFalse();
    }

    @Test
    void usesTheServicesOwnCodeForATag() throws TranslationFailure {
        reply = exchange -> respond(exchange, 200, "{\"translatedText\": \"你好\"}");

        assertThat(provider("").translate("Hello", new LanguagePair("en", "zh")))
                .isEqualTo("你好");
        assertThat(received.get().path("target").asString()).isEqualTo("zh-Hans");
    }

    @Test
    void reportsABadRequestWithTheServicesExplanation() {
        reply = exchange -> respond(exchange, 400, "{\"error\": \"es is not supported\"}");

        assertThatThrownBy(() -> provider("").translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("400")
                .hasMessageContaining("es is not supported");
    }

    @Test
    void reportsABadKeyWithoutTheKey() {
        reply = exchange -> respond(exchange, 403, "{\"error\": \"Invalid API key: " + KEY + "\"}");

        assertThatThrownBy(() -> provider(KEY).translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("403")
                .hasMessageContaining("Invalid API key")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void reportsBeingToldToSlowDown() {
        reply = exchange -> respond(exchange, 429, "{\"error\": \"Slowdown: 30 per 1 minute\"}");

        assertThatThrownBy(() -> provider("").translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("429")
                .hasMessageContaining("Slowdown");
    }

    @Test
    void reportsAServerErrorShortened() {
        reply = exchange -> respond(exchange, 500, "{\"error\": \"" + "x".repeat(1000) + "\"}");

        assertThatThrownBy(() -> provider("").translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("500")
                .satisfies(failure -> assertThat(failure.getMessage()).hasSizeLessThan(450));
    }

    @Test
    void givesUpOnASlowAnswer() {
        reply = exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            respond(exchange, 200, "{\"translatedText\": \"Hola\"}");
        };
        LibreTranslateProvider provider = new LibreTranslateProvider(url(), "", Duration.parse("PT0.5S"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> provider.translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("did not answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void reportsAnAnswerThatIsNotJson() {
        reply = exchange -> respond(exchange, 200, "<html>Bad gateway</html>");

        assertThatThrownBy(() -> provider("").translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("other than JSON")
                .hasMessageContaining("Bad gateway");
    }

    @Test
    void reportsAnAnswerWithoutTranslatedText() {
        reply = exchange -> respond(exchange, 200, "{\"detectedLanguage\": {\"language\": \"en\"}}");

        assertThatThrownBy(() -> provider("").translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("without a translated text");
    }

    @Test
    void reportsAnEmptyTranslation() {
        reply = exchange -> respond(exchange, 200, "{\"translatedText\": \"\"}");

        assertThatThrownBy(() -> provider("").translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("without a translated text");
    }

    @Test
    void reportsAClosedPort() throws IOException {
        LibreTranslateProvider provider = new LibreTranslateProvider(closedPortUrl(), KEY, Duration.ofSeconds(2));

        assertThatThrownBy(() -> provider.translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("Could not connect")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void listsNothingAndRemembersWhyWhenUnreachable() throws IOException {
        LibreTranslateProvider provider = new LibreTranslateProvider(closedPortUrl(), "", Duration.ofSeconds(2));

        assertThat(provider.pairs()).isEmpty();
        assertThat(provider.lastFailure())
                .hasValueSatisfying(why -> assertThat(why).contains("Could not connect"));
    }

    @Test
    void listsNothingWhenTheListingIsGarbage() {
        server.removeContext("/languages");
        server.createContext("/languages", exchange -> respond(exchange, 200, "not json at all"));

        LibreTranslateProvider provider = provider("");
        assertThat(provider.pairs()).isEmpty();
        assertThat(provider.lastFailure()).isPresent();
    }

    @Test
    void isSilentWhenNotConfigured() {
        LibreTranslateProvider provider = new LibreTranslateProvider("", "", Duration.ofSeconds(2));

        assertThat(provider.pairs()).isEmpty();
        assertThatThrownBy(() -> provider.translate("Hello", EN_ES))
                .isInstanceOf(TranslationFailure.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void tagsServiceCodes() {
        assertThat(LibreTranslateProvider.tagOf("zh-Hans")).isEqualTo("zh");
        assertThat(LibreTranslateProvider.tagOf("pt-BR")).isEqualTo("pt");
        assertThat(LibreTranslateProvider.tagOf("EN")).isEqualTo("en");
        assertThat(LibreTranslateProvider.tagOf("zt")).isEqualTo("zh");
        assertThat(LibreTranslateProvider.tagOf("spa")).isEqualTo("es");
        assertThat(LibreTranslateProvider.tagOf("")).isNull();
    }

    private static String closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port;
    }
}
