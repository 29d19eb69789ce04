package org.polyphony.consultation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives each block of a new version the key of the paragraph it continues. Keys the text still names are kept;
 * then identical texts are matched; then the most similar remaining pairs (Dice coefficient of their word sets, at
 * least {@link #THRESHOLD}), best first; the rest are new paragraphs. A re-imported .docx names no keys, so it is
 * matched by the last two steps alone.
 */
final class ParagraphMatching {

    static final double THRESHOLD = 0.5;

    private ParagraphMatching() {}

    record Previous(String key, String text) {}

    /** The key of each block, in order; null for a new paragraph. */
    static List<String> keys(List<Previous> previous, List<DraftText.Block> blocks) {
        String[] keys = new String[blocks.size()];
        Set<String> known = new HashSet<>();
        previous.forEach(p -> known.add(p.key()));
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            String named = blocks.get(i).key();
            if (named != null && known.contains(named) && taken.add(named)) {
                keys[i] = named;
            }
        }
        Map<String, List<String>> byText = new HashMap<>();
        for (Previous p : previous) {
            if (!taken.contains(p.key())) {
                byText.computeIfAbsent(normalised(p.text()), t -> new ArrayList<>())
                        .add(p.key());
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (keys[i] == null) {
                List<String> same = byText.get(normalised(blocks.get(i).text()));
                if (same != null && !same.isEmpty()) {
                    keys[i] = same.removeFirst();
                    taken.add(keys[i]);
                }
            }
        }
        record Pair(int block, String key, double similarity) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (keys[i] != null) {
                continue;
            }
            Set<String> words = words(blocks.get(i).text());
            for (Previous p : previous) {
                if (!taken.contains(p.key())) {
                    double similarity = dice(words, words(p.text()));
                    if (similarity >= THRESHOLD) {
                        pairs.add(new Pair(i, p.key(), similarity));
                    }
                }
            }
        }
        pairs.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        for (Pair pair : pairs) {
            if (keys[pair.block()] == null && !taken.contains(pair.key())) {
                keys[pair.block()] = pair.key();
                taken.add(pair.key());
            }
        }
        return java.util.Arrays.asList(keys);
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return 2.0 * both.size() / (a.size() + b.size());
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : normalised(text).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
