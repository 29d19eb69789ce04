package org.polyphony.followup;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a CSV file of recommendations and checks every row before anything is kept: an error names its line and
 * column, and one bad row keeps the whole file out. Columns (header row, any order): {@code theme}, {@code title}
 * (both required), {@code body}, {@code addressees}, {@code organisations}, {@code countries}, {@code frameworks};
 * lists inside a cell are separated by semicolons.
 */
@Component
class RecommendationImport {

    static final List<String> COLUMNS =
            List.of("theme", "title", "body", "addressees", "organisations", "countries", "frameworks", "made_on");
    static final int MAX_ROWS = 1000;

    /** A problem in the file: its line (0 for the whole file), its column (or null) and a message key. */
    record Problem(int line, String column, String key, Object[] args) {}

    record Checked(List<RecommendationRules.Resolved> rows, List<Problem> problems) {}

    private final RecommendationRules rules;
    private final RecommendationStore store;

    RecommendationImport(RecommendationRules rules, RecommendationStore store) {
        this.rules = rules;
        this.store = store;
    }

    Checked check(long editionId, byte[] file) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> text = utf8(file);
        if (text.isEmpty()) {
            return new Checked(List.of(), List.of(new Problem(0, null, "followup.import.encoding", new Object[0])));
        }
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.read(text.get());
        } catch (CsvRows.Malformed malformed) {
            return new Checked(
                    List.of(), List.of(new Problem(malformed.line, null, "followup.import.quote", new Object[0])));
        }
        if (rows.size() < 2) {
            return new Checked(List.of(), List.of(new Problem(0, null, "followup.import.empty", new Object[0])));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            return new Checked(
                    List.of(), List.of(new Problem(0, null, "followup.import.tooMany", new Object[] {MAX_ROWS})));
        }
        Map<String, Integer> columns = new HashMap<>();
        CsvRows.Row header = rows.getFirst();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(new Problem(header.line(), name, "followup.import.unknownColumn", new Object[] {name}));
            } else {
                columns.put(name, i);
            }
        }
        for (String required : List.of("theme", "title")) {
            if (!columns.containsKey(required)) {
                problems.add(
                        new Problem(header.line(), required, "followup.import.missingColumn", new Object[] {required}));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }
        List<RecommendationRules.Resolved> resolved = new ArrayList<>();
        Map<String, Integer> titles = new HashMap<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            RecommendationForm form = new RecommendationForm(
                    cell(row, columns, "theme"),
                    cell(row, columns, "title"),
                    cell(row, columns, "body"),
                    list(cell(row, columns, "addressees")),
                    cell(row, columns, "organisations"),
                    list(cell(row, columns, "countries")),
                    list(cell(row, columns, "frameworks")),
                    cell(row, columns, "made_on"));
            Optional<RecommendationRules.Resolved> ok = rules.check(
                    form,
                    (field, key, args) -> problems.add(
                            new Problem(row.line(), "madeOn".equals(field) ? "made_on" : field, key, args)));
            if (ok.isEmpty()) {
                continue;
            }
            String title = ok.get().title().toLowerCase(Locale.ROOT);
            Integer earlier = titles.putIfAbsent(title, row.line());
            if (earlier != null) {
                problems.add(new Problem(row.line(), "title", "followup.import.duplicate", new Object[] {earlier}));
            } else if (store.titleTaken(editionId, ok.get().title())) {
                problems.add(new Problem(row.line(), "title", "followup.title.taken", new Object[0]));
            } else {
                resolved.add(ok.get());
            }
        }
        return new Checked(problems.isEmpty() ? resolved : List.of(), problems);
    }

    private static Optional<String> utf8(byte[] file) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file))
                    .toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    private static String cell(CsvRows.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= row.cells().size() ? "" : row.cells().get(index);
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
