package org.splitinfer.core.workload;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Bursty arrivals: independent Gamma-distributed gaps with a mean rate {@code λ} and a coefficient of variation
 * {@code c} (standard deviation ÷ mean of the gaps). {@code c = 1} is Poisson; {@code c > 1} bunches requests into
 * bursts separated by long lulls (the Azure code trace's gaps have {@code c ≈ 13}); {@code c < 1} spaces them more
 * evenly than chance.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Gamma with shape {@code k} and scale {@code θ} has mean {@code kθ} and CV {@code 1/√k}, so
 *       {@code k = 1/c²} and {@code θ = 1/(λk)} give mean gap {@code 1/λ} and CV {@code c}.</li>
 *   <li>Draws for {@code k >= 1}: Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS
 *       26(3), 2000: with {@code d = k − 1/3}, {@code v = (1 + x/√(9d))³} for a standard normal {@code x}, accept
 *       {@code d·v} when {@code u < 1 − 0.0331x⁴} or {@code ln u < x²/2 + d(1 − v + ln v)}; about 1.02 tries a draw
 *       at {@code k = 1} and fewer above.</li>
 *   <li>For {@code k < 1} (bursty, {@code c > 1}), their boost: {@code G(k) = G(k + 1)·U^(1/k)}, computed as
 *       {@code G(k + 1)·exp(ln U / k)}; for tiny {@code k} most gaps underflow to 0, which is the burst.</li>
 *   <li>{@code c = 1} draws exponential gaps exactly as {@link PoissonArrivals} does, so {@code gamma(λ, 1)} and
 *       {@code poisson(λ)} give the same arrivals for a seed.</li>
 *   <li>Gaps are rounded to the nearest nanosecond; the first request arrives one gap after time 0 (an ordinary
 *       renewal process, not started in equilibrium).</li>
 * </ul>
 */
final class GammaArrivals implements ArrivalProcess {
    private final double requestsPerSecond;
    private final double coefficientOfVariation;
    private final double scaleNanos;
    private final boolean exponential;
    private final boolean boosted;
    private final double inverseShape;
    private final double d;
    private final double c;

    /**
     * @param requestsPerSecond      λ, positive and finite (checked by the factory)
     * @param coefficientOfVariation c, positive and finite (checked by the factory)
     */
    GammaArrivals(double requestsPerSecond, double coefficientOfVariation) {
        this.requestsPerSecond = requestsPerSecond;
        this.coefficientOfVariation = coefficientOfVariation;
        double shape = 1.0 / (coefficientOfVariation * coefficientOfVariation);
        this.scaleNanos = 1e9 / (requestsPerSecond * shape);
        this.exponential = coefficientOfVariation == 1.0;
        this.boosted = shape < 1.0;
        this.inverseShape = 1.0 / shape;
        this.d = (boosted ? shape + 1.0 : shape) - 1.0 / 3.0;
        this.c = 1.0 / Math.sqrt(9.0 * d);
    }

    /** @return the gaps' coefficient of variation */
    double coefficientOfVariation() {
        return coefficientOfVariation;
    }

    @Override
    public long nextGapNanos(SplittableRandom random) {
        if (exponential) {
            return Math.round(random.nextExponential() * scaleNanos);
        }
        double gamma = marsagliaTsang(random);
        if (boosted) {
            // 1 − nextDouble() lies in (0, 1], so the logarithm is finite
            gamma *= Math.exp(Math.log(1.0 - random.nextDouble()) * inverseShape);
        }
        return Math.round(gamma * scaleNanos);
    }

    private double marsagliaTsang(SplittableRandom random) {
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    @Override
    public OptionalDouble meanRequestsPerSecond() {
        return OptionalDouble.of(requestsPerSecond);
    }

    @Override
    public ArrivalProcess atRate(double requestsPerSecond) {
        return new GammaArrivals(requestsPerSecond, coefficientOfVariation);
    }
}
