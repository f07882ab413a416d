package org.splitinfer.core.estimate;

import org.splitinfer.core.cost.ProfileSource;
import org.splitinfer.core.cost.StepCoster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.cost.LayoutException;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.InstalledAccelerator;
import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Status;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

class EstimatorTest {
    private static final ModelSpec LLAMA_70B = ModelCatalog.builtIn().get("llama-3.1-70b");

    /** An estimator of the given chips and the plain hardware model; the other estimate tests share it. */
    static Estimator estimator(Accelerator... chips) {
        List<InstalledAccelerator> installed = new ArrayList<>();
        for (Accelerator chip : chips) {
            installed.add(new InstalledAccelerator(chip, "test", "test"));
        }
        // the plain hardware model, so every figure can be checked by hand
        return new Estimator(new HardwareRegistry(installed, List.of()), LinkCatalog.builtIn(),
                CostAssumptions.DEFAULT, ServingCalibration.NONE);
    }

    private static PipelineSpec.Split split(int prefillChips, int decodeChips, String precision) {
        return new PipelineSpec.Split(PoolSpec.of("pre", prefillChips).withPrecision(precision),
                PoolSpec.of("dec", decodeChips).withPrecision(precision), "infiniband-ndr-400g", false);
    }

    @Test
    void theKvCacheOfA2000TokenPromptCrossesA400GbLinkIn13Milliseconds() {
        Estimate estimate = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec"))
                .estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(2000, 300, 1));

