package org.polyphony.experiences;

/**
 * The Natural Earth projection (Šavrič, Patterson and Jenny, 2011), from its published polynomials: a compromise
 * between equirectangular and Robinson that keeps the high latitudes from swelling, so Europe and the Gulf states
 * are not squeezed beside a huge Greenland.
 */
final class NaturalEarthProjection {

    private NaturalEarthProjection() {}

    /** Projects longitude and latitude in degrees to x, y in units of the earth's radius (y grows northwards). */
    static double[] project(double longitude, double latitude) {
        double lambda = Math.toRadians(longitude);
        double phi = Math.toRadians(latitude);
        double phi2 = phi * phi;
        double phi4 = phi2 * phi2;
        double phi6 = phi4 * phi2;
        double phi8 = phi4 * phi4;
        double phi10 = phi8 * phi2;
        double phi12 = phi6 * phi6;
        double x = lambda * (0.870700 - 0.131979 * phi2 - 0.013791 * phi4 + 0.003971 * phi10 - 0.001529 * phi12);
        double y = phi * (1.007226 + 0.015085 * phi2 - 0.044475 * phi6 + 0.028874 * phi8 - 0.005916 * phi10);
        return new double[] {x, y};
    }
}
