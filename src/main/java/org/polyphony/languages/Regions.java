package org.polyphony.languages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The world's geographic regions as the United Nations Statistics Division groups countries (M49): its
 * sub-regions, or its intermediate regions where it has them ("Western Africa", "Central America"), each with its
 * countries by ISO 3166-1 alpha-2 code. Read from {@code un-m49-regions.tsv}; names are the message keys
 * {@code region.<code>}.
 */
public final class Regions {

    /** A region: our code (e.g. {@code western-africa}), its M49 code and its countries' codes. */
    public record Region(String code, String m49, List<String> countries) {

        public String messageKey() {
            return "region." + code;
        }
    }

    private static final Map<String, Region> BY_CODE = load();
    private static final Map<String, Region> BY_COUNTRY = byCountry();

    private Regions() {}

    /** Every region, in the file's order (by continent). */
    public static List<Region> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static boolean isKnown(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Optional<Region> of(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The region a country belongs to; empty for the few M49 leaves out (Antarctica, Taiwan). */
    public static Optional<Region> ofCountry(String countryCode) {
        return Countries.normalise(countryCode).map(BY_COUNTRY::get);
    }

    private static Map<String, Region> load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("un-m49-regions.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                List<String> countries = Arrays.stream(columns[3].trim().split(" "))
                        .map(Countries::require)
                        .toList();
                regions.put(columns[0], new Region(columns[0], columns[1], countries));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(regions);
    }

    private static Map<String, Region> byCountry() {
        Map<String, Region> byCountry = new HashMap<>();
        for (Region region : BY_CODE.values()) {
            for (String country : region.countries()) {
                if (byCountry.put(country, region) != null) {
                    throw new IllegalStateException(country + " is in two regions");
                }
            }
        }
        return byCountry;
    }

    /** The codes of the countries of {@code regions}, for matching "working in a region" against countries. */
    public static List<String> countriesOf(List<String> regionCodes) {
        List<String> countries = new ArrayList<>();
        for (String code : regionCodes) {
            of(code).ifPresent(region -> countries.addAll(region.countries()));
        }
        return countries;
    }
}
