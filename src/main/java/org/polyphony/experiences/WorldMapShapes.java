package org.polyphony.experiences;

import java.util.List;

/**
 * The world map the journeys are drawn on, for other modules' maps (the research module's choropleth): the drawing's
 * size and each country's shape as SVG path data, already projected (Natural Earth, public domain; see
 * {@code world-map.tsv}). Read once, on first use.
 */
public final class WorldMapShapes {

    /** A country's shape; {@code code} (ISO 3166-1 alpha-2) is null for a territory without one. */
    public record Country(String code, String path) {}

    private static final class Loaded {
        static final WorldMapShapes WORLD = new WorldMapShapes(WorldMap.fromResource());
    }

    private final int width;
    private final int height;
    private final List<Country> countries;

    private WorldMapShapes(WorldMap map) {
        this.width = map.width();
        this.height = map.height();
        this.countries =
                map.shapes().stream().map(s -> new Country(s.code(), s.path())).toList();
    }

    public static WorldMapShapes world() {
        return Loaded.WORLD;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public List<Country> countries() {
        return countries;
    }
}
