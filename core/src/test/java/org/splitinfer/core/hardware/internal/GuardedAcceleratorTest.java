package org.splitinfer.core.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.ElementwiseShape;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.UnsupportedPrecisionException;

/** Every call into a plugin is guarded: what it throws and what no chip can answer become one named fault. */
class GuardedAcceleratorTest {
    private static final Kernel KERNEL = new Kernel("norm", KernelKind.NORM, 1, 1e6, Precision.BF16,
            new OperandBytes(0, 0, 1e6), new OperandBytes(0, 0, 1e6), new ElementwiseShape(1_000_000));
    private static final Residency HBM = Residency.allIn("hbm");
    private static final Footprint FOOTPRINT = new Footprint(16e9, 131_072, 4096, 1e9);
    private static final Collective ALL_REDUCE = new Collective("out", CollectiveKind.ALL_REDUCE, 1e6, 8, 1);
    private static final String WAY_OUT = "; leave the accelerator out, or report this to the plugin's vendor";

    private static GuardedAccelerator guarded(Accelerator plugin) {
        return GuardedAccelerator.of(plugin, "acme.jar", 1);
    }

    /** The run-time calls of the SPI, each made once on a guarded chip. */
    static Stream<Arguments> runTimeCalls() {
        return Stream.of(
                Arguments.of("kernelSeconds", (Consumer<Accelerator>) a -> a.roofline().kernelSeconds(KERNEL, HBM)),
                Arguments.of("collectiveSeconds",
                        (Consumer<Accelerator>) a -> a.interconnect().collectiveSeconds(ALL_REDUCE)),
                Arguments.of("transferSeconds",
                        (Consumer<Accelerator>) a -> a.interconnect().transferSeconds(1e6, Reach.SCALE_UP)),
                Arguments.of("watts", (Consumer<Accelerator>) a -> a.power().watts(0.5)));
    }

    @Test
    void aThrowingKernelSecondsIsAFaultNamingThePluginTheAcceleratorAndTheCall() {
        Accelerator chip = guarded(MisbehavingChip.throwing("kernelSeconds",
                new IllegalStateException("licence expired")));

        assertThatThrownBy(() -> chip.roofline().kernelSeconds(KERNEL, HBM))
                .isInstanceOf(PluginFaultException.class)
                .hasMessage("plugin acme.jar's accelerator 'plain' failed in kernelSeconds: licence expired" + WAY_OUT)
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(e -> {
                    PluginFaultException fault = (PluginFaultException) e;
                    assertThat(fault.plugin()).isEqualTo("acme.jar");
                    assertThat(fault.acceleratorId()).isEqualTo("plain");
                    assertThat(fault.call()).isEqualTo("kernelSeconds");
                });
    }

    static Stream<Arguments> throwablesAndTheirWords() {
        return Stream.of(
                Arguments.of(new StackOverflowError(), "its stack overflowed (unbounded recursion?)"),
                Arguments.of(new AssertionError("tiles must be square"), "an assertion failed: tiles must be square"),
                Arguments.of(new OutOfMemoryError("Java heap space"), "it ran out of memory (Java heap space)"),
                Arguments.of(new NoClassDefFoundError("com/acme/Native"),
                        "a class it needs is missing: com.acme.Native (a dependency left out of its jar or folder?)"),
                Arguments.of(new AbstractMethodError("stepTiming"),
                        "it does not link with this SplitInfer (stepTiming); rebuild it against this SPI"),
                Arguments.of(new RuntimeException(new IllegalArgumentException("bad tile")), "bad tile"),
                Arguments.of(new NullPointerException(), "it threw an exception without a message"),
                Arguments.of(new IllegalStateException("two\nlines\u001b[31m"), "two\\nlines\\u001b[31m"));
    }

    @ParameterizedTest
    @MethodSource("throwablesAndTheirWords")
    void everyThrowableShortOfTheJvmsOwnIsContainedAndWordedWithoutItsClassName(Throwable thrown, String words) {
        Accelerator chip = guarded(MisbehavingChip.throwing("collectiveSeconds", thrown));

        assertThatThrownBy(() -> chip.interconnect().collectiveSeconds(ALL_REDUCE))
                .isInstanceOf(PluginFaultException.class)
                .hasMessage("plugin acme.jar's accelerator 'plain' failed in collectiveSeconds: " + words + WAY_OUT);
    }

