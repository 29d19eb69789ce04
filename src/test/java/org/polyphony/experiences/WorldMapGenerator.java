package org.polyphony.experiences;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.polyphony.languages.Countries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code world-map.tsv}, the map {@link WorldMap} draws, from Natural Earth's countries as the npm package
 * world-atlas ships them. Run by {@code scripts/build-world-map.sh}, which fetches the packages; the platform
 * itself only reads the committed result.
 *
 * <p>Shapes come from the 1:110m countries, projected, simplified arc by arc (so neighbours keep a common border)
 * and rounded to whole units of a map 1,000 units wide. Label points, where flows start and end, come from the
 * 1:50m countries, which also hold small states (Singapore, Bahrain, Malta…) that 1:110m leaves out.
 */
final class WorldMapGenerator {

    static final int WIDTH = 1000;
    static final int MARGIN = 4;
    // Below half a unit the rounding to whole units undoes the detail anyway.
    static final double SIMPLIFICATION_TOLERANCE = 0.6;
    // Islands smaller than this (square units, about 1,300 km² at the equator) are not drawn, unless they are
    // all a country has.
    static final double SMALLEST_ISLAND = 1.0;
    static final String ANTARCTICA = "010";

    private final Map<String, String> alpha2ByNumeric;
    private double scale;
    private double left;
    private double top;

