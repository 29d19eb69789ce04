package org.polyphony.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A forum edition's glossary, applied around the provider: before the call each term becomes a numbered marker that
 * machine translation passes through untouched ({@code ⟦3⟧}); after it, the marker becomes the term itself or the
 * organisers' preferred translation into the target language.
 */
@Component
class Glossary {

    private static final Pattern MARKER = Pattern.compile("⟦(\\d+)⟧");

    private final JdbcClient jdbc;

    Glossary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Term(long id, String term, String language, String replacement) {}

    List<Term> terms(Long glossaryId) {
        if (glossaryId == null) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        SELECT id, term, language, replacement FROM translation_glossary_term
                        WHERE glossary_id = :g ORDER BY lower(term), language NULLS FIRST
                        """)
                .param("g", glossaryId)
                .query((rs, n) -> new Term(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void add(long glossaryId, String term, String language, String replacement) {
        jdbc.sql(
                        """
                        INSERT INTO translation_glossary_term (glossary_id, term, language, replacement)
                        VALUES (:g, :t, :l, :r)
                        ON CONFLICT (glossary_id, term, language) DO UPDATE SET replacement = :r
                        """)
                .param("g", glossaryId)
                .param("t", term)
                .param("l", language)
                .param("r", replacement)
                .update();
    }

    void remove(long glossaryId, long termId) {
        jdbc.sql("DELETE FROM translation_glossary_term WHERE glossary_id = :g AND id = :id")
                .param("g", glossaryId)
                .param("id", termId)
                .update();
    }

    /** A digest of the terms, part of each text's content hash: a changed glossary means new translations. */
    static byte[] fingerprint(List<Term> terms) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Term term : terms) {
                digest.update((term.term() + "\u0000" + term.language() + "\u0000" + term.replacement() + "\u0001")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A text with its glossary terms replaced by markers, and what each marker stands for. */
    record Protected(String text, List<String> termsByMarker) {

        String restore(String translated, String target, List<Term> terms) {
            Matcher matcher = MARKER.matcher(translated);
            StringBuilder restored = new StringBuilder();
            while (matcher.find()) {
                int index = Integer.parseInt(matcher.group(1));
                String replacement = index < termsByMarker.size()
                        ? inTarget(termsByMarker.get(index), target, terms)
                        : matcher.group();
                matcher.appendReplacement(restored, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(restored);
            return restored.toString();
        }

        private static String inTarget(String found, String target, List<Term> terms) {
            return terms.stream()
                    .filter(t -> target.equals(t.language()) && t.term().equalsIgnoreCase(found))
                    .map(Term::replacement)
                    .findFirst()
                    .orElse(found);
        }
    }

    static Protected protect(String text, List<Term> terms) {
        if (terms.isEmpty()) {
            return new Protected(text, List.of());
        }
        // longest terms first, so that "GFMD Civil Society Days" wins over "GFMD"
        List<String> distinct = terms.stream()
                .map(Term::term)
                .map(t -> t.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
        StringBuilder alternatives = new StringBuilder();
        for (String term : distinct) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(term));
        }
        Pattern pattern = Pattern.compile(
                "(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher matcher = pattern.matcher(text);
        List<String> found = new ArrayList<>();
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            found.add(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement("⟦" + (found.size() - 1) + "⟧"));
        }
        matcher.appendTail(result);
        return new Protected(result.toString(), List.copyOf(found));
    }
}
