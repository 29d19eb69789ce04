package org.polyphony.consultation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.polyphony.accounts.AccountId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures, on a draft of 300 paragraphs with 5,000 comments: the draft page's compressed size and its time with
 * comments collapsed (p50 of 50 requests over loopback, so server time plus local transfer), the comparison of two
 * versions, and the import of a 50-page .docx. Prints figures, asserts nothing: a benchmark, not a test (its name
 * keeps it out of the test run). Run it with {@code scripts/benchmark-consultation.sh}.
 */
// the tests switch the agenda cache off (so that each test sees its own changes at once); production keeps an
// edition's agenda for ten seconds, and every consultation page looks its edition up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "polyphony.agenda-cache=PT10S")
class ConsultationBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationManagement consultations;

    @Autowired
    ConsultationStore store;

    @Autowired
    ConsultationReading reading;

    @Autowired
    ConsultationPlaces places;

    @Autowired
    org.polyphony.translation.Translations translations;

    @Test
    void measure() throws Exception {
        long edition = jdbc.sql("SELECT id FROM forums_edition WHERE slug = 'gfmd-2012'")
                .query(Long.class)
                .single();
        long author = jdbc.sql("SELECT min(id) FROM accounts_account")
                .query(Long.class)
                .single();
        StringBuilder draft = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            if (i % 15 == 0) {
                draft.append("## Section ").append(i / 15 + 1).append("\n\n");
            }
            draft.append("Paragraph ")
                    .append(i)
                    .append(": migration policy must start from the human rights of")
                    .append(" migrants and their families, whatever their status; decent work, fair recruitment")
                    .append(" and the recognition of skills make migration a choice, not a necessity.\n\n");
        }
        var today = ConsultationManagement.today();
        var form = new ConsultationForm(
                "Benchmark " + System.nanoTime(),
                "Benchmark",
                "SIGNED_IN",
                List.of(),
                today.toString(),
                today.plusDays(10).toString(),
                "",
                "",
                "",
                "",
                draft.toString(),
                "",
                List.of());
        long id = consultations.create(
                edition,
                null,
                form,
                draft.toString(),
                List.of(new ConsultationManagement.Dates(today, today.plusDays(10))),
                new AccountId(author));
        var consultation = store.consultation(id).orElseThrow();
        var round = store.rounds(id).getFirst();
        var version1 = store.versions(id).getFirst();
        jdbc.sql(
                        """
                        INSERT INTO consultation_comment (round_id, version_id, paragraph_id, body, language, author_id)
                        SELECT :r, :v, (SELECT id FROM consultation_paragraph WHERE version_id = :v AND NOT heading
                                        ORDER BY position OFFSET (g % 300) LIMIT 1),
                               'A comment on fees and rights, number ' || g, 'en', :a
                        FROM generate_series(1, 5000) g""")
                .param("r", round.id())
                .param("v", version1.id())
                .param("a", author)
                .update();
        String edited = draft.toString()
                .replace("fair recruitment", "fair and ethical recruitment")
                .replace("Paragraph 7:", "Paragraph seven:");
        consultations.saveVersion(consultation, edited, new AccountId(author));
        var version2 = store.versions(id).getLast();

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/consultations/" + id + "?version=1"))
                .header("Accept-Encoding", "gzip")
                .header("Accept-Language", "en")
                .build();
        List<Long> times = new ArrayList<>();
        int compressed = 0;
        int raw = 0;
        Map<Long, Long> cpuBefore = Map.of();
        // more requests for a profile: scripts/benchmark-consultation.sh --profile
        int requests = Integer.getInteger("benchmark.requests", 50);
        for (int i = 0; i < requests + 10; i++) {
            if (i == 10) {
                cpuBefore = serverThreadsCpu();
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            if (i >= 10) {
                times.add(elapsed);
            }
            compressed = response.body().length;
            raw = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes().length;
        }
        long serverCpu = cpuSince(cpuBefore);
        Collections.sort(times);
        System.out.printf(
                "BENCHMARK draft page: server threads' CPU time %.1f ms per request (mean of %d; on a busy machine the"
                        + " wall times below are mostly waiting for a core)%n",
                serverCpu / 1e6 / times.size(), times.size());
        System.out.printf(
                "BENCHMARK draft page (300 paragraphs, 5,000 comments, collapsed): %d bytes gzip (%d raw),"
                        + " p50 %.1f ms, p90 %.1f ms over %d requests%n",
                compressed,
                raw,
                times.get(times.size() / 2) / 1e6,
                times.get(times.size() * 9 / 10) / 1e6,
                times.size());

        profile("places.consultation", () -> places.consultation(id));
        profile("reading.summary", () -> reading.summary(consultation));
        profile("store.versions", () -> store.versions(id));
        profile("store.paragraphs", () -> store.paragraphs(version1.id()));
        profile("store.counts", () -> store.counts(version1.id()));
        var ids = store.paragraphs(version1.id()).stream()
                .map(ConsultationStore.Paragraph::id)
                .toList();
        profile(
                "translations.shown (300, en)",
                () -> translations.shown(ConsultationManagement.PARAGRAPH, ids, List.of("en")));
        profile("reading.draft (en, kept ready)", () -> reading.draft(version1, List.of("en"), false));
        HttpRequest small = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/consultations/mine"))
                .header("Accept-Language", "en")
                .build();
        profile("GET /consultations/mine (redirect, baseline)", () -> {
            try {
                return http.send(small, HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<Long> compareTimes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            reading.compare(version1, version2);
            compareTimes.add(System.nanoTime() - start);
        }
        Collections.sort(compareTimes);
        System.out.printf(
                "BENCHMARK comparison of two 300-paragraph versions: p50 %.1f ms%n",
                compareTimes.get(compareTimes.size() / 2) / 1e6);

        byte[] docx = TestDocuments.longDocument(400);
        List<Long> importTimes = new ArrayList<>();
        int paragraphs = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            var imported = DraftImport.read("long.docx", docx);
            importTimes.add(System.nanoTime() - start);
            paragraphs = DraftText.split(imported.markdown()).size();
        }
        Collections.sort(importTimes);
        System.out.printf(
                "BENCHMARK import of a 50-page .docx (%d bytes, %d blocks, ~%d words): p50 %.1f ms%n",
                docx.length,
                paragraphs,
                DraftText.words(DraftImport.read("long.docx", docx).markdown()),
                importTimes.get(importTimes.size() / 2) / 1e6);
    }

    /** CPU time so far of each of the web server's request threads, by thread id. */
    private static Map<Long, Long> serverThreadsCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> before) {
        long total = 0;
        for (var now : serverThreadsCpu().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    /** p50 of 50 calls after 10 warm-up calls: where the draft page's time goes. */
    private static void profile(String what, java.util.function.Supplier<?> call) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            call.get();
            if (i >= 10) {
                times.add(System.nanoTime() - start);
            }
        }
        Collections.sort(times);
        System.out.printf("BENCHMARK   %s: p50 %.2f ms%n", what, times.get(times.size() / 2) / 1e6);
    }
}
