package org.polyphony.dialogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (its name keeps it out of the suite; run it with -Dtest=ReplyTiming): a small local timing of replies
 * through the web form, 8 connections posting into one thread as the benchmark's last part does, with a sampler of the
 * request threads' stacks that says where the time of a post goes. Prints figures; asserts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplyTiming {

    static final int CONNECTIONS = 8;
    static final int POSTS_EACH = Integer.getInteger("posts.each", 60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void repliesIntoOneThread() throws Exception {
        String name = "Timing " + UUID.randomUUID().toString().substring(0, 8);
        HttpVisitor writer = HttpVisitor.signedUp(port, name, "let us talk together");
        jdbc.sql("UPDATE accounts_account SET created_at = now() - interval '90 days' WHERE display_name = :n")
                .param("n", name)
                .update();
        String thread = writer.startThread(
                DialogueWebTest.SESSION + "/threads", "Timing " + name, "Where does the time of a post go?");
        String csrf =
                writer.get(thread).document().selectFirst("input[name=_csrf]").val();
        // warm-up
        for (int i = 0; i < 20; i++) {
            writer.post(
                    thread + "/posts",
                    "_csrf",
                    csrf,
                    "body",
                    "Warm up reply " + i,
                    "idempotencyKey",
                    UUID.randomUUID().toString());
        }
        Map<String, AtomicLong> samples = new ConcurrentHashMap<>();
        AtomicLong total = new AtomicLong();
        var sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                for (var entry : Thread.getAllStackTraces().entrySet()) {
                    if (!entry.getKey().getName().contains("exec")) {
                        continue;
                    }
                    StackTraceElement[] stack = entry.getValue();
                    boolean posting = false;
                    for (StackTraceElement e : stack) {
                        if (e.getClassName().endsWith("DialogueController")
                                && e.getMethodName().equals("reply")) {
                            posting = true;
                        }
                    }
                    if (!posting) {
                        continue;
                    }
                    total.incrementAndGet();
                    String where = "?";
                    boolean waitingForDatabase = stack.length > 0
                            && java.util.Arrays.stream(stack).limit(12).anyMatch(e -> e.getClassName()
                                    .startsWith("org.postgresql"));
                    for (StackTraceElement e : stack) {
                        if (e.getClassName().startsWith("org.polyphony")) {
                            where = e.getClassName().replace("org.polyphony.", "") + "." + e.getMethodName() + ":"
                                    + e.getLineNumber();
                            break;
                        }
                    }
                    samples.computeIfAbsent((waitingForDatabase ? "db   " : "java ") + where, k -> new AtomicLong())
                            .incrementAndGet();
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            running.add(pool.submit(() -> {
                for (int i = 0; i < POSTS_EACH; i++) {
                    long t = System.nanoTime();
                    var page = writer.post(
                            thread + "/posts",
                            "_csrf",
                            csrf,
                            "body",
                            "Load test reply " + connection + "-" + i,
                            "idempotencyKey",
                            UUID.randomUUID().toString());
                    if (page.status() != 302) {
                        throw new IllegalStateException("status " + page.status());
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        sampling.set(false);
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf(
                "REPLY TIMING: %d posts in %.2f s = %.1f posts/s, p50 %.1f ms, p99 %.1f ms%n",
                n, elapsed / 1e9, n / (elapsed / 1e9), sorted.get(n / 2) / 1e6, sorted.get((int) (n * 0.99)) / 1e6);
        System.out.println("REPLY TIMING: where request threads were (" + total.get() + " samples)");
        samples.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .limit(30)
                .forEach(e -> System.out.printf(
                        "REPLY TIMING: %5.1f%% %s%n", 100.0 * e.getValue().get() / total.get(), e.getKey()));
    }
}
