package org.polyphony.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Apertium, free rule-based translation that runs on this machine: the {@code apertium} command with the language
 * pairs installed as Debian packages ({@code apertium-en-es}, …). The pairs are the installed modes; a mode name
 * uses two- or three-letter codes ({@code es-pt}, {@code eng-spa}), and variants ({@code spa-eng_US}) and
 * chained modes are left out. Unknown words are passed through unmarked ({@code -u}).
 */
@Component
class ApertiumProvider implements TranslationProvider {

    private static final java.util.concurrent.Executor READERS =
            runnable -> Thread.ofVirtual().name("apertium-output").start(runnable);

    private final String command;
    private final Path modes;
    private final long timeoutMillis;
    private volatile Map<LanguagePair, String> modeByPair;

    ApertiumProvider(
            @Value("${polyphony.translation.apertium.command:apertium}") String command,
            @Value("${polyphony.translation.apertium.modes:/usr/share/apertium/modes}") Path modes,
            @Value("${polyphony.translation.apertium.timeout:PT30S}") java.time.Duration timeout) {
        this.command = command;
        this.modes = modes;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public String name() {
        return "apertium";
    }

    @Override
    public boolean keepsTextOnServer() {
        return true;
    }

    @Override
    public Set<LanguagePair> pairs() {
        return modes().keySet();
    }

    private Map<LanguagePair, String> modes() {
        Map<LanguagePair, String> found = modeByPair;
        if (found == null) {
            found = installedModes();
            modeByPair = found;
        }
        return found;
    }

    private Map<LanguagePair, String> installedModes() {
        Map<LanguagePair, String> found = new HashMap<>();
        if (!Files.isDirectory(modes)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(modes)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".mode"))
                    .map(name -> name.substring(0, name.length() - ".mode".length()))
                    .forEach(mode -> pairOf(mode).ifPresent(pair -> found.putIfAbsent(pair, mode)));
        } catch (IOException unreadable) {
            return Map.of();
        }
        return Map.copyOf(found);
    }

    /** {@code eng-spa} and {@code en-es} are both English to Spanish; {@code spa-eng_US} is a variant. */
    static java.util.Optional<LanguagePair> pairOf(String mode) {
        String[] parts = mode.split("-");
        if (parts.length != 2 || mode.contains("_")) {
            return java.util.Optional.empty();
        }
        String source = twoLetter(parts[0]);
        String target = twoLetter(parts[1]);
        return source == null || target == null || source.equals(target)
                ? java.util.Optional.empty()
                : java.util.Optional.of(new LanguagePair(source, target));
    }

    private static final Map<String, String> THREE_TO_TWO = threeLetterCodes();

    private static Map<String, String> threeLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            codes.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
        return codes;
    }

    private static String twoLetter(String code) {
        if (code.length() == 2) {
            return code;
        }
        return THREE_TO_TWO.get(code);
    }

    @Override
    public String translate(String text, LanguagePair pair) throws TranslationFailure {
        String mode = modes().get(pair);
        if (mode == null) {
            throw new TranslationFailure("Apertium has no installed mode for " + pair);
        }
        Process process;
        try {
            process = new ProcessBuilder(commandLine(mode))
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException notInstalled) {
            throw new TranslationFailure("Could not start " + command + ": " + notInstalled.getMessage(), notInstalled);
        }
        // both streams drained at once on their own threads: a full pipe would otherwise stall the process
        CompletableFuture<String> output =
                CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), READERS);
        CompletableFuture<String> errors =
                CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), READERS);
        IOException brokenInput = null;
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException broken) {
            // the process ended early (a command that could not start, a failing mode): its exit says why
            brokenInput = broken;
        }
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new TranslationFailure("Apertium took longer than " + timeoutMillis + " ms");
            }
            if (NICE != null && (process.exitValue() == 126 || process.exitValue() == 127)) {
                // nice itself ran, but could not run the command
                throw new TranslationFailure("Could not start " + command + ": "
                        + errors.get(1, TimeUnit.SECONDS).strip());
            }
            if (process.exitValue() != 0) {
                throw new TranslationFailure("Apertium failed (exit " + process.exitValue() + "): "
                        + errors.get(1, TimeUnit.SECONDS).strip());
            }
            if (brokenInput != null) {
                throw new TranslationFailure(
                        "Apertium stopped reading its input: " + brokenInput.getMessage(), brokenInput);
            }
            return output.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new TranslationFailure("Interrupted while Apertium was translating", interrupted);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException unreadable) {
            throw new TranslationFailure("Could not read Apertium's output", unreadable);
        }
    }

    /** Stops the command and the pipeline it started (nice, the shell of the mode, each stage). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Translation is background work: under {@code nice} the pages people are waiting for get the processor first
     * when both want it.
     */
    private java.util.List<String> commandLine(String mode) {
        java.util.List<String> line = new java.util.ArrayList<>();
        if (NICE != null) {
            line.addAll(java.util.List.of(NICE, "-n", "10"));
        }
        line.addAll(java.util.List.of(command, "-u", "-d", modes.getParent().toString(), mode));
        return line;
    }

    private static final String NICE = Files.isExecutable(Path.of("/usr/bin/nice")) ? "/usr/bin/nice" : null;

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
