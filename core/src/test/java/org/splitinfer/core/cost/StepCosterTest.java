package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.testing.PlainChip;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;

class StepCosterTest {
    private static final double HOP_SECONDS = 1e-3;
    private static final ParallelLayout ONE_CHIP = new ParallelLayout(1, 1, 1, 1);
    private static final Residency HBM = Residency.allIn("hbm");

    /** PlainChip's kernels, plus 1 ms of hardware latency per step: a fabric hop no serving stack can shorten. */
    private static final class HopChip implements Accelerator {
        private final PlainChip plain = new PlainChip();
        private final Roofline roofline = new Roofline() {
            @Override
            public List<Precision> computePrecisions() {
                return plain.computePrecisions();
            }

            @Override
            public double peakFlopsPerSecond(Precision precision) {
                return plain.peakFlopsPerSecond(precision);
            }

            @Override
            public double kernelSeconds(Kernel kernel, Residency residency) {
                return plain.kernelSeconds(kernel, residency);
            }

            @Override
            public StepTiming stepTiming(Step step) {
                StepTiming kernels = plain.stepTiming(step);
                return new StepTiming(kernels.latencySeconds() + HOP_SECONDS, kernels.intervalSeconds() + HOP_SECONDS,
                        HOP_SECONDS, HOP_SECONDS);
            }
        };

        @Override
        public AcceleratorSpec spec() {
            return plain.spec();
        }

        @Override
        public Roofline roofline() {
            return roofline;
        }

        @Override
        public MemoryModel memory() {
            return plain.memory();
        }

        @Override
        public Interconnect interconnect() {
            return plain.interconnect();
        }

        @Override
        public PowerModel power() {
            return plain.power();
        }
    }

    private static StepCost cost(double kernelEfficiency) {
        StepCoster coster = new StepCoster(new HopChip(), ModelCatalog.builtIn().get("llama-3.1-8b"),
                ModelPrecision.BF16, new StepAdjustment(kernelEfficiency, 0, 0), false);
        return coster.cost(StepBatch.decode(8, 1024), ONE_CHIP, HBM);
    }

    @Test
    void aStacksEfficiencyStretchesTheKernelsWorkButNotTheHardwaresLatency() {
        StepCost full = cost(1);
        StepCost half = cost(0.5);

        // work w = full − 1 ms; at efficiency 0.5 the step is w ÷ 0.5 + 1 ms = 2 × (full − 1 ms) + 1 ms, where
        // dividing the whole step (the old rule) would give 2 × full, stretching the hop to 2 ms
        double work = full.kernelLatencySeconds() - HOP_SECONDS;
        assertThat(work).isPositive();
        assertThat(half.kernelLatencySeconds()).isCloseTo(work / 0.5 + HOP_SECONDS, within(1e-12));
        assertThat(half.kernelIntervalSeconds()).isCloseTo((full.kernelIntervalSeconds() - HOP_SECONDS) / 0.5
                + HOP_SECONDS, within(1e-12));
        assertThat(half.kernelLatencySeconds()).isLessThan(2 * full.kernelLatencySeconds());
    }

    @Test
    void aStepTimingWithoutHardwarePartsIsAllWork() {
        StepTiming plain = new StepTiming(3e-3, 1e-3);

        assertThat(plain.hardwareLatencySeconds()).isZero();
        assertThat(plain.workLatencySeconds()).isEqualTo(3e-3);
        assertThat(plain.workIntervalSeconds()).isEqualTo(1e-3);
    }

    @Test
    void aStacksOverheadIsPaidOncePerIterationNotOncePerMicroBatch() {
        // 32 micro-batches through a deep pipeline: each micro-batch's interval is 0.1 ms of work and 0.5 ms of the
        // stack's overhead; the iteration is max(5 ms latency, 32 × 0.1 ms + 0.5 ms = 3.7 ms) = 5 ms, where paying
        // the overhead per micro-batch would give 32 × 0.6 ms = 19.2 ms
        assertThat(StepCost.iterationSeconds(5e-3, 0.6e-3, 32, 0.5e-3)).isCloseTo(5e-3, within(1e-15));
        // past the latency: 64 micro-batches take 64 × 0.1 ms + 0.5 ms = 6.9 ms
        assertThat(StepCost.iterationSeconds(5e-3, 0.6e-3, 64, 0.5e-3)).isCloseTo(6.9e-3, within(1e-15));
        // one micro-batch: max(latency, interval), as without a pipeline
        assertThat(StepCost.iterationSeconds(5e-3, 0.6e-3, 1, 0.5e-3)).isEqualTo(5e-3);
    }

