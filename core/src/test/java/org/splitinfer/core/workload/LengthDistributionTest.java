package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LengthDistributionTest {
    private static final int DRAWS = 200_000;

    @TempDir
    Path folder;

    private static double[] sampleMeans(LengthDistribution lengths, long seed) {
        double input = 0;
        double output = 0;
        try (RequestStream requests = Workloads.backlog(lengths).open(seed)) {
            for (int i = 0; i < DRAWS; i++) {
                requests.advance();
                input += requests.inputTokens();
                output += requests.outputTokens();
            }
        }
        return new double[] {input / DRAWS, output / DRAWS};
    }

    @Test
    void fixedLengthsAreAlwaysTheSame() {
        FixedLengths lengths = LengthDistribution.fixed(512, 128);

        assertThat(lengths.stats()).isEqualTo(new WorkloadStats(512, 128, 512, 128));
        assertThat(Requests.first(Workloads.backlog(lengths), 1, 100))
                .allSatisfy(request -> assertThat(request).isEqualTo(Requests.of(0, 512, 128)));
    }

    @Test
    void fixedLengthsMustBeAtLeastOneToken() {
        assertThatThrownBy(() -> LengthDistribution.fixed(0, 10))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("workload.inputTokens and workload.outputTokens must be at least 1 token, got 0 and 10; "
                        + "give lengths of 1 token or more");
    }

    @Test
    void anUnclampedLognormalsMeanIsTheMedianTimesExpHalfSigmaSquared() {
        // 1,000 × e^(0.5² / 2) = 1,000 × e^0.125 = 1,133.1485; the clamps at 1 and 10^6 lie 13.8 and 13.8 σ away
        assertThat(new LognormalTokens(1000, 0.5, 1_000_000).meanTokens()).isCloseTo(1_133.1485, within(0.001));
    }

    @Test
    void aLognormalClampedAtItsMedianLosesTheUpperHalf() {
        // m = max = 1,000, σ = 0.5: β = 0, so E = m·e^(σ²/2)·Φ(−σ) + max·Φ(0) (the lower clamp is 13.8 σ away)
        //   = 1,133.1485 × Φ(−0.5) + 1,000 × 0.5 = 1,133.1485 × 0.3085375 + 500 = 849.619
        assertThat(new LognormalTokens(1000, 0.5, 1000).meanTokens()).isCloseTo(849.619, within(0.001));
    }

    @Test
    void lognormalDrawsAverageToTheAnalyticMean() {
        LognormalLengths batch = LengthDistribution.lognormal(new LognormalTokens(4096, 0.5, 32_768),
                new LognormalTokens(100, 1.5, 200));
        double[] means = sampleMeans(batch, 21);

        // input: sd = mean × √(e^(σ²) − 1) = 4,641 × 0.5329 = 2,473; 5 standard errors = 5 × 2,473 / √200,000 = 27.7
        assertThat(means[0]).isCloseTo(batch.stats().meanInputTokens(), within(27.7));
        // output, clamped hard to [1, 200]: sd ≤ 200 / 2 = 100, so 5 standard errors ≤ 5 × 100 / √200,000 = 1.12,
        // plus up to 0.5 for the rounding the formula leaves out
        assertThat(means[1]).isCloseTo(batch.stats().meanOutputTokens(), within(1.12 + 0.5));
    }

    @Test
    void lognormalDrawsStayWithinTheClamps() {
        LognormalLengths wide = LengthDistribution.lognormal(new LognormalTokens(2, 3, 50), new LognormalTokens(40, 3, 50));

        assertThat(Requests.first(Workloads.backlog(wide), 4, 20_000)).allSatisfy(request -> {
            assertThat(request.inputTokens()).isBetween(1, 50);
            assertThat(request.outputTokens()).isBetween(1, 50);
        });
        assertThat(wide.stats().maxInputTokens()).isEqualTo(50);
    }

    @Test
    void aLognormalMustHaveAMedianWithinItsBoundsAndASpread() {
        assertThatThrownBy(() -> new LognormalTokens(0.5, 0.5, 100))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("a lognormal length's medianTokens must lie between 1 and maxTokens (100), got 0.5; give a "
                        + "median within those bounds");
        assertThatThrownBy(() -> new LognormalTokens(10, -1, 100))
                .hasMessage("a lognormal length's sigma must be a finite number >= 0, got -1.0; give the spread of "
                        + "ln(length), e.g. 0.5");
        assertThatThrownBy(() -> new LognormalTokens(10, 0.5, 0))
                .hasMessage("a lognormal length's maxTokens must be from 1 to 16,777,216, got 0; give the longest "
                        + "length to draw");
        assertThat(new LognormalTokens(10.4, 0, 100).meanTokens()).isEqualTo(10.0);
    }

    @Test
    void empiricalLengthsDrawATracesRowsWholeAndUniformly() throws IOException {
        Path file = Files.writeString(folder.resolve("trace.csv"), TraceWorkloadTest.CSV);
        EmpiricalLengths lengths = LengthDistribution.empirical(file, false);
        int[] counts = new int[4];

        try (RequestStream requests = Workloads.backlog(lengths).open(8)) {
            for (int i = 0; i < 40_000; i++) {
                requests.advance();
                // each row's answer is a tenth of its prompt, so a drawn pair comes from one row
                assertThat(requests.outputTokens() * 10).isEqualTo(requests.inputTokens());
                counts[requests.inputTokens() / 100 - 1]++;
            }
        }

        // each row 10,000 times expected; binomial sd √(40,000 × 1/4 × 3/4) = 86.6, so 5 sd = 433
        assertThat(List.of(counts[0], counts[1], counts[2], counts[3]))
                .allSatisfy(count -> assertThat(count).isCloseTo(10_000, within(433)));
        assertThat(lengths.stats()).isEqualTo(new WorkloadStats(250, 25, 400, 40));
        assertThat(lengths.pairs()).isEqualTo(4);
        assertThat(lengths.sampled()).isFalse();
    }

    @Test
    void aTraceLongerThanWhatIsHeldIsSampledUniformly() throws IOException {
        StringBuilder csv = new StringBuilder("arrivalSeconds,inputTokens,outputTokens\n");
        for (int row = 1; row <= 1_000; row++) {
            csv.append(row).append(',').append(row).append(",1\n");
        }
        Path file = Files.writeString(folder.resolve("long.csv"), csv);
        TraceWorkload trace = new TraceWorkload("long.csv", TraceSource.file(file), false, 100);

        EmpiricalLengths sample = trace.lengths();

        assertThat(sample.pairs()).isEqualTo(100);
        assertThat(sample.sampled()).isTrue();
        // the whole trace's mean prompt is (1 + 1,000) / 2 = 500.5; a uniform sample of 100 of 1,000 has a mean with
        // sd √((1,000² − 1) / 12 / 100 × (900 / 999)) = 27.4, so 5 sd = 137
        assertThat(sample.stats().meanInputTokens()).isCloseTo(500.5, within(137.0));
        assertThat(trace.stats().meanInputTokens()).isEqualTo(500.5);
    }
}
