package org.polyphony.forums;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyphony.forums.PromptText.ParsedPrompt;

class PromptTextTest {

    @Test
    void blocksBecomeIssuesAndDashedLinesTheirPoints() {
        List<ParsedPrompt> prompts = PromptText.parse(
                """
                How to spread the benefits
                of migration more widely?
                - include the poorest
                  of the poor
                • schools and infrastructure

                Which policies suit destination countries?
                """);

        assertThat(prompts)
                .containsExactly(
                        new ParsedPrompt(
                                "How to spread the benefits of migration more widely?",
                                List.of("include the poorest of the poor", "schools and infrastructure")),
                        new ParsedPrompt("Which policies suit destination countries?", List.of()));
    }

    @Test
    void windowsLineEndingsAndExtraBlankLinesChangeNothing() {
        assertThat(PromptText.parse("One\r\n- a\r\n\r\n\r\n\r\nTwo\r\n")).hasSize(2);
        assertThat(PromptText.parse("   \n\n")).isEmpty();
        assertThat(PromptText.parse(null)).isEmpty();
    }
}
