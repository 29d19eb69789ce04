package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackedCopyTest {

    @Test
    void aCopyComesBackAsItWasPackedInEveryScriptAndAtAnyLength() {
        List<String> page = List.of(
                "<p>Before ‹العمال المهاجرون› 移民工人 · мигранты</p>",
                "header",
                "",
                "actions:12",
                "x".repeat(200_000) + "\u0000 after");
        Map<Long, List<String>> actions = Map.of(12L, List.of("<form>", "</form>"), 13L, List.of());

        PackedCopy.Parts parts = PackedCopy.unpack(PackedCopy.pack(page, actions));

        assertThat(parts.page()).isEqualTo(page);
        assertThat(parts.strangersActions()).isEqualTo(actions);
    }

    @Test
    void aPageOfRepeatedMarkupIsKeptInAFractionOfItsSize() {
        String post =
                "<article><form method=\"post\" action=\"/posts/1/reactions\"><button>Agree</button></form></article>";
        List<String> page = List.of(post.repeat(500));

        assertThat(PackedCopy.pack(page, Map.of()).length).isLessThan(post.length() * 500 / 10);
    }
}
