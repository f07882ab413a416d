package org.splitinfer.core.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QueueingTest {

    @Test
    void oneServerIsTheMm1Wait() {
        // M/M/1: Wq = ρ ÷ (μ − λ); λ = 8/s, 1/μ = 0.1 s: ρ = 0.8, Wq = 0.8 ÷ (10 − 8) = 0.4 s
        assertThat(Queueing.meanWaitSeconds(8, 0.1, 1)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void twoServersFollowErlangC() {
        // M/M/2, λ = 16/s, 1/μ = 0.1 s: a = 1.6, ρ = 0.8. Erlang B: B1 = 1.6/2.6 = 0.6154, B2 = 1.6·B1/(2 + 1.6·B1)
        // = 0.9846/2.9846 = 0.3299; C = B2 / (1 − 0.8·(1 − B2)) = 0.3299/0.4639 = 0.7111;
        // Wq = C / (2·10 − 16) = 0.7111 / 4 = 0.1778 s
        double b1 = 1.6 / 2.6;
        double b2 = 1.6 * b1 / (2 + 1.6 * b1);
        double c = b2 / (1 - 0.8 * (1 - b2));
        assertThat(Queueing.meanWaitSeconds(16, 0.1, 2)).isCloseTo(c / 4, within(1e-12)).isCloseTo(0.1778,
                within(1e-4));
    }

    @Test
    void atOrPastCapacityTheWaitHasNoBound() {
        assertThat(Queueing.meanWaitSeconds(10, 0.1, 1)).isInfinite();
        assertThat(Queueing.meanWaitSeconds(30, 0.1, 2)).isInfinite();
    }

    @Test
    void moreServersAtTheSameLoadWaitLess() {
        // the same ρ = 0.8 on 1, 2, 8 servers: pooling shortens the wait
        double one = Queueing.meanWaitSeconds(8, 0.1, 1);
        double two = Queueing.meanWaitSeconds(16, 0.1, 2);
        double eight = Queueing.meanWaitSeconds(64, 0.1, 8);
        assertThat(one).isGreaterThan(two);
        assertThat(two).isGreaterThan(eight);
    }
}
