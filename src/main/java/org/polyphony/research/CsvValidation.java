package org.polyphony.research;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.polyphony.languages.Countries;

/**
 * Reads an uploaded CSV as a stream, one record at a time, checking it against its schema: UTF-8 only (the first
 * byte that is not is named by line), the columns the schema names present, every row as long as the header,
 * counts whole and non-negative, country codes known, years years, at most {@value #MAX_CATEGORIES} categories and
 * {@value #MAX_SEXES} sexes, a second measure (when the schema names one) a plain number or empty. Nothing is kept
 * but the values each row contributes, handed to {@code rows} so that the caller can sum them.
 */
final class CsvValidation {

    static final int MAX_PROBLEMS = 20;
    static final int MAX_FIELD = 200;
    /** More categories than a page, chart or table can show; also bounds the memory the sums take. */
    static final int MAX_CATEGORIES = 5_000;
    /** Sex (or gender) values: a handful in any real dataset; bounds the cells with the categories. */
    static final int MAX_SEXES = 20;

    /** One row's contribution: its sex, category and count, and its second measure (null when none is given). */
    record Row(String sex, String category, long count, BigDecimal measure, String secondCategory) {

        /** A row of a dataset with one category. */
        Row(String sex, String category, long count, BigDecimal measure) {
            this(sex, category, count, measure, "");
        }
    }

    /** A rate or an amount: at least 0, at most 15 digits before the point and 6 after, never a formula. */
    private static final java.util.regex.Pattern MEASURE = java.util.regex.Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");

    record Outcome(long rows, List<UploadProblem> problems, List<List<String>> preview) {
        boolean valid() {
            return problems.isEmpty() && rows > 0;
        }
    }

    private CsvValidation() {}

