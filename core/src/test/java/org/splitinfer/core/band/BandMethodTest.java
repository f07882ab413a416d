package org.splitinfer.core.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.validate.Metric;

/** The band method on synthetic residuals: ranks, direction, fallback order, unmeasured chips. */
class BandMethodTest {

    /** A residual of a time metric whose slowness ln(predicted ÷ measured) is {@code s}: measured 1 s. */
    private static Residual time(String id, String family, String stack, double s) {
        return new Residual(id, family, stack, Metric.SECONDS, Math.exp(s), 1);
    }

    /** A residual of a rate metric whose slowness is {@code s}: a rate's slowness is ln(measured ÷ predicted). */
    private static Residual rate(String id, String family, String stack, double s) {
        return new Residual(id, family, stack, Metric.OUTPUT_TOKENS_PER_SECOND, 100, 100 * Math.exp(s));
    }

    @Test
    void theRanksAreTheSplitConformalOnesAtEightyPercent() {
        // a = ⌊(n + 1) × 0.1⌋, b = ⌈(n + 1) × 0.9⌉: n = 9 → 1 and 9 (the whole range, the fewest allowed);
        // n = 19 → 2 and 18; n = 44 → ⌊4.5⌋ = 4 and ⌈40.5⌉ = 41; n = 5 → 0 and 6, clamped to 1 and 5
        assertThat(BandMethod.lowerRank(9)).isEqualTo(1);
        assertThat(BandMethod.upperRank(9)).isEqualTo(9);
        assertThat(BandMethod.lowerRank(19)).isEqualTo(2);
        assertThat(BandMethod.upperRank(19)).isEqualTo(18);
        assertThat(BandMethod.lowerRank(44)).isEqualTo(4);
        assertThat(BandMethod.upperRank(44)).isEqualTo(41);
        assertThat(BandMethod.lowerRank(5)).isEqualTo(1);
        assertThat(BandMethod.upperRank(5)).isEqualTo(5);
        // 9 is the fewest n with both ranks inside 1..n: (n + 1) × 0.1 ≥ 1
        assertThat(BandMethod.MIN_CASES).isEqualTo(9);
    }

    @Test
    void aModelThatPredictedItsCasesTooFastRaisesATimesBandAndLowersARatesBand() {
        // 19 residuals, slowness −1.4, −1.3, ..., 0.4 (k ÷ 10 for k = −14..4): mostly negative, the model predicted
        // times shorter than measured. Sorted, the 2nd is −1.3 and the 18th 0.3.
        List<Residual> residuals = new ArrayList<>();
        for (int k = -14; k <= 4; k++) {
            residuals.add(k % 2 == 0 ? time("c" + (k + 14), "gpu", "vllm", k / 10.0)
                    : rate("c" + (k + 14), "gpu", "vllm", k / 10.0));
        }
        ResidualTable table = new ResidualTable(residuals);

        Band seconds = BandMethod.band(table, "gpu", "vllm", false, 1.0, true);
        Band tokensPerSecond = BandMethod.band(table, "gpu", "vllm", false, 100, false);

        // a true time is the predicted ÷ e^s: [1 × e^−0.3, 1 × e^1.3] = [0.7408, 3.6693] s, above the prediction
        assertThat(seconds.low()).isCloseTo(0.7408, within(1e-4));
        assertThat(seconds.high()).isCloseTo(3.6693, within(1e-4));
        // a true rate is the predicted × e^s: [100 × e^−1.3, 100 × e^0.3] = [27.25, 134.99] tok/s, below it
        assertThat(tokensPerSecond.low()).isCloseTo(27.253, within(1e-3));
        assertThat(tokensPerSecond.high()).isCloseTo(134.986, within(1e-3));
        assertThat(seconds.basis()).isEqualTo(BandBasis.SAME_FAMILY_AND_STACK);
        assertThat(seconds.cases()).isEqualTo(19);
        assertThat(seconds.coverage()).isEqualTo(0.8);
    }

    @Test
    void aModelTwiceTooFastOnEveryCaseDoublesATimeAndHalvesARate() {
        // every case: tokens per second predicted 2 × measured, so s = ln(measured ÷ predicted) = −ln 2
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            residuals.add(new Residual("c" + i, "lpu", null, Metric.OUTPUT_TOKENS_PER_SECOND_PER_USER, 200, 100));
        }
        ResidualTable table = new ResidualTable(residuals);

        // a predicted 10 ms step truly takes 20 ms; a predicted 500 tok/s truly gives 250; $4/Mtok truly costs $8
        Band step = BandMethod.band(table, "lpu", null, false, 0.010, true);
        Band speed = BandMethod.band(table, "lpu", null, false, 500, false);
        Band cost = BandMethod.band(table, "lpu", null, false, 4, BandedFigure.USD_PER_MILLION_TOKENS.growsWithTime());

