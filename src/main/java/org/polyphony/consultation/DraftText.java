package org.polyphony.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft's Markdown split into blocks: a heading line, or a run of lines up to a blank line (a paragraph, a list,
 * a quote, a footnote). An HTML comment line {@code <!-- p12 -->} before a block names the paragraph it continues,
 * so that a draft edited in the browser keeps its paragraphs' identities without guessing.
 */
final class DraftText {

    static final int MAX_BLOCKS = 2_000;

    private static final Pattern KEY = Pattern.compile("^<!--\\s*(p\\d{1,7})\\s*-->$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+\\S.*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}’'-]*");

    private DraftText() {}

    /** A block as written: its key when the text named one, whether it is a heading, its Markdown. */
    record Block(String key, boolean heading, String text) {}

    static List<Block> split(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String pendingKey = null;
        StringBuilder current = new StringBuilder();
        for (String raw : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = raw.stripTrailing();
            Matcher key = KEY.matcher(line.strip());
            if (key.matches()) {
                pendingKey = flush(blocks, current, pendingKey);
                pendingKey = key.group(1);
                continue;
            }
            if (line.isBlank()) {
                pendingKey = flush(blocks, current, pendingKey);
                continue;
            }
            if (HEADING.matcher(line).matches()) {
                pendingKey = flush(blocks, current, pendingKey);
                blocks.add(new Block(pendingKey, true, line.strip()));
                pendingKey = null;
                continue;
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(line);
        }
        flush(blocks, current, pendingKey);
        return blocks;
    }

    private static String flush(List<Block> blocks, StringBuilder current, String key) {
        if (current.isEmpty()) {
            return key;
        }
        blocks.add(new Block(key, false, current.toString()));
        current.setLength(0);
        return null;
    }

    /** Words as a reader counts them ("less is more"): letters or digits, Markdown marks not counted. */
    static int words(String text) {
        Matcher matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** A heading's text without its hashes. */
    static String headingText(String heading) {
        return heading.replaceFirst("^#{1,6}\\s+", "");
    }
}