    static Outcome read(InputStream upload, DatasetSchema schema, Consumer<Row> rows) throws IOException {
        Reader reader = new InputStreamReader(
                upload,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        List<UploadProblem> problems = new ArrayList<>();
        List<List<String>> preview = new ArrayList<>();
        long count = 0;
        long lastLine = 1;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setTrim(true).get().parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(new UploadProblem(1, 0, "research.csv.empty", ""));
                return new Outcome(0, problems, preview);
            }
            CSVRecord header = records.next();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(stripBom(header.get(i)).toLowerCase(Locale.ROOT), i);
            }
            preview.add(header.toList().stream().map(CsvValidation::stripBom).toList());
            int sex = column(columns, schema.sexColumn(), problems);
            int category = column(columns, schema.categoryColumn(), problems);
            int measure = column(columns, schema.countColumn(), problems);
            int second = schema.measured() ? column(columns, schema.measure().column(), problems) : -1;
            int secondCategory = schema.twoCategories() ? column(columns, schema.secondCategoryColumn(), problems) : -1;
            if (!problems.isEmpty()) return new Outcome(0, problems, preview);
            Set<String> sexes = new HashSet<>();
            Set<String> categories = new HashSet<>();
            // with two categories, their pairs are the rows of the table and are bounded together
            Set<String> pairs = new HashSet<>();
            // the same few codes come a million times: each is checked once
            Map<String, String> checkedCategories = new HashMap<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber();
                lastLine = line;
                if (record.size() == 1 && record.get(0).isEmpty()) continue;
                count++;
                if (preview.size() <= 10) preview.add(record.toList());
                if (problems.size() >= MAX_PROBLEMS) continue;
                if (record.size() != header.size()) {
                    problems.add(
                            new UploadProblem(line, 0, "research.csv.ragged", record.size() + "/" + header.size()));
                    continue;
                }
                String sexValue = record.get(sex);
                String categoryValue = record.get(category);
                String countValue = record.get(measure);
                // a NUL character cannot be stored in PostgreSQL text: refused by name rather than failing later
                if (sexValue.isEmpty() || sexValue.length() > MAX_FIELD || sexValue.indexOf('\0') >= 0) {
                    problems.add(new UploadProblem(line, sex + 1, "research.csv.badSex", clip(sexValue)));
                    continue;
                }
                Long parsed = wholeCount(countValue);
                if (parsed == null) {
                    problems.add(new UploadProblem(line, measure + 1, "research.csv.badCount", clip(countValue)));
                    continue;
                }
                String secondCategoryValue = secondCategory < 0 ? "" : record.get(secondCategory);
                if (secondCategory >= 0
                        && (secondCategoryValue.isEmpty()
                                || secondCategoryValue.length() > MAX_FIELD
                                || secondCategoryValue.indexOf('\0') >= 0)) {
                    problems.add(new UploadProblem(
                            line, secondCategory + 1, "research.csv.badCategory.OTHER", clip(secondCategoryValue)));
                    continue;
                }
                BigDecimal secondValue = null;
                if (second >= 0 && !record.get(second).isEmpty()) {
                    // an empty cell is a figure not available; anything else must be a plain number
                    String typed = record.get(second);
                    if (!MEASURE.matcher(typed).matches()) {
                        problems.add(new UploadProblem(line, second + 1, "research.csv.badMeasure", clip(typed)));
                        continue;
                    }
                    secondValue = new BigDecimal(typed);
                }
                String checked = categoryValue.indexOf('\0') >= 0
                        ? null
                        : checkedCategories.size() < MAX_CATEGORIES
                                ? checkedCategories.computeIfAbsent(
                                        categoryValue, v -> checkCategory(schema.categoryKind(), v))
                                : checkCategory(schema.categoryKind(), categoryValue);
                if (checked == null) {
                    problems.add(new UploadProblem(
                            line,
                            category + 1,
                            "research.csv.badCategory." + schema.categoryKind(),
                            clip(categoryValue)));
                    continue;
                }
                if (!sexes.contains(sexValue) && (sexes.size() >= MAX_SEXES || !sexes.add(sexValue))) {
                    problems.add(
                            new UploadProblem(line, sex + 1, "research.csv.tooManyValues", String.valueOf(MAX_SEXES)));
                    continue;
                }
                if (!categories.contains(checked)
                        && (categories.size() >= MAX_CATEGORIES || !categories.add(checked))) {
                    problems.add(new UploadProblem(
                            line, category + 1, "research.csv.tooManyValues", String.valueOf(MAX_CATEGORIES)));
                    continue;
                }
                if (secondCategory >= 0) {
                    String pair = checked + '\0' + secondCategoryValue;
                    if (!pairs.contains(pair) && (pairs.size() >= MAX_CATEGORIES || !pairs.add(pair))) {
                        problems.add(new UploadProblem(
                                line,
                                secondCategory + 1,
                                "research.csv.tooManyValues",
                                String.valueOf(MAX_CATEGORIES)));
                        continue;
                    }
                }
                if (problems.isEmpty())
                    rows.accept(new Row(sexValue, checked, parsed, secondValue, secondCategoryValue));
            }
        } catch (CharacterCodingException notUtf8) {
            problems.add(new UploadProblem(lastLine + 1, 0, "research.csv.encoding", ""));
        } catch (java.io.UncheckedIOException wrapped) {
            if (wrapped.getCause() instanceof CharacterCodingException) {
                problems.add(new UploadProblem(lastLine + 1, 0, "research.csv.encoding", ""));
            } else {
                problems.add(new UploadProblem(lastLine + 1, 0, "research.csv.malformed", ""));
            }
        } catch (IllegalStateException malformed) {
            // commons-csv says so for an unclosed quote or a character after a closing one
            problems.add(new UploadProblem(lastLine + 1, 0, "research.csv.malformed", ""));
        }
        if (count == 0 && problems.isEmpty()) problems.add(new UploadProblem(2, 0, "research.csv.noRows", ""));
        return new Outcome(count, problems, preview);
    }

    private static int column(Map<String, Integer> columns, String name, List<UploadProblem> problems) {
        Integer index = columns.get(name.strip().toLowerCase(Locale.ROOT));
        if (index == null) {
            problems.add(new UploadProblem(1, 0, "research.csv.missingColumn", clip(name)));
            return -1;
        }
        return index;
    }

    private static Long wholeCount(String value) {
        if (value.isEmpty() || value.length() > 15 || !value.chars().allMatch(Character::isDigit)) return null;
        return Long.valueOf(value);
    }

    private static String checkCategory(DatasetSchema.CategoryKind kind, String value) {
        if (value.isEmpty() || value.length() > MAX_FIELD) return null;
        return switch (kind) {
            case COUNTRY -> Countries.normalise(value).orElse(null);
            case YEAR -> value.matches("(1[5-9]|2[01])\\d\\d") ? value : null;
            case OTHER -> value;
        };
    }

    private static String stripBom(String value) {
        return value.startsWith("\uFEFF") ? value.substring(1) : value;
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
