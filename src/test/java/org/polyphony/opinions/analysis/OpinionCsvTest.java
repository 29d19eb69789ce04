package org.polyphony.opinions.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Pol.is folders: what is tolerated, and what is refused with the file and line named. */
class OpinionCsvTest {

    static final String COMMENTS =
            """
            timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
            1,Mon,0,5,1,0,1,First statement
            2,Mon,1,5,0,1,1,"Second, with a comma"
            3,Mon,2,6,0,0,-1,"Third
            over two lines, with \"\"quotes\"\"\"
            """;
    static final String VOTES_HEADER = "timestamp,datetime,comment-id,voter-id,vote\n";

    @TempDir
    Path folder;

    @Test
    void readsQuotedFieldsWithCommasAndLineBreaks() throws Exception {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n11,Mon,2,1,-1\n");

        Conversation conversation = PolisCsv.read(folder).conversation();

        assertThat(conversation.statements())
                .extracting(Statement::text)
                .containsExactly("First statement", "Second, with a comma", "Third\nover two lines, with \"quotes\"");
        assertThat(conversation.statements().get(2).moderation()).isEqualTo(Moderation.REJECTED);
        assertThat(conversation.participantCount()).isEqualTo(1);
        assertThat(conversation.voteCount()).isEqualTo(2);
    }

    @Test
    void readsIsMetaAndTheHistoryOfVotes() throws Exception {
        write(
                "comments.csv",
                """
                timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,group-informed-consensus,comment-body
                5,0,0,1,0,1,false,true,0.5,An opinion
                6,1,0,1,0,1,true,true,0.5,I have lived here all my life
                """);
        write("votes.csv", VOTES_HEADER + "12,Mon,0,1,-1\n10,Mon,1,1,1\n");

        PolisConversation polis = PolisCsv.read(folder);

        assertThat(polis.conversation().statements())
                .extracting(Statement::meta)
                .containsExactly(false, true);
        assertThat(polis.history().votes()).containsExactly(new TimedVote(10, 1, 1, 1), new TimedVote(12, 1, 0, -1));
        assertThat(polis.history().created()).containsEntry(0, 5L).containsEntry(1, 6L);
    }

    @Test
    void refusesAnIsMetaThatIsNeitherTrueNorFalse() {
        write(
                "comments.csv",
                "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,comment-body\n5,0,0,1,0,1,yes,A\n");
        write("votes.csv", VOTES_HEADER);

        assertRefused("comments.csv", 2).hasMessageContaining("is-meta");
    }

    @Test
    void toleratesAByteOrderMarkAndCrlfLineEnds() throws Exception {
        write("comments.csv", "\uFEFF" + COMMENTS.replace("\n", "\r\n"));
        write("votes.csv", "\uFEFF" + (VOTES_HEADER + "10,Mon,0,1,1\n11,Mon,1,1,-1\n").replace("\n", "\r\n"));

        Conversation conversation = PolisCsv.read(folder).conversation();

        assertThat(conversation.statements().get(2).text()).isEqualTo("Third\nover two lines, with \"quotes\"");
        assertThat(conversation.voteCount()).isEqualTo(2);
    }

    @Test
    void toleratesExactDuplicateRows() throws Exception {
        write("comments.csv", COMMENTS + "1,Mon,0,5,1,0,1,First statement\n");
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n10,Mon,0,1,1\n");

        assertThat(PolisCsv.read(folder).conversation().voteCount()).isEqualTo(1);
    }

    @Test
    void theLatestVoteCounts() throws Exception {
        write("comments.csv", COMMENTS);
        // listed out of time order, as Pol.is exports are
        write("votes.csv", VOTES_HEADER + "12,Mon,0,1,-1\n10,Mon,0,1,1\n");

        PolisConversation polis = PolisCsv.read(folder);
        PolisCsv.write(polis, OpinionAnalysis.analyse(polis.conversation()), folder.resolve("out"));

        assertThat(Files.readAllLines(folder.resolve("out/participants-votes.csv")))
                .containsExactly("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2", "1,,0,1,0,1,-1,,");
    }

