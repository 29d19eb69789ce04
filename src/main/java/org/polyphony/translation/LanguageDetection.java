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
 * the characters alone, since Lingua has no model for them. For a short text, what is known before reading it
 * ({@link LanguagePriors}: the author's declared languages, the thread's language, the author's earlier
 * contributions) decides between the languages Lingua finds close; a text of too few letters takes the likeliest of
 * those. A detected language is a guess: its confidence stays below 1.
 */
@Component
public class LanguageDetection {

    private static final Logger log = LoggerFactory.getLogger(LanguageDetection.class);
    // below this many letters n-gram statistics say little; the author's own languages say more
    private static final int FEW_LETTERS = 12;
    // bonuses added to Lingua's relative values (the best 1.0, the runner-up of one script usually above 0.9) for a
    // text of up to SHORT_TEXT letters: chosen on the labelled short texts (docs/language-detection.md), where a larger
    // bonus for declared languages gains little more and costs authors who write a language they did not declare
    static final double DECLARED_BONUS = 0.1;
    static final double THREAD_BONUS = 0.05;
    static final double HISTORY_BONUS = 0.05;
    // up to this many letters a text gets the whole bonus; beyond, less in proportion
    static final int SHORT_TEXT = 60;
    // a guess is never certain: only the author's own choice has confidence 1
    static final double MAX_GUESS_CONFIDENCE = DetectedLanguage.MAX_GUESS;
    // Khmer, Myanmar, Sinhala by their script alone: near certain, still a guess (Pali in Sinhala script exists)
    private static final double SCRIPT_CONFIDENCE = 0.95;

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
        return detect(rawText, LanguagePriors.declared(declared));
    }

    /**
     * The language of a text, what is known of its author and thread deciding between the languages its letters
     * leave open. Lingua's relative values (the best 1.0) get a bonus for each prior that names the language:
     * declared by the author, the thread's language, the author's share of earlier contributions in it. The bonus
     * is full up to {@link #SHORT_TEXT} letters and shrinks as the text grows, where the letters say enough.
     */
    public DetectedLanguage detect(String rawText, LanguagePriors priors) {
        // tone marks typed as combining characters (common in Vietnamese) would otherwise read as another language
        String text = java.text.Normalizer.normalize(rawText, java.text.Normalizer.Form.NFC);
        String fallback = priors.fallback();
        String byScript = ScriptLanguages.languageOf(text);
        if (byScript != null) {
            return new DetectedLanguage(byScript, SCRIPT_CONFIDENCE, DetectedLanguage.Source.DETECTED);
        }
        int letters = letters(text);
        if (letters == 0) {
            return new DetectedLanguage(fallback, 0, DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
        }
        Map<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
        if (confidences.size() == 1) {
            // a script only one candidate writes (Thai, Hebrew, Greek, Korean…): even one word says which
            String only =
                    confidences.keySet().iterator().next().getIsoCode639_1().toString();
            return new DetectedLanguage(only, guessConfidence(1, 0, letters), DetectedLanguage.Source.DETECTED);
        }
        if (confidences.isEmpty()) {
            return new DetectedLanguage(fallback, 0, DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
        }
        double scale = Math.min(1.0, (double) SHORT_TEXT / letters);
        String bestTag = null;
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        String bestKnown = null;
        double bestKnownScore = Double.NEGATIVE_INFINITY;
        for (var candidate : confidences.entrySet()) {
            String tag = candidate.getKey().getIsoCode639_1().toString();
            double bonus = bonus(tag, priors);
            double score = candidate.getValue() + scale * bonus;
            if (score > best) {
                second = best;
                best = score;
                bestTag = tag;
            } else if (score > second) {
                second = score;
            }
            if (bonus > 0 && score > bestKnownScore) {
                bestKnownScore = score;
                bestKnown = tag;
            }
        }
        if (letters < FEW_LETTERS) {
            // too few letters for n-grams to tell languages of one script apart: the likeliest of the languages
            // known of the author decides; knowing nothing of them, the fallback ("und") is more honest than noise
            if (bestKnown != null) {
                return new DetectedLanguage(bestKnown, 0, DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
            }
            if (priors.equals(LanguagePriors.NONE)) {
                return new DetectedLanguage(fallback, 0, DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
            }
            // none of the author's languages is written in this script: the letters still say more than they do
        }
        return new DetectedLanguage(bestTag, guessConfidence(best, second, letters), DetectedLanguage.Source.DETECTED);
    }

    private static double bonus(String tag, LanguagePriors priors) {
        double bonus = 0;
        if (priors.declared().contains(tag)) {
            bonus += DECLARED_BONUS;
        }
        if (tag.equals(priors.threadLanguage())) {
            bonus += THREAD_BONUS;
        }
        return bonus + HISTORY_BONUS * priors.historyShare(tag);
    }

    /**
     * How sure a detection is, below 1 however clear: the winner's lead over the runner-up (Lingua's values of one
     * script are close, a lead of a tenth is already a clear one), and less for a text of few letters.
     */
    static double guessConfidence(double best, double second, int letters) {
        double lead = second <= 0 ? 1 : Math.max(0, best - second) / best;
        double byLead = 1 - Math.exp(-lead / 0.05);
        double byLength = Math.min(1.0, letters / 40.0);
        return Math.round(MAX_GUESS_CONFIDENCE * byLead * byLength * 100) / 100.0;
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
