package org.polyphony.research;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading and writing bibliographies: BibTeX through JBibTeX, RIS through a small reader of its tagged lines,
 * CSL-JSON through Jackson. Each entry is read on its own, so one malformed entry is refused by name and line while
 * the others are kept.
 */
final class BibliographyFormats {

    private static final Pattern ENTRY_START = Pattern.compile("(?m)^\\s*@\\s*([A-Za-z]+)\\s*[{(]\\s*([^,\\s]*)");
    private static final Pattern YEAR = Pattern.compile("(1[5-9]|2[01])\\d\\d");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BibliographyFormats() {}

    static ImportResult readBibTeX(String text) {
        List<Publication> accepted = new ArrayList<>();
        List<ImportResult.Refusal> refused = new ArrayList<>();
        Matcher starts = ENTRY_START.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        while (starts.find()) bounds.add(new int[] {starts.start(), 0});
        for (int i = 0; i < bounds.size(); i++) {
            int from = bounds.get(i)[0];
            int to = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length();
            String chunk = text.substring(from, to);
            int line = lineOf(text, from);
            Matcher head = ENTRY_START.matcher(chunk);
            head.find();
            String type = head.group(1).toLowerCase(Locale.ROOT);
            String key = head.group(2).isEmpty() ? "?" : head.group(2);
            if (type.equals("comment") || type.equals("preamble") || type.equals("string")) continue;
            BibTeXDatabase database;
            try {
                database = new BibTeXParser().parse(new StringReader(chunk));
            } catch (RuntimeException | org.jbibtex.ParseException | Error malformed) {
                // JBibTeX reports a broken token as TokenMgrException, an Error: it is still only bad input
                refused.add(new ImportResult.Refusal(key, line, "research.import.malformed", ""));
                continue;
            }
            if (database.getEntries().isEmpty()) {
                refused.add(new ImportResult.Refusal(key, line, "research.import.malformed", ""));
                continue;
            }
            BibTeXEntry entry = database.getEntries().values().iterator().next();
            String title = field(entry, BibTeXEntry.KEY_TITLE);
            String year = field(entry, BibTeXEntry.KEY_YEAR);
            if (title.isBlank()) {
                refused.add(new ImportResult.Refusal(key, line, "research.import.noTitle", ""));
                continue;
            }
            if (!year.isBlank() && !YEAR.matcher(year).matches()) {
                refused.add(new ImportResult.Refusal(key, line, "research.import.badYear", year));
                continue;
            }
            List<String> authors = new ArrayList<>();
            for (String author : field(entry, BibTeXEntry.KEY_AUTHOR).split("\\s+and\\s+")) {
                if (!author.isBlank()) authors.add(author.strip());
            }
            accepted.add(new Publication(
                    null,
                    entry.getKey().getValue(),
                    entry.getType().getValue().toLowerCase(Locale.ROOT),
                    title,
                    authors,
                    year.isBlank() ? null : Integer.valueOf(year),
                    orDefault(field(entry, new Key("language")), "en"),
                    field(entry, new Key("abstract")),
                    orDefault(field(entry, BibTeXEntry.KEY_PUBLISHER), field(entry, BibTeXEntry.KEY_INSTITUTION)),
                    blankToNull(field(entry, BibTeXEntry.KEY_DOI)),
                    blankToNull(field(entry, new Key("isbn"))),
                    blankToNull(field(entry, BibTeXEntry.KEY_URL)),
                    field(entry, new Key("license"))));
        }
        if (bounds.isEmpty() && !text.isBlank()) {
            refused.add(new ImportResult.Refusal("?", 1, "research.import.noEntries", ""));
        }
        return new ImportResult(accepted, refused);
    }

