package org.polyphony.opinions.analysis;

/**
 * The probabilities and z-tests behind representative and consensus statements. Counts get one pseudo-vote each way
 * ((successes + 1) / (trials + 2)), so a statement three people agreed with is not taken as a certainty.
 */
final class Proportions {

    /** One-sided 90 %: z above this is significant. */
    static final double Z_90 = 1.2816;

    private Proportions() {}

    static double smoothed(int successes, int trials) {
        return (successes + 1.0) / (trials + 2.0);
    }

    /** How far the smoothed proportion lies above one half, in standard errors (0.5 / √(trials + 2)). */
    static double zAboveHalf(int successes, int trials) {
        return 2 * Math.sqrt(trials + 2.0) * (smoothed(successes, trials) - 0.5);
    }

    /** Two-proportion z-test, pooled standard error, on the smoothed counts: how far the first lies above the second. */
    static double zDifference(int successes1, int trials1, int successes2, int trials2) {
        double s1 = successes1 + 1.0;
        double n1 = trials1 + 2.0;
        double s2 = successes2 + 1.0;
        double n2 = trials2 + 2.0;
        double pooled = (s1 + s2) / (n1 + n2);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return standardError > 0 ? (s1 / n1 - s2 / n2) / standardError : 0;
    }
}
