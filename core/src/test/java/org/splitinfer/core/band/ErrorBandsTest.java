package org.splitinfer.core.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.validate.Metric;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Status;

/** Which chip, family and stack each of an estimate's figures is banded by. */
class ErrorBandsTest {
    /** gpu/vllm cases all predicted 10% too slow in time (s = 0.1); lpu cases all 50% too fast (s = −0.5). */
    private static final ResidualTable TABLE;

    static {
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            residuals.add(new Residual("g" + i, "gpu", "vllm", Metric.SECONDS, Math.exp(0.1), 1));
            residuals.add(new Residual("l" + i, "lpu", "vendor-api", Metric.SECONDS, Math.exp(-0.5), 1));
        }
        TABLE = new ResidualTable(residuals);
    }

    private static Estimate split(Status decodeStatus) {
        return new Estimate("llama-3.1-70b", PipelineKind.SPLIT, 0.2, 0.01, 1000, 100, 0.5, 2.0, 0.001, 16, 9600,
                28, 32, List.of(
                new PhaseEstimate(PoolRole.PREFILL, "h100-sxm", Status.SHIPPING, 0, 8, 1, 8, 1,
                        ModelPrecision.uniform(Precision.FP8), 1, 4, 0.1, 0.1, 0.5, 0.6, 700, 2.0),
                new PhaseEstimate(PoolRole.DECODE, "groq-lpu-v1", decodeStatus, 0, 8, 1, 8, 1,
                        ModelPrecision.uniform(Precision.FP8), 16, 64, 0.01, 0.01, 0.9, 0.4, 500, 1.5)),
                List.of(new Assumption.StackProfileApplied("vllm", "gpu", null, "vllm", 1, 0)));
    }

    private static ErrorBands bands() {
        return new ErrorBands(TABLE, ServingCalibration.NONE,
                id -> id.startsWith("groq") ? Family.LPU : Family.GPU);
    }

    @Test
    void ttftRestsOnThePrefillChipAndTheRestOnTheDecodeChip() {
        FigureBands bands = bands().of(split(Status.SHIPPING));

        // TTFT on h100 (gpu, vllm: 9 cases): 0.2 s ÷ e^0.1 = 0.1810 s
        Band ttft = bands.get(BandedFigure.TTFT_SECONDS).orElseThrow();
        assertThat(ttft.low()).isCloseTo(0.1810, within(1e-4));
        assertThat(ttft.basis()).isEqualTo(BandBasis.SAME_FAMILY_AND_STACK);
        // TPOT on groq (lpu: no vllm case, its 9 family cases): 10 ms ÷ e^−0.5 = 16.49 ms
        Band tpot = bands.get(BandedFigure.TPOT_SECONDS).orElseThrow();
        assertThat(tpot.high()).isCloseTo(0.016487, within(1e-6));
        assertThat(tpot.basis()).isEqualTo(BandBasis.SAME_FAMILY);
        // throughput 1000 × e^−0.5 = 606.5 tok/s; tokens per joule 0.5 × e^−0.5 = 0.3033; $2/Mtok ÷ e^−0.5 = $3.297
        assertThat(bands.get(BandedFigure.OUTPUT_TOKENS_PER_SECOND).orElseThrow().low())
                .isCloseTo(606.53, within(0.01));
        assertThat(bands.get(BandedFigure.TOKENS_PER_JOULE).orElseThrow().high()).isCloseTo(0.30327, within(1e-5));
        assertThat(bands.get(BandedFigure.USD_PER_MILLION_TOKENS).orElseThrow().low())
                .isCloseTo(3.2974, within(1e-4));
        assertThat(bands.restOnAssumptions()).isFalse();
    }

    @Test
    void aProjectedDecodeChipsFiguresRestOnAssumptionsAndItsPrefillFigureDoesNot() {
        FigureBands bands = bands().of(split(Status.PROJECTED));

        assertThat(bands.get(BandedFigure.TTFT_SECONDS).orElseThrow().basis())
                .isEqualTo(BandBasis.SAME_FAMILY_AND_STACK);
        // all 18 cases, ranks ⌊19 × 0.1⌋ = 1 and ⌈19 × 0.9⌉ = 18 of nine −0.5 then nine 0.1: −0.5 and 0.1; the
        // union with the lpu band [16.49, 16.49] ms is 10 ms × [e^−0.1, e^0.5] = [9.048, 16.49] ms
        Band tpot = bands.get(BandedFigure.TPOT_SECONDS).orElseThrow();
        assertThat(tpot.basis()).isEqualTo(BandBasis.ASSUMPTIONS_ONLY);
        assertThat(tpot.low()).isCloseTo(0.009048, within(1e-6));
        assertThat(tpot.high()).isCloseTo(0.016487, within(1e-6));
        assertThat(bands.restOnAssumptions()).isTrue();
    }

    @Test
    void aFigureTheEstimateDoesNotHaveCarriesNoBand() {
        Estimate e = split(Status.SHIPPING);
        Estimate noPower = new Estimate(e.model(), e.pipeline(), e.ttftSeconds(), e.tpotSeconds(),
                e.outputTokensPerSecond(), e.outputTokensPerSecondPerUser(), Double.NaN, e.usdPerMillionTokens(),
                e.kvTransferSeconds(), e.chips(), e.wallWatts(), e.usdPerHour(), e.concurrency(), e.phases(),
                e.assumptions());

        assertThat(bands().of(noPower).bands()).doesNotContainKey(BandedFigure.TOKENS_PER_JOULE).hasSize(5);
        assertThat(new FigureBands(Map.of()).get(BandedFigure.TTFT_SECONDS)).isEmpty();
    }
}
