package org.polyphony.forums;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyphony.languages.UiLanguage;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo agenda is what a first visitor reads: every text in it (titles, backgrounds, questions, key points)
 * must be there in each of the seven interface languages, not shown in English to an Arabic or Chinese reader.
 */
class DemoAgendaLanguagesTest {

    @Test
    void everyTextOfTheDemoAgendaIsWrittenInEveryInterfaceLanguage() throws IOException {
        JsonNode agenda =
                JsonMapper.builder().build().readTree(new ClassPathResource("demo/agenda.json").getInputStream());
        List<String> texts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        collect(agenda, "", texts, missing);

        assertThat(texts).hasSizeGreaterThan(150);
        assertThat(missing).isEmpty();
    }

    private static void collect(JsonNode node, String path, List<String> texts, List<String> missing) {
        if (node.isObject() && node.has("en") && node.get("en").isString()) {
            texts.add(path);
            for (UiLanguage language : UiLanguage.values()) {
                JsonNode text = node.get(language.tag());
                if (text == null
                        || text.asString().isBlank()
                        || (language != UiLanguage.EN
                                && text.asString().equals(node.get("en").asString()))) {
                    missing.add(path + " " + language.tag());
                }
            }
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> collect(field.getValue(), path + "/" + field.getKey(), texts, missing));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, texts, missing);
            }
        }
    }
}
