package org.polyphony.research;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measures validating and publishing a CSV of one million rows (wall time, the heap's peak while it streams, file
 * size), then the dataset page with its chart: compressed size and time (p50 of 20 requests over loopback, server
 * time plus local transfer). Prints figures, asserts nothing: a benchmark, not a test (its name keeps it out of the
 * test run). Run it with {@code scripts/benchmark-research.sh}, which also caps the heap at 512 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResearchBenchmark {

    static final int ROWS = Integer.getInteger("research.benchmark.rows", 1_000_000);

    @LocalServerPort
    int port;

    @Autowired
    Datasets datasets;

    @Test
    void measure() throws Exception {
        Path csv = Files.createTempFile("research-benchmark", ".csv");
        String[] countries = Locale.getISOCountries();
        Random random = new Random(18);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("country,sex,age_group,workers\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(countries[i % 60]);
                out.write(i % 2 == 0 ? ",female," : ",male,");
                out.write(String.valueOf(15 + (i / 120) % 50));
                out.write(',');
                out.write(String.valueOf(random.nextInt(40)));
                out.write('\n');
            }
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        long before = used(heap);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Datasets.Uploaded uploaded;
        try (InputStream in = Files.newInputStream(csv)) {
            uploaded = datasets.create(
                    new Datasets.Described(
                            "Benchmark " + System.nanoTime(),
                            "benchmark",
                            "CC0",
                            "",
                            new DatasetSchema("sex", "country", DatasetSchema.CategoryKind.COUNTRY, "workers")),
                    null,
                    true,
                    Datasets.csv(in));
        }
        long id = uploaded.datasetId()
                .orElseThrow(() -> new AssertionError(uploaded.outcome().problems()));
        datasets.publish(id, 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "BENCHMARK research csv rows=%d size=%.1f MB validate+publish=%.1f s heap before=%d MB peak=%d MB"
                        + " (sum of pool peaks, max heap %d MB)%n",
                uploaded.outcome().rows(),
                Files.size(csv) / 1e6,
                seconds,
                before >> 20,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(csv);

        HttpClient client = HttpClient.newHttpClient();
        List<Long> times = new ArrayList<>();
        int compressed = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> page = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/research/datasets/" + id))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - t) / 1_000_000);
            compressed = page.body().length;
            if (!"gzip".equals(page.headers().firstValue("Content-Encoding").orElse(""))) {
                System.out.println("BENCHMARK research page not compressed by the server");
            }
        }
        Collections.sort(times);
        System.out.printf(
                "BENCHMARK research dataset page (60 countries x 2) compressed=%d bytes p50=%d ms max=%d ms%n",
                compressed, times.get(times.size() / 2), times.getLast());
    }

    private static long used(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
