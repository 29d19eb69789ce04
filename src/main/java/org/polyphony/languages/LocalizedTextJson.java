package org.polyphony.languages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores localized texts as JSON objects (language tag to text, original first) in database columns. */
public final class LocalizedTextJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<LinkedHashMap<String, String>>> LIST = new TypeReference<>() {};

    private LocalizedTextJson() {}

    public static String write(LocalizedText text) {
        return JSON.writeValueAsString(text.versions());
    }

    public static LocalizedText read(String json) {
        if (json == null || json.isBlank()) {
            return LocalizedText.empty();
        }
        Map<String, String> versions = JSON.readValue(json, MAP);
        return new LocalizedText(versions);
    }

    public static String writeList(List<LocalizedText> texts) {
        return JSON.writeValueAsString(
                texts.stream().map(LocalizedText::versions).toList());
    }

    public static List<LocalizedText> readList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return JSON.readValue(json, LIST).stream().map(LocalizedText::new).toList();
    }
}