    /** RIS: "TY  - " opens a record, "ER  - " closes it; tags of two letters or a letter and a digit. */
    static ImportResult readRis(String text) {
        List<Publication> accepted = new ArrayList<>();
        List<ImportResult.Refusal> refused = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", -1);
        RisRecord current = null;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) continue;
            if (line.length() < 6
                    || !line.substring(2, 6).equals("  - ")
                            && !line.substring(2).equals("  -")) {
                if (current != null) {
                    current.malformed = true;
                } else {
                    refused.add(new ImportResult.Refusal("?", n + 1, "research.import.malformed", ""));
                }
                continue;
            }
            String tag = line.substring(0, 2);
            String value = line.length() > 6 ? line.substring(6).strip() : "";
            if (tag.equals("TY")) {
                current = new RisRecord(n + 1, value);
            } else if (current == null) {
                refused.add(new ImportResult.Refusal("?", n + 1, "research.import.malformed", ""));
            } else if (tag.equals("ER")) {
                current.finish(accepted, refused);
                current = null;
            } else {
                current.add(tag, value);
            }
        }
        if (current != null) {
            refused.add(new ImportResult.Refusal(current.key(), current.line, "research.import.unfinished", ""));
        }
        return new ImportResult(accepted, refused);
    }

    private static final class RisRecord {
        final int line;
        final String type;
        boolean malformed;
        String id;
        String title = "";
        String year = "";
        String abstractText = "";
        String publisher = "";
        String doi;
        String isbn;
        String url;
        String language = "en";
        final List<String> authors = new ArrayList<>();

        RisRecord(int line, String type) {
            this.line = line;
            this.type = type;
        }

        void add(String tag, String value) {
            switch (tag) {
                case "ID" -> id = value;
                case "TI", "T1" -> title = value;
                case "AU", "A1" -> authors.add(value);
                case "PY", "Y1", "DA" -> year = value.length() >= 4 ? value.substring(0, 4) : value;
                case "AB", "N2" -> abstractText = value;
                case "PB" -> publisher = value;
                case "DO" -> doi = value;
                case "SN" -> isbn = value;
                case "UR" -> url = value;
                case "LA" -> language = value;
                default -> {}
            }
        }

        String key() {
            return id == null || id.isBlank() ? "?" : id;
        }

        void finish(List<Publication> accepted, List<ImportResult.Refusal> refused) {
            if (malformed) {
                refused.add(new ImportResult.Refusal(key(), line, "research.import.malformed", ""));
            } else if (title.isBlank()) {
                refused.add(new ImportResult.Refusal(key(), line, "research.import.noTitle", ""));
            } else if (!year.isBlank() && !YEAR.matcher(year).matches()) {
                refused.add(new ImportResult.Refusal(key(), line, "research.import.badYear", year));
            } else {
                String citeKey = id != null && !id.isBlank() ? id : "ris-" + Math.abs((title + year).hashCode());
                accepted.add(new Publication(
                        null,
                        citeKey,
                        type.toLowerCase(Locale.ROOT),
                        title,
                        List.copyOf(authors),
                        year.isBlank() ? null : Integer.valueOf(year),
                        language,
                        abstractText,
                        publisher,
                        doi,
                        isbn,
                        url,
                        ""));
            }
        }
    }

    /** CSL-JSON: an array of items with id, type, title, author (family, given), issued.date-parts. */
    static ImportResult readCslJson(String text) {
        List<Publication> accepted = new ArrayList<>();
        List<ImportResult.Refusal> refused = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception malformed) {
            refused.add(new ImportResult.Refusal("?", 1, "research.import.malformed", ""));
            return new ImportResult(accepted, refused);
        }
        if (root == null || !root.isArray()) {
            refused.add(new ImportResult.Refusal("?", 1, "research.import.notArray", ""));
            return new ImportResult(accepted, refused);
        }
        int position = 0;
        for (JsonNode item : root) {
            position++;
            String key = item.path("id").asString("");
            String title = item.path("title").asString("");
            if (key.isBlank()) key = "csl-" + position;
            if (title.isBlank()) {
                refused.add(new ImportResult.Refusal(key, position, "research.import.noTitle", ""));
                continue;
            }
            JsonNode yearNode = item.path("issued").path("date-parts").path(0).path(0);
            Integer year = yearNode.canConvertToInt() ? yearNode.asInt() : null;
            if (year != null && (year < 1500 || year > 2200)) {
                refused.add(new ImportResult.Refusal(key, position, "research.import.badYear", yearNode.asString()));
                continue;
            }
            List<String> authors = new ArrayList<>();
            for (JsonNode author : item.path("author")) {
                String family =
                        author.path("family").asString(author.path("literal").asString(""));
                String given = author.path("given").asString("");
                if (!family.isBlank()) authors.add(given.isBlank() ? family : family + ", " + given);
            }
            accepted.add(new Publication(
                    null,
                    key,
                    item.path("type").asString("report"),
                    title,
                    authors,
                    year,
                    item.path("language").asString("en"),
                    item.path("abstract").asString(""),
                    item.path("publisher").asString(""),
                    blankToNull(item.path("DOI").asString("")),
                    blankToNull(item.path("ISBN").asString("")),
                    blankToNull(item.path("URL").asString("")),
                    item.path("license").asString("")));
        }
        return new ImportResult(accepted, refused);
    }

    static String writeBibTeX(List<Publication> publications) {
        StringBuilder out = new StringBuilder();
        for (Publication p : publications) {
            out.append('@')
                    .append(bibType(p.kind()))
                    .append('{')
                    .append(p.citeKey().replaceAll("[\\s,{}]", "_"))
                    .append(",\n");
            bibField(out, "title", p.title());
            bibField(out, "author", String.join(" and ", p.authors()));
            bibField(out, "year", p.year() == null ? "" : p.year().toString());
            bibField(out, "publisher", p.publisher());
            bibField(out, "doi", p.doi());
            bibField(out, "isbn", p.isbn());
            bibField(out, "url", p.url());
            bibField(out, "language", p.language());
            bibField(out, "license", p.licence());
            bibField(out, "abstract", p.abstractText());
            // biblatex's keywords field is comma-separated, as our themes are typed
            bibField(out, "keywords", String.join(", ", p.themes()));
            out.append("}\n\n");
        }
        return out.toString();
    }

    static String writeCslJson(List<Publication> publications) {
        ArrayNode items = JSON.createArrayNode();
        for (Publication p : publications) {
            ObjectNode item = items.addObject();
            item.put("id", p.citeKey());
            item.put("type", cslType(p.kind()));
            item.put("title", p.title());
            ArrayNode authors = item.putArray("author");
            for (String author : p.authors()) {
                int comma = author.indexOf(',');
                ObjectNode name = authors.addObject();
                if (comma > 0) {
                    name.put("family", author.substring(0, comma).strip());
                    name.put("given", author.substring(comma + 1).strip());
                } else {
                    name.put("literal", author);
                }
            }
            if (p.year() != null)
                item.putObject("issued").putArray("date-parts").addArray().add(p.year());
            putIfPresent(item, "publisher", p.publisher());
            putIfPresent(item, "DOI", p.doi());
            putIfPresent(item, "ISBN", p.isbn());
            putIfPresent(item, "URL", p.url());
            putIfPresent(item, "language", p.language());
            putIfPresent(item, "license", p.licence());
            putIfPresent(item, "abstract", p.abstractText());
            // CSL's "keyword" variable (tags of the item) fits the themes; it has none for regions or countries,
            // which are left out rather than put where a citation processor would print them as something else
            putIfPresent(item, "keyword", String.join(", ", p.themes()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void putIfPresent(ObjectNode item, String name, String value) {
        if (value != null && !value.isBlank()) item.put(name, value);
    }

    private static void bibField(StringBuilder out, String name, String value) {
        if (value == null || value.isBlank()) return;
        // braces that do not balance would end the field early: drop them, and escape what LaTeX treats specially
        String safe = value.replace("{", "")
                .replace("}", "")
                .replace("\\", "")
                .replace("%", "\\%")
                .replace("&", "\\&");
        out.append("  ").append(name).append(" = {").append(safe).append("},\n");
    }

    private static String bibType(String kind) {
        return switch (kind == null ? "" : kind) {
            case "book", "article", "techreport", "incollection", "inproceedings", "misc" -> kind;
            case "article-journal" -> "article";
            case "chapter" -> "incollection";
            default -> "techreport";
        };
    }

    private static String cslType(String kind) {
        return switch (kind == null ? "" : kind) {
            case "book" -> "book";
            case "article", "article-journal" -> "article-journal";
            case "incollection", "chapter" -> "chapter";
            case "inproceedings" -> "paper-conference";
            default -> "report";
        };
    }

    private static String field(BibTeXEntry entry, Key key) {
        Value value = entry.getField(key);
        if (value == null) return "";
        String raw = value.toUserString();
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(raw)).strip();
        } catch (RuntimeException | org.jbibtex.ParseException | Error notLatex) {
            return raw.replace("{", "").replace("}", "").strip();
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
