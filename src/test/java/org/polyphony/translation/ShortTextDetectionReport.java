package org.polyphony.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints how well {@link LanguageDetection} names the language of the labelled short texts of
 * {@code language-detection/short-texts.tsv} (interface messages of free software, scripts/build-short-texts.py),
 * with nothing known of the author and with what Polyphony knows of them: declared languages, the thread's
 * language, the languages of their earlier posts, including the cases where these point the wrong way. A report,
 * not a test: {@code scripts/measure-detection.sh --short-texts} (add {@code --mistakes} for the misdetected texts).
 */
public final class ShortTextDetectionReport {

    static final String SHORT_TEXTS = "/language-detection/short-texts.tsv";

    record Item(String language, String text, String catalogue) {}

    /** A situation of an author writing in {@code language}: what Polyphony knows before reading the text. */
    record Scenario(String name, Function<String, LanguagePriors> priors) {}

    private static final Map<String, String> NEIGHBOURS = Map.ofEntries(
            Map.entry("es", "pt"),
            Map.entry("pt", "es"),
            Map.entry("id", "ms"),
            Map.entry("ms", "id"),
            Map.entry("ru", "uk"),
            Map.entry("uk", "ru"),
            Map.entry("hi", "ur"),
            Map.entry("ur", "hi"),
            Map.entry("ar", "fa"),
            Map.entry("fa", "ar"),
            Map.entry("fr", "it"),
            Map.entry("it", "fr"),
            Map.entry("de", "nl"),
            Map.entry("nl", "de"),
            Map.entry("tl", "id"));

    private ShortTextDetectionReport() {}

    /** English and the language written; French and English for an English text. */
    static List<String> bilingual(String language) {
        return language.equals("en") ? List.of("fr", "en") : List.of("en", language);
    }

    /** A language other than the one written that an author or thread may well use: English, French for English. */
    static String other(String language) {
        return language.equals("en") ? "fr" : "en";
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("nothing known (no priors)", language -> LanguagePriors.NONE),
            new Scenario("declared: the language written", language -> LanguagePriors.declared(List.of(language))),
            new Scenario(
                    "declared: English, then the language written",
                    language -> LanguagePriors.declared(bilingual(language))),
            new Scenario(
                    "declared as above; thread in the language written",
                    language -> LanguagePriors.declared(bilingual(language)).inThread(language)),
            new Scenario(
                    "declared, thread, and 4 of 5 earlier posts in the language written",
                    language -> LanguagePriors.declared(bilingual(language))
                            .inThread(language)
                            .withHistory(Map.of(language, 4, other(language), 1))),
            new Scenario(
                    "nothing declared; thread in the language written",
                    language -> LanguagePriors.NONE.inThread(language)),
            new Scenario(
                    "against: declared English first, thread in English (French for English texts)",
                    language -> LanguagePriors.declared(bilingual(language)).inThread(other(language))),
            new Scenario(
                    "against: declared only English (French for English texts), writes another language",
                    language -> LanguagePriors.declared(List.of(other(language)))),
            new Scenario(
                    "against: as above, and all 5 earlier posts in English (French)",
                    language -> LanguagePriors.declared(bilingual(language))
                            .inThread(other(language))
                            .withHistory(Map.of(other(language), 5))));

    static List<Item> load() {
        try (InputStream in = ShortTextDetectionReport.class.getResourceAsStream(SHORT_TEXTS)) {
            if (in == null) {
                throw new IllegalStateException(SHORT_TEXTS + " is not on the classpath");
            }
            List<Item> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                items.add(new Item(fields[0], fields[1], fields.length > 2 ? fields[2] : ""));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Correct detections per language, in the order of the set. */
    static Map<String, int[]> evaluate(
            LanguageDetection detection, List<Item> items, Function<String, LanguagePriors> priors) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Item item : items) {
            String found =
                    detection.detect(item.text(), priors.apply(item.language())).tag();
            int[] count = counts.computeIfAbsent(item.language(), l -> new int[2]);
            count[0]++;
            if (found.equals(item.language())) {
                count[1]++;
            }
        }
        return counts;
    }

