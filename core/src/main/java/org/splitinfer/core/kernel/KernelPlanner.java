package org.splitinfer.core.kernel;

import java.util.List;

import org.splitinfer.core.model.AttentionSpec;
import org.splitinfer.core.model.FeedForward;
import org.splitinfer.core.model.GroupedQueryAttention;
import org.splitinfer.core.model.LatentAttention;
import org.splitinfer.core.model.MixtureOfExperts;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.model.PositionEncoding;
import org.splitinfer.core.model.TensorGroup;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.ElementwiseShape;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.LookupShape;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Precision;

/**
 * Decomposes one phase step of a model into the kernels one chip runs and the collectives its layout needs.
 * Thread-safe, and its results depend on its arguments only; per-model constants are computed once in the
 * constructor, and the part of each step's plan that does not read the prior context (every kernel but attention,
 * and every collective) once per phase, sequence count, token count, layout and stage ({@link PlanTemplateCache}),
 * so that a simulator's steps, whose batch sizes repeat and whose contexts grow, rebuild only their attention.
 *
 * <h2>Notes: work per kernel</h2>
 * With {@code T} new tokens and {@code B} sequences in the step, hidden size {@code d}, tensor-parallel
 * degree {@code t}, and every FLOP count at 2 per multiply-accumulate:
 * <ul>
 *   <li><b>GEMM</b> {@code C[m×n] = A[m×k]·W[k×n]}: {@code 2·m·n·k} FLOPs; reads the weight slice once
 *       ({@code k·n} plus bias at the group's weight format) and {@code m·k} activations, writes {@code m·n}
 *       activations. {@code m = T} for projections and MLPs.</li>
 *   <li><b>Grouped-query attention</b>: {@code 4·P·Hq·dh} FLOPs for {@code QKᵀ} and {@code PV} over
 *       {@code P} score pairs ({@link StepBatch}: {@code s(s+1)/2 + s·c} per sequence, capped by the window
 *       on sliding layers); reads the K and V of every key position once ({@code keys·Hkv·dh·2} elements at
 *       the KV format), writes the K and V of the new tokens. Softmax exponentials are not counted (under 2%
 *       of the dot products at {@code dh = 64}).</li>
 *   <li><b>Latent attention</b> (DeepSeek MLA): prefill decompresses, as serving engines do for long prompts:
 *       {@code kv_up} expands every key position's latent ({@code m = keys}), then attention costs
 *       {@code 2·P·H·(dNope + dRope) + 2·P·H·dV}. Decode absorbs the up-projections into the query and output
 *       ({@code q_absorb}, {@code v_absorb}; DeepSeek-V2, arXiv:2405.04434, appendix B) and attends over the
 *       cached latent like multi-query attention: {@code 2·P·H·(dLatent + dRope) + 2·P·H·dLatent} FLOPs,
 *       reading {@code keys·(dLatent + dRope)} cached elements.</li>
 *   <li><b>Mixture of experts</b>: the router is a {@code T × E × d} GEMM. Each of the {@code E'} experts on
 *       the chip is touched by at least one of the {@code T'} tokens routed through the chip's expert group
 *       with probability {@code 1 − (1 − k/E)^T'}; the expected touched experts
 *       ({@link MixtureOfExperts#expectedExpertsTouched}) drive the weight bytes, while FLOPs follow the token
 *       assignments {@code T'·k/ep}. Shared experts run on every token like a dense MLP.</li>
 *   <li><b>Norms and element-wise work</b>: {@link org.splitinfer.core.model.NormKind#flopsPerElement()}
 *       per normalised element; rotary embedding 3 FLOPs per rotated query and key element; activation
 *       functions 4 FLOPs per element plus 1 for the gate's multiply; residual adds 1; each reads its inputs
 *       and writes its output at the activation format.</li>
 *   <li><b>Embedding</b>: a lookup of the {@code T} rows the tokens name (not the table); <b>LM head</b>:
 *       a {@code B × V × d} GEMM in prefill, which needs logits of each sequence's last token only (as vLLM and
 *       SGLang compute them), and a {@code T × V × d} GEMM in decode, which needs logits of every new token: one per
 *       sequence in a plain step, each proposal in a speculative verification step ({@link StepBatch#verify}).</li>
 * </ul>
 *
 * <h2>Notes: parallelism</h2>
 * <ul>
 *   <li><b>Tensor</b> (Megatron-LM, Shoeybi et al., arXiv:1909.08053): query heads, FFN columns, vocabulary rows
 *       and their weight bytes are divided by {@code t}, rounding up (the busiest chip); KV heads become
 *       {@code ceil(Hkv / t)}, so with {@code Hkv < t} each chip holds one replicated KV head. The MLA latent is
 *       shared by all heads, so every chip holds and reads it whole, and MLA's down-projections, the router and
 *       the norms are replicated. Activations between blocks are replicated ({@code T × d} on every chip, no
 *       sequence parallelism). Collectives: an all-reduce of {@code T·d} activations after attention and after
 *       the MLP of every layer; an all-reduce after the vocabulary-parallel embedding; an all-gather of the
 *       logits of the LM head's rows ({@code rows·V/t}).</li>
 *   <li><b>Pipeline</b>: stage {@code s} of {@code p} holds layers {@code [start(s), start(s+1))}; the first
 *       {@code p − L mod p} stages hold {@code floor(L/p)} layers and the last {@code L mod p} stages one more, so
 *       the last stage holds the most layers and the LM head. The first stage also runs the embedding lookup.
 *       {@link #plan(StepBatch, ParallelLayout)} reports the last stage: the heaviest, except that a model
 *       whose dense leading layers outweigh its MoE layers may load stage 0 more (ask
 *       {@link #plan(StepBatch, ParallelLayout, int)} for any stage). One send-recv of {@code T·d} activations
 *       crosses the stage's boundary per step.</li>
 *   <li><b>Expert</b> ({@code ep > 1}): each chip holds {@code ceil(E/ep)} whole experts; the tokens routed
 *       through an expert group are those of {@code max(1, ep/t)} replicas ({@code T' = T·max(1, ep/t)}: tensor-
 *       parallel chips share their tokens, data-parallel replicas bring their own, each running the same batch);
 *       the chip processes {@code T'·k/ep} token assignments. Two all-to-alls (dispatch and combine) per MoE layer
 *       carry {@code (T'/ep)·k·d} activations per participant. With {@code ep = 1} the experts are split across
 *       the tensor-parallel chips like a dense MLP.</li>
 *   <li><b>Data</b>: replicas run independent batches; {@link StepBatch} is one replica's.</li>
 * </ul>
 *
 * <h2>Notes: precision</h2>
 * Weight bytes use each tensor group's format ({@link ModelPrecision#weightsOf}), KV-cache bytes the KV format,
 * activations and collectives the activation format. A GEMM computes in the wider of its weight and activation
 * formats (weights are dequantised or activations quantised to meet), attention in the wider of the activation
 * and KV formats, everything else in the activation format.
 * <ul>
 *   <li><b>Weight-only formats.</b> Weights narrower than the activations (FP8 or INT4 weights with BF16
 *       activations) are a storage format only: the GEMM runs in the activation format and its weight bytes move
 *       at their storage size (1 byte per FP8 element, 0.5 per INT4), so a chip that cannot compute the weights'
 *       format still runs them, as dequantise-in-GEMM kernels do (Marlin: INT4 weights, FP16 tensor cores;
 *       Frantar et al., arXiv:2408.11743). The dequantisation is not counted as work: it happens in registers on
 *       the way to the matrix units, hidden behind the weight stream while the GEMM is memory-bound (Marlin reaches
 *       close to the ideal 4× over FP16 up to batches of 16–32) and behind the matrix units' time once it is
 *       compute-bound, where the GEMM runs at the activation format's peak.</li>
 *   <li><b>Block-floating-point weights.</b> On a chip that computes BFP8 or BFP4, a GEMM with weights in that
 *       format computes in it: the Tenstorrent matrix engine takes block-float operands directly, at a math
 *       fidelity matched to their mantissa, and tt-metal pairs BFP4 weights with the one-phase LoFi and BFP8 with
 *       the two-phase HiFi2 (tt_transformers {@code ModelOptimizations}: "All models use bfp4 in FF1 and FF3 MLPs",
 *       at {@code MathFidelitySetting.LOFI}; BFP8 at HIFI2 by default), the modes behind the chip's published
 *       BFP4 (FP8-rate) and BFP8 peaks. On any other chip they are a weight-only format like the rest.</li>
 *   <li><b>Embedding lookup.</b> A gather does no arithmetic in the table's format: it reads the stored rows at
 *       the embedding group's format and writes activations, so it runs in the activation format (a learned
 *       position embedding's add too).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KernelPlanner {

    private final ModelSpec model;
    private final ModelPrecision precision;
    private final long hidden;
    private final double activationBytes;
    private final double kvBytes;
    private final double embeddingBytes;
    private final double attentionBytes;
    private final double mlpBytes;
    private final double mlpDownBytes;
    private final double routerBytes;
    private final double routedBytes;
    private final double routedDownBytes;
    private final double sharedBytes;
    private final double sharedDownBytes;
    private final double normBytes;
    private final double headBytes;
    private final Precision activationFormat;
    private final Precision attentionGemm;
    private final Precision mlpGemm;
    private final Precision mlpDownGemm;
    private final Precision routerGemm;
    private final Precision routedGemm;
    private final Precision routedDownGemm;
    private final Precision sharedGemm;
    private final Precision sharedDownGemm;
    private final Precision headGemm;
    private final Precision attentionCompute;
    private final long normParameters;
    private final int normFlops;
    private final PlanTemplateCache templates = new PlanTemplateCache();

    /**
     * A planner for one model at one precision, on no chip in particular: GEMMs with block-floating-point weights
     * compute in the wider format, as other weight-only formats do.
     *
     * @param model     the model
     * @param precision the deployment's formats
     */
    public KernelPlanner(ModelSpec model, ModelPrecision precision) {
        this(model, precision, List.of());
    }

    /**
     * A planner for one model at one precision on a chip that computes {@code computable} formats: a GEMM whose
     * weights are in a block-floating-point format the chip computes runs in that format (see the class notes).
     *
     * @param model      the model
     * @param precision  the deployment's formats
     * @param computable the formats the chip's matrix units compute ({@code Roofline.computePrecisions()})
     * @since 0.2
     */
    public KernelPlanner(ModelSpec model, ModelPrecision precision, List<Precision> computable) {
        if (model == null || precision == null || computable == null) {
            throw new IllegalArgumentException("kernel planner needs a model and a precision, got " + model + " and "
                    + precision);
        }
        this.model = model;
        this.precision = precision;
        this.hidden = model.hiddenSize();
        this.activationFormat = precision.activations();
        this.activationBytes = activationFormat.bytesPerElement();
        this.kvBytes = precision.kvCache().bytesPerElement();
        Precision embeddingFormat = precision.weightsOf(TensorGroup.EMBEDDING);
        this.embeddingBytes = embeddingFormat.bytesPerElement();
        this.attentionBytes = precision.weightsOf(TensorGroup.ATTENTION).bytesPerElement();
        this.mlpBytes = precision.weightsOf(TensorGroup.DENSE_MLP).bytesPerElement();
        this.mlpDownBytes = precision.weightsOf(TensorGroup.DENSE_MLP_DOWN).bytesPerElement();
        this.routerBytes = precision.weightsOf(TensorGroup.ROUTER).bytesPerElement();
        this.routedBytes = precision.weightsOf(TensorGroup.ROUTED_EXPERTS).bytesPerElement();
        this.routedDownBytes = precision.weightsOf(TensorGroup.ROUTED_EXPERTS_DOWN).bytesPerElement();
        this.sharedBytes = precision.weightsOf(TensorGroup.SHARED_EXPERTS).bytesPerElement();
        this.sharedDownBytes = precision.weightsOf(TensorGroup.SHARED_EXPERTS_DOWN).bytesPerElement();
        this.normBytes = precision.weightsOf(TensorGroup.NORMS).bytesPerElement();
        Precision head = model.tiedEmbeddings() ? embeddingFormat : precision.weightsOf(TensorGroup.LM_HEAD);
        this.headBytes = head.bytesPerElement();
        this.attentionGemm = gemmFormat(precision.weightsOf(TensorGroup.ATTENTION), computable);
        this.mlpGemm = gemmFormat(precision.weightsOf(TensorGroup.DENSE_MLP), computable);
        this.mlpDownGemm = gemmFormat(precision.weightsOf(TensorGroup.DENSE_MLP_DOWN), computable);
        this.routerGemm = gemmFormat(precision.weightsOf(TensorGroup.ROUTER), computable);
        this.routedGemm = gemmFormat(precision.weightsOf(TensorGroup.ROUTED_EXPERTS), computable);
        this.routedDownGemm = gemmFormat(precision.weightsOf(TensorGroup.ROUTED_EXPERTS_DOWN), computable);
        this.sharedGemm = gemmFormat(precision.weightsOf(TensorGroup.SHARED_EXPERTS), computable);
        this.sharedDownGemm = gemmFormat(precision.weightsOf(TensorGroup.SHARED_EXPERTS_DOWN), computable);
        this.headGemm = gemmFormat(head, computable);
        this.attentionCompute = wider(precision.kvCache(), activationFormat);
        this.normParameters = model.norm().parameters(model.hiddenSize());
        this.normFlops = model.norm().flopsPerElement();
    }

    /** @return the model */
    public ModelSpec model() {
        return model;
    }

    /** @return the formats */
    public ModelPrecision precision() {
        return precision;
    }

    /**
     * The first layer of a pipeline stage, per the notes: the last {@code layers mod stages} stages hold one
     * layer more than the others.
     *
     * @param layers the model's layers
     * @param stages pipeline stages, {@code 1..layers}
     * @param stage  a stage in {@code 0..stages}; {@code stages} gives {@code layers}
     * @return the stage's first layer
     */
    public static int stageStart(int layers, int stages, int stage) {
        int base = layers / stages;
        int longer = layers % stages;
        return stage * base + Math.max(0, stage - (stages - longer));
    }

    /**
     * The work of one chip of the last (heaviest, per the notes) pipeline stage.
     *
     * @param batch  the step
     * @param layout the layout
     * @return the chip's kernels and the stage's collectives
     */
    public StepWork plan(StepBatch batch, ParallelLayout layout) {
        return plan(batch, layout, layout.pipeline() - 1);
    }

    /**
     * The work of one chip of a pipeline stage.
     *
     * @param batch  the step
     * @param layout the layout; {@code layout.pipeline()} must not exceed the model's layers
     * @param stage  the stage, {@code 0..layout.pipeline() - 1}
     * @return the chip's kernels and the stage's collectives
     */
    public StepWork plan(StepBatch batch, ParallelLayout layout, int stage) {
        if (batch == null || layout == null) {
            throw new IllegalArgumentException("plan needs a batch and a layout, got " + batch + " and " + layout);
        }
        int stages = layout.pipeline();
        if (stages > model.layers()) {
            throw new IllegalArgumentException("pipeline parallel degree " + stages + " exceeds the "
                    + model.layers() + " layers of model '" + model.id() + "'");
        }
        if (stage < 0 || stage >= stages) {
            throw new IllegalArgumentException("pipeline stage must be in 0.." + (stages - 1) + ", got " + stage);
        }
        PlanTemplate template = templates.get(batch.phase(), batch.sequences(), batch.newTokens(), layout, stage);
        if (template == null) {
            template = template(batch.phase(), batch.sequences(), batch.newTokens(), layout, stage);
            templates.put(template);
        }
        return template.plan(batch);
    }

    /**
     * The plan of a step of that key, with its context-dependent kernels left to {@link PlanTemplate#plan}. It never
     * sees a batch, so nothing in it can depend on the prior context.
     */
    private PlanTemplate template(Phase phase, int sequences, long tokens, ParallelLayout layout, int stage) {
        int stages = layout.pipeline();
        int from = stageStart(model.layers(), stages, stage);
        int to = stageStart(model.layers(), stages, stage + 1);
        int layers = to - from;
        int tensor = layout.tensor();
        double activations = tokens * hidden * activationBytes;
        PlanTemplate.Builder step = new PlanTemplate.Builder(phase, sequences, tokens, layout, stage, from, layers);

        if (stage == 0) {
            embedding(step, tokens, tensor);
        }
        step.kernel(elementwise("norm", KernelKind.NORM, 2L * layers, tokens * hidden, normFlops,
                normParameters * normBytes));
        AttentionSpec attention = model.attention();
        if (attention instanceof GroupedQueryAttention groupedQuery) {
            groupedQuery(step, groupedQuery, tokens, tensor, from, to);
        } else {
            latent(step, (LatentAttention) attention, phase, tokens, tensor, layers);
        }
        int denseLayers = model.denseLayers(from, to);
        int moeLayers = layers - denseLayers;
        if (denseLayers > 0) {
            feedForward(step, "mlp", model.mlp(), 1, denseLayers, tokens, tensor, mlpBytes, mlpGemm, mlpDownBytes,
                    mlpDownGemm);
        }
        if (moeLayers > 0) {
            mixture(step, model.moe(), moeLayers, tokens, layout);
        }
        step.kernel(elementwise("residual_add", KernelKind.ELEMENTWISE, 2L * layers, tokens * hidden, 1, 0, 2));
        if (stage == stages - 1) {
            head(step, phase == Phase.PREFILL ? sequences : tokens, tokens, tensor);
        }
        if (tensor > 1) {
            step.collective(new Collective("attention all-reduce", CollectiveKind.ALL_REDUCE, activations, tensor,
                    layers));
            step.collective(new Collective("mlp all-reduce", CollectiveKind.ALL_REDUCE, activations, tensor, layers));
        }
        if (stages > 1) {
            step.collective(new Collective("pipeline send-recv", CollectiveKind.SEND_RECV, activations, 2, 1));
        }
        return step.build();
    }

    private void embedding(PlanTemplate.Builder step, long tokens, int tensor) {
        long rowBytes = Math.max(1, (long) Math.ceil(hidden * embeddingBytes));
        long rows = ceilDiv(tokens, tensor);
        double out = tokens * hidden * activationBytes;
        // the rows are read at the table's storage format; the gather writes activations, so it runs in their format
        step.kernel(new Kernel("embedding", KernelKind.EMBEDDING, 1, 0, activationFormat,
                new OperandBytes(rows * hidden * embeddingBytes, 0, 0), new OperandBytes(0, 0, out),
                new LookupShape(rows, rowBytes)));
        if (model.positionEncoding() == PositionEncoding.LEARNED) {
            step.kernel(new Kernel("position_embedding", KernelKind.EMBEDDING, 1, tokens * hidden, activationFormat,
                    new OperandBytes(tokens * hidden * embeddingBytes, 0, out), new OperandBytes(0, 0, out),
                    new LookupShape(tokens, rowBytes)));
        }
        if (model.embeddingNorm()) {
            step.kernel(elementwise("embedding_norm", KernelKind.NORM, 1, tokens * hidden, normFlops,
                    normParameters * embeddingBytes));
        }
        if (tensor > 1) {
            step.collective(new Collective("embedding all-reduce", CollectiveKind.ALL_REDUCE, out, tensor, 1));
        }
    }

    private void groupedQuery(PlanTemplate.Builder step, GroupedQueryAttention attention, long tokens, int tensor,
                              int from, int to) {
        int layers = to - from;
        int queryHeads = (int) ceilDiv(attention.queryHeads(), tensor);
        int kvHeads = (int) ceilDiv(attention.kvHeads(), tensor);
        long headDim = attention.headDim();
        long qkvWidth = (queryHeads + 2L * kvHeads) * headDim;
        step.kernel(gemm("qkv_proj", layers, tokens, qkvWidth, hidden,
                (hidden * qkvWidth + (attention.qkvBias() ? qkvWidth : 0)) * attentionBytes, attentionGemm));
        long rotated = tokens * (queryHeads + kvHeads) * headDim;
        if (attention.qkNorm()) {
            step.kernel(elementwise("qk_norm", KernelKind.NORM, layers, rotated, 4, 2 * headDim * attentionBytes));
        }
        if (model.positionEncoding() == PositionEncoding.ROTARY) {
            step.kernel(elementwise("rotary", KernelKind.ELEMENTWISE, layers, rotated, 3, 0));
        }
        int sliding = model.slidingLayers(from, to);
        if (layers - sliding > 0) {
            int full = layers - sliding;
            step.contextKernel(batch -> groupedAttention("attention", full, 0, attention, batch, queryHeads,
                    kvHeads));
        }
        if (sliding > 0) {
            int window = model.slidingWindow().windowTokens();
            step.contextKernel(batch -> groupedAttention("attention_sliding", sliding, window, attention, batch,
                    queryHeads, kvHeads));
        }
        long inner = queryHeads * headDim;
        step.kernel(gemm("o_proj", layers, tokens, hidden, inner,
                (inner * hidden + (attention.outputBias() ? hidden : 0)) * attentionBytes, attentionGemm));
    }

    private Kernel groupedAttention(String name, int count, int window, GroupedQueryAttention attention,
                                    StepBatch batch, int queryHeads, int kvHeads) {
        long tokens = batch.newTokens();
        int headDim = attention.headDim();
        double pairs = batch.scorePairs(window);
        double keys = batch.keysRead(window);
        double kvPerToken = 2.0 * kvHeads * headDim * kvBytes;
        double queries = (double) tokens * queryHeads * headDim * activationBytes;
        double sinks = attention.sinks() ? queryHeads * attentionBytes : 0;
        return new Kernel(name, KernelKind.ATTENTION, count, 4.0 * pairs * queryHeads * headDim, attentionCompute,
                new OperandBytes(sinks, keys * kvPerToken, queries),
                new OperandBytes(0, tokens * kvPerToken, queries),
                new AttentionShape(batch.sequences(), tokens, pairs, queryHeads, kvHeads, headDim));
    }

    private void latent(PlanTemplate.Builder step, LatentAttention attention, Phase phase, long tokens, int tensor,
                        int layers) {
        long heads = ceilDiv(attention.queryHeads(), tensor);
        long qLora = attention.qLoraRank();
        long kvLora = attention.kvLoraRank();
        long nope = attention.qkNopeHeadDim();
        long rope = attention.qkRopeHeadDim();
        long value = attention.vHeadDim();
        long qk = nope + rope;
        long latentWidth = kvLora + rope;
        if (qLora > 0) {
            step.kernel(gemm("q_down", layers, tokens, qLora, hidden, hidden * qLora * attentionBytes,
                    attentionGemm));
            step.kernel(gemm("q_up", layers, tokens, heads * qk, qLora, qLora * heads * qk * attentionBytes,
                    attentionGemm));
        } else {
            step.kernel(gemm("q_proj", layers, tokens, heads * qk, hidden, hidden * heads * qk * attentionBytes,
                    attentionGemm));
        }
        Kernel down = gemm("kv_down", layers, tokens, latentWidth, hidden, hidden * latentWidth * attentionBytes,
                attentionGemm);
        step.kernel(new Kernel(down.name(), down.kind(), down.count(), down.flops(), down.precision(),
                down.bytesRead(), new OperandBytes(0, tokens * latentWidth * kvBytes, down.bytesWritten().activations()),
                down.shape()));
        step.kernel(elementwise("latent_norm", KernelKind.NORM, layers, tokens * (qLora + kvLora), 4,
                (qLora + kvLora) * attentionBytes));
        step.kernel(elementwise("rotary", KernelKind.ELEMENTWISE, layers, tokens * (heads + 1) * rope, 3, 0));
        if (phase == Phase.PREFILL) {
            step.contextKernel(batch -> latentDecompression(attention, batch, layers, heads));
            step.contextKernel(batch -> latentPrefillAttention(attention, batch, layers, heads));
        } else {
            step.kernel(gemm("q_absorb", layers, tokens, heads * kvLora, nope, heads * kvLora * nope * attentionBytes,
                    attentionGemm));
            step.contextKernel(batch -> latentDecodeAttention(attention, batch, layers, heads));
            step.kernel(gemm("v_absorb", layers, tokens, heads * value, kvLora, heads * value * kvLora * attentionBytes,
                    attentionGemm));
        }
        step.kernel(gemm("o_proj", layers, tokens, hidden, heads * value, heads * value * hidden * attentionBytes,
                attentionGemm));
    }

    /** MLA prefill's {@code kv_up}: every key position's latent expanded to per-head keys and values. */
    private Kernel latentDecompression(LatentAttention attention, StepBatch batch, int layers, long heads) {
        long kvLora = attention.kvLoraRank();
        long latentWidth = kvLora + attention.qkRopeHeadDim();
        long expanded = heads * (attention.qkNopeHeadDim() + attention.vHeadDim());
        double keys = batch.keysRead(0);
        long keyRows = Math.max(1, (long) Math.ceil(keys));
        return new Kernel("kv_up", KernelKind.GEMM, layers, 2.0 * keys * expanded * kvLora, attentionGemm,
                new OperandBytes(kvLora * expanded * attentionBytes, keys * latentWidth * kvBytes, 0),
                new OperandBytes(0, 0, keys * expanded * activationBytes),
                new GemmShape(keyRows, expanded, kvLora));
    }

    /** MLA prefill's attention over the decompressed keys and values. */
    private Kernel latentPrefillAttention(LatentAttention attention, StepBatch batch, int layers, long heads) {
        long tokens = batch.newTokens();
        long rope = attention.qkRopeHeadDim();
        long value = attention.vHeadDim();
        long qk = attention.qkNopeHeadDim() + rope;
        long expanded = heads * (attention.qkNopeHeadDim() + value);
        double pairs = batch.scorePairs(0);
        double keys = batch.keysRead(0);
        double queryBytes = (double) tokens * heads * qk * activationBytes;
        double keyValueBytes = keys * (expanded + rope) * activationBytes;
        return new Kernel("attention", KernelKind.ATTENTION, layers,
                2.0 * pairs * heads * qk + 2.0 * pairs * heads * value, attentionCompute,
                new OperandBytes(0, 0, queryBytes + keyValueBytes),
                new OperandBytes(0, 0, (double) tokens * heads * value * activationBytes),
                new AttentionShape(batch.sequences(), tokens, pairs, (int) heads, (int) heads, (int) qk));
    }

    /** MLA decode's attention over the cached latent, the up-projections absorbed (multi-query style). */
    private Kernel latentDecodeAttention(LatentAttention attention, StepBatch batch, int layers, long heads) {
        long tokens = batch.newTokens();
        long kvLora = attention.kvLoraRank();
        long latentWidth = kvLora + attention.qkRopeHeadDim();
        double pairs = batch.scorePairs(0);
        double keys = batch.keysRead(0);
        double queryBytes = (double) tokens * heads * latentWidth * activationBytes;
        return new Kernel("attention", KernelKind.ATTENTION, layers,
                2.0 * pairs * heads * latentWidth + 2.0 * pairs * heads * kvLora, attentionCompute,
                new OperandBytes(0, keys * latentWidth * kvBytes, queryBytes),
                new OperandBytes(0, 0, (double) tokens * heads * kvLora * activationBytes),
                new AttentionShape(batch.sequences(), tokens, pairs, (int) heads, 1, (int) latentWidth));
    }

    /**
     * Up-projection, activation and down-projection of {@code copies} feed-forward blocks, each split across
     * {@code shards} chips along its intermediate dimension, over {@code rows} token rows.
     */
    private void feedForward(PlanTemplate.Builder step, String prefix, FeedForward block, int copies, int count,
                             long rows, int shards, double weightBytes, Precision compute, double downBytes,
                             Precision downCompute) {
        long inner = ceilDiv(block.intermediateSize(), shards);
        long upWidth = (block.gated() ? 2L : 1L) * inner;
        step.kernel(gemm(prefix + "_up", count, rows, copies * upWidth, hidden,
                copies * (hidden * upWidth + (block.bias() ? upWidth : 0)) * weightBytes, compute));
        step.kernel(activation(prefix + "_activation", count, rows * copies * inner, block.gated()));
        step.kernel(gemm(prefix + "_down", count, rows, hidden, copies * inner,
                copies * (inner * hidden + (block.bias() ? hidden : 0)) * downBytes, downCompute));
    }

    private void mixture(PlanTemplate.Builder step, MixtureOfExperts moe, int layers,
                         long tokens, ParallelLayout layout) {
        int experts = moe.routedExperts();
        int topK = moe.expertsPerToken();
        step.kernel(new Kernel("router", KernelKind.ROUTER, layers, 2.0 * tokens * experts * hidden, routerGemm,
                new OperandBytes((hidden * experts + (moe.routerBias() ? experts : 0)) * routerBytes, 0,
                        tokens * hidden * activationBytes),
                new OperandBytes(0, 0, (double) tokens * experts * activationBytes),
                new GemmShape(tokens, experts, hidden)));
        int expertParallel = layout.expert();
        int tensor = layout.tensor();
        int expertsHere;
        long inner;
        double pool;
        double assignments;
        if (expertParallel > 1) {
            expertsHere = (int) ceilDiv(experts, expertParallel);
            inner = moe.expert().intermediateSize();
            pool = tokens * Math.max(1.0, (double) expertParallel / tensor);
            assignments = pool * topK / expertParallel;
            double perParticipant = pool / expertParallel * topK * hidden * activationBytes;
            step.collective(new Collective("expert dispatch all-to-all", CollectiveKind.ALL_TO_ALL, perParticipant,
                    expertParallel, layers));
            step.collective(new Collective("expert combine all-to-all", CollectiveKind.ALL_TO_ALL, perParticipant,
                    expertParallel, layers));
        } else {
            expertsHere = experts;
            inner = ceilDiv(moe.expert().intermediateSize(), tensor);
            pool = tokens;
            assignments = (double) tokens * topK;
        }
        double touched = moe.expectedExpertsTouched(expertsHere, pool);
        boolean gated = moe.expert().gated();
        boolean bias = moe.expert().bias();
        long upWidth = (gated ? 2L : 1L) * inner;
        long rowsPerExpert = Math.max(1, (long) Math.ceil(assignments / Math.max(touched, 1e-300)));
        step.kernel(new Kernel("expert_up", KernelKind.GEMM, layers, 2.0 * assignments * upWidth * hidden, routedGemm,
                new OperandBytes(touched * (hidden * upWidth + (bias ? upWidth : 0)) * routedBytes, 0,
                        assignments * hidden * activationBytes),
                new OperandBytes(0, 0, assignments * upWidth * activationBytes),
                new GemmShape(rowsPerExpert, upWidth, hidden)));
        step.kernel(activation("expert_activation", layers, Math.max(1, (long) Math.ceil(assignments * inner)), gated));
        step.kernel(new Kernel("expert_down", KernelKind.GEMM, layers, 2.0 * assignments * inner * hidden,
                routedDownGemm, new OperandBytes(touched * (inner * hidden + (bias ? hidden : 0)) * routedDownBytes, 0,
                        assignments * inner * activationBytes),
                new OperandBytes(0, 0, assignments * hidden * activationBytes),
                new GemmShape(rowsPerExpert, hidden, inner)));
        if (moe.sharedExperts() > 0) {
            feedForward(step, "shared_expert", moe.expert(), moe.sharedExperts(), layers, tokens, tensor,
                    sharedBytes, sharedGemm, sharedDownBytes, sharedDownGemm);
        }
    }

    /** The final norm over every new token, then the logits of {@code rows} of them. */
    private void head(PlanTemplate.Builder step, long rows, long tokens, int tensor) {
        step.kernel(elementwise("final_norm", KernelKind.NORM, 1, tokens * hidden, normFlops,
                normParameters * normBytes));
        long vocab = ceilDiv(model.vocabSize(), tensor);
        step.kernel(gemm("lm_head", 1, rows, vocab, hidden, hidden * vocab * headBytes, headGemm));
        if (tensor > 1) {
            step.collective(new Collective("logits all-gather", CollectiveKind.ALL_GATHER,
                    rows * vocab * activationBytes, tensor, 1));
        }
    }

    private Kernel gemm(String name, long count, long m, long n, long k, double weightBytes, Precision compute) {
        return new Kernel(name, KernelKind.GEMM, count, 2.0 * m * n * k, compute,
                new OperandBytes(weightBytes, 0, (double) m * k * activationBytes),
                new OperandBytes(0, 0, (double) m * n * activationBytes),
                new GemmShape(m, n, k));
    }

    private Kernel elementwise(String name, KernelKind kind, long count, long elements, int flopsPerElement,
                               double weightBytes) {
        return elementwise(name, kind, count, elements, flopsPerElement, weightBytes, 1);
    }

    /** Element-wise work reading {@code inputs} tensors of {@code elements} and writing one. */
    private Kernel elementwise(String name, KernelKind kind, long count, long elements, int flopsPerElement,
                               double weightBytes, int inputs) {
        double bytes = elements * activationBytes;
        return new Kernel(name, kind, count, (double) flopsPerElement * elements, activationFormat,
                new OperandBytes(weightBytes, 0, inputs * bytes), new OperandBytes(0, 0, bytes),
                new ElementwiseShape(elements));
    }

    private Kernel activation(String name, long count, long elements, boolean gated) {
        double bytes = elements * activationBytes;
        return new Kernel(name, KernelKind.ELEMENTWISE, count, (gated ? 5.0 : 4.0) * elements, activationFormat,
                new OperandBytes(0, 0, gated ? 2 * bytes : bytes), new OperandBytes(0, 0, bytes),
                new ElementwiseShape(elements));
    }

    /**
     * A GEMM's compute format: a block-floating-point weight format the chip computes, else the wider of the
     * weight and activation formats.
     */
    private Precision gemmFormat(Precision weights, List<Precision> computable) {
        boolean blockFloat = weights.equals(Precision.BFP8) || weights.equals(Precision.BFP4);
        return blockFloat && computable.contains(weights) ? weights : wider(weights, activationFormat);
    }

    private static Precision wider(Precision first, Precision second) {
        return first.bitsPerElement() > second.bitsPerElement() ? first : second;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
