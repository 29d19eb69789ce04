package org.polyphony.research;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.polyphony.languages.Regions;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The research library: publications, their search, and the sessions they inform. */
@Service
class Library {

    static final int PAGE_SIZE = 50;

    /** The kind abstracts are translated under, like posts. */
    static final String ABSTRACT = "research-abstract";

    private final JdbcClient jdbc;
    private final Translations translations;

    Library(JdbcClient jdbc, Translations translations) {
        this.jdbc = jdbc;
        this.translations = translations;
    }

    /** Stores the accepted publications; one whose key is already in the library is refused by name, not doubled. */
    @Transactional
    ImportResult store(ImportResult read, Long addedBy) {
        List<ImportResult.Refusal> refused = new java.util.ArrayList<>(read.refused());
        List<Publication> stored = new java.util.ArrayList<>();
        for (Publication p : read.accepted()) {
            if (p.title().length() > 500
                    || p.abstractText().length() > 10000
                    || p.citeKey().length() > 200) {
                refused.add(new ImportResult.Refusal(p.citeKey(), 0, "research.import.tooLong", ""));
                continue;
            }
            Optional<Long> id = jdbc.sql(
                            """
                            INSERT INTO research_publication (cite_key, kind, title, authors, year, language, abstract,
                                   publisher, doi, isbn, url, licence, added_by)
                            VALUES (:key, :kind, :title, :authors, :year, :language, :abstract, :publisher, :doi,
                                   :isbn, :url, :licence, :by)
                            ON CONFLICT (lower(cite_key)) DO NOTHING RETURNING id
                            """)
                    .param("key", p.citeKey())
                    .param("kind", truncate(p.kind(), 40))
                    .param("title", p.title())
                    .param(
                            "authors",
                            p.authors().stream().map(a -> truncate(a, 300)).toArray(String[]::new))
                    .param("year", p.year())
                    .param("language", languageOf(p.language()))
                    .param("abstract", p.abstractText())
                    .param("publisher", truncate(p.publisher(), 300))
                    .param("doi", truncate(p.doi(), 200))
                    .param("isbn", truncate(p.isbn(), 40))
                    .param("url", truncate(p.url(), 1000))
                    .param("licence", truncate(p.licence(), 200))
                    .param("by", addedBy)
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                stored.add(p.withId(id.get()));
                if (!p.abstractText().isBlank()) {
                    translations.register(
                            new TextRef(ABSTRACT, id.get()), p.abstractText(), languageOf(p.language()), null);
                }
            } else {
                refused.add(new ImportResult.Refusal(p.citeKey(), 0, "research.import.duplicate", ""));
            }
        }
        return new ImportResult(stored, refused);
    }

    /** What a publication is about, as the library filters by it; an empty value asks for no filter. */
    record About(String theme, String region, String country) {

        static final About ANY = new About("", "", "");

        About {
            theme = theme == null ? "" : theme.strip();
            region = region == null ? "" : region;
            country = country == null ? "" : country;
        }
    }

    /** Publications matching the words (all of them, any form) and the year range; newest first. */
    List<Publication> search(String words, Integer fromYear, Integer toYear, Long sessionId, int limit) {
        return search(words, null, fromYear, toYear, sessionId, About.ANY, limit);
    }

    /**
     * As {@link #search(String, Integer, Integer, Long, int)}, also finding publications whose abstract, translated
     * into the reader's language, matches the words (as the dialogue's search finds posts through translations), and
     * keeping those about the theme (any letter case), the region and the country asked for. A publication about a
     * country is about its region too, so that one on the Philippines is found under South-eastern Asia.
     */
    List<Publication> search(
            String words,
            String readerLanguage,
            Integer fromYear,
            Integer toYear,
            Long sessionId,
            About about,
            int limit) {
        String query = words == null ? "" : words.strip();
        List<Long> throughTranslations = query.isEmpty() || readerLanguage == null
                ? List.of()
                : List.copyOf(translations
                        .matchingTranslations(ABSTRACT, query, readerLanguage, 200)
                        .keySet());
        return jdbc.sql(
                        """
                        SELECT p.* FROM research_publication p
                         WHERE (:q = '' OR p.search_vector @@ plainto_tsquery('simple', :q)
                                OR p.title ILIKE '%' || :q || '%' OR p.id = ANY(:translated))
                           AND (CAST(:from AS INT) IS NULL OR p.year >= :from)
                           AND (CAST(:to AS INT) IS NULL OR p.year <= :to)
                           AND (CAST(:session AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM research_publication_session s
                                WHERE s.publication_id = p.id AND s.session_id = :session))
                           AND (:theme = '' OR EXISTS (SELECT 1 FROM unnest(p.themes) t WHERE lower(t) = lower(:theme)))
                           AND (:region = '' OR :region = ANY(p.regions)
                                OR p.countries && CAST(:regionCountries AS TEXT[]))
                           AND (:country = '' OR :country = ANY(p.countries))
                         ORDER BY p.year DESC NULLS LAST, p.title
                         LIMIT :limit
                        """)
                .param("q", query.replace("%", "").replace("_", ""))
                .param("translated", throughTranslations.toArray(Long[]::new))
                .param("from", fromYear)
                .param("to", toYear)
                .param("session", sessionId)
                .param("theme", about.theme())
                .param("region", about.region())
                .param(
                        "regionCountries",
                        Regions.countriesOf(List.of(about.region())).toArray(String[]::new))
                .param("country", about.country())
                .param("limit", limit)
                .query(Library::publication)
                .list();
    }

    /** The themes the library's publications are about, one spelling per word whatever its letter case, sorted. */
    List<String> themesInUse() {
        return jdbc.sql(
                        """
                        SELECT min(t) FROM research_publication p, unnest(p.themes) t
                         GROUP BY lower(t) ORDER BY lower(min(t)) LIMIT 500
                        """)
                .query(String.class)
                .list();
    }

    Optional<Publication> find(long id) {
        return jdbc.sql("SELECT * FROM research_publication WHERE id = :id")
                .param("id", id)
                .query(Library::publication)
                .optional();
    }

    /**
     * Of these publications, those whose abstract anyone may read now: every publication of the library is public
     * (there is no draft or hidden state), so those that exist and have an abstract.
     */
    java.util.Set<Long> withAbstract(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(
                jdbc.sql("SELECT id FROM research_publication WHERE id = ANY(:ids) AND abstract <> ''")
                        .param("ids", ids.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    /**
     * Hands every stored abstract to translation that it does not hold as it is: those stored before abstracts
     * were registered on import (the demo library of an older installation is never imported again). An abstract
     * already registered unchanged asks for nothing.
     *
     * @return how many were registered anew
     */
    @Transactional
    int registerAbstracts() {
        record Stored(long id, String text, String language) {}
        List<Stored> stored = jdbc.sql(
                        "SELECT id, abstract, language FROM research_publication WHERE abstract <> '' ORDER BY id")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        int registered = 0;
        for (Stored p : stored) {
            if (translations.registerIfChanged(
                    new TextRef(ABSTRACT, p.id()), p.text(), languageOf(p.language()), null)) {
                registered++;
            }
        }
        return registered;
    }

    List<Long> sessionsOf(long publicationId) {
        return jdbc.sql("SELECT session_id FROM research_publication_session WHERE publication_id = :id ORDER BY 1")
                .param("id", publicationId)
                .query(Long.class)
                .list();
    }

    List<Publication> informing(long sessionId) {
        return search("", null, null, sessionId, 20);
    }

    void link(long publicationId, long sessionId) {
        jdbc.sql(
                        """
                        INSERT INTO research_publication_session (publication_id, session_id) VALUES (:p, :s)
                        ON CONFLICT DO NOTHING
                        """)
                .param("p", publicationId)
                .param("s", sessionId)
                .update();
    }

    /** Sets the themes, regions and countries a publication is about (checked by the caller). */
    void place(long publicationId, List<String> themes, List<String> regions, List<String> countries) {
        jdbc.sql(
                        """
                        UPDATE research_publication SET themes = :themes, regions = :regions, countries = :countries
                         WHERE id = :id
                        """)
                .param("themes", themes.toArray(String[]::new))
                .param("regions", regions.toArray(String[]::new))
                .param("countries", countries.toArray(String[]::new))
                .param("id", publicationId)
                .update();
    }

    void unlink(long publicationId, long sessionId) {
        jdbc.sql("DELETE FROM research_publication_session WHERE publication_id = :p AND session_id = :s")
                .param("p", publicationId)
                .param("s", sessionId)
                .update();
    }

    /** Who added the publication; empty for demo content and for deleted accounts. */
    Optional<Long> addedBy(long publicationId) {
        return jdbc.sql("SELECT added_by FROM research_publication WHERE id = :id")
                .param("id", publicationId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("added_by", Long.class)))
                .optional()
                .flatMap(o -> o);
    }

    Optional<Long> idOfKey(String citeKey) {
        return jdbc.sql("SELECT id FROM research_publication WHERE lower(cite_key) = lower(:k)")
                .param("k", citeKey)
                .query(Long.class)
                .optional();
    }

    private static Publication publication(ResultSet rs, int row) throws SQLException {
        Array authors = rs.getArray("authors");
        Integer year = rs.getObject("year", Integer.class);
        return new Publication(
                rs.getLong("id"),
                rs.getString("cite_key"),
                rs.getString("kind"),
                rs.getString("title"),
                authors == null ? List.of() : Arrays.asList((String[]) authors.getArray()),
                year,
                rs.getString("language"),
                rs.getString("abstract"),
                rs.getString("publisher"),
                rs.getString("doi"),
                rs.getString("isbn"),
                rs.getString("url"),
                rs.getString("licence"),
                strings(rs.getArray("themes")),
                strings(rs.getArray("regions")),
                strings(rs.getArray("countries")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * An abstract's language as the translation module knows languages: the primary subtag ("en" of "en-GB"). Files
     * often name the language instead (BibLaTeX's "french", Zotero's RIS "English") or give a three-letter code
     * ("fra"): those are mapped to the two-letter code, or no translation route and no volunteer pair would ever
     * match the abstract. A three-letter code without a two-letter one is kept; anything else becomes "" (unknown):
     * the value is also the page's {@code lang} attribute, which must be a language code or empty.
     */
    static String languageOf(String tag) {
        if (tag == null || tag.isBlank()) return "en";
        java.util.Locale root = java.util.Locale.ROOT;
        String value = tag.strip().toLowerCase(root);
        String primary = value.split("[-_]")[0];
        if (primary.matches("[a-z]{2}")) return primary;
        for (String code : java.util.Locale.getISOLanguages()) {
            java.util.Locale language = java.util.Locale.of(code);
            if (value.equals(language.getDisplayLanguage(java.util.Locale.ENGLISH)
                            .toLowerCase(root))
                    || value.equals(language.getDisplayLanguage(language).toLowerCase(language))
                    || primary.equals(iso3(language))) {
                return code;
            }
        }
        return primary.matches("[a-z]{3}") ? primary : "";
    }

    private static String iso3(java.util.Locale language) {
        try {
            return language.getISO3Language();
        } catch (java.util.MissingResourceException none) {
            return "";
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
