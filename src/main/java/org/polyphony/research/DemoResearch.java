package org.polyphony.research;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.Regions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A research library of a dozen real publications on migration and development, with the identifiers printed in them
 * (ISBNs from their imprint pages, DOIs of journal articles, the publishers' own web addresses), each linked to the
 * Athens 2009 sessions it informs; and two datasets with a sex dimension whose figures are invented for the demo and
 * say so (title, source and the "demo data" notice). The descriptions are written for Polyphony, not copied from the
 * publications. Loaded once, when the first demo key is not yet in the library.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoResearch implements ApplicationRunner {

    private static final long LOCK = 0x706f6c79_72657365L;
    static final String EDITION = "athens-2009";
    static final String DEMO_LICENCE = "CC0 1.0 (invented figures for the Polyphony demo)";
    static final String DEMO_SOURCE = "Polyphony demo: invented figures, not real data";

    /** A demo publication, the sessions it informs, the countries and themes it is about (its words, in English). */
    record Demo(Publication publication, List<String> sessions, List<String> countries, List<String> themes) {

        /** The regions of its countries: the demo names a region only where it names a country. */
        List<String> regions() {
            return Regions.all().stream()
                    .filter(region -> countries.stream().anyMatch(region.countries()::contains))
                    .map(Regions.Region::code)
                    .toList();
        }
    }

    private static Publication pub(
            String key,
            String kind,
            String title,
            List<String> authors,
            int year,
            String description,
            String publisher,
            String doi,
            String isbn,
            String url,
            String licence) {
        return new Publication(
                null, key, kind, title, authors, year, "en", description, publisher, doi, isbn, url, licence);
    }

    static final List<Demo> LIBRARY = List.of(
            new Demo(
                    pub(
                            "iom-wmr-2020",
                            "report",
                            "World Migration Report 2020",
                            List.of("McAuliffe, Marie", "Khadria, Binod"),
                            2019,
                            "IOM’s flagship report, tenth of its series: global and regional figures on migrants,"
                                    + " remittances and displacement, and chapters on migration research, inclusion,"
                                    + " health, children and environmental change.",
                            "International Organization for Migration",
                            null,
                            "978-92-9068-789-4",
                            "https://worldmigrationreport.iom.int/",
                            ""),
                    List.of("3.1", "1.1"),
                    List.of(),
                    List.of("migration data", "remittances", "displacement")),
            new Demo(
                    pub(
                            "ilo-migrant-workers-2021",
                            "report",
                            "ILO Global Estimates on International Migrant Workers – Results and Methodology, third"
                                    + " edition",
                            List.of("International Labour Office"),
                            2021,
                            "Estimates of the stock of international migrant workers in 2019, by sex, age, region"
                                    + " and income group of the country of destination, with the method used.",
                            "International Labour Office, Geneva",
                            null,
                            "978-92-2-034657-0",
                            null,
                            ""),
                    List.of("3.1", "2.1"),
                    List.of(),
                    List.of("labour migration", "migration data")),
            new Demo(
                    pub(
                            "ilo-migrant-workers-2015",
                            "report",
                            "ILO global estimates on migrant workers: Results and methodology. Special focus on"
                                    + " migrant domestic workers",
                            List.of("International Labour Office"),
                            2015,
                            "The first ILO global estimates of migrant workers and migrant domestic workers, by sex"
                                    + " and region, with their sources and method.",
                            "International Labour Office, Geneva",
                            null,
                            "978-92-2-130480-7",
                            null,
                            ""),
                    List.of("3.1", "2.1"),
                    List.of(),
                    List.of("labour migration", "domestic work")),
            new Demo(
                    pub(
                            "undesa-migrant-stock",
                            "dataset",
                            "International Migrant Stock",
                            List.of("United Nations, Department of Economic and Social Affairs, Population Division"),
                            2020,
                            "Estimates of the number of international migrants by age, sex and origin for every"
                                    + " country and area of the world, revised every few years.",
                            "United Nations",
                            null,
                            null,
                            "https://www.un.org/development/desa/pd/content/international-migrant-stock",
                            ""),
                    List.of("3.1"),
                    List.of(),
                    List.of("migration data")),
            new Demo(
                    pub(
                            "worldbank-factbook-2011",
                            "book",
                            "Migration and Remittances Factbook 2011",
                            List.of("Ratha, Dilip", "Mohapatra, Sanket", "Silwal, Ani"),
                            2011,
                            "Emigration, immigration, skilled emigration and remittance flows for 210 countries,"
                                    + " drawn from censuses, labour force surveys and population registers.",
                            "World Bank",
                            null,
                            "978-0-8213-8218-9",
                            null,
                            ""),
                    List.of("1.2", "3.1"),
                    List.of(),
                    List.of("remittances", "migration data")),
            new Demo(
                    pub(
                            "undp-hdr-2009",
                            "report",
                            "Human Development Report 2009. Overcoming barriers: Human mobility and development",
                            List.of("United Nations Development Programme"),
                            2009,
                            "The Human Development Report of the year of the Athens Forum, on movement within and"
                                    + " between countries as a part of human development.",
                            "United Nations Development Programme",
                            null,
                            null,
                            "https://hdr.undp.org/content/human-development-report-2009",
                            ""),
                    List.of("1.1", "3.1"),
                    List.of(),
                    List.of("human development", "mobility")),
            new Demo(
                    pub(
                            "clemens-2011",
                            "article",
                            "Economics and Emigration: Trillion-Dollar Bills on the Sidewalk?",
                            List.of("Clemens, Michael A."),
                            2011,
                            "Journal of Economic Perspectives 25(3). Estimates of the gains to the world economy"
                                    + " from lower barriers to emigration, set against those from trade and capital.",
                            "American Economic Association",
                            "10.1257/jep.25.3.83",
                            null,
                            null,
                            ""),
                    List.of("1.1"),
                    List.of(),
                    List.of("economics of migration")),
            new Demo(
                    pub(
                            "dehaas-2010",
                            "article",
                            "Migration and Development: A Theoretical Perspective",
                            List.of("de Haas, Hein"),
                            2010,
                            "International Migration Review 44(1). How views of migration and development swung"
                                    + " between optimism and pessimism, and a framework that places them in context.",
                            "Wiley",
                            "10.1111/j.1747-7379.2009.00804.x",
                            null,
                            null,
                            ""),
                    List.of("1.1", "3.1"),
                    List.of(),
                    List.of("migration and development")),
            new Demo(
                    pub(
                            "adams-page-2005",
                            "article",
                            "Do International Migration and Remittances Reduce Poverty in Developing Countries?",
                            List.of("Adams, Richard H.", "Page, John"),
                            2005,
                            "World Development 33(10). A cross-country study of migration, remittances and the"
                                    + " share of people living in poverty.",
                            "Elsevier",
                            "10.1016/j.worlddev.2005.05.004",
                            null,
                            null,
                            ""),
                    List.of("1.2", "1.3"),
                    List.of(),
                    List.of("remittances", "poverty")),
            new Demo(
                    pub(
                            "yang-2008",
                            "article",
                            "International Migration, Remittances and Household Investment: Evidence from Philippine"
                                    + " Migrants’ Exchange Rate Shocks",
                            List.of("Yang, Dean"),
                            2008,
                            "Economic Journal 118(528). How Philippine households spent remittances when the 1997"
                                    + " crisis changed exchange rates for migrants in different countries.",
                            "Wiley",
                            "10.1111/j.1468-0297.2008.02134.x",
                            null,
                            null,
                            ""),
                    List.of("1.2"),
                    List.of("PH"),
                    List.of("remittances", "household investment")),
            new Demo(
                    pub(
                            "docquier-rapoport-2012",
                            "article",
                            "Globalization, Brain Drain, and Development",
                            List.of("Docquier, Frédéric", "Rapoport, Hillel"),
                            2012,
                            "Journal of Economic Literature 50(3). A survey of what skilled emigration does to the"
                                    + " countries people leave, with new data on its extent.",
                            "American Economic Association",
                            "10.1257/jel.50.3.681",
                            null,
                            null,
                            ""),
                    List.of("2.2"),
                    List.of(),
                    List.of("brain drain", "skilled migration")),
            new Demo(
                    pub(
                            "ruhs-martin-2008",
                            "article",
                            "Numbers vs. Rights: Trade-Offs and Guest Worker Programs",
                            List.of("Ruhs, Martin", "Martin, Philip"),
                            2008,
                            "International Migration Review 42(1). Why more rights for guest workers and more"
                                    + " guest workers admitted can pull against each other.",
                            "Wiley",
                            "10.1111/j.1747-7379.2007.00120.x",
                            null,
                            null,
                            ""),
                    List.of("2.2", "2.1"),
                    List.of(),
                    List.of("labour migration", "migrant rights")));

    /** Migrant workers by country of residence and sex: one small cell (Morocco, women) to show suppression. */
    static final String BY_COUNTRY =
            """
            country,sex,workers
            FR,female,412
            FR,male,388
            ES,female,251
            ES,male,297
            US,female,530
            US,male,604
            HK,female,318
            HK,male,22
            MA,female,3
            MA,male,41
            SN,female,17
            SN,male,64
            """;

    /** Members of a demo association by year of joining and sex. */
    /** Members and what they sent home in a month: a count and an amount, to show a second measure. */
    static final String REMITTANCES =
            """
            country,sex,members,sent_usd
            FR,female,120,30240
            FR,male,140,39200
            IT,female,85,19550
            IT,male,60,16800
            DE,female,44,12320
            DE,male,51,15300
            BE,female,4,880
            BE,male,23,6440
            ES,female,38,8740
            ES,male,29,7540
            """;

    static final String BY_YEAR =
            """
            year,sex,members
            2004,women,12
            2004,men,18
            2005,women,21
            2005,men,19
            2006,women,26
            2006,men,24
            2007,women,30
            2007,men,2
            2008,women,41
            2008,men,35
            2009,women,47
            2009,men,38
            """;

    private final Library library;
    private final Datasets datasets;
    private final ForumManagement forums;
    private final JdbcClient jdbc;

    DemoResearch(Library library, Datasets datasets, ForumManagement forums, JdbcClient jdbc) {
        this.library = library;
        this.datasets = datasets;
        this.forums = forums;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        if (library.idOfKey(LIBRARY.getFirst().publication().citeKey()).isPresent()) return;
        Edition edition = forums.edition(EDITION, true).orElse(null);
        for (Demo demo : LIBRARY) {
            ImportResult stored = library.store(new ImportResult(List.of(demo.publication()), List.of()), null);
            for (Publication publication : stored.accepted()) {
                library.place(publication.id(), demo.themes(), demo.regions(), demo.countries());
                if (edition == null) continue;
                for (String code : demo.sessions()) {
                    edition.session(code).ifPresent(s -> library.link(publication.id(), s.id().value()));
                }
            }
        }
        dataset(
                "Migrant workers of a demo union by country of residence and sex (demo data)",
                new DatasetSchema("sex", "country", DatasetSchema.CategoryKind.COUNTRY, "workers"),
                BY_COUNTRY);
        dataset(
                "Members of a demo migrant association by year of joining and sex (demo data)",
                new DatasetSchema("sex", "year", DatasetSchema.CategoryKind.YEAR, "members"),
                BY_YEAR);
        dataset(
                "Money sent home in a month by members of a demo diaspora association, by country and sex (demo data)",
                new DatasetSchema(
                        "sex",
                        "country",
                        DatasetSchema.CategoryKind.COUNTRY,
                        "members",
                        new DatasetSchema.Measure("sent_usd", DatasetSchema.MeasureKind.AMOUNT, "USD")),
                REMITTANCES);
    }

    private void dataset(String title, DatasetSchema schema, String csv) {
        try {
            Datasets.Uploaded uploaded = datasets.create(
                    new Datasets.Described(
                            title,
                            DEMO_SOURCE,
                            DEMO_LICENCE,
                            "Invented for the demonstration of Polyphony: no survey or register stands behind these"
                                    + " figures. They are shaped like a real table so that the breakdown by sex, the"
                                    + " chart and the protection of small cells can be seen.",
                            schema),
                    null,
                    true,
                    Datasets.csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
            uploaded.datasetId().ifPresent(id -> datasets.publish(id, 1));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