    private WorldMapGenerator(Map<String, String> alpha2ByNumeric) {
        this.alpha2ByNumeric = alpha2ByNumeric;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WorldMapGenerator <world-atlas package folder> <i18n-iso-countries codes.json>"
                    + " <output file>");
            System.exit(2);
        }
        Path atlas = Path.of(args[0]);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> alpha2ByNumeric = new HashMap<>();
        for (JsonNode row : json.readTree(Files.readString(Path.of(args[1])))) {
            alpha2ByNumeric.put(row.get(2).asString(), row.get(0).asString());
        }
        TopoJsonCountries shapes =
                TopoJsonCountries.of(json.readTree(Files.readString(atlas.resolve("countries-110m.json"))));
        TopoJsonCountries details =
                TopoJsonCountries.of(json.readTree(Files.readString(atlas.resolve("countries-50m.json"))));
        String version = json.readTree(Files.readString(atlas.resolve("package.json")))
                .get("version")
                .asString();
        List<String> lines = new WorldMapGenerator(alpha2ByNumeric).lines(shapes, details, version);
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.err.printf("%d lines, %,d bytes%n", lines.size(), Files.size(Path.of(args[2])));
    }

    private List<String> lines(TopoJsonCountries shapes, TopoJsonCountries details, String atlasVersion) {
        fitToWidth(shapes);
        List<List<double[]>> simplifiedArcs =
                shapes.arcs.stream().map(arc -> simplified(projected(arc))).toList();
        Map<String, double[]> labels = labelPoints(details);

        List<String> lines = new ArrayList<>(header(atlasVersion));
        Map<String, String> pathByCode = new TreeMap<>();
        List<String> uncoded = new ArrayList<>();
        for (TopoJsonCountries.Feature feature : shapes.features) {
            if (ANTARCTICA.equals(feature.numericCode())) {
                continue;
            }
            String path = path(feature.rings(), shapes.arcs, simplifiedArcs);
            String code = alpha2(feature.numericCode());
            if (code == null) {
                uncoded.add(path);
            } else {
                pathByCode.merge(code, path, (a, b) -> a + b);
            }
        }
        long height = Math.round(fittedHeight(shapes));
        lines.add("size\t" + WIDTH + "\t" + height);
        for (Map.Entry<String, double[]> label : new TreeMap<>(labels).entrySet()) {
            double[] point = label.getValue();
            lines.add(String.join(
                    "\t",
                    label.getKey(),
                    Long.toString(Math.round(point[0])),
                    Long.toString(Math.round(point[1])),
                    pathByCode.getOrDefault(label.getKey(), "")));
        }
        pathByCode.keySet().stream()
                .filter(code -> !labels.containsKey(code))
                .forEach(code -> System.err.println("shape without a label point: " + code));
        uncoded.forEach(path -> lines.add("-\t\t\t" + path));
        return lines;
    }

    private static List<String> header(String atlasVersion) {
        return List.of(
                "# The world map of the map of journeys. Written by scripts/build-world-map.sh; do not edit by hand.",
                "# Map data: Natural Earth (public domain), admin-0 countries at 1:110m (shapes) and 1:50m (label"
                        + " points), via the npm package world-atlas " + atlasVersion + " (ISC licence,"
                        + " copyright Michael Bostock).",
                "# ISO 3166-1 numeric to alpha-2 codes: npm package i18n-iso-countries (MIT licence).",
                "# Projection: Natural Earth (Savric, Patterson, Jenny 2011); Antarctica left out.",
                "# Columns: code, label x, label y, SVG path. Code '-': a territory without an ISO 3166-1 code;"
                        + " no path: too small for the 1:110m shapes.");
    }

    private String alpha2(String numeric) {
        String code = numeric == null ? null : alpha2ByNumeric.get(numeric);
        return code != null && Countries.isKnown(code) ? code : null;
    }

    /** Chooses scale and offsets so that the map, Antarctica left out, spans the width with a margin. */
    private void fitToWidth(TopoJsonCountries shapes) {
        double[] box = projectedBox(shapes);
        scale = (WIDTH - 2.0 * MARGIN) / (box[2] - box[0]);
        left = box[0];
        top = box[3];
    }

    private double fittedHeight(TopoJsonCountries shapes) {
        double[] box = projectedBox(shapes);
        return (box[3] - box[1]) * scale + 2.0 * MARGIN;
    }

    /** min x, min y, max x, max y of the projected points of every country but Antarctica. */
    private static double[] projectedBox(TopoJsonCountries shapes) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (TopoJsonCountries.Feature feature : shapes.features) {
            if (ANTARCTICA.equals(feature.numericCode())) {
                continue;
            }
            for (int[] ring : feature.rings()) {
                for (int reference : ring) {
                    for (double[] point : shapes.arcs.get(reference < 0 ? ~reference : reference)) {
                        double[] xy = NaturalEarthProjection.project(point[0], point[1]);
                        box[0] = Math.min(box[0], xy[0]);
                        box[1] = Math.min(box[1], xy[1]);
                        box[2] = Math.max(box[2], xy[0]);
                        box[3] = Math.max(box[3], xy[1]);
                    }
                }
            }
        }
        return box;
    }

    /** Points in map units, y growing downwards as in SVG. */
    private List<double[]> projected(double[][] arc) {
        List<double[]> points = new ArrayList<>(arc.length);
        for (double[] point : arc) {
            double[] xy = NaturalEarthProjection.project(point[0], point[1]);
            points.add(new double[] {(xy[0] - left) * scale + MARGIN, (top - xy[1]) * scale + MARGIN});
        }
        return points;
    }

    private static List<double[]> simplified(List<double[]> arc) {
        List<double[]> kept = Simplification.douglasPeucker(arc, SIMPLIFICATION_TOLERANCE);
        return kept.stream()
                .map(p -> new double[] {Math.round(p[0]), Math.round(p[1])})
                .toList();
    }

    private String path(List<int[]> rings, List<double[][]> arcs, List<List<double[]>> simplifiedArcs) {
        List<List<double[]>> drawn = new ArrayList<>();
        for (int[] ring : rings) {
            List<double[]> degrees = TopoJsonCountries.ring(ring, index -> Arrays.asList(arcs.get(index)));
            if (Antimeridian.crosses(degrees)) {
                // Cut pieces are simplified whole: their arcs are not shared with a neighbour anyway (the Bering
                // Strait and the Pacific are water).
                for (List<double[]> piece : Antimeridian.split(degrees)) {
                    addIfDrawable(drawn, simplified(projected(piece.toArray(double[][]::new))));
                }
            } else {
                addIfDrawable(drawn, TopoJsonCountries.ring(ring, simplifiedArcs::get));
            }
        }
        double largest = drawn.stream().mapToDouble(Simplification::area).max().orElse(0);
        StringBuilder path = new StringBuilder();
        for (List<double[]> ring : drawn) {
            double area = Simplification.area(ring);
            if (area >= SMALLEST_ISLAND || area == largest) {
                SvgPathWriter.appendRing(path, ring);
            }
        }
        return path.toString();
    }

    private static void addIfDrawable(List<List<double[]>> rings, List<double[]> ring) {
        List<double[]> points = Simplification.withoutRepeats(ring);
        if (points.size() >= 4) {
            rings.add(points);
        }
    }

    /** Where flows start and end: inside the largest part of each country, from the more detailed 1:50m shapes. */
    private Map<String, double[]> labelPoints(TopoJsonCountries details) {
        Map<String, double[]> labels = new HashMap<>();
        details.ringsByNumericCode().forEach((numeric, rings) -> {
            String code = alpha2(numeric);
            if (code == null || ANTARCTICA.equals(numeric)) {
                return;
            }
            rings.stream()
                    .map(ring -> TopoJsonCountries.ring(ring, index -> Arrays.asList(details.arcs.get(index))))
                    .flatMap(ring -> Antimeridian.crosses(ring) ? Antimeridian.split(ring).stream() : Stream.of(ring))
                    .map(ring -> projected(ring.toArray(double[][]::new)))
                    .max(Comparator.comparingDouble(Simplification::area))
                    .ifPresent(ring -> labels.put(code, Simplification.interiorPoint(ring)));
        });
        return labels;
    }
}
