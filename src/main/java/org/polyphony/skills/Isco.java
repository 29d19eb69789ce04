package org.polyphony.skills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.languages.UiLanguage;

/**
 * ISCO-08, the ILO's International Standard Classification of Occupations: its 10 major, 43 sub-major, 130 minor
 * and 436 unit groups with a title in every interface language (resources {@code isco-08.<lang>.tsv}; see
 * docs/skills.md for their sources). Profiles and opportunities name unit groups; matching also compares minor
 * groups, the first three digits.
 */
public final class Isco {

    /** One group of the classification; {@code code}'s length is its level (1 major … 4 unit group). */
    public record Group(String code, Map<String, String> titles) {

        public String title(String language) {
            return titles.getOrDefault(language, titles.get("en"));
        }

        public boolean unit() {
            return code.length() == 4;
        }
    }

    private static final Isco CLASSIFICATION = load();

    private final Map<String, Group> groups;
    private final List<Group> units;
    private final List<MinorGroup> minorGroups;

    private Isco(Map<String, Group> groups) {
        this.groups = groups;
        this.units = groups.values().stream().filter(Group::unit).toList();
        this.minorGroups = groups.values().stream()
                .filter(group -> group.code().length() == 3)
                .map(minor -> new MinorGroup(
                        minor,
                        units.stream()
                                .filter(u -> u.code().startsWith(minor.code()))
                                .toList()))
                .toList();
    }

    public static Isco classification() {
        return CLASSIFICATION;
    }

    public Optional<Group> group(String code) {
        return Optional.ofNullable(code == null ? null : groups.get(code));
    }

    public boolean isUnitGroup(String code) {
        return group(code).map(Group::unit).orElse(false);
    }

    /** Every unit group, in code order. */
    public List<Group> units() {
        return units;
    }

    /** A minor group and its unit groups, for choosing an occupation group by group. */
    public record MinorGroup(Group group, List<Group> units) {}

    /** Every minor group with its unit groups, in code order. */
    public List<MinorGroup> minorGroups() {
        return minorGroups;
    }

    /** The groups above a unit group, from the major group down: for 5162, groups 5, 51, 516. */
    public List<Group> parents(String unit) {
        List<Group> parents = new ArrayList<>();
        for (int length = 1; length < unit.length(); length++) {
            group(unit.substring(0, length)).ifPresent(parents::add);
        }
        return parents;
    }

    /** A group's title in the reader's language, "5162 Companions and valets"; the code alone when unknown. */
    public static String label(String code, String language) {
        return CLASSIFICATION
                .group(code)
                .map(g -> code + " " + g.title(language))
                .orElse(code);
    }

    public static String minorGroup(String unit) {
        return unit.substring(0, 3);
    }

    private static Isco load() {
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        for (UiLanguage language : UiLanguage.values()) {
            read(language.tag(), titles);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        titles.forEach(
                (code, byLanguage) -> groups.put(code, new Group(code, Collections.unmodifiableMap(byLanguage))));
        return new Isco(Collections.unmodifiableMap(groups));
    }

    private static void read(String language, Map<String, Map<String, String>> into) {
        String resource = "isco-08." + language + ".tsv";
        try (InputStream in = Isco.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String code = line.substring(0, tab);
                if (language.equals("en") || into.containsKey(code)) {
                    into.computeIfAbsent(code, c -> new HashMap<>())
                            .put(language, line.substring(tab + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
