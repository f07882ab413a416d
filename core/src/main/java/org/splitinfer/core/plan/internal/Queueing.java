package org.splitinfer.core.plan.internal;

/**
 * Queueing delay of a pool of identical servers, for the planner's estimate before it simulates.
 *
 * <h2>Notes</h2>
 * The Allen–Cunneen approximation of an M/G/c queue (G/G/c with Poisson arrivals):
 * {@code Wq ≈ C(c, a) ÷ (c·μ − λ) × (ca² + cs²) ÷ 2}, with offered load {@code a = λ/μ}, {@code C(c, a)} Erlang's C
 * formula (the probability that an arrival waits in M/M/c), {@code ca²} the arrivals' and {@code cs²} the service
 * times' squared coefficients of variation (1 and 1: Poisson arrivals, prompt lengths about as variable as an
 * exponential, which the Azure conversation trace's are). Erlang C is computed through the stable recurrence of
 * Erlang B: {@code B(0) = 1, B(k) = a·B(k−1) ÷ (k + a·B(k−1))}, {@code C = B ÷ (1 − ρ(1 − B))}.
 * Source: Allen, "Probability, Statistics and Queueing Theory" (1990), §6.
 */
final class Queueing {
    private Queueing() {
    }

    /**
     * @param arrivalsPerSecond λ
     * @param serviceSeconds    mean service time 1/μ
     * @param servers           c
     * @return mean wait before service, seconds; infinite when λ ≥ c·μ
     */
    static double meanWaitSeconds(double arrivalsPerSecond, double serviceSeconds, int servers) {
        double offered = arrivalsPerSecond * serviceSeconds;
        double utilisation = offered / servers;
        if (utilisation >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double erlangB = 1;
        for (int k = 1; k <= servers; k++) {
            erlangB = offered * erlangB / (k + offered * erlangB);
        }
        double erlangC = erlangB / (1 - utilisation * (1 - erlangB));
        return erlangC / (servers / serviceSeconds - arrivalsPerSecond);
    }
}
