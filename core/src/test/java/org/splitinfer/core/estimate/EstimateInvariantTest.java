package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.InvalidFigureException;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;

/** The backstop behind the plugins: an estimate with a NaN, infinite or negative figure is withheld, its source named. */
class EstimateInvariantTest {
    private static final ModelSpec LLAMA_70B = ModelCatalog.builtIn().get("llama-3.1-70b");

    private static Estimate estimate(FakeChip chip) {
        return EstimatorTest.estimator(chip).estimate(LLAMA_70B, PipelineSpec.colocated(PoolSpec.of(chip.id(), 8).withLayout(8, 1)),
                Workload.closedLoop(2000, 300, 1));
    }

    @Test
    void aNegativeCollectiveTimeIsWithheldNamingThePoolAndChip() {
        // before: a collective of -1 s per step made the TTFT negative, printed with exit 0
        FakeChip broken = FakeChip.h100Like("neg").withLinkLatency(-1);

        assertThatThrownBy(() -> estimate(broken))
                .isInstanceOfSatisfying(InvalidFigureException.class, e -> assertThat(e.hardware()).isEqualTo("neg"))
                .hasMessageStartingWith("the estimate of 'llama-3.1-70b' has phases[0].")
                .hasMessageContaining(" from the colocated pool on 'neg', where only a finite figure of at least 0"
                        + " makes sense; the model of 'neg' produced it, so check that chip's plugin and its hardware"
                        + " sheet");
    }

    @Test
    void nanPowerIsWithheldRatherThanPrintedAsNanTokensPerJoule() {
        FakeChip nanPower = new FakeChip("nan", 1e15, 80e9, 3e12, 50e9, 1e-6, Double.NaN, 700, 300, 30_000);

        assertThatThrownBy(() -> estimate(nanPower))
                .isInstanceOf(InvalidFigureException.class)
                .hasMessageStartingWith("the estimate of 'llama-3.1-70b' has phases[0].wallWattsPerChip = NaN from the"
                        + " colocated pool on 'nan'");
    }

    @Test
    void aSoundChipsEstimatePassesTheCheck() {
        assertThat(estimate(FakeChip.h100Like("ok")).tokensPerJoule()).isPositive().isFinite();
    }
}
