package org.polyphony.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpinionCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path target;

    @Test
    void analysesAFolderAndWritesTheThreeFiles() throws Exception {
        Path folder = OpinionRecordedGroupsTest.POLIS.resolve("bg2050-volunteers");

        int status = run("analyse", folder.toString(), "--out", target.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("126 participants, 371 statements")
                .contains("k = 2")
                .contains("group sizes: 0: ")
                .contains("top consensus statements:");

        List<String> participants = Files.readAllLines(target.resolve("participants-votes.csv"));
        assertThat(participants.get(0))
                .startsWith("participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,");
        assertThat(participants).hasSize(127);
        PolisConversation written = PolisCsv.read(copyWithOurParticipants(folder));
        assertThat(written.recordedGroups()).hasSizeGreaterThan(100);
        assertThat(written.recordedGroups().values()).containsOnly(0, 1);

        assertThat(Files.readAllLines(target.resolve("summary.csv"))).contains("groups,2", "voters,126");

        List<String> consensus = Files.readAllLines(target.resolve("consensus.csv"));
        assertThat(consensus.get(0))
                .isEqualTo("comment-id,moderated,is-meta,n-votes,n-agree,n-disagree,n-pass,majority,majority-probability,"
                        + "majority-z,group-informed-consensus,representative-of,comment-body");
        assertThat(consensus.get(1)).startsWith("0,1,");
        assertThat(String.join("\n", consensus))
                .containsPattern("[0-9]:(agree|disagree)")
                .contains(",agree,");
    }

    @Test
    void saysWhichFileAndLineIsWrong() throws Exception {
        Path folder = Files.createDirectory(target.resolve("in"));
        Files.writeString(folder.resolve("comments.csv"), "comment-id,moderated\n0,1\n");
        Files.writeString(folder.resolve("votes.csv"), "timestamp,comment-id,voter-id,vote\n1,0,1,5\n");

        int status =
                run("analyse", folder.toString(), "--out", target.resolve("out").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("votes.csv, line 2: vote must be -1, 0 or 1");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("summarise", "x", "--out", "y")).isEqualTo(2);
        assertThat(run("analyse", target.toString())).isEqualTo(2);
        assertThat(run("analyse", target.resolve("missing").toString(), "--out", "y"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(OpinionsCommandLine.USAGE);
    }

    private int run(String... args) {
        return OpinionsCommandLine.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The written participants-votes.csv, with the input's other files, must read back as a Pol.is folder. */
    private Path copyWithOurParticipants(Path folder) throws Exception {
        Path copy = Files.createDirectory(target.resolve("reread"));
        for (String file : List.of("comments.csv", "votes.csv")) {
            Files.copy(folder.resolve(file), copy.resolve(file));
        }
        Files.copy(target.resolve("participants-votes.csv"), copy.resolve("participants-votes.csv"));
        return copy;
    }
}
