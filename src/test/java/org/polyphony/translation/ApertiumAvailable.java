package org.polyphony.translation;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that translate need Apertium with its English–Spanish, French–Spanish and Spanish–Portuguese pairs, which
 * {@code .ci/run} installs. Without them they are skipped on a developer's machine and fail under CI.
 */
public final class ApertiumAvailable {

    private ApertiumAvailable() {}

    /** For tests outside this package: the Apertium of this machine, where Debian installs it. */
    public static void require() {
        require(new ApertiumProvider(
                "apertium", java.nio.file.Path.of("/usr/share/apertium/modes"), java.time.Duration.ofSeconds(30)));
    }

    static void require(ApertiumProvider apertium) {
        boolean installed = apertium.pairs().contains(new LanguagePair("en", "es"))
                && apertium.pairs().contains(new LanguagePair("es", "pt"))
                && apertium.pairs().contains(new LanguagePair("fr", "es"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Apertium with the en-es, fr-es and es-pt pairs is needed: run .ci/run");
        }
        Assumptions.assumeTrue(installed, "Apertium with the en-es, fr-es and es-pt pairs is not installed");
    }
}
