package org.splitinfer.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.model.TensorGroup;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;

class KernelPlannerTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    private static KernelPlanner planner(String id) {
        ModelSpec model = CATALOG.get(id);
        return new KernelPlanner(model, model.nativePrecision());
    }

    @Test
    void llama2With7BillionParametersPrefillOf2048TokensCostsItsHandCount() {
        StepWork work = planner("llama-2-7b").plan(StepBatch.prefill(1, 2048, 0), ParallelLayout.SINGLE);
        double t = 2048;
        double h = 4096;
        double pairs = 2048.0 * 2049 / 2;                              // causal triangle: 2,098,176
        double perLayer = 2 * 4 * t * h                                // two RMSNorms, 4 FLOPs per element
                + 2 * t * (3 * h) * h                                  // fused QKV projection
                + 3 * t * (32 + 32) * 128                              // rotary on queries and keys
                + 4 * pairs * 32 * 128                                 // QKᵀ and PV over 32 heads of 128
                + 2 * t * h * h                                        // output projection
                + 2 * t * (2 * 11008) * h                              // gate and up
                + 5 * t * 11008                                        // SiLU and the gate's multiply
                + 2 * t * h * 11008                                    // down
                + 2 * t * h;                                           // two residual adds
        double expected = 32 * perLayer
                + 4 * t * h                                            // final norm
                + 2 * 1 * 32000 * h;                                   // LM head on the last token only
        assertThat(work.totalFlops()).isCloseTo(expected, withinPercentage(1e-9));
        // the dominant term is the familiar 2 × parameters × tokens
        assertThat(work.totalFlops()).isCloseTo(2 * 6.74e9 * t, withinPercentage(10));
        assertThat(work.kernel("lm_head").shape()).hasFieldOrPropertyWithValue("m", 1L);
    }

    @Test
    void llama2With70BillionParametersDecodeAtBatchOneReadsEveryWeightOnce() {
        ModelSpec model = CATALOG.get("llama-2-70b");
        StepWork work = new KernelPlanner(model, ModelPrecision.uniform(Precision.FP16))
                .plan(StepBatch.decode(1, 4096), ParallelLayout.SINGLE);
        // every parameter at 2 bytes, except that the embedding reads one row of 8192, not the 32000-row table:
        // (68,976,648,192 − 32000 × 8192 + 8192) × 2 = 137,429,024,768
        double weights = (68_976_648_192d - 32_000d * 8192 + 8192) * 2;
        assertThat(weights).isEqualTo(137_429_024_768d);
        assertThat(work.bytesRead().weights()).isEqualTo(weights);
        // KV cache: 4,096 cached tokens plus the new one, 80 layers × 2 × 8 heads × 128 × 2 bytes = 327,680 each
        assertThat(work.bytesRead().kvCache()).isEqualTo(4097d * 327_680);
        assertThat(work.bytesWritten().kvCache()).isEqualTo(327_680d);
        // activations between kernels add well under 0.1% at batch one
        assertThat(work.totalBytes()).isCloseTo(weights + 4098d * 327_680, withinPercentage(0.1));
        assertThat(work.arithmeticIntensity()).isLessThan(1.1);
    }

    @Test
    void mixtralTouchesTwoExpertsPerLayerAtBatchOneAndNearlyAllAtBatch64() {
        ModelSpec mixtral = CATALOG.get("mixtral-8x7b");
        KernelPlanner planner = new KernelPlanner(mixtral, ModelPrecision.BF16);
        double expertBytes = 3d * 4096 * 14336 * 2;                      // 352,321,536 bytes per expert
        // everything but the routed experts and the embedding table, whose T rows are read instead
        double others = (mixtral.totalParameters() - 32d * 8 * 3 * 4096 * 14336 - 32_000d * 4096) * 2;
        double batchOne = planner.plan(StepBatch.decode(1, 1024), ParallelLayout.SINGLE).bytesRead().weights();
        double batch64 = planner.plan(StepBatch.decode(64, 1024), ParallelLayout.SINGLE).bytesRead().weights();
        // experts touched per layer: 8 × (1 − (6/8)^T): T = 1 → 2; T = 64 → 7.99999992
        assertThat(batchOne).isCloseTo(others + 1 * 4096 * 2 + 32 * 2 * expertBytes, within(1.0));
        assertThat(batch64).isCloseTo(others + 64 * 4096 * 2 + 32 * 8 * (1 - Math.pow(0.75, 64)) * expertBytes,
                within(1.0));
        // about 2.9 GB of shared weights plus 22.5 GB of experts at batch one, 90.2 GB of experts at batch 64
        assertThat(batch64 / batchOne).isCloseTo(3.65, within(0.01));
    }

    @Test
    void decodeAtBatchOneReadsEachActiveWeightOnceForEveryCatalogModel() {
        for (ModelSpec model : CATALOG.models()) {
            StepWork work = new KernelPlanner(model, ModelPrecision.BF16)
                    .plan(StepBatch.decode(1, 100), ParallelLayout.SINGLE);
            double hidden = model.hiddenSize();
            double table = (double) model.vocabSize() * hidden;
            double expected = model.activeParameters() - table + hidden   // one embedding row, not the table
                    + (model.tiedEmbeddings() ? table : 0)                // a tied LM head reads the table again
                    - model.learnedPositions() * hidden + (model.learnedPositions() > 0 ? hidden : 0);
            assertThat(work.bytesRead().weights()).as(model.id()).isCloseTo(expected * 2, withinPercentage(1e-9));
        }
    }

    @Test
    void tensorParallelismSplitsPerChipWeightBytesByTheDegree() {
        KernelPlanner planner = planner("llama-2-70b");
        StepBatch batch = StepBatch.decode(8, 1024);
        StepWork one = planner.plan(batch, ParallelLayout.SINGLE);
        StepWork eight = planner.plan(batch, new ParallelLayout(8, 1, 1, 1));
        for (String gemm : List.of("qkv_proj", "o_proj", "mlp_up", "mlp_down", "lm_head")) {
            assertThat(eight.kernel(gemm).bytesRead().weights()).as(gemm)
                    .isEqualTo(one.kernel(gemm).bytesRead().weights() / 8);
        }
        // norms stay replicated (161 × 8192 × 2 bytes), so the whole is within 0.02% of an eighth
        assertThat(eight.bytesRead().weights()).isCloseTo(one.bytesRead().weights() / 8, withinPercentage(0.02));
        // 8 KV heads over 8 chips: one each, so KV bytes split by 8 too
        assertThat(eight.bytesRead().kvCache()).isEqualTo(one.bytesRead().kvCache() / 8);
        // two all-reduces of 8 tokens × 8192 × 2 bytes per layer, an embedding all-reduce, a logits all-gather
        assertThat(eight.collectives()).extracting(c -> c.name() + "×" + c.count())
                .containsExactly("embedding all-reduce×1", "logits all-gather×1", "attention all-reduce×80",
                        "mlp all-reduce×80");
        assertThat(eight.collectives().get(2).bytes()).isEqualTo(8d * 8192 * 2);
    }

    @Test
    void kvHeadsAreReplicatedWhenTensorParallelismExceedsThem() {
        KernelPlanner planner = planner("llama-3.1-70b");
        StepBatch batch = StepBatch.decode(4, 2048);
        Kernel eight = planner.plan(batch, new ParallelLayout(8, 1, 1, 1)).kernel("attention");
        Kernel sixteen = planner.plan(batch, new ParallelLayout(16, 1, 1, 1)).kernel("attention");
        // max(1, 8 / 16) = 1 KV head per chip at both degrees: same KV bytes, half the query heads
        assertThat(sixteen.bytesRead().kvCache()).isEqualTo(eight.bytesRead().kvCache());
        assertThat(sixteen.flops()).isEqualTo(eight.flops() / 2);
    }

    @Test
    void pipelineStagesSplitLayersWithTheLongerStagesLast() {
        KernelPlanner planner = planner("llama-3.1-405b");
        ParallelLayout layout = new ParallelLayout(1, 4, 1, 1);
        StepBatch batch = StepBatch.prefill(2, 512, 0);
        // 126 layers over 4 stages: 31, 31, 32, 32
        int[] expected = {31, 31, 32, 32};
        double flops = 0;
        for (int stage = 0; stage < 4; stage++) {
            StepWork work = planner.plan(batch, layout, stage);
            assertThat(work.layersPerChip()).isEqualTo(expected[stage]);
            assertThat(work.kernels()).extracting(Kernel::name).contains("qkv_proj");
            assertThat(work.kernels().stream().anyMatch(k -> k.name().equals("embedding"))).isEqualTo(stage == 0);
            assertThat(work.kernels().stream().anyMatch(k -> k.name().equals("lm_head"))).isEqualTo(stage == 3);
            assertThat(work.collectives()).extracting(c -> c.kind()).containsExactly(CollectiveKind.SEND_RECV);
            flops += work.totalFlops();
        }
        assertThat(planner.plan(batch, layout).stage()).isEqualTo(3);
        assertThat(planner.plan(batch, layout).firstLayer()).isEqualTo(94);
        assertThat(flops).isCloseTo(planner.plan(batch, ParallelLayout.SINGLE).totalFlops(), withinPercentage(1e-9));
    }

    @Test
    void denseAndMoeLayersAndSlidingAndFullLayersGetSeparateKernels() {
        StepWork deepseek = planner("deepseek-v3").plan(StepBatch.decode(16, 4096), ParallelLayout.SINGLE);
        assertThat(deepseek.kernel("mlp_up").count()).isEqualTo(3);
        assertThat(deepseek.kernel("expert_up").count()).isEqualTo(58);
        assertThat(deepseek.kernel("shared_expert_up").count()).isEqualTo(58);
        assertThat(deepseek.kernel("router").kind()).isEqualTo(KernelKind.ROUTER);

        StepWork gptOss = planner("gpt-oss-120b").plan(StepBatch.decode(1, 8192), ParallelLayout.SINGLE);
        assertThat(gptOss.kernel("attention").count()).isEqualTo(18);
        assertThat(gptOss.kernel("attention_sliding").count()).isEqualTo(18);
        // a sliding layer reads 128 positions of 2 × 8 heads × 64 × 2 bytes; a full one all 8,193
        assertThat(gptOss.kernel("attention_sliding").bytesRead().kvCache()).isEqualTo(128d * 2048);
        assertThat(gptOss.kernel("attention").bytesRead().kvCache()).isEqualTo(8193d * 2048);
        // MXFP4 experts computed against BF16 activations run at BF16
        assertThat(gptOss.kernel("expert_up").precision()).isEqualTo(Precision.BF16);
    }

    @Test
    void latentAttentionDecodeReadsTheLatentCacheWholeOnEveryTensorParallelChip() {
        KernelPlanner planner = planner("deepseek-v3");
        StepBatch batch = StepBatch.decode(8, 1000);
        Kernel one = planner.plan(batch, ParallelLayout.SINGLE).kernel("attention");
        Kernel eight = planner.plan(batch, new ParallelLayout(8, 1, 1, 1)).kernel("attention");
        // 8 sequences × 1,001 positions × (512 + 64) × 2 bytes, per layer, on every chip
        assertThat(one.bytesRead().kvCache()).isEqualTo(8d * 1001 * 576 * 2);
        assertThat(eight.bytesRead().kvCache()).isEqualTo(one.bytesRead().kvCache());
        assertThat(eight.flops()).isEqualTo(one.flops() / 8);
    }

    @Test
    void expertParallelismSpreadsExpertsAndAddsAllToAlls() {
        KernelPlanner planner = planner("deepseek-v3");
        StepWork work = planner.plan(StepBatch.decode(32, 2048), new ParallelLayout(8, 1, 32, 4));
        // 256 experts over 32 chips: 8 per chip; tokens pooled from 32 / 8 = 4 replicas: 128; 128 × 8 / 32 = 32
        // assignments per chip per layer; each touched expert reads 3 × 7168 × 2048 FP8 bytes
        double touched = 8 * (1 - Math.pow(1 - 8.0 / 256, 128));
        assertThat(work.kernel("expert_up").bytesRead().weights() + work.kernel("expert_down").bytesRead().weights())
                .isCloseTo(touched * 3 * 7168 * 2048, within(1.0));
        assertThat(work.kernel("expert_up").flops()).isEqualTo(2d * 32 * 2 * 2048 * 7168);
        assertThat(work.collectives()).extracting(c -> c.kind())
                .contains(CollectiveKind.ALL_TO_ALL, CollectiveKind.ALL_REDUCE);
    }

    @Test
    void flopsAndBytesGrowWithTokensBatchAndContext() {
        for (String id : List.of("llama-3.1-8b", "mixtral-8x7b", "deepseek-v3", "gpt-oss-120b", "bloom-176b")) {
            KernelPlanner planner = planner(id);
            ParallelLayout layout = new ParallelLayout(2, 1, 1, 1);
            StepWork previousPrefill = null;
            StepWork previousBatch = null;
            StepWork previousContext = null;
            for (int step = 0; step < 12; step++) {
                StepWork prefill = planner.plan(StepBatch.prefill(1, 1L << step, 0), layout);
                StepWork batch = planner.plan(StepBatch.decode(1 << step, 1024), layout);
                StepWork context = planner.plan(StepBatch.decode(4, (1L << step) * 16), layout);
                if (previousPrefill != null) {
                    assertThat(prefill.totalFlops()).as(id + " prefill").isGreaterThan(previousPrefill.totalFlops());
                    assertThat(prefill.totalBytes()).as(id + " prefill").isGreaterThan(previousPrefill.totalBytes());
                    assertThat(batch.totalFlops()).as(id + " batch").isGreaterThan(previousBatch.totalFlops());
                    assertThat(batch.totalBytes()).as(id + " batch").isGreaterThan(previousBatch.totalBytes());
                    assertThat(context.totalFlops()).as(id + " context").isGreaterThan(previousContext.totalFlops());
                    assertThat(context.totalBytes()).as(id + " context").isGreaterThan(previousContext.totalBytes());
                }
                previousPrefill = prefill;
                previousBatch = batch;
                previousContext = context;
            }
        }
    }

    @Test
    void anFp8EmbeddingGatherReadsFp8RowsAndWritesBf16Activations() {
        // weights=fp8 drops DeepSeek-R1's BF16 overrides, so the embedding table is stored in FP8 too
        ModelSpec model = CATALOG.get("deepseek-r1");
        ModelPrecision weightOnly = ModelPrecision.parse("weights=fp8,activations=bf16,kv=bf16",
                model.nativePrecision());
        Kernel embedding = new KernelPlanner(model, weightOnly).plan(StepBatch.decode(4, 1000), ParallelLayout.SINGLE)
                .kernel("embedding");
        assertThat(embedding.precision()).isEqualTo(Precision.BF16);
        assertThat(embedding.flops()).isZero();
        // 4 rows of 7,168 FP8 elements at 1 byte: 28,672 bytes read; 4 × 7,168 BF16 activations at 2: 57,344 written
        assertThat(embedding.bytesRead()).isEqualTo(new OperandBytes(28_672, 0, 0));
        assertThat(embedding.bytesWritten()).isEqualTo(new OperandBytes(0, 0, 57_344));

        // a learned position table is gathered and added in the activation format too: GPT-3's 2 new tokens read
        // 2 × 12,288 FP8 bytes = 24,576 and add 2 × 12,288 = 24,576 elements
        ModelSpec gpt3 = CATALOG.get("gpt-3-175b");
        Kernel positions = new KernelPlanner(gpt3, ModelPrecision.of(Precision.FP8, Precision.BF16, Precision.BF16))
                .plan(StepBatch.decode(2, 100), ParallelLayout.SINGLE).kernel("position_embedding");
        assertThat(positions.precision()).isEqualTo(Precision.BF16);
        assertThat(positions.bytesRead().weights()).isEqualTo(24_576);
        assertThat(positions.flops()).isEqualTo(24_576);
    }

    @Test
    void fp8WeightsWithBf16ActivationsComputeOnlyInBf16() {
        // what a BF16-only chip (SambaNova SN40L) is asked to compute for DeepSeek-R1 stored in FP8 throughout
        ModelSpec model = CATALOG.get("deepseek-r1");
        KernelPlanner planner = new KernelPlanner(model, ModelPrecision.parse("weights=fp8,activations=bf16,kv=bf16",
                model.nativePrecision()));
        for (StepBatch batch : List.of(StepBatch.prefill(1, 512, 0), StepBatch.decode(8, 2048))) {
            for (ParallelLayout layout : List.of(ParallelLayout.SINGLE, new ParallelLayout(16, 1, 1, 1))) {
                assertThat(planner.plan(batch, layout).kernels()).as("%s %s", batch, layout)
                        .extracting(Kernel::precision).containsOnly(Precision.BF16);
            }
        }
    }

    @Test
    void aWeightOnlyGemmComputesInTheActivationFormatAndReadsWeightsAtTheirStorageSize() {
        // Llama 2 7B decode, one sequence: qkv_proj is m = 1, n = 3 × 4,096 = 12,288, k = 4,096
        ModelSpec model = CATALOG.get("llama-2-7b");
        StepBatch batch = StepBatch.decode(1, 100);
        Kernel int4 = new KernelPlanner(model, ModelPrecision.of(Precision.INT4, Precision.BF16, Precision.BF16))
                .plan(batch, ParallelLayout.SINGLE).kernel("qkv_proj");
        Kernel fp8 = new KernelPlanner(model, ModelPrecision.of(Precision.FP8, Precision.BF16, Precision.BF16))
                .plan(batch, ParallelLayout.SINGLE).kernel("qkv_proj");
        Kernel bf16 = new KernelPlanner(model, ModelPrecision.BF16).plan(batch, ParallelLayout.SINGLE)
                .kernel("qkv_proj");
        // FLOPs: 2 × 1 × 12,288 × 4,096 = 100,663,296 in every format, computed in BF16
        for (Kernel kernel : List.of(int4, fp8, bf16)) {
            assertThat(kernel.precision()).isEqualTo(Precision.BF16);
            assertThat(kernel.flops()).isEqualTo(100_663_296d);
            // activations: 4,096 in and 12,288 out at 2 bytes: 8,192 read, 24,576 written
            assertThat(kernel.bytesRead().activations()).isEqualTo(8_192);
            assertThat(kernel.bytesWritten().activations()).isEqualTo(24_576);
        }
        // weights: 4,096 × 12,288 = 50,331,648 elements at 0.5 (INT4), 1 (FP8) and 2 (BF16) bytes
        assertThat(int4.bytesRead().weights()).isEqualTo(25_165_824d);
        assertThat(fp8.bytesRead().weights()).isEqualTo(50_331_648d);
        assertThat(bf16.bytesRead().weights()).isEqualTo(100_663_296d);
    }

    @Test
    void ttMetalsPerformanceModeReadsGateAndUpInBfp4AndComputesEachGemmInItsBlockFormat() {
        // Llama 3.1 8B decode, one sequence: mlp_up is m = 1, n = 2 × 14,336 = 28,672, k = 4,096 (gate and up);
        // mlp_down is n = 4,096, k = 14,336; BFP4 is 4.5 bits per element, BFP8 8.5
        ModelSpec model = CATALOG.get("llama-3.1-8b");
        ModelPrecision performance = ModelPrecision.of(Precision.BFP8, Precision.BF16, Precision.BFP8)
                .withOverride(TensorGroup.DENSE_MLP, Precision.BFP4)
                .withOverride(TensorGroup.DENSE_MLP_DOWN, Precision.BFP8);
        StepBatch batch = StepBatch.decode(1, 100);
        List<Precision> tenstorrent = List.of(Precision.BF16, Precision.BFP8, Precision.BFP4);
        StepWork onWormhole = new KernelPlanner(model, performance, tenstorrent).plan(batch, ParallelLayout.SINGLE);
        StepWork elsewhere = new KernelPlanner(model, performance).plan(batch, ParallelLayout.SINGLE);

        // per layer (each kernel runs 32 times): 4,096 × 28,672 = 117,440,512 elements × 4.5 ÷ 8 = 66,060,288 bytes
        assertThat(onWormhole.kernel("mlp_up").bytesRead().weights()).isEqualTo(66_060_288d);
        // 14,336 × 4,096 = 58,720,256 elements × 8.5 ÷ 8 = 62,390,272 bytes
        assertThat(onWormhole.kernel("mlp_down").bytesRead().weights()).isEqualTo(62_390_272d);
        // the chip takes block-float operands: LoFi for BFP4, HiFi2 for BFP8
        assertThat(onWormhole.kernel("mlp_up").precision()).isEqualTo(Precision.BFP4);
        assertThat(onWormhole.kernel("mlp_down").precision()).isEqualTo(Precision.BFP8);
        assertThat(onWormhole.kernel("qkv_proj").precision()).isEqualTo(Precision.BFP8);
        // a chip without block formats, or no chip named: weight-only formats in the wider BF16, same bytes
        assertThat(elsewhere.kernel("mlp_up").precision()).isEqualTo(Precision.BF16);
        assertThat(elsewhere.kernel("mlp_up").bytesRead().weights()).isEqualTo(66_060_288d);
        assertThat(new KernelPlanner(model, performance, List.of(Precision.BF16, Precision.FP8))
                .plan(batch, ParallelLayout.SINGLE).kernel("mlp_down").precision()).isEqualTo(Precision.BF16);
    }

    @Test
    void pipelineDeeperThanTheModelIsRejected() {
        assertThatThrownBy(() -> planner("llama-2-7b").plan(StepBatch.decode(1, 1), new ParallelLayout(1, 33, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline parallel degree 33 exceeds the 32 layers of model 'llama-2-7b'");
    }

    @Test
    void reusedPlansEqualFreshOnesForEveryContextLayoutAndStage() {
        // The planner memoises everything but attention per (phase, sequences, tokens, layout, stage); a step planned
        // by a warm planner must equal the same step planned by a new one, kernel by kernel and collective by
        // collective. Dense GQA, sliding-window GQA with learned sinks, MLA and MoE, decode and chunked prefill, with
        // contexts that change between calls of the same key.
        List<ParallelLayout> layouts = List.of(ParallelLayout.SINGLE, new ParallelLayout(8, 1, 1, 1),
                new ParallelLayout(4, 3, 1, 1), new ParallelLayout(8, 2, 8, 1));
        for (String id : List.of("llama-3.1-70b", "gpt-oss-120b", "deepseek-v3", "mixtral-8x7b")) {
            ModelSpec model = CATALOG.get(id);
            KernelPlanner warm = new KernelPlanner(model, ModelPrecision.BF16);
            for (ParallelLayout layout : layouts) {
                if (layout.expert() > 1 && model.moe() == null) {
                    continue;
                }
                for (int stage = 0; stage < layout.pipeline(); stage++) {
                    for (long context : new long[] {0, 1, 127, 4096, 130_000}) {
                        for (StepBatch batch : List.of(StepBatch.decode(1, context), StepBatch.decode(64, context),
                                StepBatch.decode(new long[] {context, 3, 70_000}),
                                StepBatch.prefill(1, 512, context), StepBatch.prefill(2, 256, context),
                                StepBatch.prefill(2, 8192, context))) {
                            StepWork fresh = new KernelPlanner(model, ModelPrecision.BF16).plan(batch, layout, stage);
                            assertThat(warm.plan(batch, layout, stage)).as("%s %s %s stage %d", id, batch, layout,
                                    stage).isEqualTo(fresh);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aVerificationStepComputesLogitsForEveryNewTokenAndAttendsCausallyOverTheProposals() {
        KernelPlanner planner = planner("llama-3.1-8b");
        StepWork plain = planner.plan(StepBatch.decode(2, 100), ParallelLayout.SINGLE);
        StepWork verify = planner.plan(StepBatch.verify(2, 5, 100), ParallelLayout.SINGLE);

        // plain decode: one logit row per sequence, 2 × 128,256 × 4,096 × 2 FLOPs = 2,101,346,304
        assertThat(plain.kernel("lm_head").shape()).hasFieldOrPropertyWithValue("m", 2L);
        assertThat(plain.kernel("lm_head").flops()).isEqualTo(2.0 * 2 * 128_256 * 4096);
        // verification of 4 proposals + 1 on each of 2 sequences: 10 rows, 5 × the FLOPs, the same weight bytes
        assertThat(verify.kernel("lm_head").shape()).hasFieldOrPropertyWithValue("m", 10L);
        assertThat(verify.kernel("lm_head").flops()).isEqualTo(2.0 * 10 * 128_256 * 4096);
        assertThat(verify.kernel("lm_head").bytesRead().weights())
                .isEqualTo(plain.kernel("lm_head").bytesRead().weights());
        // attention: 5 new tokens after 100 cached ones score 5 × 100 + 5 × 6 ÷ 2 = 515 keys each, 1,030 in all,
        // against 2 × 101 = 202 in plain decode; × 4 × 32 heads × 128 dims FLOPs in each of the 32 layers
        assertThat(verify.kernel("attention").flops()).isEqualTo(4.0 * 1030 * 32 * 128);
        assertThat(plain.kernel("attention").flops()).isEqualTo(4.0 * 202 * 32 * 128);
        assertThat(verify.kernel("attention").count()).isEqualTo(32);
    }
}
