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
import org.polyphony.opinions.analysis.OpinionMetrics;
import org.polyphony.opinions.analysis.PolisConversation;
import org.polyphony.opinions.analysis.PolisCsv;

class OpinionCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path target;

    @Test
    void analysesAFolderAndWritesTheThreeFiles() throws Exception {
        Path folder = OpinionMetrics.POLIS.resolve("bg2050-volunteers");

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
                .isEqualTo(
                        "comment-id,moderated,is-meta,n-votes,n-agree,n-disagree,n-pass,majority,majority-probability,"
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

    /** Bytes that are not UTF-8, far into a file (past the reader's buffer), are named with their file and line. */
    @Test
    void namesTheFileAndLineOfBytesThatAreNotUtf8() throws Exception {
        Path folder = Files.createDirectory(target.resolve("in"));
        Files.writeString(folder.resolve("comments.csv"), "comment-id,moderated,comment-body\n0,1,fine\n");
        StringBuilder votes = new StringBuilder("timestamp,comment-id,voter-id,vote\n");
        for (int i = 0; i < 5000; i++) {
            votes.append(i).append(",0,").append(i).append(",1\n");
        }
        byte[] text = votes.toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[text.length + 2];
        System.arraycopy(text, 0, broken, 0, text.length);
        broken[text.length] = (byte) 0xC3; // a lead byte with nothing after it, on line 5002
        broken[text.length + 1] = (byte) '\n';
        Files.write(folder.resolve("votes.csv"), broken);

        assertThat(run(
                        "analyse",
                        folder.toString(),
                        "--out",
                        target.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("votes.csv, line 5002: bytes that are not UTF-8 text")
                .doesNotContain("MalformedInputException");

        err.reset();
        Files.write(
                folder.resolve("comments.csv"),
                "comment-id,moderated,comment-body\n0,1,fine\n1,1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(
                        "analyse",
                        folder.toString(),
                        "--out",
                        target.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("comments.csv, line 3: bytes that are not UTF-8 text");
    }

    @Test
    void refusesControlCharactersInAVoteAndNegativeVoterIds() throws Exception {
        Path folder = Files.createDirectory(target.resolve("in"));
        Files.writeString(folder.resolve("comments.csv"), "comment-id,moderated\n0,1\n");
        Files.writeString(folder.resolve("votes.csv"), "timestamp,comment-id,voter-id,vote\n1,0,1,1\n2,0,2,\u00001\n");
        assertThat(run(
                        "analyse",
                        folder.toString(),
                        "--out",
                        target.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("votes.csv, line 3: vote must be a whole number, found the control character U+0000");

        err.reset();
        Files.writeString(folder.resolve("votes.csv"), "timestamp,comment-id,voter-id,vote\n1,0,1,1\n2,0,-3,1\n");
        assertThat(run(
                        "analyse",
                        folder.toString(),
                        "--out",
                        target.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("votes.csv, line 3: voter-id must be 0 or more, found -3");

        err.reset();
        Files.writeString(folder.resolve("votes.csv"), "timestamp,comment-id,voter-id,vote\n1,0,1,1\n");
        Files.writeString(folder.resolve("participants-votes.csv"), "participant,group-id,0\n-1,,1\n");
        assertThat(run(
                        "analyse",
                        folder.toString(),
                        "--out",
                        target.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("participants-votes.csv, line 2: participant must be 0 or more, found -1");
    }

    @Test
    void saysInWordsWhenTheOutputIsAFile() throws Exception {
        Path folder = OpinionMetrics.POLIS.resolve("bg2050-volunteers");
        Path file = Files.writeString(target.resolve("taken.csv"), "already here");

        assertThat(run("analyse", folder.toString(), "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--out names a file, not a folder: " + file)
                .doesNotContain("Exception");

        err.reset();
        assertThat(run(
                        "analyse",
                        folder.toString(),
                        "--out",
                        file.resolve("below").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("already here");
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
