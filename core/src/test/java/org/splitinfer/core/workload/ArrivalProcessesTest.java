package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Poisson and Gamma arrivals over 200,000 gaps of fixed seeds, against tolerances of five standard errors: a
 * correct sampler misses one with probability under 1e-6, and the seeds are fixed, so the test cannot flake.
 *
 * <p>Standard errors for {@code n} gaps of a Gamma with shape {@code k = 1/c²}: the sample mean's relative error is
 * {@code c/√n}; the sample standard deviation's about {@code √((κ − 1)/(4n))} with kurtosis {@code κ = 3 + 6/k}; the
 * coefficient of variation, their ratio, at most the sum.
 */
class ArrivalProcessesTest {
    private static final int GAPS = 200_000;
    private static final FixedLengths LENGTHS = LengthDistribution.fixed(100, 10);

    private static double meanSeconds(long[] gaps) {
        double sum = 0;
        for (long gap : gaps) {
            sum += gap;
        }
        return sum / gaps.length / 1e9;
    }

    private static double coefficientOfVariation(long[] gaps) {
        double mean = meanSeconds(gaps) * 1e9;
        double squares = 0;
        for (long gap : gaps) {
            squares += (gap - mean) * (gap - mean);
        }
        return Math.sqrt(squares / (gaps.length - 1)) / mean;
    }

    private static double meanTolerance(double cv) {
        return 5 * cv / Math.sqrt(GAPS);
    }

    private static double cvTolerance(double cv) {
        double kurtosis = 3 + 6 * cv * cv;
        return 5 * (Math.sqrt((kurtosis - 1) / (4.0 * GAPS)) + cv / Math.sqrt(GAPS));
    }

    @Test
    void poissonGapsHaveMeanOneOverTheRateAndCvOne() {
        long[] gaps = Requests.gaps(Workloads.poisson(10, LENGTHS), 11, GAPS);

        // mean 1/10 s within 5 × 1/√200,000 = 1.1%; CV 1 within 5 × (√(8/800,000) + 1/√200,000) = 2.7%
        assertThat(meanSeconds(gaps)).isCloseTo(0.1, within(0.1 * meanTolerance(1)));
        assertThat(coefficientOfVariation(gaps)).isCloseTo(1.0, within(cvTolerance(1)));
    }

    @Test
    void burstyGammaGapsKeepTheMeanAndHaveTheCvAsked() {
        long[] gaps = Requests.gaps(Workloads.gamma(10, 3, LENGTHS), 12, GAPS);

        // k = 1/9: mean within 5 × 3/√200,000 = 3.4%; CV within 5 × (√(56/800,000) + 3/√200,000) = 7.5% (absolute
        // 0.22 on 3)
        assertThat(meanSeconds(gaps)).isCloseTo(0.1, within(0.1 * meanTolerance(3)));
        assertThat(coefficientOfVariation(gaps)).isCloseTo(3.0, within(3.0 * cvTolerance(3)));
    }

    @Test
    void regularGammaGapsKeepTheMeanAndHaveTheCvAsked() {
        long[] gaps = Requests.gaps(Workloads.gamma(4, 0.5, LENGTHS), 13, GAPS);

        // k = 4: mean 0.25 s within 5 × 0.5/√200,000 = 0.56%; CV within 5 × (√(3.5/800,000) + 0.5/√200,000) = 1.6%
        assertThat(meanSeconds(gaps)).isCloseTo(0.25, within(0.25 * meanTolerance(0.5)));
        assertThat(coefficientOfVariation(gaps)).isCloseTo(0.5, within(0.5 * cvTolerance(0.5)));
    }

    @Test
    void gammaWithCvOneIsPoissonDrawForDraw() {
        assertThat(Requests.first(Workloads.gamma(7, 1, LENGTHS), 5, 1_000))
                .isEqualTo(Requests.first(Workloads.poisson(7, LENGTHS), 5, 1_000));
    }

    @Test
    void arrivalsStartOneGapAfterTimeZeroAndNeverDecrease() {
        long[] poisson = Requests.gaps(Workloads.poisson(1000, LENGTHS), 3, 50_000);
        // with c = 13 most gaps underflow to 0 (the bursts) and a few are very long (the lulls)
        long[] bursty = Requests.gaps(Workloads.gamma(1000, 13, LENGTHS), 3, 50_000);

        assertThat(poisson[0]).isPositive();
        assertThat(Arrays.stream(poisson).min().getAsLong()).isNotNegative();
        assertThat(Arrays.stream(bursty).min().getAsLong()).isNotNegative();
        assertThat(Arrays.stream(bursty).filter(gap -> gap == 0).count()).isGreaterThan(25_000);
    }

    @Test
    void atRateChangesTheRateAndKeepsTheShape() {
        WorkloadSpec slow = Workloads.gamma(2, 3, LENGTHS);
        WorkloadSpec fast = slow.atRate(20);

        assertThat(fast.meanRequestsPerSecond()).hasValue(20.0);
        assertThat(fast.name()).isEqualTo("gamma");
        long[] gaps = Requests.gaps(fast, 12, GAPS);
        assertThat(meanSeconds(gaps)).isCloseTo(0.05, within(0.05 * meanTolerance(3)));
        assertThat(coefficientOfVariation(gaps)).isCloseTo(3.0, within(3.0 * cvTolerance(3)));
    }

    @Test
    void aBacklogHasEveryRequestAtTimeZeroAndALimitEndsIt() {
        WorkloadSpec backlog = Workloads.limit(Workloads.backlog(LENGTHS), 3);

        assertThat(Requests.first(backlog, 1, 10)).containsExactly(Requests.of(0, 100, 10), Requests.of(0, 100, 10),
                Requests.of(0, 100, 10));
        assertThat(backlog.meanRequestsPerSecond()).isEmpty();
    }

    @Test
    void ratesAndCoefficientsMustBePositiveAndFinite() {
        assertThatThrownBy(() -> Workloads.poisson(0, LENGTHS))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("workload.requestsPerSecond must be a positive, finite number of requests per second, got "
                        + "0.0; give a rate above 0");
        assertThatThrownBy(() -> Workloads.gamma(1, -2, LENGTHS))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("workload.coefficientOfVariation must be a positive, finite number, got -2.0; give 1 for "
                        + "Poisson arrivals, more for bursts")
                .satisfies(e -> assertThat(((WorkloadException) e).fields())
                        .containsExactly("workload.coefficientOfVariation"));
        assertThatThrownBy(() -> Workloads.limit(Workloads.backlog(LENGTHS), 0))
                .hasMessage("workload.requests must be at least 1, got 0; give how many requests to take");
    }
}