    static double accuracy(Map<String, int[]> counts) {
        int all = counts.values().stream().mapToInt(c -> c[0]).sum();
        int correct = counts.values().stream().mapToInt(c -> c[1]).sum();
        return 100.0 * correct / all;
    }

    public static void main(String[] args) {
        List<Item> items = load();
        LanguageDetection detection = new LanguageDetection(false, !Boolean.getBoolean("highAccuracy"));
        System.out.printf(
                "# Detection of short texts%n%n%d texts in %d languages, %s accuracy mode; bonuses: declared %.2f,"
                        + " thread %.2f, history %.2f, full up to %d letters%n%n",
                items.size(),
                items.stream().map(Item::language).distinct().count(),
                Boolean.getBoolean("highAccuracy") ? "high" : "low",
                LanguageDetection.DECLARED_BONUS,
                LanguageDetection.THREAD_BONUS,
                LanguageDetection.HISTORY_BONUS,
                LanguageDetection.SHORT_TEXT);
        System.out.println("| what is known of the author | texts | correct | accuracy % | weakest languages |");
        System.out.println("|---|---|---|---|---|");
        for (Scenario scenario : SCENARIOS) {
            printRow(scenario.name(), evaluate(detection, items, scenario.priors()));
        }
        List<Item> withNeighbour =
                items.stream().filter(i -> NEIGHBOURS.containsKey(i.language())).toList();
        printRow(
                "declared: a neighbouring language, then the language written",
                evaluate(
                        detection,
                        withNeighbour,
                        language -> LanguagePriors.declared(List.of(NEIGHBOURS.get(language), language))));

        System.out.println("\n## Per language, nothing known and with declared languages, thread and history\n");
        Map<String, int[]> none =
                evaluate(detection, items, SCENARIOS.getFirst().priors());
        Map<String, int[]> known = evaluate(detection, items, SCENARIOS.get(4).priors());
        System.out.println("| language | texts | correct, nothing known | correct, priors |");
        System.out.println("|---|---|---|---|");
        none.keySet().stream()
                .sorted(Comparator.comparingDouble((String l) -> (double) none.get(l)[1] / none.get(l)[0])
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(l -> System.out.printf(
                        "| %s | %d | %d | %d |%n", l, none.get(l)[0], none.get(l)[1], known.get(l)[1]));

        if (Arrays.asList(args).contains("--mistakes")) {
            System.out.println("\n## Mistakes with nothing known (confidence shown as stored)\n");
            for (Item item : items) {
                DetectedLanguage found = detection.detect(item.text(), LanguagePriors.NONE);
                if (!found.tag().equals(item.language())) {
                    System.out.printf(
                            "- %s → %s (%.2f): %s [%s]%n",
                            item.language(), found.tag(), found.confidence(), item.text(), item.catalogue());
                }
            }
            System.out.println("\n## Mistakes with declared languages, thread and history\n");
            for (Item item : items) {
                DetectedLanguage found =
                        detection.detect(item.text(), SCENARIOS.get(4).priors().apply(item.language()));
                if (!found.tag().equals(item.language())) {
                    System.out.printf(
                            "- %s → %s (%.2f): %s [%s]%n",
                            item.language(), found.tag(), found.confidence(), item.text(), item.catalogue());
                }
            }
        }
    }

    private static void printRow(String scenario, Map<String, int[]> counts) {
        int all = counts.values().stream().mapToInt(c -> c[0]).sum();
        int correct = counts.values().stream().mapToInt(c -> c[1]).sum();
        String weakest = counts.entrySet().stream()
                .filter(e -> e.getValue()[1] < e.getValue()[0])
                .sorted(Comparator.comparingDouble(e -> (double) e.getValue()[1] / e.getValue()[0]))
                .limit(5)
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue()[1] / e.getValue()[0]) + " %")
                .collect(Collectors.joining(", "));
        System.out.printf("| %s | %d | %d | %.1f | %s |%n", scenario, all, correct, 100.0 * correct / all, weakest);
    }
}
