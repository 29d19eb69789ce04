package org.polyphony.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright. Where it is missing, browser tests are skipped on a developer's machine
 * but fail under CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("POLYPHONY_CHROMIUM", "/usr/bin/chromium"));
    static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    private Chromium() {}

    static void requireTools() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (Path tool : List.of(EXECUTABLE, AXE)) {
            if (!Files.exists(tool)) {
                String message = tool + " is missing: run .ci/run, or install Debian's chromium and `npm ci`";
                if (ci) {
                    Assertions.fail(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }
}