    @Test
    void refusesAMissingFile() {
        write("comments.csv", COMMENTS);

        assertRefused("votes.csv", 0).hasMessageContaining("missing");
    }

    @Test
    void refusesAMissingColumn() {
        write("comments.csv", COMMENTS);
        write("votes.csv", "timestamp,datetime,comment-id,voter-id\n10,Mon,0,1\n");

        assertRefused("votes.csv", 1).hasMessageContaining("'vote'");
    }

    @Test
    void refusesAVoteOnAnUnknownStatement() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n11,Mon,7,1,1\n");

        assertRefused("votes.csv", 3).hasMessageContaining("comment-id 7");
    }

    @Test
    void refusesAVoteOutsideMinusOneToOne() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n11,Mon,1,1,2\n");

        assertRefused("votes.csv", 3).hasMessageContaining("-1, 0 or 1");
    }

    @Test
    void refusesAnIdThatIsNotANumber() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,x1,1\n");

        assertRefused("votes.csv", 2).hasMessageContaining("voter-id");
    }

    @Test
    void refusesConflictingVotesAtTheSameInstant() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n10,Mon,0,1,-1\n");

        assertRefused("votes.csv", 3).hasMessageContaining("line 2");
    }

    @Test
    void refusesAStatementListedTwiceDifferently() {
        write("comments.csv", COMMENTS + "9,Mon,1,5,0,1,1,Something else\n");
        write("votes.csv", VOTES_HEADER);

        // the statement over two lines starts on line 4 and ends on line 5: the next record is line 6
        assertRefused("comments.csv", 6).hasMessageContaining("comment-id 1 again");
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n11,Mon,0,1,1,extra\n");

        assertRefused("votes.csv", 3).hasMessageContaining("expected 5 fields");
    }

    @Test
    void refusesAQuoteNeverClosed() {
        write("comments.csv", COMMENTS + "4,Mon,3,5,0,0,1,\"unfinished\n");
        write("votes.csv", VOTES_HEADER);

        assertRefused("comments.csv", 6).hasMessageContaining("never closed");
    }

    @Test
    void refusesABadModerationValue() {
        write("comments.csv", COMMENTS + "4,Mon,3,5,0,0,2,Fourth\n");
        write("votes.csv", VOTES_HEADER);

        assertRefused("comments.csv", 6).hasMessageContaining("moderation");
    }

    @Test
    void refusesAParticipantsVotesColumnForAnUnknownStatement() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n");
        write("participants-votes.csv", "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,99\n");

        assertRefused("participants-votes.csv", 1).hasMessageContaining("'99'");
    }

    @Test
    void refusesABadCellOrGroupInParticipantsVotes() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER + "10,Mon,0,1,1\n");
        String header = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n";

        write("participants-votes.csv", header + "1,0,0,1,1,0,1,,\n2,0,0,1,1,0,3,,\n");
        assertRefused("participants-votes.csv", 3).hasMessageContaining("-1, 0 or 1");

        write("participants-votes.csv", header + "1,-2,0,1,1,0,1,,\n");
        assertRefused("participants-votes.csv", 2).hasMessageContaining("group-id");
    }

    @Test
    void refusesASummaryRowThatIsNotAKeyAndValue() {
        write("comments.csv", COMMENTS);
        write("votes.csv", VOTES_HEADER);
        write("summary.csv", "topic,Wages\nvoters,3,4\n");

        assertRefused("summary.csv", 2).hasMessageContaining("key and a value");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String file, int line) {
        return assertThatThrownBy(() -> PolisCsv.read(folder))
                .isInstanceOf(PolisCsvException.class)
                .satisfies(e -> {
                    PolisCsvException csv = (PolisCsvException) e;
                    assertThat(csv.file()).isEqualTo(file);
                    assertThat(csv.line()).isEqualTo(line);
                    assertThat(csv.getMessage()).startsWith(file);
                });
    }

    private void write(String name, String content) {
        try {
            Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
