package org.splitinfer.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    @Test
    void anAcceleratorIdMustBeLowercase() {
        assertThatThrownBy(() -> new AcceleratorSpec("H100", Family.GPU, "NVIDIA", "H100", Status.SHIPPING,
                List.of(), List.of()))
                .hasMessage("accelerator id must match [a-z0-9][a-z0-9._-]*, got 'H100'");
    }

    @Test
    void aFigureMustCiteASourceOfItsSpec() {
        assertThatThrownBy(() -> new AcceleratorSpec("chip", Family.GPU, "V", "Chip", Status.SHIPPING, List.of(),
                List.of(Figure.sourced("hbm.capacityBytes", 80e9, "datasheet"))))
                .hasMessage("accelerator 'chip' figure 'hbm.capacityBytes' cites unknown source 'datasheet'; known: []");
    }

    @Test
    void aKernelNamesItselfAndTheFieldThatIsWrong() {
        OperandBytes none = OperandBytes.NONE;
        ElementwiseShape shape = new ElementwiseShape(1);
        assertThatThrownBy(() -> new Kernel("qkv_proj", KernelKind.GEMM, 0, 1, Precision.BF16, none, none, shape))
                .hasMessage("kernel 'qkv_proj' count must be >= 1, got 0");
        assertThatThrownBy(() -> new Kernel("qkv_proj", KernelKind.GEMM, 1, -1, Precision.BF16, none, none, shape))
                .hasMessage("kernel 'qkv_proj' flops must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> new Kernel("qkv_proj", null, 1, 1, Precision.BF16, none, none, shape))
                .hasMessage("kernel 'qkv_proj' kind must not be null");
        assertThatThrownBy(() -> new Kernel(" ", KernelKind.GEMM, 1, 1, Precision.BF16, none, none, shape))
                .hasMessage("kernel name must be non-blank text, got ' '");
    }

    @Test
    void aCollectiveNamesItselfAndTheFieldThatIsWrong() {
        assertThatThrownBy(() -> new Collective("mlp all-reduce", CollectiveKind.ALL_REDUCE, 1, 0, 1))
                .hasMessage("collective 'mlp all-reduce' participants must be >= 1, got 0");
        assertThatThrownBy(() -> new Collective("mlp all-reduce", CollectiveKind.ALL_REDUCE, Double.NaN, 2, 1))
                .hasMessage("collective 'mlp all-reduce' bytes must be finite and >= 0, got NaN");
    }

    @Test
    void aFigureValueNamesTheFigure() {
        assertThatThrownBy(() -> Figure.sourced("hbm.capacityBytes", -1, "datasheet"))
                .hasMessage("figure 'hbm.capacityBytes' must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Figure.assumed("hbm.capacityBytes", 1, " "))
                .hasMessage("figure 'hbm.capacityBytes' assumption must be non-blank text, got ' '");
    }

    @Test
    void aFigureIsEitherSourcedOrAssumed() {
        assertThatThrownBy(() -> new Figure("x.watts", 1, null, null))
                .hasMessage("figure 'x.watts' needs exactly one of a source id or an assumption rationale");
        assertThat(Figure.assumed("x.watts", 1, "because").isAssumption()).isTrue();
    }

    @Test
    void vendorsCanNameTheirOwnFamiliesKindsAndFormats() {
        assertThat(new Family("npu").name()).isEqualTo("npu");
        assertThat(new KernelKind("conv2d").name()).isEqualTo("conv2d");
        assertThat(new Precision("fp6", 6).bytesPerElement()).isEqualTo(0.75);
        assertThatThrownBy(() -> new Family("Not Valid")).hasMessageContaining("'Not Valid'");
    }

    @Test
    void wellKnownFormatsCarryTheirBlockScaleOverhead() {
        // NVFP4: 4 bits + one 8-bit scale per 16 elements = 4 + 8/16 = 4.5 bits.
        assertThat(Precision.wellKnown("fp4")).contains(Precision.NVFP4);
        assertThat(Precision.NVFP4.bitsPerElement()).isEqualTo(4 + 8.0 / 16);
        // MXFP4: 4 bits + one 8-bit scale per 32 elements = 4.25 bits.
        assertThat(Precision.MXFP4.bitsPerElement()).isEqualTo(4 + 8.0 / 32);
        assertThat(Precision.wellKnown("BF16")).contains(Precision.BF16);
        assertThat(Precision.wellKnown("fp6")).isEmpty();
    }

    @Test
    void aPriceNeedsAtLeastOneFigure() {
        assertThatThrownBy(() -> new Price(OptionalDouble.empty(), OptionalDouble.empty()))
                .hasMessage("a price needs a purchase price, an hourly price or both");
    }

    @Test
    void aStepsIntervalCannotExceedItsLatency() {
        assertThatThrownBy(() -> new StepTiming(1e-3, 2e-3))
                .hasMessage("step intervalSeconds 0.002 exceeds latencySeconds 0.001");
    }

    @Test
    void aStepsHardwareLatencyIsPartOfItsTimeNeverMore() {
        assertThatThrownBy(() -> new StepTiming(3e-3, 1e-3, 4e-3, 1e-3))
                .hasMessage("step hardware latency 0.004 and interval 0.001 must not exceed the step's latency 0.003"
                        + " and interval 0.001");
        // 3 ms of latency of which 1 ms is hops: 2 ms of work; 1 ms of interval of which 0.5 ms is hops
        StepTiming timing = new StepTiming(3e-3, 1e-3, 1e-3, 0.5e-3);
        assertThat(timing.workLatencySeconds()).isEqualTo(2e-3);
        assertThat(timing.workIntervalSeconds()).isEqualTo(0.5e-3);
    }

    @Test
    void theDefaultMinChipsSearchFindsTheFewest() {
        // 100 GB on 24 GB chips, fully usable: ceil(100 / 24) = 5 chips.
        MemoryModel memory = new MemoryModel() {
            @Override
            public List<MemoryTier> tiers() {
                return List.of(new MemoryTier("hbm", 24e9, 1e12, true, 1.0));
            }

            @Override
            public Placement place(Footprint footprint, int chips) {
                double perChip = footprint.totalBytes() / chips;
                return new Placement("full-speed", chips,
                        List.of(new TierUsage("hbm", Math.min(perChip, 24e9), 0, 0)), perChip <= 24e9, 0,
                        Residency.allIn("hbm"), "test");
            }
        };

        assertThat(memory.minChips(new Footprint(100e9, 0, 0, 0))).hasValue(5);
        assertThat(memory.minChips(new Footprint(1e9, 0, 0, 0))).hasValue(1);
    }
}
