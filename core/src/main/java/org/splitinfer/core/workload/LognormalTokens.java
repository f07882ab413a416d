package org.splitinfer.core.workload;

import java.util.SplittableRandom;
import org.splitinfer.core.input.Limits;

/**
 * One length dimension (a prompt's or an answer's) drawn lognormally and clamped: request lengths of chat and code
 * traffic are right-skewed, with a long tail that a lognormal captures in two numbers.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>A draw is {@code clamp(round(m·e^(σZ)), 1, max)} for a standard normal {@code Z}: the median is {@code m},
 *       and {@code σ} the standard deviation of {@code ln(length)} (0.5 puts the 90th percentile at
 *       {@code m·e^(1.2816·0.5) = 1.90m}).</li>
 *   <li>The mean of the clamped variable {@code X = e^(μ+σZ)}, {@code μ = ln m}, clamped to {@code [a, b]} with
 *       {@code a = 1}, {@code b = max}, {@code α = (ln a − μ)/σ}, {@code β = (ln b − μ)/σ}:
 *       {@code E = a·Φ(α) + e^(μ+σ²/2)·(Φ(β − σ) − Φ(α − σ)) + b·Φ(−β)} (the lognormal's partial expectation,
 *       e.g. Johnson, Kotz and Balakrishnan, <i>Continuous Univariate Distributions</i>, vol. 1, ch. 14). Without
 *       the clamp it is the familiar {@code m·e^(σ²/2)}.</li>
 *   <li>The rounding to whole tokens is left out of the mean: it moves a smooth density's mean by far less than
 *       half a token. {@code Φ} is computed to 1.5e-7 ({@link StandardNormal}).</li>
 * </ul>
 *
 * @param medianTokens the median length {@code m}, in {@code [1, maxTokens]}
 * @param sigma        the standard deviation of the length's natural logarithm, {@code >= 0} (0: always the median)
 * @param maxTokens    the longest length drawn, {@code >= 1}; longer draws are clamped to it
 * @since 0.1
 */
public record LognormalTokens(double medianTokens, double sigma, int maxTokens) {

    /** Checks the three numbers. */
    public LognormalTokens {
        if (maxTokens < 1 || maxTokens > Limits.MAX_TOKENS) {
            throw new WorkloadException(Limits.outOfRange("a lognormal length's maxTokens", maxTokens, 1,
                    Limits.MAX_TOKENS) + "; give the longest length to draw");
        }
        if (!(medianTokens >= 1 && medianTokens <= maxTokens)) {
            throw new WorkloadException("a lognormal length's medianTokens must lie between 1 and maxTokens ("
                    + maxTokens + "), got " + medianTokens + "; give a median within those bounds");
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new WorkloadException("a lognormal length's sigma must be a finite number >= 0, got " + sigma
                    + "; give the spread of ln(length), e.g. 0.5");
        }
    }

    /** @return the mean length drawn, in tokens, by the formula in the notes */
    public double meanTokens() {
        if (sigma == 0) {
            return clamp(Math.round(medianTokens));
        }
        double mu = Math.log(medianTokens);
        double alpha = (0.0 - mu) / sigma;
        double beta = (Math.log(maxTokens) - mu) / sigma;
        double unclampedMean = Math.exp(mu + 0.5 * sigma * sigma);
        return StandardNormal.cdf(alpha)
                + unclampedMean * (StandardNormal.cdf(beta - sigma) - StandardNormal.cdf(alpha - sigma))
                + maxTokens * StandardNormal.cdf(-beta);
    }

    /**
     * @param random the run's lengths stream
     * @return one length, in {@code [1, maxTokens]}
     */
    int draw(SplittableRandom random) {
        // Math.round saturates at Long.MAX_VALUE when exp overflows, which the clamp then brings to maxTokens
        return clamp(Math.round(medianTokens * Math.exp(sigma * random.nextGaussian())));
    }

    private int clamp(long tokens) {
        return (int) Math.max(1L, Math.min(maxTokens, tokens));
    }
}
