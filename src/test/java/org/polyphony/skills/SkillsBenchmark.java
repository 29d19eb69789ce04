package org.polyphony.skills;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.polyphony.languages.Regions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds synthetic skills profiles and opportunities (seeded random, 60 % of them in domestic and care work, so that
 * a few minor groups are crowded as in the pilot), then measures: a full re-match (time, peak heap), the candidate
 * list of the most crowded opportunity (in process, and as a page over loopback under concurrent load, p50/p99),
 * one profile's and one opportunity's re-match, and, for comparison, the old way (score every active profile of
 * the minor group on each view). Prints lines starting with BENCHMARK; asserts nothing: a benchmark, not a test
 * (its name keeps it out of the test run). Run it with {@code scripts/benchmark-skills.sh [profiles] [opportunities]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SkillsBenchmark {

    private static final String PASSWORD = "benchmark of the skills pilot";

    /** Domestic and care work: the pilot's own field, where most profiles and opportunities are. */
    private static final List<String> CARE =
            List.of("5322", "5321", "9111", "5311", "5120", "3221", "9112", "5312", "3222", "9412");

    private static final List<String> LANGUAGES =
            List.of("ar", "en", "fr", "es", "tl", "id", "ne", "hi", "sw", "pt", "ru", "zh", "am", "si");
    private static final List<String> LEVELS = List.of("A1", "A2", "B1", "B2", "C1", "C2");
    private static final List<String> COUNTRIES = List.of(
            "QA", "AE", "SA", "KW", "DE", "NL", "GB", "IT", "ES", "PT", "PH", "ZA", "US", "CA", "JP", "HK", "SG", "MY");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatchIndex matches;

    @Autowired
    Candidates candidates;

    @Autowired
    Opportunities opportunities;

    @Autowired
    SkillsProfiles profiles;

    private final Random random = new Random(2012);

    @Test
    void measure() throws Exception {
        int profileCount = Integer.getInteger("skills.benchmark.profiles", 100_000);
        int opportunityCount = Integer.getInteger("skills.benchmark.opportunities", 1_000);
        int threads = Integer.getInteger("skills.benchmark.threads", 4);
        int requests = Integer.getInteger("skills.benchmark.requests", 100);
        print("load average before: " + loadAverage() + ", cores: "
                + Runtime.getRuntime().availableProcessors() + ", max heap: "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");

        String adminName = "Bench recruiter " + System.nanoTime();
        HttpVisitor admin = HttpVisitor.signedUp(port, adminName, PASSWORD);
        admin.get("/organisations/new");
        String organisation = admin.post(
                        "/organisations", "name", "Bench agency " + System.nanoTime(), "type", "RECRUITMENT_AGENCY")
                .redirect()
                .replace("?notice=created", "");
        long organisationId = Long.parseLong(organisation.substring(organisation.lastIndexOf('/') + 1));
        long edition = jdbc.sql("SELECT id FROM forums_edition WHERE slug = 'gfmd-2012'")
                .query(Long.class)
                .single();

        long started = System.nanoTime();
        seedProfiles(profileCount);
        print("seeded %,d profiles in %d ms".formatted(profileCount, ms(started)));
        started = System.nanoTime();
        seedOpportunities(opportunityCount, edition, organisationId);
        print("seeded %,d opportunities in %d ms".formatted(opportunityCount, ms(started)));
        jdbc.sql("ANALYZE skills_profile").update();
        jdbc.sql("ANALYZE skills_opportunity").update();

        // the full re-match, twice: the first run warms the JIT and the database's caches
        for (int run = 1; run <= 2; run++) {
            System.gc();
            long heapBefore = usedHeap();
            resetPeaks();
            started = System.nanoTime();
            int rows = matches.rematchAll();
            long took = ms(started);
            print(
                    "full re-match, run %d: %,d profiles × %,d opportunities -> %,d candidacies in %,d ms; heap used before %d MB, peak during %d MB"
                            .formatted(
                                    run,
                                    profileCount,
                                    opportunityCount,
                                    rows,
                                    took,
                                    heapBefore / mb(),
                                    peakHeap() / mb()));
        }
        jdbc.sql("ANALYZE skills_match").update();

        long crowded = jdbc.sql(
                        """
                        SELECT opportunity_id FROM skills_match GROUP BY opportunity_id ORDER BY count(*) DESC LIMIT 1
                        """)
                .query(Long.class)
                .single();
        long median = jdbc.sql(
                        """
                        SELECT opportunity_id FROM (SELECT opportunity_id, count(*) AS n FROM skills_match
                         GROUP BY opportunity_id) c ORDER BY n OFFSET (SELECT count(DISTINCT opportunity_id) / 2 FROM skills_match) LIMIT 1
                        """)
                .query(Long.class)
                .single();
        Opportunity opportunity = opportunities.find(crowded).orElseThrow();
        String minor = Isco.minorGroup(opportunity.occupation());
        long inGroup = jdbc.sql(
                        "SELECT count(*) FROM skills_profile WHERE NOT paused AND minor_groups @> ARRAY[CAST(:m AS text)]")
                .param("m", minor)
                .query(Long.class)
                .single();
        print(
                "most crowded opportunity: ISCO %s, %,d candidates, %,d active profiles in its minor group %s; median opportunity: %,d candidates"
                        .formatted(
                                opportunity.occupation(),
                                matches.count(crowded),
                                inGroup,
                                minor,
                                matches.count(median)));

        Opportunity medianOpportunity = opportunities.find(median).orElseThrow();
        print("candidate list in process, most crowded: " + percentiles(200, () -> candidates.page(opportunity, 1)));
        print("candidate list in process, median: " + percentiles(200, () -> candidates.page(medianOpportunity, 1)));
        print("old way, scoring every active profile of the minor group on each view: "
                + percentiles(20, () -> scoreOnTheFly(opportunity)));

        // the page itself, over loopback, by several signed-in sessions of the organisation's admin at once
        String page = "/skills/opportunities/" + crowded + "/candidates";
        jdbc.sql("UPDATE skills_opportunity SET organisation_id = :o WHERE id = :id")
                .param("o", organisationId)
                .param("id", crowded)
                .update();
        List<HttpVisitor> sessions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            HttpVisitor session = new HttpVisitor(port);
            session.get("/login");
            session.post("/login", "name", adminName, "password", PASSWORD);
            sessions.add(session);
        }
        for (int i = 0; i < 30; i++) {
            check(sessions.getFirst().get(page).status());
        }
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (HttpVisitor session : sessions) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    check(session.get(page).status());
                    times.add(System.nanoTime() - t);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long wall = ms(started);
        pool.shutdown();
        print("candidates page over loopback, %d sessions × %d requests: %s, %.0f requests/s"
                .formatted(threads, requests, summary(times), 1000.0 * times.size() / wall));

        // the same page by one session alone, and a light page of the same layout, to tell the page's own cost from
        // the competition between sessions for the cores
        List<Long> alone = new ArrayList<>();
        List<Long> light = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            check(sessions.getFirst().get(page).status());
            alone.add(System.nanoTime() - t);
            t = System.nanoTime();
            check(sessions.getFirst().get("/skills/conversations").status());
            light.add(System.nanoTime() - t);
        }
        print("candidates page over loopback, 1 session alone: " + summary(alone));
        // the organisation's admin has no profile: one query and the layout, the floor every signed-in page pays
        print("a light page of the same layout (/skills/conversations, no profile), 1 session: " + summary(light));

        // the worker's list: from the index, against scoring every open opportunity
        long worker = jdbc.sql("SELECT profile_id FROM skills_match GROUP BY profile_id ORDER BY count(*) DESC LIMIT 1")
                .query(Long.class)
                .single();
        SkillsProfile busiest = profiles.byId(worker).orElseThrow();
        print("worker's list in process, from the index (%d candidacies): %s"
                .formatted(
                        matches.ofProfile(worker).size(),
                        percentiles(200, () -> candidates.forWorker(busiest, opportunities::allOpen))));
        SkillsProfile paused = new SkillsProfile(
                busiest.id(),
                true,
                busiest.occupations(),
                busiest.skills(),
                busiest.languages(),
                busiest.qualifications(),
                busiest.years(),
                busiest.workCountries(),
                busiest.workRegions(),
                busiest.availableFrom(),
                busiest.lookingFor(),
                busiest.numberSalt());
        print("worker's list in process, the old way (every open opportunity scored): "
                + percentiles(50, () -> candidates.forWorker(paused, opportunities::allOpen)));

        // keeping the index in step: one profile saved, one opportunity published in a crowded group
        List<Long> someProfiles = jdbc.sql(
                        "SELECT profile_id FROM skills_match WHERE opportunity_id = :o ORDER BY profile_id LIMIT 50")
                .param("o", crowded)
                .query(Long.class)
                .list();
        List<Long> profileTimes = new ArrayList<>();
        for (long id : someProfiles) {
            long t = System.nanoTime();
            matches.profileChanged(id);
            profileTimes.add(System.nanoTime() - t);
        }
        print("re-match of one profile (after a save, pause or renumbering): " + summary(profileTimes));
        List<Long> publishTimes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            matches.opportunityPublished(opportunity);
            publishTimes.add(System.nanoTime() - t);
        }
        print("re-match of the most crowded opportunity (after publishing): " + summary(publishTimes));
        print("load average after: " + loadAverage());
    }

    private void seedProfiles(int count) {
        List<String> units =
                Isco.classification().units().stream().map(Isco.Group::code).toList();
        int batch = 5_000;
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            Long[] accounts = new Long[n];
            String[] occupations = new String[n];
            String[] skills = new String[n];
            String[] languages = new String[n];
            String[] countries = new String[n];
            String[] regions = new String[n];
            String[] available = new String[n];
            for (int i = 0; i < n; i++) {
                accounts[i] = 9_000_000_000_000L + from + i;
                String first = random.nextDouble() < 0.6 ? pick(CARE) : pick(units);
                String occupation = first;
                if (random.nextDouble() < 0.3) {
                    String second = pick(units);
                    if (!second.equals(first)) {
                        occupation = first + "," + second;
                    }
                }
                occupations[i] = occupation;
                skills[i] = String.join(",", some(SkillCodes.ALL, 2 + random.nextInt(5)));
                languages[i] = String.join(
                        ",",
                        some(LANGUAGES, 1 + random.nextInt(3)).stream()
                                .map(l -> l + ":" + pick(LEVELS))
                                .toList());
                List<String> where = some(COUNTRIES, 1 + random.nextInt(3));
                countries[i] = String.join(",", where);
                regions[i] = random.nextDouble() < 0.3
                        ? Regions.ofCountry(pick(COUNTRIES))
                                .map(Regions.Region::code)
                                .orElse("")
                        : "";
                available[i] = random.nextDouble() < 0.5 ? null : "2027-0" + (1 + random.nextInt(9)) + "-01";
            }
            jdbc.sql(
                            """
                            INSERT INTO skills_profile (account_id, occupations, minor_groups, skills, languages, years,
                                work_countries, work_regions, available_from)
                            SELECT a, string_to_array(o, ','),
                                   ARRAY(SELECT DISTINCT left(x, 3) FROM unnest(string_to_array(o, ',')) x),
                                   string_to_array(s, ','), string_to_array(l, ','), 3,
                                   string_to_array(c, ','), string_to_array(r, ','), CAST(f AS date)
                              FROM unnest(:a, :o, :s, :l, :c, :r, :f) AS t (a, o, s, l, c, r, f)
                            """)
                    .param("a", accounts)
                    .param("o", occupations)
                    .param("s", skills)
                    .param("l", languages)
                    .param("c", countries)
                    .param("r", regions)
                    .param("f", available)
                    .update();
        }
    }

    private void seedOpportunities(int count, long edition, long organisation) {
        List<String> units =
                Isco.classification().units().stream().map(Isco.Group::code).toList();
        String[] occupations = new String[count];
        String[] skills = new String[count];
        String[] languages = new String[count];
        String[] countries = new String[count];
        for (int i = 0; i < count; i++) {
            occupations[i] = random.nextDouble() < 0.6 ? pick(CARE) : pick(units);
            skills[i] = String.join(",", some(SkillCodes.ALL, 1 + random.nextInt(5)));
            languages[i] = String.join(
                    ",",
                    some(LANGUAGES, random.nextInt(3)).stream()
                            .map(l -> l + ":" + (random.nextBoolean() ? "B1" : "B2"))
                            .toList());
            countries[i] = pick(COUNTRIES);
        }
        jdbc.sql(
                        """
                        INSERT INTO skills_opportunity (edition_id, organisation_id, title, occupation, skills, languages,
                            country, starts_on, pay_min, pay_max, currency, pay_period, no_worker_fees,
                            contract_in_language, worker_keeps_documents)
                        SELECT :e, :org, 'Benchmark opportunity ' || o || ' ' || n, o, string_to_array(s, ','),
                               string_to_array(l, ','), c, DATE '2027-03-01', 1000, 1500, 'QAR', 'MONTH',
                               true, true, true
                          FROM unnest(:o, :s, :l, :c) WITH ORDINALITY AS t (o, s, l, c, n)
                        """)
                .param("e", edition)
                .param("org", organisation)
                .param("o", occupations)
                .param("s", skills)
                .param("l", languages)
                .param("c", countries)
                .update();
    }

    /** What the candidate list did before the index: every active profile of the minor group, scored. */
    private long scoreOnTheFly(Opportunity opportunity) {
        return jdbc
                .sql("SELECT " + SkillsProfiles.COLUMNS
                        + " FROM skills_profile WHERE NOT paused AND minor_groups @> ARRAY[CAST(:minor AS text)]")
                .param("minor", Isco.minorGroup(opportunity.occupation()))
                .query(SkillsProfiles::row)
                .list()
                .stream()
                .filter(p -> Matching.match(p.worker(), opportunity.offer())
                        .map(Matching::candidate)
                        .orElse(false))
                .count();
    }

    private String percentiles(int runs, Supplier<?> work) {
        for (int i = 0; i < Math.min(20, runs); i++) {
            work.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            times.add(System.nanoTime() - t);
        }
        return summary(times);
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return "p50 %.1f ms, p99 %.1f ms (%d runs)"
                .formatted(
                        sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6,
                        sorted.size());
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private <T> List<T> some(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("candidates page answered " + status);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static long mb() {
        return 1024L * 1024L;
    }

    private static long ms(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String loadAverage() {
        return String.format(
                "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void print(String line) {
        System.out.println("BENCHMARK " + line);
    }
}