    @ParameterizedTest
    @MethodSource("runTimeCalls")
    void aNanFromAnyRunTimeCallIsRefused(String call, Consumer<Accelerator> use) {
        Accelerator chip = guarded(MisbehavingChip.returning(call, Double.NaN));

        assertThatThrownBy(() -> use.accept(chip))
                .isInstanceOf(PluginFaultException.class)
                .hasMessageStartingWith("plugin acme.jar's accelerator 'plain' failed in " + call + ": it returned NaN");
    }

    @ParameterizedTest
    @MethodSource("runTimeCalls")
    void aNegativeOrInfiniteAnswerIsRefused(String call, Consumer<Accelerator> use) {
        assertThatThrownBy(() -> use.accept(guarded(MisbehavingChip.returning(call, -1e-3))))
                .isInstanceOf(PluginFaultException.class).hasMessageContaining("it returned -0.001 ");
        assertThatThrownBy(() -> use.accept(guarded(MisbehavingChip.returning(call, Double.POSITIVE_INFINITY))))
                .isInstanceOf(PluginFaultException.class).hasMessageContaining("it returned Infinity ");
    }

    @ParameterizedTest
    @MethodSource("runTimeCalls")
    void anHonestChipAnswersThroughTheGuardAsItself(String call, Consumer<Accelerator> use) {
        Accelerator chip = guarded(MisbehavingChip.honest());

        use.accept(chip);
        // 1e6 FLOPs ÷ 1e15 = 1e-9 s against 2e6 bytes ÷ 3e12 B/s = 6.67e-7 s: memory-bound
        assertThat(chip.roofline().kernelSeconds(KERNEL, HBM)).isEqualTo(2e6 / 3e12);
        // watts: 100 + (700 − 100) × 0.5 = 400
        assertThat(chip.power().watts(0.5)).isEqualTo(400);
    }

    @Test
    void aNullPlacementOrStepTimingIsRefused() {
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("place", 0)).memory().place(FOOTPRINT, 2))
                .isInstanceOf(PluginFaultException.class)
                .hasMessage("plugin acme.jar's accelerator 'plain' failed in place: it returned null" + WAY_OUT);
        Step step = new Step(Phase.DECODE, java.util.List.of(KERNEL), HBM, new ParallelLayout(1, 1, 1, 1), 1, 1);
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("stepTiming", 0)).roofline().stepTiming(step))
                .isInstanceOf(PluginFaultException.class).hasMessageContaining("failed in stepTiming: it returned null");
    }

    @Test
    void theSpisOwnRefusalOfAFormatPassesThrough() {
        Accelerator chip = guarded(MisbehavingChip.throwing("kernelSeconds",
                new UnsupportedPrecisionException("plain", Precision.FP8, java.util.List.of(Precision.BF16))));

        assertThatThrownBy(() -> chip.roofline().kernelSeconds(KERNEL, HBM))
                .isExactlyInstanceOf(UnsupportedPrecisionException.class);
    }

    @Test
    void theJvmsInternalErrorsAreNotContained() {
        Accelerator chip = guarded(MisbehavingChip.throwing("transferSeconds", new InternalError("JIT bug")));

        assertThatThrownBy(() -> chip.interconnect().transferSeconds(1e6, Reach.SCALE_OUT))
                .isExactlyInstanceOf(InternalError.class);
    }

    @Test
    void constantFiguresAreCheckedWhenThePluginLoads() {
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("idleWatts", Double.NaN)))
                .isInstanceOf(PluginFaultException.class)
                .hasMessageContaining("failed in idleWatts: it returned NaN watts");
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("peakFlopsPerSecond", Double.NaN)))
                .hasMessageContaining("failed in peakFlopsPerSecond: it returned NaN FLOP/s in bf16");
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("peakWatts", 50)))
                .hasMessageContaining("failed in peakWatts: it returned 50.0 watts, below the idle 100.0");
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("scaleUpDomainChips", 0)))
                .hasMessageContaining("failed in scaleUpDomainChips: it returned 0 chips");
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("tiers", 0)))
                .hasMessageContaining("failed in tiers: it returned null");
        assertThatThrownBy(() -> guarded(MisbehavingChip.throwing("power", new StackOverflowError())))
                .hasMessageContaining("failed in power: its stack overflowed");
        assertThatThrownBy(() -> guarded(MisbehavingChip.returning("spec", 0)))
                .hasMessage("plugin acme.jar's accelerator '#1' failed in spec: it returned null" + WAY_OUT);
    }

    @Test
    void aUtilisationOutsideZeroToOneIsTheHostsMistakeNotThePlugins() {
        assertThatThrownBy(() -> guarded(MisbehavingChip.honest()).power().watts(1.5))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }
}
