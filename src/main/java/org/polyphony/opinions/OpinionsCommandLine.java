package org.polyphony.opinions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polyphony.opinions.analysis.Conversation;
import org.polyphony.opinions.analysis.GroupingState;
import org.polyphony.opinions.analysis.OpinionAnalysis;
import org.polyphony.opinions.analysis.OpinionMap;
import org.polyphony.opinions.analysis.PolisConversation;
import org.polyphony.opinions.analysis.PolisCsv;
import org.polyphony.opinions.analysis.PolisCsvException;
import org.polyphony.opinions.analysis.Stance;
import org.polyphony.opinions.analysis.Statement;

/**
 * {@code opinions analyse <folder> --out <dir>}: analyses a Pol.is open-data folder and writes the result beside it,
 * without the web application or a database. Exit status 0 done, 1 the data could not be read or written, 2 usage.
 */
public final class OpinionsCommandLine {

    static final String USAGE = "usage: opinions analyse <pol.is export folder> --out <output folder>";
    private static final int CONSENSUS_SHOWN = 5;

    private OpinionsCommandLine() {}

    /** @param args the arguments after {@code opinions} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("analyse") || args[0].equals("analyze"))) {
            err.println(USAGE);
            return 2;
        }
        Path folder = null;
        Path target = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length && target == null) {
                target = Path.of(args[++i]);
            } else if (!args[i].startsWith("--") && folder == null) {
                folder = Path.of(args[i]);
            } else {
                err.println("unexpected argument: " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        if (folder == null || target == null) {
            err.println(USAGE);
            return 2;
        }
        if (!Files.isDirectory(folder)) {
            err.println("not a folder: " + folder);
            err.println(USAGE);
            return 2;
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            err.println("--out names a file, not a folder: " + target);
            err.println(USAGE);
            return 2;
        }
        return analyse(folder, target, out, err);
    }

    private static int analyse(Path folder, Path target, PrintStream out, PrintStream err) {
        try {
            PolisConversation polis = PolisCsv.read(folder);
            OpinionMap map = OpinionAnalysis.analyse(polis.conversation());
            PolisCsv.write(polis, map, target);
            report(polis.conversation(), map, out);
            out.println("Wrote participants-votes.csv, summary.csv and consensus.csv to " + target);
            return 0;
        } catch (PolisCsvException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            err.println("error: cannot write to " + e.getFile() + ": a file of that name is in the way of a folder");
            return 1;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("error: not allowed to write " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("error: could not read or write the files: " + e.getMessage());
            return 1;
        }
    }

    private static void report(Conversation conversation, OpinionMap map, PrintStream out) {
        long clustered =
                map.placements().stream().filter(p -> p.group().isPresent()).count();
        out.printf(
                Locale.ROOT,
                "%d participants, %d statements, %d votes%n",
                conversation.participantCount(),
                conversation.statementCount(),
                conversation.voteCount());
        if (map.state() == GroupingState.NOT_ENOUGH_VOTES) {
            out.println("k = 0: not enough votes to form groups yet");
        } else {
            List<String> sizes = new ArrayList<>();
            map.groups().forEach(g -> sizes.add(g.id() + ": " + g.size()));
            out.printf(
                    Locale.ROOT,
                    "k = %d (silhouette %.3f, %d base clusters, %d participants clustered)%n",
                    map.k(),
                    map.silhouette(),
                    map.baseClusters(),
                    clustered);
            out.println("group sizes: " + String.join(", ", sizes));
        }
        Map<Integer, Statement> byId =
                conversation.statements().stream().collect(Collectors.toMap(Statement::id, Function.identity()));
        out.println("top consensus statements:");
        if (map.majorityConsensus().isEmpty()) {
            out.println("  (none)");
        }
        map.majorityConsensus().stream()
                .limit(CONSENSUS_SHOWN)
                .forEach(c -> out.printf(
                        Locale.ROOT,
                        "  %d %s %.2f  %s%n",
                        c.statementId(),
                        c.stance() == Stance.AGREE ? "agree" : "disagree",
                        c.probability(),
                        shortened(byId.get(c.statementId()).text())));
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }
}
