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
                if (trimmed.matches("^[-–•*]\\s*.*") && !question.isEmpty()) {
                    points.add(trimmed.replaceFirst("^[-–•*]\\s*", ""));
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

    static String format(Edition.Prompt prompt, String language) {
        String question = prompt.question().exactly(language).orElse("");
        String points = prompt.points().stream()
                .map(p -> "- " + p.exactly(language).orElse(""))
                .collect(Collectors.joining("\n"));
        return points.isEmpty() ? question : question + "\n" + points;
    }

    record ParsedPrompt(String question, List<String> points) {}
}
