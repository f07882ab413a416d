package org.splitinfer.core.report;

import org.splitinfer.core.testing.PlainChip;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.ParallelLayout;

class RooflineAnalysisTest {
    private static final ModelSpec LLAMA_8B = ModelCatalog.builtIn().get("llama-3.1-8b");
    /** One sequence decoding at 4,096 tokens of context. */
    private static final StepBatch DECODE = StepBatch.decode(1, 4096);

    @Test
    void aStepThatDoesNotFitItsChipsCarriesAWarning() {
        // llama-3.1-8b in bf16: 8.03e9 parameters × 2 bytes = 16.06e9 bytes of weights; its KV cache: 32 layers ×
        // 8 KV heads × 128 × (K and V) × 2 bytes = 131,072 bytes a token, × 4,097 tokens = 0.537e9 bytes;
        // 16.6e9 bytes in all, more than one 10e9-byte chip holds
        RooflineAnalysis analysis = RooflineAnalysis.of(new PlainChip("small", 10e9),
                new RooflineStep(LLAMA_8B, ModelPrecision.BF16, DECODE, ParallelLayout.SINGLE));

        assertThat(analysis.placement().orElseThrow().fitsFullSpeed()).isFalse();
        assertThat(analysis.chart().warnings()).containsExactly("warning: the step's weights and KV cache (16.6 GB)"
                + " do not fit the full-speed memory of 1 small chip; times assume they did");
    }

    @Test
    void aStepThatFitsCarriesNoWarning() {
        // over two chips: 8.3e9 bytes each, within 10e9
        RooflineAnalysis analysis = RooflineAnalysis.of(new PlainChip("small", 10e9),
                new RooflineStep(LLAMA_8B, ModelPrecision.BF16, DECODE, new ParallelLayout(2, 1, 1, 1)));

        assertThat(analysis.placement().orElseThrow().fitsFullSpeed()).isTrue();
        assertThat(analysis.chart().warnings()).isEmpty();
    }

    @Test
    void eachDotsShareIsItsKernelsTimeOverTheWholeStep() {
        RooflineAnalysis analysis = RooflineAnalysis.of(new PlainChip("roomy", 80e9),
                new RooflineStep(LLAMA_8B, ModelPrecision.BF16, DECODE, ParallelLayout.SINGLE));

        double stepSeconds = analysis.kernels().stream().mapToDouble(KernelPoint::seconds).sum();
        RooflineChart chart = analysis.chart();
        double shown = 0;
        for (RooflineChart.Point point : chart.points()) {
            KernelPoint kernel = analysis.kernels().stream()
                    .filter(k -> k.kernel().name().equals(point.label())).findFirst().orElseThrow();
            assertThat(point.shareOfStep()).isCloseTo(kernel.seconds() / stepSeconds, Offset.offset(1e-12));
            shown += point.shareOfStep();
        }
        // the embedding lookup has no FLOPs and no place on a log-log plot, so the dots hold a little under 1
        assertThat(shown).isLessThan(1).isGreaterThan(0.9);
    }
}
