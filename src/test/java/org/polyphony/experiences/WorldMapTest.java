package org.polyphony.experiences;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyphony.languages.Countries;

class WorldMapTest {

    private final WorldMap world = WorldMap.fromResource();

    @Test
    void isSmallAndKeepsItsAttribution() throws IOException {
        try (InputStream in = WorldMap.class.getResourceAsStream(WorldMap.RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            assertThat(bytes.length).isLessThan(100_000);
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .contains("Natural Earth (public domain)", "world-atlas", "ISC", "i18n-iso-countries", "MIT");
        }
    }

    @Test
    void drawsCountriesByTheirIsoCodes() {
        assertThat(world.shapes()).hasSizeGreaterThan(170);
        assertThat(world.shapes())
                .extracting(WorldMap.Shape::code)
                .filteredOn(code -> code != null)
                .allMatch(Countries::isKnown)
                .contains("MX", "US", "PH", "SA", "IN", "FR", "RU", "FJ", "BR")
                .doesNotContain("AQ"); // nobody's journey ends in Antarctica, and it would take a fifth of the map
        assertThat(world.shapes()).allMatch(shape -> shape.path().matches("(M[-0-9 ]+l[-0-9 ]+z)+"));
    }

    @Test
    void hasAPointInsideTheMapForSmallStatesToo() {
        for (String code : List.of("SG", "BH", "MT", "QA", "LB", "HK", "MV", "CV", "FR", "US", "RU", "FJ")) {
            WorldMap.Point point = world.labelPoint(code).orElseThrow(() -> new AssertionError(code));
            assertThat(point.x()).as(code).isBetween(0, world.width());
            assertThat(point.y()).as(code).isBetween(0, world.height());
        }
    }

    @Test
    void placesCountriesWhereTheyAre() {
        WorldMap.Point mexico = world.labelPoint("MX").orElseThrow();
        WorldMap.Point unitedStates = world.labelPoint("US").orElseThrow();
        WorldMap.Point philippines = world.labelPoint("PH").orElseThrow();
        WorldMap.Point saudiArabia = world.labelPoint("SA").orElseThrow();

        assertThat(mexico.y()).isGreaterThan(unitedStates.y()); // south is down
        assertThat(philippines.x()).isGreaterThan(saudiArabia.x()); // east is right
        assertThat(world.width()).isEqualTo(1000);
        assertThat(world.height()).isBetween(400, 520);
    }
}
