package org.polyphony.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints how well {@link LanguageDetection} names the language of the labelled short sentences in
 * {@code language-detection/sentences.tsv}, how long a detection takes and the heap the models hold. A report, not
 * a test: it asserts nothing. Run it with {@code scripts/measure-detection.sh} ({@code --mistakes} lists the
 * misdetected sentences).
 */
public final class DetectionAccuracyReport {

    static final String SENTENCES = "/language-detection/sentences.tsv";
    private static final int WARM_UP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 3;
    private static final int PARAGRAPH_CHARS = 500;
    private static final int PARAGRAPH_RUNS = 200;

    /** One labelled item. */
    record Sentence(String language, String text) {}

    /** What detection made of one language's items. */
    record LanguageResult(String language, int sentences, int correct, Map<String, Integer> confusions) {

        double accuracy() {
            return 100.0 * correct / sentences;
        }

        String mostCommonConfusion() {
            return confusions.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(e -> "→ " + e.getKey() + " (" + e.getValue() + ")")
                    .orElse("");
        }
    }

    // languages an author may well read besides the one they write in, and that detection can mistake for it
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
            Map.entry("nl", "de"));

    private DetectionAccuracyReport() {}

    static List<Sentence> load() {
        try (InputStream in = DetectionAccuracyReport.class.getResourceAsStream(SENTENCES)) {
            if (in == null) {
                throw new IllegalStateException(SENTENCES + " is not on the classpath");
            }
            List<Sentence> sentences = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                sentences.add(new Sentence(line.substring(0, tab), line.substring(tab + 1)));
            }
            return sentences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Detects every sentence with no declared language, as for an author who has said nothing. */
    static List<LanguageResult> evaluate(LanguageDetection detection, List<Sentence> sentences) {
        return evaluate(detection, sentences, language -> List.of());
    }

    /** Detects every sentence as written by an author who declared {@code declared.apply(its language)}. */
    static List<LanguageResult> evaluate(
            LanguageDetection detection, List<Sentence> sentences, Function<String, List<String>> declared) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> confusions = new LinkedHashMap<>();
        for (Sentence sentence : sentences) {
            String found = detection
                    .detect(sentence.text(), declared.apply(sentence.language()))
                    .tag();
            int[] count = counts.computeIfAbsent(sentence.language(), l -> new int[2]);
            count[0]++;
            Map<String, Integer> confused = confusions.computeIfAbsent(sentence.language(), l -> new TreeMap<>());
            if (found.equals(sentence.language())) {
                count[1]++;
            } else {
                confused.merge(found, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new LanguageResult(e.getKey(), e.getValue()[0], e.getValue()[1], confusions.get(e.getKey())))
                .toList();
    }

    static double overallAccuracy(List<LanguageResult> results) {
        int all = results.stream().mapToInt(LanguageResult::sentences).sum();
        int correct = results.stream().mapToInt(LanguageResult::correct).sum();
        return 100.0 * correct / all;
    }

    public static void main(String[] args) {
        List<Sentence> sentences = load();
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = usedHeap();

        long start = System.nanoTime();
        LanguageDetection detection = new LanguageDetection(false, !Boolean.getBoolean("highAccuracy"));
        detection.detect("warming up the language models of every detectable language", List.of());
        long firstDetectionMillis = (System.nanoTime() - start) / 1_000_000;

        List<LanguageResult> results = evaluate(detection, sentences);
        long heapAfter = usedHeap();

        System.out.printf(
                "# Language detection%n%nJava %s, %d processors, max heap %d MB; %d sentences in %d languages%n%n",
                Runtime.version(),
                runtime.availableProcessors(),
                runtime.maxMemory() >> 20,
                sentences.size(),
                results.size());
        printAccuracy(results);
        printNormalisedAccuracy(detection, sentences, results);
        printDeclaredAccuracy(detection, sentences, results);
        if (Arrays.asList(args).contains("--mistakes")) {
            printMistakes(detection, sentences);
        }

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Sentence sentence : sentences) {
                detection.detect(sentence.text(), List.of());
            }
        }
        long[] nanos = new long[sentences.size() * TIMED_ROUNDS];
        int n = 0;
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (Sentence sentence : sentences) {
                long t = System.nanoTime();
                detection.detect(sentence.text(), List.of());
                nanos[n++] = System.nanoTime() - t;
            }
        }
        System.out.printf("%n## Time per detection (after %d warm-up rounds over the set)%n%n", WARM_UP_ROUNDS);
        System.out.println("| texts | detections timed | mean µs | p50 µs | p99 µs |");
        System.out.println("|---|---|---|---|---|");
        printTimes("the short sentences", nanos);
        for (String language : List.of("en", "fr", "ar", "ru", "zh")) {
            String paragraph = paragraph(sentences, language);
            for (int i = 0; i < PARAGRAPH_RUNS; i++) {
                detection.detect(paragraph, List.of());
            }
            long[] paragraphNanos = new long[PARAGRAPH_RUNS];
            for (int i = 0; i < PARAGRAPH_RUNS; i++) {
                long t = System.nanoTime();
                detection.detect(paragraph, List.of());
                paragraphNanos[i] = System.nanoTime() - t;
            }
            printTimes("a " + paragraph.length() + "-character paragraph (" + language + ")", paragraphNanos);
        }

        System.out.printf(
                "%n## Memory%n%n| figure | value |%n|---|---|%n"
                        + "| first detection (models of the languages it needs loaded) | %d ms |%n"
                        + "| heap used before the detector was built | %d MB |%n"
                        + "| heap used after every sentence was detected once (all models loaded) | %d MB |%n"
                        + "| difference | %d MB |%n",
                firstDetectionMillis, heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) >> 20);
    }

    private static void printAccuracy(List<LanguageResult> results) {
        System.out.println("## Accuracy, no declared language\n");
        System.out.println("| language | sentences | correct | accuracy % | most common confusion |");
        System.out.println("|---|---|---|---|---|");
        for (LanguageResult r : results.stream()
                .sorted(Comparator.comparingDouble(LanguageResult::accuracy).thenComparing(LanguageResult::language))
                .toList()) {
            System.out.printf(
                    "| %s | %d | %d | %.0f | %s |%n",
                    r.language(), r.sentences(), r.correct(), r.accuracy(), r.mostCommonConfusion());
        }
        int all = results.stream().mapToInt(LanguageResult::sentences).sum();
        int correct = results.stream().mapToInt(LanguageResult::correct).sum();
        System.out.printf(
                "| **all** | %d | %d | %.1f | (und = too short, author's language used) |%n",
                all, correct, overallAccuracy(results));
    }

    /**
     * The source keeps some texts decomposed (Vietnamese entirely: base letter plus combining marks) while Lingua's
     * models are composed; this shows what composing them first (NFC) would change.
     */
    private static void printNormalisedAccuracy(
            LanguageDetection detection, List<Sentence> sentences, List<LanguageResult> results) {
        List<Sentence> composed = sentences.stream()
                .map(s -> new Sentence(s.language(), Normalizer.normalize(s.text(), Normalizer.Form.NFC)))
                .toList();
        long changed = sentences.stream()
                .filter(s -> !Normalizer.isNormalized(s.text(), Normalizer.Form.NFC))
                .count();
        List<LanguageResult> normalised = evaluate(detection, composed);
        System.out.printf(
                "%n## Accuracy if texts were composed (Unicode NFC) before detection%n%n"
                        + "%d sentences are not in NFC. Overall accuracy: %.1f %% (as given: %.1f %%).%n",
                changed, overallAccuracy(normalised), overallAccuracy(results));
        for (int i = 0; i < results.size(); i++) {
            LanguageResult before = results.get(i);
            LanguageResult after = normalised.get(i);
            if (before.correct() != after.correct()) {
                System.out.printf(
                        "- %s: %d → %d correct of %d%n",
                        before.language(), before.correct(), after.correct(), before.sentences());
            }
        }
    }

    /**
     * The same sentences written by authors who declared reading languages: the language written only; English
     * first, then the language written (French then English for English texts); a close neighbour first.
     */
    private static void printDeclaredAccuracy(
            LanguageDetection detection, List<Sentence> sentences, List<LanguageResult> results) {
        System.out.printf("%n## Accuracy when the author has declared reading languages%n%n");
        System.out.println("| the author declared | sentences | correct | accuracy % | languages that change |");
        System.out.println("|---|---|---|---|---|");
        printScenario("the language written", detection, sentences, results, List::of);
        printScenario(
                "English, then the language written (fr, en for English)",
                detection,
                sentences,
                results,
                language -> language.equals("en") ? List.of("fr", "en") : List.of("en", language));
        List<Sentence> withNeighbour = sentences.stream()
                .filter(s -> NEIGHBOURS.containsKey(s.language()))
                .toList();
        printScenario(
                "a neighbouring language, then the language written (" + NEIGHBOURS.size() + " languages)",
                detection,
                withNeighbour,
                results,
                language -> List.of(NEIGHBOURS.get(language), language));
    }

    private static void printScenario(
            String scenario,
            LanguageDetection detection,
            List<Sentence> sentences,
            List<LanguageResult> withoutDeclared,
            Function<String, List<String>> declared) {
        List<LanguageResult> results = evaluate(detection, sentences, declared);
        Map<String, LanguageResult> before = new LinkedHashMap<>();
        withoutDeclared.forEach(r -> before.put(r.language(), r));
        String changes = results.stream()
                .filter(r -> r.correct() != before.get(r.language()).correct())
                .map(r -> r.language() + " " + before.get(r.language()).correct() + "→" + r.correct())
                .collect(Collectors.joining(", "));
        System.out.printf(
                "| %s | %d | %d | %.1f | %s |%n",
                scenario,
                results.stream().mapToInt(LanguageResult::sentences).sum(),
                results.stream().mapToInt(LanguageResult::correct).sum(),
                overallAccuracy(results),
                changes);
    }

    private static void printMistakes(LanguageDetection detection, List<Sentence> sentences) {
        System.out.println("\n## Mistakes\n");
        for (Sentence sentence : sentences) {
            DetectedLanguage found = detection.detect(sentence.text(), List.of());
            if (!found.tag().equals(sentence.language())) {
                System.out.printf(
                        "- %s → %s (%.2f, %s): %s%n",
                        sentence.language(), found.tag(), found.confidence(), found.source(), sentence.text());
            }
        }
    }

    /** Sentences of one language joined until the text reaches about 500 characters. */
    static String paragraph(List<Sentence> sentences, String language) {
        StringBuilder text = new StringBuilder();
        for (Sentence sentence : sentences) {
            if (sentence.language().equals(language) && text.length() < PARAGRAPH_CHARS) {
                String piece = sentence.text();
                if (text.length() + piece.length() > PARAGRAPH_CHARS + 40) {
                    continue;
                }
                text.append(text.isEmpty() ? "" : " ").append(piece);
            }
        }
        return text.toString();
    }

    private static void printTimes(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000;
        System.out.printf(
                "| %s | %d | %.0f | %.0f | %.0f |%n",
                what, sorted.length, mean, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
