package org.polyphony.antennas;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON arrays of texts that keep a published version's key points. */
final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {}

    static String strings(List<String> texts) {
        return JSON.writeValueAsString(texts);
    }

    static List<String> parseStrings(String json) {
        return JSON.readValue(json, new TypeReference<List<String>>() {});
    }
}