        assertThat(step.low()).isCloseTo(0.020, within(1e-12));
        assertThat(step.high()).isCloseTo(0.020, within(1e-12));
        assertThat(speed.low()).isCloseTo(250, within(1e-9));
        assertThat(speed.high()).isCloseTo(250, within(1e-9));
        assertThat(cost.low()).isCloseTo(8, within(1e-12));
        assertThat(step.contains(0.010)).isFalse();
    }

    @Test
    void theNearestCasesAreTheFamilyAndStackThenTheFamilyThenAll() {
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            residuals.add(time("vllm" + i, "gpu", "vllm", 0.1));
        }
        for (int i = 0; i < 3; i++) {
            residuals.add(time("sglang" + i, "gpu", "sglang", -0.2));
        }
        for (int i = 0; i < 8; i++) {
            residuals.add(time("groq" + i, "lpu", "vendor-api", 0.3));
        }
        ResidualTable table = new ResidualTable(residuals);

        // 9 gpu/vllm cases: enough; 3 gpu/sglang: too few, the 12 gpu cases; no stack: the family; 8 lpu cases:
        // too few, all 20
        assertThat(BandMethod.select(table, "gpu", "vllm").basis()).isEqualTo(BandBasis.SAME_FAMILY_AND_STACK);
        assertThat(BandMethod.select(table, "gpu", "vllm").residuals()).hasSize(9);
        assertThat(BandMethod.select(table, "gpu", "sglang").basis()).isEqualTo(BandBasis.SAME_FAMILY);
        assertThat(BandMethod.select(table, "gpu", "sglang").residuals()).hasSize(12);
        assertThat(BandMethod.select(table, "gpu", null).basis()).isEqualTo(BandBasis.SAME_FAMILY);
        assertThat(BandMethod.select(table, "lpu", "vendor-api").basis()).isEqualTo(BandBasis.ALL_CASES);
        assertThat(BandMethod.select(table, "lpu", "vendor-api").residuals()).hasSize(20);
        assertThat(BandMethod.select(table, "wafer", null).basis()).isEqualTo(BandBasis.ALL_CASES);
        // gpu/vllm: s = 0.1 everywhere, a 1 s time is truly e^−0.1 = 0.9048 s
        assertThat(BandMethod.band(table, "gpu", "vllm", false, 1, true).high()).isCloseTo(0.9048, within(1e-4));
    }

    @Test
    void anUnmeasuredChipsBandSpansItsNearestAndTheAllCasesBandAndSaysItRestsOnAssumptions() {
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            residuals.add(time("gpu" + i, "gpu", null, 0.1));
        }
        for (int i = 0; i < 10; i++) {
            residuals.add(time("lpu" + i, "lpu", null, -0.5));
        }
        ResidualTable table = new ResidualTable(residuals);

        Band shipping = BandMethod.band(table, "gpu", null, false, 1, true);
        Band projected = BandMethod.band(table, "gpu", null, true, 1, true);

        // the gpu cases alone: s = 0.1, [e^−0.1, e^−0.1] = 0.9048 s; all 19: 2nd smallest −0.5, 18th 0.1, so
        // [e^−0.1, e^0.5] = [0.9048, 1.6487] s; the union is the latter
        assertThat(shipping.low()).isCloseTo(0.9048, within(1e-4));
        assertThat(shipping.high()).isCloseTo(0.9048, within(1e-4));
        assertThat(projected.low()).isCloseTo(0.9048, within(1e-4));
        assertThat(projected.high()).isCloseTo(1.6487, within(1e-4));
        assertThat(projected.basis()).isEqualTo(BandBasis.ASSUMPTIONS_ONLY);
        assertThat(projected.restsOnAssumptions()).isTrue();
        assertThat(projected.cases()).isEqualTo(19);
    }

    @Test
    void coverageCountsTheCasesInsideTheBandTakenWithoutThem() {
        // 10 time residuals s = 0, 0.1, ..., 0.9 of one family: each case's band comes from the other 9, whose
        // whole range it is (ranks 1 and 9); only the smallest (0) and the largest (0.9) fall outside theirs
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            residuals.add(time("c" + i, "gpu", null, i / 10.0));
        }

        BandMethod.Coverage coverage = BandMethod.leaveOneOutCoverage(new ResidualTable(residuals));

        assertThat(coverage.covered()).isEqualTo(8);
        assertThat(coverage.cases()).isEqualTo(10);
        assertThat(coverage.fraction()).isEqualTo(0.8);
    }
}
