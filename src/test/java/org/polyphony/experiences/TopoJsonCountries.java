package org.polyphony.experiences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the {@code countries} object of a world-atlas TopoJSON file: every country's rings as arcs of longitude
 * and latitude, arcs kept shared so that simplifying an arc once treats both neighbours the same.
 */
final class TopoJsonCountries {

    /** A country's rings, each a list of arc references: arc index, or {@code ~index} for an arc walked backwards. */
    record Feature(String numericCode, String name, List<int[]> rings) {}

    final List<double[][]> arcs;
    final List<Feature> features;

    private TopoJsonCountries(List<double[][]> arcs, List<Feature> features) {
        this.arcs = arcs;
        this.features = features;
    }

    static TopoJsonCountries of(JsonNode topology) {
        return new TopoJsonCountries(
                arcs(topology), features(topology.get("objects").get("countries")));
    }

    /** The arcs' points in degrees, undoing the quantisation and the delta encoding. */
    private static List<double[][]> arcs(JsonNode topology) {
        JsonNode transform = topology.get("transform");
        double scaleX = transform.get("scale").get(0).asDouble();
        double scaleY = transform.get("scale").get(1).asDouble();
        double translateX = transform.get("translate").get(0).asDouble();
        double translateY = transform.get("translate").get(1).asDouble();
        List<double[][]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.get("arcs")) {
            double[][] points = new double[arc.size()][];
            int x = 0;
            int y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asInt();
                y += arc.get(i).get(1).asInt();
                points[i] = new double[] {x * scaleX + translateX, y * scaleY + translateY};
            }
            arcs.add(points);
        }
        return arcs;
    }

    private static List<Feature> features(JsonNode countries) {
        List<Feature> features = new ArrayList<>();
        for (JsonNode geometry : countries.get("geometries")) {
            List<int[]> rings = new ArrayList<>();
            switch (geometry.get("type").asString()) {
                case "Polygon" -> addRings(geometry.get("arcs"), rings);
                case "MultiPolygon" -> geometry.get("arcs").forEach(polygon -> addRings(polygon, rings));
                default -> {
                    // a null geometry: nothing to draw
                }
            }
            String id = geometry.has("id") ? geometry.get("id").asString() : null;
            features.add(new Feature(id, geometry.get("properties").get("name").asString(), rings));
        }
        return features;
    }

    private static void addRings(JsonNode polygon, List<int[]> rings) {
        for (JsonNode ring : polygon) {
            int[] references = new int[ring.size()];
            for (int i = 0; i < references.length; i++) {
                references[i] = ring.get(i).asInt();
            }
            rings.add(references);
        }
    }

    /**
     * A ring's points, each arc first transformed by {@code arcPoints} (projection, simplification), the point an
     * arc shares with the previous one kept once.
     */
    static List<double[]> ring(int[] references, Function<Integer, List<double[]>> arcPoints) {
        List<double[]> points = new ArrayList<>();
        for (int reference : references) {
            List<double[]> arc = new ArrayList<>(arcPoints.apply(reference < 0 ? ~reference : reference));
            if (reference < 0) {
                Collections.reverse(arc);
            }
            points.addAll(points.isEmpty() ? arc : arc.subList(1, arc.size()));
        }
        return points;
    }

    /** Features by ISO numeric code; the parts of a code given as several features (Australia at 1:50m) merged. */
    Map<String, List<int[]>> ringsByNumericCode() {
        Map<String, List<int[]>> rings = new LinkedHashMap<>();
        for (Feature feature : features) {
            if (feature.numericCode() != null) {
                rings.computeIfAbsent(feature.numericCode(), code -> new ArrayList<>())
                        .addAll(feature.rings());
            }
        }
        return rings;
    }
}
