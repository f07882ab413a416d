package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.assertj.core.api.SoftAssertions;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/** The roofline facet's checks: the bound, monotonicity, refused formats, the ridge point, thread-safety. */
final class RooflineChecks {
    /** Relative slack for floating-point comparisons. */
    static final double SLACK = 1e-9;

    private RooflineChecks() {
    }

    /** Kernel time never below max(FLOPs ÷ peak, bytes ÷ tier bandwidth): catches GB/GiB and Gb/GB slips. */
    static void bound(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            for (Precision precision : roofline.computePrecisions()) {
                double peak = roofline.peakFlopsPerSecond(precision);
                softly.assertThat(peak).as("%s peak %s", accelerator.id(), precision).isPositive();
                for (Residency residency : Facets.residencies(accelerator)) {
                    for (Kernel kernel : SampleKernels.in(precision)) {
                        double seconds = roofline.kernelSeconds(kernel, residency);
                        double bound = kernel.count() * Math.max(kernel.flops() / peak,
                                Facets.memorySeconds(kernel.bytesMoved(), residency, accelerator.memory()));
                        softly.assertThat(seconds)
                                .as("%s %s %s in %s: time %s s vs roofline bound %s s", accelerator.id(),
                                        kernel.name(), precision, residency, seconds, bound)
                                .isFinite()
                                .isGreaterThanOrEqualTo(bound * (1 - SLACK));
                    }
                }
            }
        }
        softly.assertAll();
    }

    /** Twice the FLOPs, the bytes or the invocations never take less time. */
    static void monotone(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            Residency residency = Residency.allIn(Facets.fastestFullSpeedTier(accelerator).name());
            for (Precision precision : roofline.computePrecisions()) {
                for (Kernel kernel : SampleKernels.in(precision)) {
                    double base = roofline.kernelSeconds(kernel, residency);
                    Kernel moreFlops = new Kernel(kernel.name(), kernel.kind(), kernel.count(), kernel.flops() * 2,
                            precision, kernel.bytesRead(), kernel.bytesWritten(), kernel.shape());
                    Kernel moreBytes = new Kernel(kernel.name(), kernel.kind(), kernel.count(), kernel.flops(),
                            precision, kernel.bytesRead().times(2), kernel.bytesWritten(), kernel.shape());
                    softly.assertThat(roofline.kernelSeconds(moreFlops, residency))
                            .as("%s %s with twice the FLOPs", accelerator.id(), kernel.name())
                            .isGreaterThanOrEqualTo(base * (1 - SLACK));
                    softly.assertThat(roofline.kernelSeconds(moreBytes, residency))
                            .as("%s %s with twice the bytes read", accelerator.id(), kernel.name())
                            .isGreaterThanOrEqualTo(base * (1 - SLACK));
                    softly.assertThat(roofline.kernelSeconds(kernel.withCount(kernel.count() * 2), residency))
                            .as("%s %s twice as often", accelerator.id(), kernel.name())
                            .isGreaterThanOrEqualTo(base * (1 - SLACK));
                }
            }
        }
        softly.assertAll();
    }

    /** A format the chip does not list is refused with the SPI's typed exception, never priced. */
    static void alienPrecisionRefused(List<Accelerator> accelerators) {
        Precision alien = new Precision("kit-alien-format", 3);
        for (Accelerator accelerator : accelerators) {
            Kernel kernel = SampleKernels.in(alien).get(0);
            Residency residency = Residency.allIn(Facets.fastestFullSpeedTier(accelerator).name());
            assertThatThrownBy(() -> accelerator.roofline().kernelSeconds(kernel, residency))
                    .as("%s refuses %s", accelerator.id(), alien)
                    .isInstanceOf(UnsupportedPrecisionException.class);
            assertThatThrownBy(() -> accelerator.roofline().peakFlopsPerSecond(alien))
                    .isInstanceOf(UnsupportedPrecisionException.class);
        }
    }

    /** A step's interval and latency never beat the roofline bound of its kernels, stage by stage. */
    static void stepBound(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            Residency residency = Residency.allIn(Facets.fastestFullSpeedTier(accelerator).name());
            for (Precision precision : roofline.computePrecisions()) {
                List<Kernel> kernels = SampleKernels.in(precision);
                for (int pipeline : new int[] {1, 4}) {
                    Step step = new Step(Phase.PREFILL, kernels, residency, new ParallelLayout(1, pipeline, 1, 1),
                            80 / pipeline, 1);
                    StepTiming timing = roofline.stepTiming(step);
                    double flops = 0;
                    OperandBytes bytes = OperandBytes.NONE;
                    for (Kernel kernel : kernels) {
                        flops += kernel.totalFlops();
                        bytes = bytes.plus(kernel.bytesMoved().times(kernel.count()));
                    }
                    double stageBound = Math.max(flops / roofline.peakFlopsPerSecond(precision),
                            Facets.memorySeconds(bytes, residency, accelerator.memory()));
                    softly.assertThat(timing.intervalSeconds())
                            .as("%s step interval, %d stages", accelerator.id(), pipeline)
                            .isGreaterThanOrEqualTo(stageBound * (1 - SLACK));
                    softly.assertThat(timing.latencySeconds())
                            .as("%s step latency, %d stages", accelerator.id(), pipeline)
                            .isGreaterThanOrEqualTo(stageBound * pipeline * (1 - SLACK));
                }
            }
        }
        softly.assertAll();
    }

    /**
     * Each format's ridge point (dense peak ÷ fastest full-speed bandwidth) within {@link Plausibility}'s range. A
     * chip whose memory bandwidth is itself implausible is left to the memory check, which names that figure.
     */
    static void ridge(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            if (!Facets.plausibleFullSpeedBandwidth(accelerator)) {
                continue;
            }
            MemoryTier fastest = Facets.fastestFullSpeedTier(accelerator);
            for (Precision precision : accelerator.roofline().computePrecisions()) {
                double peak = accelerator.roofline().peakFlopsPerSecond(precision);
                double ridge = peak / fastest.bytesPerSecond();
                softly.assertThat(Plausibility.within(ridge, Plausibility.RIDGE_FLOPS_PER_BYTE_MIN,
                                Plausibility.RIDGE_FLOPS_PER_BYTE_MAX))
                        .as("%s: peak.flopsPerSecond.%s %s over %s.bytesPerSecond %s is a ridge point of %s FLOP per"
                                        + " byte, outside the %s FLOP/B of every chip shipped so far; is the peak in"
                                        + " FLOP/s, dense (not sparse), for one chip?", accelerator.id(),
                                precision.name(), Plausibility.number(peak), fastest.name(),
                                Plausibility.number(fastest.bytesPerSecond()), Plausibility.number(ridge),
                                Plausibility.range(Plausibility.RIDGE_FLOPS_PER_BYTE_MIN,
                                        Plausibility.RIDGE_FLOPS_PER_BYTE_MAX))
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /** The same kernels in every format and residency give the same times from many threads. */
    static void manyThreads(List<Accelerator> accelerators) throws InterruptedException {
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            for (Precision precision : roofline.computePrecisions()) {
                for (Residency residency : Facets.residencies(accelerator)) {
                    for (Kernel kernel : SampleKernels.in(precision)) {
                        calls.put(accelerator.id() + " kernelSeconds(" + kernel.name() + ", " + precision.name()
                                + ", " + residency + ")", () -> roofline.kernelSeconds(kernel, residency));
                    }
                }
            }
        }
        assertThat(ManyThreads.differing(calls)).as("answers that depend on the thread").isEmpty();
    }
}
