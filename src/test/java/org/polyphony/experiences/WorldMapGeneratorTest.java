package org.polyphony.experiences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry behind world-map.tsv: path writing, simplification, cutting at the 180th meridian. */
class WorldMapGeneratorTest {

    @Test
    void writesRelativeStepsAndJoinsStraightOnes() {
        StringBuilder path = new StringBuilder();
        SvgPathWriter.appendRing(path, points(10, 20, 11, 20, 12, 20, 12, 18, 10, 20));

        assertThat(path).hasToString("M10 20l2 0 0-2z");
    }

    @Test
    void dropsPointsCloserThanTheToleranceToTheLine() {
        List<double[]> kept = Simplification.douglasPeucker(points(0, 0, 5, 0.3, 10, 0, 15, 4, 20, 0), 0.6);

        assertThat(kept).extracting(p -> p[0]).containsExactly(0.0, 10.0, 15.0, 20.0);
    }

    @Test
    void findsAPointInsideACrescent() {
        // A "C" open to the east: its centroid lies in the opening.
        List<double[]> crescent = points(0, 0, 10, 0, 10, 2, 2, 2, 2, 8, 10, 8, 10, 10, 0, 10, 0, 0);

        double[] inside = Simplification.interiorPoint(crescent);

        assertThat(Simplification.contains(crescent, inside)).isTrue();
    }

    @Test
    void cutsARingAcrossTheAntimeridianIntoTwo() {
        List<double[]> fiji = points(178, -16, -179, -16, -179, -18, 178, -18, 178, -16);

        List<List<double[]>> pieces = Antimeridian.split(fiji);

        assertThat(Antimeridian.crosses(fiji)).isTrue();
        assertThat(pieces).hasSize(2);
        assertThat(pieces)
                .allSatisfy(piece ->
                        assertThat(piece).allSatisfy(p -> assertThat(p[0]).isBetween(-180.0, 180.0)))
                .allSatisfy(piece -> assertThat(Antimeridian.crosses(piece)).isFalse());
        assertThat(Simplification.area(pieces.get(0)) + Simplification.area(pieces.get(1)))
                .isCloseTo(6.0, offset(1e-9));
    }

    private static List<double[]> points(double... coordinates) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < coordinates.length; i += 2) {
            points.add(new double[] {coordinates[i], coordinates[i + 1]});
        }
        return points;
    }
}
