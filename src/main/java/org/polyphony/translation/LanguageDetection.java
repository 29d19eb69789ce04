package org.polyphony.translation;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polyphony.languages.ReadingLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the language of a contribution in the process (Lingua's n-gram models), among the languages participants
 * can say they read. Scripts used by a single language of that list (Khmer, Myanmar, Sinhala) are recognised from
 * the characters alone, since Lingua has no model for them. A text too short, or whose best guess is not clearly
 * ahead, takes the author's first declared language among the candidates, else their first language.
 */
@Component
public class LanguageDetection {

    private static final Logger log = LoggerFactory.getLogger(LanguageDetection.class);
    // below this many letters n-gram statistics say little; the author's own languages say more
    private static final int FEW_LETTERS = 12;
    // Lingua's runner-up among languages of one script usually scores over half the best: a lead of a tenth of the
    // best score is already clear (measured on the labelled set, docs/language-detection.md)
    private static final double CLEAR_LEAD = 0.1;

    private final LanguageDetector detector;

    LanguageDetection(boolean preload) {
        this(preload, true);
    }

    @org.springframework.beans.factory.annotation.Autowired
    LanguageDetection(
            @Value("${polyphony.translation.preload-detection-models:true}") boolean preload,
            @Value("${polyphony.translation.low-accuracy-detection:true}") boolean lowAccuracy) {
        Set<Language> languages = detectableLanguages();
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new));
        // low accuracy: trigram models only, a fraction of the memory, weaker on texts of a few words
        this.detector = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
        if (preload) {
            // loading the models takes seconds; start-up need not wait, the first detections will if they come first
            Thread.ofVirtual().name("language-models").start(this::warmUp);
        }
    }

    /** Lingua's languages that are also reading languages of Polyphony. */
    static Set<Language> detectableLanguages() {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Language language : Language.values()) {
            IsoCode639_1 code = language.getIsoCode639_1();
            if (language != Language.UNKNOWN && ReadingLanguages.isKnown(code.toString())) {
                languages.add(language);
            }
        }
        return languages;
    }

    /**
     * The language of a text.
     *
     * @param declared the author's reading languages, first preferred; may be empty
     */
    public DetectedLanguage detect(String rawText, List<String> declared) {
        // tone marks typed as combining characters (common in Vietnamese) would otherwise read as another language
        String text = java.text.Normalizer.normalize(rawText, java.text.Normalizer.Form.NFC);
        String fallback = declared.isEmpty() ? "und" : declared.getFirst();
        String byScript = ScriptLanguages.languageOf(text);
        if (byScript != null) {
            return new DetectedLanguage(byScript, 1.0, DetectedLanguage.Source.DETECTED);
        }
        if (letters(text) < FEW_LETTERS) {
            return new DetectedLanguage(fallback, 0, DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
        }
        Map<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
        if (confidences.isEmpty()) {
            return new DetectedLanguage(fallback, 0, DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
        }
        var ranked = confidences.entrySet().iterator();
        var best = ranked.next();
        double second = ranked.hasNext() ? ranked.next().getValue() : 0;
        String bestTag = best.getKey().getIsoCode639_1().toString();
        if (best.getValue() - second >= CLEAR_LEAD * best.getValue() || declared.isEmpty()) {
            return new DetectedLanguage(bestTag, best.getValue(), DetectedLanguage.Source.DETECTED);
        }
        // a close call: among the likely languages, the one the author reads comes first
        for (String tag : declared) {
            for (var candidate : confidences.entrySet()) {
                if (candidate.getValue() >= second
                        && candidate.getKey().getIsoCode639_1().toString().equals(tag)) {
                    return new DetectedLanguage(tag, candidate.getValue(), DetectedLanguage.Source.DETECTED);
                }
            }
        }
        return new DetectedLanguage(bestTag, best.getValue(), DetectedLanguage.Source.DETECTED);
    }

    /** Letters, a Chinese, Japanese or Korean character counting as three: each says as much as a short word. */
    private static int letters(String text) {
        return text.codePoints()
                .filter(Character::isLetter)
                .map(c -> switch (Character.UnicodeScript.of(c)) {
                    case HAN, HIRAGANA, KATAKANA, HANGUL -> 3;
                    default -> 1;
                })
                .sum();
    }

    private void warmUp() {
        long start = System.nanoTime();
        detector.computeLanguageConfidenceValues("warming up the language models of every detectable language");
        log.info("Language detection models loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
