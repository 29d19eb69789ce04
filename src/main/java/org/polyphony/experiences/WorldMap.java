package org.polyphony.experiences;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The world map the journeys are drawn on: country shapes as SVG path data and the point inside each country
 * where flows start and end, already projected. Read from {@code world-map.tsv}, which
 * {@code scripts/build-world-map.sh} writes from Natural Earth's data (public domain).
 */
final class WorldMap {

    static final String RESOURCE = "world-map.tsv";

    /** A country's shape; {@code code} is null for a territory without an ISO 3166-1 code (e.g. Kosovo). */
    record Shape(String code, String path) {}

    record Point(int x, int y) {}

    private final int width;
    private final int height;
    private final List<Shape> shapes;
    private final Map<String, Point> labelPoints;

    private WorldMap(int width, int height, List<Shape> shapes, Map<String, Point> labelPoints) {
        this.width = width;
        this.height = height;
        this.shapes = List.copyOf(shapes);
        this.labelPoints = Map.copyOf(labelPoints);
    }

    static WorldMap fromResource() {
        try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorldMap read(BufferedReader lines) throws IOException {
        int width = 0;
        int height = 0;
        List<Shape> shapes = new ArrayList<>();
        Map<String, Point> labelPoints = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns[0].equals("size")) {
                width = Integer.parseInt(columns[1]);
                height = Integer.parseInt(columns[2]);
                continue;
            }
            String code = columns[0].equals("-") ? null : columns[0];
            if (code != null) {
                labelPoints.put(code, new Point(Integer.parseInt(columns[1]), Integer.parseInt(columns[2])));
            }
            if (!columns[3].isEmpty()) {
                shapes.add(new Shape(code, columns[3]));
            }
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalStateException(RESOURCE + " has no size line");
        }
        return new WorldMap(width, height, shapes, labelPoints);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    List<Shape> shapes() {
        return shapes;
    }

    /** Where flows from or to the country start and end; empty for the few too small even for 1:50m maps. */
    Optional<Point> labelPoint(String code) {
        return Optional.ofNullable(labelPoints.get(code));
    }
}
