package org.polyphony.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * For administrators: per language participants read, the languages texts are written in that no provider
 * translates into it, how many readers read it, and what would reach it (an Apertium pair Debian packages, else a
 * LibreTranslate-compatible service).
 */
@Service
public class LanguageGaps {

    /** Debian's Apertium packages for pairs among the languages participants declare (both directions). */
    static final Map<Set<String>, String> APERTIUM_PACKAGES = Map.of(
            Set.of("en", "es"), "apertium-en-es",
            Set.of("fr", "es"), "apertium-fr-es",
            Set.of("es", "pt"), "apertium-es-pt",
            Set.of("es", "it"), "apertium-es-it",
            Set.of("ur", "hi"), "apertium-urd-hin",
            Set.of("en", "ca"), "apertium-en-ca",
            Set.of("fr", "ca"), "apertium-fr-ca",
            Set.of("es", "ca"), "apertium-es-ca");

    /** One source language no provider brings into the reading language, with what would. */
    public record Unreached(String source, long texts, String apertiumPackage) {}

    /** One language participants read. */
    public record Gap(String language, OptionalLong readers, List<Unreached> unreached) {}

    private final JdbcClient jdbc;
    private final TranslationRoutes routes;
    private final AccountDirectory accounts;
    private final SmallCells smallCells;

    LanguageGaps(JdbcClient jdbc, TranslationRoutes routes, AccountDirectory accounts, SmallCells smallCells) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.accounts = accounts;
        this.smallCells = smallCells;
    }

    public List<Gap> gaps() {
        Map<String, Long> texts = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT language, count(*) FROM translation_source WHERE language <> 'und'
                        GROUP BY language ORDER BY count(*) DESC
                        """)
                .query((rs, n) -> texts.put(rs.getString(1), rs.getLong(2)))
                .list();
        List<Gap> gaps = new ArrayList<>();
        accounts.readersByLanguage().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(readers -> {
                    String target = readers.getKey();
                    List<Unreached> unreached = texts.entrySet().stream()
                            .filter(source -> !source.getKey().equals(target))
                            .filter(source ->
                                    routes.route(source.getKey(), target).isEmpty())
                            .map(source -> new Unreached(
                                    source.getKey(),
                                    source.getValue(),
                                    APERTIUM_PACKAGES.get(Set.of(source.getKey(), target))))
                            .toList();
                    gaps.add(new Gap(target, smallCells.shown(readers.getValue()), unreached));
                });
        return gaps;
    }
}
