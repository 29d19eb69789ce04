package org.polyphony.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * What a search box's words mean in the post index, as people type them into web search boxes: every word must be
 * found (in the post, or in its thread's title, which counts double), {@code "quoted words"} as a phrase, {@code
 * -word} must not be, and {@code or} between two words lets either do. A word is found as written, and by its stem
 * in the reader's language and in English, the dialogue's most common language; each post's stems are those of its
 * own language, as the database's text search did.
 */
final class PostSearchQueries {

    static final String WORDS = "words";
    static final String TITLE = "title";
    static final String STEMS = "stems_";

    /** The languages whose stems are indexed; others are found by their words as written. */
    private static final Map<String, Analyzer> STEMMERS = Map.of(
            "en", new EnglishAnalyzer(),
            "fr", new FrenchAnalyzer(),
            "es", new SpanishAnalyzer(),
            "pt", new PortugueseAnalyzer(),
            "ru", new RussianAnalyzer(),
            "ar", new ArabicAnalyzer());

    private static final Pattern TERM = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)(\\S+)");
    // a query stays far below Lucene's limit of clauses, whatever is pasted into the box
    private static final int MAX_TERMS = 32;

    private PostSearchQueries() {}

    /** The analyzer of the index: words as written for every post, stems in the fields named by language. */
    static Analyzer analyzer() {
        Map<String, Analyzer> byField = new java.util.HashMap<>();
        STEMMERS.forEach((language, analyzer) -> byField.put(STEMS + language, analyzer));
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
    }

    /** The field holding a post's stems, if its language has a stemmer. */
    static Optional<String> stemField(String language) {
        return language != null && STEMMERS.containsKey(language) ? Optional.of(STEMS + language) : Optional.empty();
    }

    /** The query for the words typed; empty when nothing searchable is left (only signs, only negations). */
    static Optional<Query> of(String typed, String readerLanguage) {
        QueryBuilder builder = new QueryBuilder(analyzer());
        List<String> stemFields = new ArrayList<>();
        stemField(readerLanguage).ifPresent(stemFields::add);
        if (!stemFields.contains(STEMS + "en")) {
            stemFields.add(STEMS + "en");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<Query> either = new ArrayList<>();
        boolean orPending = false;
        boolean anyRequired = false;
        Matcher term = TERM.matcher(typed == null ? "" : typed);
        int terms = 0;
        while (term.find() && terms++ < MAX_TERMS) {
            boolean quoted = term.group(2) != null;
            boolean negated = !(quoted ? term.group(1) : term.group(3)).isEmpty();
            String text = quoted ? term.group(2) : term.group(4);
            if (!quoted && !negated && text.toLowerCase(Locale.ROOT).equals("or")) {
                orPending = !either.isEmpty();
                continue;
            }
            Optional<Query> found = anywhere(builder, text, stemFields);
            if (found.isEmpty()) {
                continue;
            }
            if (negated) {
                all.add(found.get(), Occur.MUST_NOT);
                orPending = false;
                continue;
            }
            if (!orPending && !either.isEmpty()) {
                anyRequired |= addGroup(all, either);
                either.clear();
            }
            either.add(found.get());
            orPending = false;
        }
        anyRequired |= addGroup(all, either);
        return anyRequired ? Optional.of(all.build()) : Optional.empty();
    }

    private static boolean addGroup(BooleanQuery.Builder all, List<Query> either) {
        if (either.isEmpty()) {
            return false;
        }
        if (either.size() == 1) {
            all.add(either.getFirst(), Occur.MUST);
        } else {
            BooleanQuery.Builder group = new BooleanQuery.Builder();
            either.forEach(query -> group.add(query, Occur.SHOULD));
            all.add(group.build(), Occur.MUST);
        }
        return true;
    }

    /** The word (or phrase) in the post's words, its thread's title, or its stems. */
    private static Optional<Query> anywhere(QueryBuilder builder, String text, List<String> stemFields) {
        BooleanQuery.Builder places = new BooleanQuery.Builder();
        boolean any = false;
        Query words = builder.createPhraseQuery(WORDS, text);
        if (words != null) {
            places.add(words, Occur.SHOULD);
            places.add(new BoostQuery(builder.createPhraseQuery(TITLE, text), 2f), Occur.SHOULD);
            any = true;
        }
        for (String field : stemFields) {
            Query stems = builder.createPhraseQuery(field, text);
            if (stems != null) {
                places.add(stems, Occur.SHOULD);
                any = true;
            }
        }
        return any ? Optional.of(places.build()) : Optional.empty();
    }
}