        // KV per token 80 layers × 2 (K, V) × 8 KV heads × 128 dims × 2 bytes = 327,680; × 2,000 = 655.36e6 bytes;
        // one 400 Gb/s port = 50e9 B/s (8 NICs of 50e9 each side do not limit it): 655.36e6 / 50e9 = 13.1072 ms,
        // plus the link's 5 µs latency
        assertThat(LLAMA_70B.kvBytes(2000, org.splitinfer.spi.Precision.BF16)).isEqualTo(655.36e6);
        assertThat(estimate.kvTransferSeconds()).isCloseTo(655.36e6 / 50e9 + 5e-6, within(1e-12));
    }

    @Test
    void ttftIsAtLeastPrefillComputeAtPeakPlusTheTransferAndTpotAtLeastWeightsOverBandwidth() {
        Estimate estimate = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec"))
                .estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(2000, 300, 1));

        // the whole model's prefill FLOPs over 8 chips at 1e15 FLOP/s each, then the 13.11 ms transfer
        KernelPlanner planner = new KernelPlanner(LLAMA_70B, ModelPrecision.BF16);
        double prefillFlops = planner.plan(StepBatch.prefill(1, 2000, 0), ParallelLayout.SINGLE).totalFlops();
        // 2 FLOPs × the 68,452,360,192 parameters outside the two embedding tables (70,553,706,496 − 2 × 128,256
        // × 8,192) × 2,000 tokens = 2.738e14, plus attention; the LM head runs for the last token only
        assertThat(prefillFlops).isGreaterThan(2.0 * 68_452_360_192L * 2000);
        assertThat(estimate.ttftSeconds())
                .isGreaterThanOrEqualTo(prefillFlops / (8 * 1e15) + 655.36e6 / 50e9 + 5e-6);
        // every decode step reads each chip's weights: 141.1e9 bytes / 8 chips / 3e12 B/s = 5.88 ms
        double weightBytesPerChip = LLAMA_70B.weightBytes(ModelPrecision.BF16) / 8;
        assertThat(estimate.tpotSeconds()).isGreaterThanOrEqualTo(weightBytesPerChip / 3e12);
        assertThat(estimate.outputTokensPerSecondPerUser()).isEqualTo(1 / estimate.tpotSeconds());
    }

    @Test
    void aColocatedPipelineHasNoKvTransfer() {
        Estimate estimate = estimator(FakeChip.h100Like("gpu")).estimate(LLAMA_70B,
                new PipelineSpec.Colocated(PoolSpec.of("gpu", 8).withPrecision("bf16")), Workload.closedLoop(2000, 300, 4));

        assertThat(estimate.kvTransferSeconds()).isZero();
        assertThat(estimate.pipeline()).isEqualTo(PipelineKind.COLOCATED);
        assertThat(estimate.chips()).isEqualTo(8);
    }

    @Test
    void ttftGrowsWithThePrompt() {
        Estimator estimator = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec"));
        double previous = 0;
        for (long prompt : new long[] {250, 1000, 4000, 16000}) {
            double ttft = estimator.estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(prompt, 300, 1))
                    .ttftSeconds();
            assertThat(ttft).as("TTFT at %d prompt tokens", prompt).isGreaterThan(previous);
            previous = ttft;
        }
    }

    @Test
    void tpotGrowsWithBatchAndWithContext() {
        Estimator estimator = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec"));
        double previous = 0;
        for (int concurrency : new int[] {1, 8, 32, 128}) {
            double tpot = estimator.estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(2000, 300, concurrency))
                    .tpotSeconds();
            assertThat(tpot).as("TPOT at %d in flight", concurrency).isGreaterThan(previous);
            previous = tpot;
        }
        previous = 0;
        for (long prompt : new long[] {500, 2000, 8000, 32000}) {
            double tpot = estimator.estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(prompt, 300, 8))
                    .tpotSeconds();
            assertThat(tpot).as("TPOT at a %d-token context", prompt).isGreaterThan(previous);
            previous = tpot;
        }
    }

    @Test
    void addingChipsNeverRaisesTheBytesEachChipReads() {
        StepCoster coster = new StepCoster(FakeChip.h100Like("gpu"), LLAMA_70B, ModelPrecision.BF16);
        double previous = Double.MAX_VALUE;
        for (int chips : new int[] {2, 4, 8, 16}) {
            double bytes = coster.cost(StepBatch.decode(8, 2150), new ParallelLayout(chips, 1, 1, 1),
                    Residency.allIn("hbm")).work().totalBytes();
            assertThat(bytes).as("bytes per chip at tp %d", chips).isLessThanOrEqualTo(previous);
            previous = bytes;
        }
    }

    @Test
    void collectiveLatencyCanRaiseTpotWhenChipsAreAdded() {
        // with 1 ms per ring step, an all-reduce over 16 chips pays 2 × 15 ms per collective, over 2 chips 2 × 1 ms:
        // spreading the weights thinner no longer pays for the extra steps
        FakeChip slowLinks = FakeChip.h100Like("gpu").withLinkLatency(1e-3);
        StepCoster coster = new StepCoster(slowLinks, LLAMA_70B, ModelPrecision.BF16);
        var two = coster.cost(StepBatch.decode(1, 2150), new ParallelLayout(2, 1, 1, 1), Residency.allIn("hbm"));
        var sixteen = coster.cost(StepBatch.decode(1, 2150), new ParallelLayout(16, 1, 1, 1), Residency.allIn("hbm"));

        assertThat(sixteen.work().totalBytes()).isLessThan(two.work().totalBytes());
        assertThat(sixteen.collectiveSeconds()).isGreaterThan(two.collectiveSeconds());
        // 80 layers × 2 all-reduces × 2(n − 1) steps × 1 ms: 320 ms at n = 2, 4.8 s at n = 16
        assertThat(two.collectiveSeconds()).isGreaterThanOrEqualTo(160 * 2 * 1e-3);
        assertThat(sixteen.collectiveSeconds()).isGreaterThanOrEqualTo(160 * 30 * 1e-3);
        assertThat(sixteen.latencySeconds()).isGreaterThan(two.latencySeconds());
    }

    @Test
    void energyAndCostFollowFromPowerAndPrice() {
        Estimate estimate = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec"))
                .estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(2000, 300, 16));

        // tokens per joule × watts = tokens per second
        assertThat(estimate.tokensPerJoule() * estimate.wallWatts())
                .isCloseTo(estimate.outputTokensPerSecond(), within(1e-6 * estimate.outputTokensPerSecond()));
        // 16 chips each between idle + overhead (100 + 300 W) and peak + overhead (700 + 300 W)
        assertThat(estimate.wallWatts()).isBetween(16 * 400.0, 16 * 1000.0);
        // $/hour: each chip $30,000 over 4 × 8,766 h plus its wall watts × 1.3 PUE × $0.083/kWh
        double expectedUsdPerHour = 16 * 30_000 / (4 * 365.25 * 24) + estimate.wallWatts() * 1.3 * 0.083 / 1000;
        assertThat(estimate.usdPerHour()).isCloseTo(expectedUsdPerHour, within(1e-9));
        assertThat(estimate.usdPerMillionTokens())
                .isCloseTo(expectedUsdPerHour / (estimate.outputTokensPerSecond() * 3600) * 1e6, within(1e-9));
    }

    @Test
    void aSlowerDecodeChipLowersThroughputAndRaisesTpot() {
        // short prompts and long answers keep the decode pool the bottleneck
        Estimate fast = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec"))
                .estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(500, 1000, 32));
        Estimate slow = estimator(FakeChip.h100Like("pre"), FakeChip.h100Like("dec").withBandwidth(1.5e12))
                .estimate(LLAMA_70B, split(8, 8, "bf16"), Workload.closedLoop(500, 1000, 32));

        assertThat(slow.tpotSeconds()).isGreaterThan(fast.tpotSeconds());
        assertThat(slow.outputTokensPerSecond()).isLessThan(fast.outputTokensPerSecond());
    }

    @Test
    void autoChipsHoldTheWeightsAndTheRequestsInFlight() {
        // 141.1e9 bytes of BF16 weights on 72e9 usable bytes per chip need 2 chips for one sequence; 256 sequences
        // of 2,300 tokens add 256 × 2,300 × 327,680 = 192.9e9 bytes, 334e9 in all: 5 chips
        Estimate estimate = estimator(FakeChip.h100Like("gpu")).estimate(LLAMA_70B,
                new PipelineSpec.Colocated(PoolSpec.auto("gpu").withPrecision("bf16")),
                Workload.closedLoop(2000, 300, 256));

        assertThat(estimate.phases().get(0).chipsPerInstance()).isEqualTo(5);
        assertThat(estimate.concurrency()).isEqualTo(256);
    }

    @Test
    void theChoicesTheEstimatorMadeAreTypedAssumptions() {
        Estimate estimate = estimator(FakeChip.h100Like("gpu")).estimate(LLAMA_70B,
                PipelineSpec.colocated(PoolSpec.auto("gpu").withPrecision("bf16")), Workload.closedLoop(2000, 300, 256));

        // 5 chips hold the footprint (see above); in the fake's 8-chip domain the 64 heads split over 1, 2, 4 or 8
        // chips, so 5 chips run only as 1 × 5 stages
        assertThat(estimate.assumptions()).contains(
                new Assumption.AutoChips(PoolRole.COLOCATED, "gpu", 5, 5, LLAMA_70B.weightBytes(ModelPrecision.BF16),
                        256, 2300),
                new Assumption.LayoutChosen(PoolRole.COLOCATED, 1, 5, 5, LayoutGoal.TIME_PER_OUTPUT_TOKEN),
                new Assumption.ColocatedBatching(),
                new Assumption.CostBasis(CostAssumptions.DEFAULT));
        assertThat(estimate.assumptions().get(0)).isEqualTo(new Assumption.StackProfileApplied(null, "gpu",
                ProfileSource.PLAIN_MODEL, null, 1, 0));
        assertThat(estimate.chipStatuses()).containsExactly(new ChipStatus("gpu", Status.SHIPPING, 0));
    }

    @Test
    void aChipThatPricesItselfInCodeIsChargedItsPrice() {
        // no price figure in its sheet: the plugin computes a rental price of $2.50 per chip-hour
        FakeChip chip = FakeChip.h100Like("rented");
        Accelerator priced = new Accelerator() {
            @Override
            public AcceleratorSpec spec() {
                return new AcceleratorSpec("rented", Family.GPU, "Test", "rented", Status.SHIPPING,
                        chip.spec().sources(), List.of());
            }

            @Override
            public Roofline roofline() {
                return chip;
            }

            @Override
            public MemoryModel memory() {
                return chip;
            }

            @Override
            public Interconnect interconnect() {
                return chip;
            }

            @Override
            public PowerModel power() {
                return chip;
            }

            @Override
            public Optional<Price> price() {
                return Optional.of(new Price(OptionalDouble.empty(), OptionalDouble.of(2.5)));
            }
        };
        Estimate estimate = estimator(priced).estimate(LLAMA_70B,
                PipelineSpec.colocated(PoolSpec.of("rented", 8).withPrecision("bf16")), Workload.closedLoop(2000, 300, 8));

        // 8 chips × $2.50 per hour, energy included in the rental
        assertThat(estimate.usdPerHour()).isEqualTo(8 * 2.5);
        assertThat(estimate.usdPerMillionTokens())
                .isCloseTo(20.0 / (estimate.outputTokensPerSecond() * 3600) * 1e6, within(1e-9));
    }

    @Test
    void aPoolTooSmallForTheModelNamesTheFewestChips() {
        assertThatThrownBy(() -> estimator(FakeChip.h100Like("gpu")).estimate(LLAMA_70B,
                new PipelineSpec.Colocated(PoolSpec.of("gpu", 1).withPrecision("bf16")), Workload.closedLoop(2000, 300, 1)))
                .isInstanceOf(EstimateException.class)
                .hasMessageStartingWith("'llama-3.1-70b' in weights=bf16,activations=bf16,kv=bf16 does not fit on 1"
                        + " 'gpu' chips")
                .hasMessageEndingWith("set colocated.chips to at least 2, or leave it to the estimator")
                .satisfies(e -> assertThat(((EstimateException) e).fields()).containsExactly("colocated.chips"));
    }

    @Test
    void aLayoutThatDoesNotMultiplyToTheChipsIsRefused() {
        assertThatThrownBy(() -> estimator(FakeChip.h100Like("gpu")).estimate(LLAMA_70B,
                new PipelineSpec.Colocated(PoolSpec.of("gpu", 8).withLayout(OptionalInt.of(3), OptionalInt.empty()).withPrecision("bf16")), Workload.closedLoop(2000, 300, 1)))
                .isInstanceOf(LayoutException.class)
                .hasMessage("colocated.tp = 3 does not divide colocated.chips = 8; change colocated.tp or"
                        + " colocated.chips")
                .satisfies(e -> assertThat(((LayoutException) e).fields())
                        .containsExactly("colocated.tp", "colocated.chips"));
    }

    @Test
    void offlineRunsTheLargestBatchThatFits() {
        Estimate estimate = estimator(FakeChip.h100Like("gpu")).estimate(LLAMA_70B,
                new PipelineSpec.Colocated(PoolSpec.of("gpu", 8).withPrecision("bf16")),
                Workload.offline(2000, 300));

        // 8 × 72e9 usable − 141.1e9 weights = 434.9e9 bytes of KV; / (2,300 × 327,680) = 577 sequences
        assertThat(estimate.phases().get(0).batch()).isEqualTo(estimate.phases().get(0).maxBatch()).isEqualTo(577);
    }
}
