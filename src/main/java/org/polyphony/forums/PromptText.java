package org.polyphony.forums;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text form of a session's main issues, as organisers edit them. */
final class PromptText {

    private PromptText() {}

    /** One language's version of each issue: a question, then its points as "- " lines; blank-line separated. */
    static List<ParsedPrompt> parse(String text) {
        List<ParsedPrompt> prompts = new ArrayList<>();
        if (text == null) {
            return prompts;
        }
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            StringBuilder question = new StringBuilder();
            List<String> points = new ArrayList<>();
            for (String line : block.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                boolean bullet = trimmed.matches("^[-–•*](\\s.*)?$");
                if (bullet && !question.isEmpty()) {
                    String point = trimmed.replaceFirst("^[-–•*]\\s*", "");
                    if (!point.isEmpty()) {
                        points.add(point);
                    }
                } else if (bullet) {
                    continue;
                } else if (points.isEmpty()) {
                    question.append(question.isEmpty() ? "" : " ").append(trimmed);
                } else {
                    int last = points.size() - 1;
                    points.set(last, points.get(last) + " " + trimmed);
                }
            }
            if (!question.isEmpty()) {
                prompts.add(new ParsedPrompt(question.toString(), points));
            }
        }
        return prompts;
    }

    /**
     * One issue in {@code language}; where that language has no version yet, the original's text stands in, so
     * the organiser sees what to translate (and text left unchanged is not stored as a translation).
     */
    static String format(Edition.Prompt prompt, String language) {
        String question = versionOrOriginal(prompt.question(), language);
        String points = prompt.points().stream()
                .map(p -> "- " + versionOrOriginal(p, language))
                .collect(Collectors.joining("\n"));
        return points.isEmpty() ? question : question + "\n" + points;
    }

    private static String versionOrOriginal(org.polyphony.languages.LocalizedText text, String language) {
        return text.exactly(language)
                .orElseGet(() -> text.exactly(text.originalLanguage()).orElse(""));
    }

    record ParsedPrompt(String question, List<String> points) {}
}
