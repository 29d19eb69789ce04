package org.polyphony.opinions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new conversation, or a conversation's settings: its question, seed statements (one per line, new ones only when
 * editing) and whether participants may add statements, whether theirs wait for a moderator, and whether people
 * without an account may vote.
 */
public record ConversationForm(
        @NotBlank(message = "{opinions.question.required}") @Size(max = 1000, message = "{opinions.question.length}")
                String question,
        @Size(max = 28000, message = "{opinions.seeds.length}") String seedStatements,
        Boolean participantStatements,
        Boolean premoderated,
        Boolean anonymousAllowed) {

    public static ConversationForm blank() {
        return new ConversationForm("", "", true, true, false);
    }

    // an unticked checkbox sends nothing: absent means no

    public boolean takesStatements() {
        return Boolean.TRUE.equals(participantStatements);
    }

    public boolean isPremoderated() {
        return Boolean.TRUE.equals(premoderated);
    }

    public boolean welcomesAnonymous() {
        return Boolean.TRUE.equals(anonymousAllowed);
    }

    /** The seed statements, one per non-blank line, trimmed. */
    List<String> seeds() {
        return seedStatements == null
                ? List.of()
                : seedStatements
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }
}