    @Test
    void aPrefillEfficiencyStretchesPrefillStepsAndLeavesDecodeStepsToTheDecodeOne() {
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-8b");
        StepCoster plain = new StepCoster(new HopChip(), model, ModelPrecision.BF16, StepAdjustment.NONE, false);
        // decode at 0.8 of the modelled kernel speed, prefill at 0.25
        StepCoster split = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                new StepAdjustment(new StackProfile(0.8, 0).withPrefillKernelEfficiency(0.25), 0), false);
        StepBatch prefill = StepBatch.prefill(1, 512, 0);
        StepBatch decode = StepBatch.decode(8, 1024);

        // prefill: work w = plain − 1 ms, stretched to w ÷ 0.25 + 1 ms; decode: w ÷ 0.8 + 1 ms
        double prefillWork = plain.cost(prefill, ONE_CHIP, HBM).kernelLatencySeconds() - HOP_SECONDS;
        double decodeWork = plain.cost(decode, ONE_CHIP, HBM).kernelLatencySeconds() - HOP_SECONDS;
        assertThat(split.cost(prefill, ONE_CHIP, HBM).kernelLatencySeconds())
                .isCloseTo(prefillWork / 0.25 + HOP_SECONDS, within(1e-12));
        assertThat(split.cost(decode, ONE_CHIP, HBM).kernelLatencySeconds())
                .isCloseTo(decodeWork / 0.8 + HOP_SECONDS, within(1e-12));
        // one efficiency for both phases is the three-argument adjustment
        assertThat(new StepAdjustment(0.8, 0, 0).kernelEfficiency(Phase.PREFILL)).isEqualTo(0.8);
    }

    @Test
    void aStacksHostCostPerSequenceIsPaidByEachDecodeStepForEachOfItsSequences() {
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-8b");
        StepCoster plain = new StepCoster(new HopChip(), model, ModelPrecision.BF16, StepAdjustment.NONE, false);
        // 0.25 ms per sequence: a decode step of 8 sequences adds 8 × 0.25 ms = 2 ms to its latency and interval
        StepCoster host = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                new StepAdjustment(StackProfile.IDEAL.withSequenceSeconds(0.25e-3), 0), false);
        StepBatch decode = StepBatch.decode(8, 1024);
        StepBatch prefill = StepBatch.prefill(8, 512, 0);

        assertThat(host.cost(decode, ONE_CHIP, HBM).latencySeconds())
                .isCloseTo(plain.cost(decode, ONE_CHIP, HBM).latencySeconds() + 2e-3, within(1e-12));
        assertThat(host.cost(decode, ONE_CHIP, HBM).intervalSeconds())
                .isCloseTo(plain.cost(decode, ONE_CHIP, HBM).intervalSeconds() + 2e-3, within(1e-12));
        // prefill steps and the kernels themselves are untouched
        assertThat(host.cost(prefill, ONE_CHIP, HBM).latencySeconds())
                .isEqualTo(plain.cost(prefill, ONE_CHIP, HBM).latencySeconds());
        assertThat(host.cost(decode, ONE_CHIP, HBM).kernelLatencySeconds())
                .isEqualTo(plain.cost(decode, ONE_CHIP, HBM).kernelLatencySeconds());
    }

    @Test
    void aStacksTimePerLayerIsPaidForEachLayerOfEveryStage() {
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-8b");
        StepCoster plain = new StepCoster(new HopChip(), model, ModelPrecision.BF16, StepAdjustment.NONE, false);
        StepCoster layered = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                new StepAdjustment(StackProfile.IDEAL.withLayerSeconds(10e-6), 0), false);
        StepBatch decode = StepBatch.decode(1, 1024);
        // one chip runs all 32 layers: 32 × 10 µs = 320 µs on the latency and the interval alike
        assertThat(layered.cost(decode, ONE_CHIP, HBM).latencySeconds())
                .isCloseTo(plain.cost(decode, ONE_CHIP, HBM).latencySeconds() + 320e-6, within(1e-12));
        assertThat(layered.cost(decode, ONE_CHIP, HBM).intervalSeconds())
                .isCloseTo(plain.cost(decode, ONE_CHIP, HBM).intervalSeconds() + 320e-6, within(1e-12));
        // two stages of 16 layers: a token crosses both (2 × 16 × 10 µs = 320 µs), the pipeline starts a step every
        // stage (16 × 10 µs = 160 µs)
        ParallelLayout pp2 = new ParallelLayout(1, 2, 1, 1);
        assertThat(layered.cost(decode, pp2, HBM).latencySeconds())
                .isCloseTo(plain.cost(decode, pp2, HBM).latencySeconds() + 320e-6, within(1e-12));
        assertThat(layered.cost(decode, pp2, HBM).intervalSeconds())
                .isCloseTo(plain.cost(decode, pp2, HBM).intervalSeconds() + 160e-6, within(1e-12));
        // the time is inside the layers, so a single-layer measurement (layers only) pays it as well: 32 × 10 µs
        StepCoster layersOnly = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                new StepAdjustment(StackProfile.IDEAL.withLayerSeconds(10e-6), 0), true);
        StepCoster plainLayers = new StepCoster(new HopChip(), model, ModelPrecision.BF16, StepAdjustment.NONE, true);
        assertThat(layersOnly.cost(decode, ONE_CHIP, HBM).latencySeconds())
                .isCloseTo(plainLayers.cost(decode, ONE_CHIP, HBM).latencySeconds() + 320e-6, within(1e-12));
    }

    @Test
    void aStacksAttentionCeilingSlowsComputeBoundAttentionAndLeavesStreamingAttentionAlone() {
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-8b");
        StackProfile half = new StackProfile(1, 0).withPrefillKernelEfficiency(0.5);
        StepCoster uncapped = new StepCoster(new HopChip(), model, ModelPrecision.BF16, new StepAdjustment(half, 0),
                false);
        StepCoster capped = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                new StepAdjustment(half.withAttentionEfficiency(0.1), 0), false);
        // an 8,192-token prompt: s(s+1)/2 = 33,558,528 score pairs, 4 × 32 heads × 128 FLOPs each, in 32 layers:
        // F = 1.7595e13 FLOPs. PlainChip computes at 1e15 FLOP/s, so attention takes F ÷ 1e15 = 17.6 ms of work (its
        // K and V, 34 MB a layer at 3 TB/s, take 11 µs), 35.2 ms at the prefill efficiency 0.5; capped at 0.1 of the
        // peak it takes F ÷ 1e14 = 176 ms: 140.8 ms more, on the latency and on the interval
        double flops = 32 * 4.0 * (8192.0 * 8193 / 2) * 32 * 128;
        double excess = flops / 1e14 - flops / 1e15 / 0.5;
        StepBatch prefill = StepBatch.prefill(1, 8192, 0);
        assertThat(excess).isCloseTo(0.1408, within(1e-4));
        assertThat(capped.cost(prefill, ONE_CHIP, HBM).latencySeconds())
                .isCloseTo(uncapped.cost(prefill, ONE_CHIP, HBM).latencySeconds() + excess, within(1e-9));
        assertThat(capped.cost(prefill, ONE_CHIP, HBM).intervalSeconds())
                .isCloseTo(uncapped.cost(prefill, ONE_CHIP, HBM).intervalSeconds() + excess, within(1e-9));
        // two stages of 16 layers: a stage's attention is half of it; the prompt crosses both, a step starts per stage
        ParallelLayout pp2 = new ParallelLayout(1, 2, 1, 1);
        assertThat(capped.cost(prefill, pp2, HBM).latencySeconds())
                .isCloseTo(uncapped.cost(prefill, pp2, HBM).latencySeconds() + excess, within(1e-9));
        assertThat(capped.cost(prefill, pp2, HBM).intervalSeconds())
                .isCloseTo(uncapped.cost(prefill, pp2, HBM).intervalSeconds() + excess / 2, within(1e-9));
        // a decode step of 8 sequences at 1,024 tokens of context streams its KV cache: 8 × 1,025 positions × 8 KV
        // heads × 128 × 2 (K, V) × 2 bytes × 32 layers = 1.07 GB, 358 µs at 3 TB/s, against 8 × 1,025 × 4 × 32 × 128
        // × 32 = 4.30e9 FLOPs, 43 µs even at 0.1 of the peak: the ceiling does not bite
        StepBatch decode = StepBatch.decode(8, 1024);
        assertThat(capped.cost(decode, ONE_CHIP, HBM).latencySeconds())
                .isEqualTo(uncapped.cost(decode, ONE_CHIP, HBM).latencySeconds());
    }

    @Test
    void aLowerAttentionCeilingNeverShortensAStepAndTheIntervalNeverExceedsTheLatency() {
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-8b");
        ParallelLayout pp2 = new ParallelLayout(1, 2, 1, 1);
        for (int prompt : new int[] {128, 1024, 8192, 32768}) {
            for (ParallelLayout layout : List.of(ONE_CHIP, pp2)) {
                double previous = 0;
                for (double ceiling : new double[] {1, 0.5, 0.2, 0.1, 0.05, 0.01}) {
                    StepCoster coster = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                            new StepAdjustment(StackProfile.IDEAL.withAttentionEfficiency(ceiling), 0), false);
                    StepCost cost = coster.cost(StepBatch.prefill(1, prompt, 0), layout, HBM);
                    assertThat(cost.latencySeconds()).as("prompt %d, ceiling %s", prompt, ceiling)
                            .isGreaterThanOrEqualTo(previous);
                    assertThat(cost.intervalSeconds()).isLessThanOrEqualTo(cost.latencySeconds());
                    previous = cost.latencySeconds();
                }
            }
        }
    }

    @Test
    void aRingStacksCollectiveLatencyGrowsWithTheTensorParallelDegree() {
        // a ring all-reduce over n chips takes 2(n − 1) dependent steps, the others n − 1, a send none
        assertThat(StepAdjustment.ringSteps(new Collective("ar", CollectiveKind.ALL_REDUCE, 1e6, 8, 1))).isEqualTo(14);
        assertThat(StepAdjustment.ringSteps(new Collective("ar", CollectiveKind.ALL_REDUCE, 1e6, 2, 1))).isEqualTo(2);
        assertThat(StepAdjustment.ringSteps(new Collective("ag", CollectiveKind.ALL_GATHER, 1e6, 8, 1))).isEqualTo(7);
        assertThat(StepAdjustment.ringSteps(new Collective("p2p", CollectiveKind.SEND_RECV, 1e6, 2, 1))).isZero();

        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-8b");
        StepCoster plain = new StepCoster(new HopChip(), model, ModelPrecision.BF16, StepAdjustment.NONE, false);
        StepCoster ring = new StepCoster(new HopChip(), model, ModelPrecision.BF16,
                new StepAdjustment(StackProfile.IDEAL.withRingStepSeconds(5e-6), 0), false);
        ParallelLayout tp2 = new ParallelLayout(2, 1, 1, 1);
        StepBatch decode = StepBatch.decode(1, 1024);
        StepCost without = plain.cost(decode, tp2, HBM);
        StepCost with = ring.cost(decode, tp2, HBM);
        // Llama 3.1 8B's collectives at tp 2: every all-reduce adds 2 × (2 − 1) × 5 µs, every other n − 1 = 1 step
        double expected = 0;
        for (Collective collective : without.work().collectives()) {
            expected += StepAdjustment.ringSteps(collective) * collective.count() * 5e-6;
        }
        assertThat(expected).isPositive();
        assertThat(with.collectiveSeconds()).isCloseTo(without.collectiveSeconds() + expected, within(1e-12));
    }
}
