package org.polyphony.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.Regions;
import org.polyphony.languages.TextSearchConfigurations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The directory: organisations, and people who chose to be listed, by type, region, country, theme and language,
 * and by words. People are found only through what they show everyone: a filter never matches a hidden field.
 */
@Service
class Directory {

    static final int PAGE = 20;

    private final JdbcClient jdbc;
    private final DirectoryWords words;

    Directory(JdbcClient jdbc, DirectoryWords words) {
        this.jdbc = jdbc;
        this.words = words;
    }

    record Found<T>(List<T> rows, boolean more) {}

    /**
     * Organisations matching every filter given. An organisation works in a region when it names the region or
     * one of its countries, and in a country when it names the country or the country's region. Sorted by
     * relevance to the words, else by name.
     */
    Found<Organisations.OrganisationRow> organisations(DirectoryQuery query, String readerLanguage) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (!query.type().isEmpty()) {
            conditions.add("o.type = :type");
        }
        if (!query.theme().isEmpty()) {
            conditions.add(":theme = ANY(o.themes)");
        }
        if (!query.language().isEmpty()) {
            conditions.add(":language = ANY(o.languages)");
        }
        if (!query.region().isEmpty()) {
            conditions.add("(:region = ANY(o.regions) OR o.countries && CAST(:regionCountries AS text[]))");
        }
        if (!query.country().isEmpty()) {
            conditions.add("(:country = ANY(o.countries) OR :countryRegion = ANY(o.regions))");
        }
        String rank = "";
        DirectoryWords.Matches named = query.q().isEmpty() ? null : words.of(query.q(), readerLanguage);
        if (!query.q().isEmpty()) {
            // the words, or the name of a theme, type or region in the reader's language ("diaspora")
            conditions.add("(o.search_vector @@ (websearch_to_tsquery(CAST(:config AS regconfig), :q)"
                    + " || websearch_to_tsquery('simple', :q))"
                    + " OR o.themes && CAST(:namedThemes AS text[])"
                    + " OR o.type = ANY(CAST(:namedTypes AS text[]))"
                    + " OR o.regions && CAST(:namedRegions AS text[])"
                    + " OR o.countries && CAST(:namedCountries AS text[]))");
            rank = "ts_rank(o.search_vector, websearch_to_tsquery(CAST(:config AS regconfig), :q)"
                    + " || websearch_to_tsquery('simple', :q)) DESC, ";
        }
        var sql = jdbc.sql(Organisations.SELECT + " WHERE " + String.join(" AND ", conditions) + " ORDER BY " + rank
                        + "lower(o.name), o.id LIMIT :limit OFFSET :offset")
                .param("limit", PAGE + 1)
                .param("offset", (query.page() - 1) * PAGE);
        if (!query.type().isEmpty()) {
            sql = sql.param("type", query.type());
        }
        if (!query.theme().isEmpty()) {
            sql = sql.param("theme", query.theme());
        }
        if (!query.language().isEmpty()) {
            sql = sql.param("language", query.language());
        }
        if (!query.region().isEmpty()) {
            sql = sql.param("region", query.region())
                    .param(
                            "regionCountries",
                            Regions.countriesOf(List.of(query.region())).toArray(String[]::new));
        }
        if (!query.country().isEmpty()) {
            sql = sql.param("country", query.country())
                    .param(
                            "countryRegion",
                            Regions.ofCountry(query.country())
                                    .map(Regions.Region::code)
                                    .orElse(""));
        }
        if (!query.q().isEmpty()) {
            sql = sql.param("config", TextSearchConfigurations.of(readerLanguage))
                    .param("q", query.q())
                    .param("namedThemes", named.themes().toArray(String[]::new))
                    .param("namedTypes", named.types().toArray(String[]::new))
                    .param("namedRegions", named.regions().toArray(String[]::new))
                    .param("namedCountries", named.regionCountries().toArray(String[]::new));
        }
        List<Organisations.OrganisationRow> rows = sql.query(Organisations::row).list();
        return found(rows);
    }

    /** Listed people whose public fields match every filter given (the type filter is for organisations). */
    Found<ProfileView> people(DirectoryQuery query) {
        List<String> conditions = new ArrayList<>(List.of("listed"));
        if (!query.theme().isEmpty()) {
            conditions.add("themes_visibility = 'PUBLIC' AND :theme = ANY(themes)");
        }
        if (!query.language().isEmpty()) {
            conditions.add("languages_visibility = 'PUBLIC' AND :language = ANY(languages)");
        }
        if (!query.region().isEmpty()) {
            conditions.add("countries_visibility = 'PUBLIC' AND countries && CAST(:regionCountries AS text[])");
        }
        if (!query.country().isEmpty()) {
            conditions.add("countries_visibility = 'PUBLIC' AND :country = ANY(countries)");
        }
        if (!query.q().isEmpty()) {
            conditions.add(
                    "(lower(display_name) LIKE :like" + " OR (bio_visibility = 'PUBLIC' AND lower(bio) LIKE :like))");
        }
        var sql = jdbc.sql("SELECT * FROM people_profile WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY lower(display_name), account_id LIMIT :limit OFFSET :offset")
                .param("limit", PAGE + 1)
                .param("offset", (query.page() - 1) * PAGE);
        if (!query.theme().isEmpty()) {
            sql = sql.param("theme", query.theme());
        }
        if (!query.language().isEmpty()) {
            sql = sql.param("language", query.language());
        }
        if (!query.region().isEmpty()) {
            sql = sql.param(
                    "regionCountries",
                    Regions.countriesOf(List.of(query.region())).toArray(String[]::new));
        }
        if (!query.country().isEmpty()) {
            sql = sql.param("country", query.country());
        }
        if (!query.q().isEmpty()) {
            sql = sql.param("like", query.likePattern());
        }
        // the directory shows what everyone may see, whoever looks
        List<ProfileView> rows = sql.query(Profiles::row).list().stream()
                .map(r -> r.viewedBy(Optional.<AccountId>empty()))
                .toList();
        return found(rows);
    }

    private static <T> Found<T> found(List<T> rows) {
        boolean more = rows.size() > PAGE;
        return new Found<>(more ? rows.subList(0, PAGE) : rows, more);
    }
}
