package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyphony.accounts.Role;
import org.polyphony.forums.EditionStatus;
import org.polyphony.languages.UiLanguage;

/** Every interface string exists in every language, and every key the code asks for exists. */
class MessageBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void thereIsABundleForEveryInterfaceLanguage() {
        for (UiLanguage language : UiLanguage.values()) {
            assertThat(bundleFile(language.tag())).exists();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "zh", "fr", "ru", "es", "pt"})
    void everyBundleHasExactlyTheEnglishKeys(String language) throws IOException {
        assertThat(load(language).stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "zh", "fr", "ru", "es", "pt"})
    void everyMessageFormatsCleanly(String language) throws IOException {
        Properties english = load("en");
        Properties bundle = load(language);
        for (String key : bundle.stringPropertyNames()) {
            String message = bundle.getProperty(key);
            assertThat(message).as("%s in %s", key, language).isNotBlank().doesNotContain("'");
            assertThat(placeholders(message))
                    .as("placeholders of %s in %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(key)));
            String formatted =
                    new MessageFormat(message, Locale.forLanguageTag(language)).format(new Object[] {3, "x"});
            assertThat(formatted).as("%s in %s", key, language).isNotBlank();
        }
    }

    @Test
    void everyKeyTheTemplatesAndCodeUseExists() throws IOException {
        Set<String> keys = load("en").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/jte"), Pattern.compile("page\\.t\\(\"([a-zA-Z0-9.-]+)\""), used);
        collect(Path.of("src/main/java"), Pattern.compile("\"\\{([a-z][a-zA-Z0-9.]+)}\""), used);
        collect(
                Path.of("src/main/java"),
                Pattern.compile("reject(?:Value)?\\((?:\"[a-zA-Z]+\", )?\"([a-z][a-zA-Z0-9.]+)\""),
                used);
        for (EditionStatus status : EditionStatus.values()) {
            used.add("edition.status." + status.name());
        }
        for (Role role : Role.values()) {
            used.add("role." + role.name());
        }
        for (String kind : new String[] {"not-found", "forbidden", "too-many", "too-large", "bad-request", "server"}) {
            used.add("error." + kind + ".title");
            used.add("error." + kind + ".text");
        }
        used.addAll(Set.of(
                "home.welcome",
                "home.accountDeleted",
                "home.signedOut",
                "login.failed",
                "login.throttled",
                "settings.saved.profile",
                "settings.saved.password"));

        used.removeIf(key -> key.endsWith(".")); // prefixes of keys built at run time, listed above

        assertThat(keys).containsAll(used);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    into.add(matcher.group(1));
                }
            }
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Path bundleFile(String language) {
        return bundleFile("messages", language);
    }

    private static Path bundleFile(String basename, String language) {
        return BUNDLES.resolve(
                language.equals("en") ? basename + ".properties" : basename + "_" + language + ".properties");
    }

    /** Every bundle the application reads ({@code spring.messages.basename}), one per module that has its own. */
    static List<String> basenames() throws IOException {
        Properties application = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            application.load(reader);
        }
        return Arrays.stream(application.getProperty("spring.messages.basename").split(","))
                .map(name -> name.strip().substring("i18n/".length()))
                .toList();
    }

    @Test
    void everyBasenameHasABundleInEveryLanguageAndNoKeyIsInTwo() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String basename : basenames()) {
            for (UiLanguage language : UiLanguage.values()) {
                assertThat(bundleFile(basename, language.tag())).exists();
            }
            for (String key : loadOne(basename, "en").stringPropertyNames()) {
                assertThat(seen.add(key)).as("%s is in two bundles", key).isTrue();
            }
        }
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        for (String basename : basenames()) {
            properties.putAll(loadOne(basename, language));
        }
        return properties;
    }

    private static Properties loadOne(String basename, String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundleFile(basename, language), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
