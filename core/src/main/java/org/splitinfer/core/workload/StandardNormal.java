package org.splitinfer.core.workload;

/**
 * The standard normal distribution function {@code Φ}, which the JDK lacks.
 *
 * <h2>Notes</h2>
 * {@code Φ(x) = erfc(−x/√2)/2}, with {@code erfc(z) = (a1·t + a2·t² + a3·t³ + a4·t⁴ + a5·t⁵)·e^(−z²)},
 * {@code t = 1/(1 + p·z)} for {@code z >= 0} and {@code erfc(z) = 2 − erfc(−z)} below: Abramowitz and Stegun,
 * <i>Handbook of Mathematical Functions</i>, formula 7.1.26, absolute error at most 1.5e-7 (so at most 7.5e-8 in
 * {@code Φ}), which moves a clamped mean of 32,768-token lengths by under 0.01 token.
 */
final class StandardNormal {
    private static final double P = 0.3275911;
    private static final double A1 = 0.254829592;
    private static final double A2 = -0.284496736;
    private static final double A3 = 1.421413741;
    private static final double A4 = -1.453152027;
    private static final double A5 = 1.061405429;
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private StandardNormal() {
    }

    /**
     * @param x any number
     * @return {@code P(Z <= x)}
     */
    static double cdf(double x) {
        double z = -x * SQRT_HALF;
        return 0.5 * (z >= 0 ? erfcOfNonNegative(z) : 2.0 - erfcOfNonNegative(-z));
    }

    private static double erfcOfNonNegative(double z) {
        double t = 1.0 / (1.0 + P * z);
        double polynomial = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
        return polynomial * Math.exp(-z * z);
    }
}
