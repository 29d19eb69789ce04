package org.polyphony.translation;

import java.util.List;
import java.util.Map;

/**
 * What is known about the language of a text before reading it: the author's declared reading languages, the
 * language of the thread it is written in, and the languages of the author's earlier contributions. A short text
 * says little by itself ("Circular migration", "Thank you all"); these decide between the languages its letters
 * leave open, and weigh less the longer the text.
 *
 * @param declared the author's reading languages, first preferred; may be empty
 * @param threadLanguage the language of the thread or of the text it belongs to, or null
 * @param history how many of the author's recent contributions are in each language; may be empty
 */
public record LanguagePriors(List<String> declared, String threadLanguage, Map<String, Integer> history) {

    public static final LanguagePriors NONE = new LanguagePriors(List.of(), null, Map.of());

    public LanguagePriors {
        declared = List.copyOf(declared);
        history = Map.copyOf(history);
        if ("und".equals(threadLanguage)) {
            threadLanguage = null;
        }
    }

    public static LanguagePriors declared(List<String> declared) {
        return new LanguagePriors(declared, null, Map.of());
    }

    public LanguagePriors inThread(String language) {
        return new LanguagePriors(declared, language, history);
    }

    public LanguagePriors withHistory(Map<String, Integer> languages) {
        return new LanguagePriors(declared, threadLanguage, languages);
    }

    /**
     * The language of a text too short to tell: the thread's if the author reads it (a reply in the thread's
     * language is the common case), else the author's usual one (most of their earlier contributions), else their
     * first declared language.
     */
    String fallback() {
        if (threadLanguage != null && (declared.isEmpty() || declared.contains(threadLanguage))) {
            return threadLanguage;
        }
        return history.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(declared.isEmpty() ? "und" : declared.getFirst());
    }

    double historyShare(String language) {
        int all = history.values().stream().mapToInt(Integer::intValue).sum();
        return all == 0 ? 0 : (double) history.getOrDefault(language, 0) / all;
    }
}
