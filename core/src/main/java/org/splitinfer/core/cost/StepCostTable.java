package org.splitinfer.core.cost;

import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

/**
 * Step latency and interval of one resolved pool (model, formats, chip, serving-stack adjustment: the
 * {@link StepCoster}; layout; residency), tabulated once so that a simulator pays a lookup, not a costing, per step.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>What is tabulated.</b> Decode: {@code StepCoster.cost(StepBatch.decode(b, c), layout, residency)}, a
 *       uniform batch of {@code b} sequences that each hold {@code c} tokens of context (for a speculative pool's
 *       verification steps, {@code StepBatch.verify(b, k + 1, c)}: each brings its proposals and one more token),
 *       for {@code b} in {@code 1..maxBatch} and {@code c} in {@code 0..maxContextTokens}. Prefill: {@code StepBatch.prefill(1, t, p)},
 *       one sequence's chunk of {@code t} new tokens after {@code p} tokens of prior context, for {@code t} in
 *       {@code 1..maxChunkTokens} and {@code p} in {@code 0..maxPriorContextTokens} ({@link StepCostRange}). Both
 *       {@link StepCost#latencySeconds()} and {@link StepCost#intervalSeconds()} are kept. A batch of sequences with
 *       different contexts is not a point of the decode table; its caller chooses the representative context.</li>
 *   <li><b>Interpolation.</b> Bilinear on a tensor-product grid ({@link StepCostGrid}). Between the nodes a step's
 *       cost is a sum of terms linear in the batch or chunk (projections, MLPs, collectives), terms proportional to
 *       {@code b × c} (decode attention: score pairs and KV bytes grow as {@code b(c + 1)}), the chunk's causal
 *       triangle {@code t(t + 1)/2}, and {@code max(compute, memory)} kinks where a kernel changes bound. Bilinear
 *       interpolation is exact for the first two, so nodes are needed only at kinks and along curvature.</li>
 *   <li><b>Grid.</b> Each axis starts as the integers up to {@value #DENSE_LEADING} on the batch or chunk axis (the
 *       smallest steps bend most: MoE expert coverage {@code 1 − (1 − k/E)^T}, GEMM efficiency {@code m ÷ (m + h)})
 *       and a uniform power-of-two spacing of 16 to 31 cells. {@link StepCostGridBuilder} then refines: for every
 *       cell edge, on every line of the other axis through a node or a cell's midpoint, it prices the edge's two
 *       nodes, their inner integer neighbours and its midpoint, and splits the edge at its midpoint when either
 *       the midpoint differs from the interpolated value by more than {@link #TOLERANCE} (0.25%) or the error
 *       bound below exceeds it, in latency or interval; it repeats until nothing splits. Nodes are integers, so
 *       refinement ends at spacing 1 at worst, and a build that would pass 8192 nodes on an axis or 2<sup>20</sup>
 *       values fails with {@link IllegalStateException} rather than grow without bound.</li>
 *   <li><b>Error bound: at most 1% everywhere in the range.</b> Along a line, with {@code s₀} and {@code s₁} the
 *       slopes of a cell's first and last unit steps and {@code s} its chord's slope: if {@code s} lies between
 *       them, the cost is taken as convex or concave across the cell (a sum of maxima of linear terms, plus the
 *       causal triangle, is convex), its unit slopes run monotonically from {@code s₀} to {@code s₁}, and the chord
 *       misses it by at most {@code |s₁ − s₀| × width ÷ 4}. If {@code s} lies outside them the cost drops or jumps
 *       inside the cell (MoE rows per expert, {@code ceil(assignments ÷ touched)}, make a GPU's expert GEMMs a
 *       sawtooth in the token count), and {@code max(|s − s₀|, |s − s₁|) × width}, the total of those drops,
 *       bounds the miss; a drop larger than the tolerance so ends up between adjacent integer nodes. Each line is
 *       thus within 0.25%; inside a cell the bilinear error is the first axis' error on the node lines plus the
 *       second axis' error along the crossing line, which the midpoint lines sample, so 0.5% with a margin for
 *       lines between probes. This is an argument, not a proof for every plugin a vendor may write:
 *       {@code StepCostTableAccuracyTest} (distribution) enforces 1% by sweeping every integer batch against many
 *       contexts, and a dense set of chunks and prior contexts, for every shipped family, against direct
 *       costing; its worst difference is 0.27% (an h100-sxm prefill of Llama-3.1-70B).</li>
 *   <li><b>Range.</b> Lookups outside the range throw {@link IllegalArgumentException}: a table never extrapolates,
 *       and never falls back to direct costing on its own, which would hide a misconfigured range behind a path some
 *       thirty times slower that allocates. A caller that may leave the range asks {@link #coversDecode} or
 *       {@link #coversPrefill} and prices those steps with {@link StepCoster}.</li>
 *   <li><b>Memory and build.</b> Two doubles per node pair, plus the axes and their bucket maps:
 *       about {@code 16 × xNodes × yNodes} bytes ({@link StepCostGrid#sizeBytes()}). For Llama-3.1-70B (BF16; FP16 on
 *       the LPU) over batch 1..256, context 0..131,072, chunk 1..16,384 and prior context 0..131,072, on the pools of
 *       {@code StepCostBenchmark}: h100-sxm (1 × 3 chips), decode 49 × 17 nodes (15 KB) and prefill 56 × 21 (37 KB);
 *       groq-lpu-v1 (89 × 10), decode 47 × 17 (15 KB) and prefill 49 × 17 (31 KB). A grid takes 7,000 to 11,000 direct
 *       costings and 15 to 70 ms, up to about 100 ms for the first in a JVM, which pays the JIT. MoE models on GPUs
 *       need more prefill nodes, two per tooth of their sawtooth: gpt-oss-120b on h200-sxm about 1400 × 22 (0.5 MB),
 *       built in about 0.5 s.</li>
 *   <li><b>Threads.</b> Each phase's grid is built on its first lookup, by one thread while others wait (double-checked
 *       locking on a volatile field), and published whole: its arrays are written before the volatile write and
 *       never again. Lookups are then lock-free and allocate nothing. A pool used only for prefill never builds its
 *       decode grid. {@link StepCostTables} shares one table per pool between threads.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class StepCostTable {
    /** The largest relative difference a refinement probe may show: a quarter of the 1% the table promises. */
    public static final double TOLERANCE = 0.0025;
    /** Leading batch sizes and chunk lengths that are all nodes. */
    static final int DENSE_LEADING = 16;

    private final StepCoster coster;
    private final ParallelLayout layout;
    private final Residency residency;
    private final StepCostRange range;
    private final long decodeTokensPerSequence;
    private final Object decodeLock = new Object();
    private final Object prefillLock = new Object();
    private volatile StepCostGrid decode;
    private volatile StepCostGrid prefill;

    /**
     * A table whose grids are built on first use.
     *
     * @param coster    the pool's step costing (chip, model, formats, serving-stack adjustment)
     * @param layout    the pool's layout
     * @param residency where the pool's operands live
     * @param range     the inputs to cover
     */
    public StepCostTable(StepCoster coster, ParallelLayout layout, Residency residency, StepCostRange range) {
        this(coster, layout, residency, range, 1);
    }

    /**
     * A table whose decode steps are a speculative decoding's verification steps: each sequence brings
     * {@code decodeTokensPerSequence} new tokens ({@link StepBatch#verify}); {@code 1} is plain decoding.
     *
     * @param coster                  the pool's step costing (chip, model, formats, serving-stack adjustment)
     * @param layout                  the pool's layout
     * @param residency               where the pool's operands live
     * @param range                   the inputs to cover
     * @param decodeTokensPerSequence new tokens per sequence in a decode step, {@code >= 1}
     */
    public StepCostTable(StepCoster coster, ParallelLayout layout, Residency residency, StepCostRange range,
                         long decodeTokensPerSequence) {
        if (coster == null || layout == null || residency == null || range == null) {
            throw new IllegalArgumentException("a step-cost table needs a coster, a layout, a residency and a range,"
                    + " got " + coster + ", " + layout + ", " + residency + " and " + range);
        }
        if (decodeTokensPerSequence < 1) {
            throw new IllegalArgumentException("a decode step brings at least 1 token per sequence, got "
                    + decodeTokensPerSequence);
        }
        this.coster = coster;
        this.layout = layout;
        this.residency = residency;
        this.range = range;
        this.decodeTokensPerSequence = decodeTokensPerSequence;
    }

    /**
     * Decode step latency, interpolated.
     *
     * @param batch         sequences, {@code 1..range().maxBatch()}
     * @param contextTokens tokens each sequence holds, {@code 0..range().maxContextTokens()}
     * @return seconds, within 1% of {@code StepCoster.cost(StepBatch.decode(batch, contextTokens), ...)}
     * @throws IllegalArgumentException outside the range
     */
    public double decodeLatencySeconds(int batch, long contextTokens) {
        requireDecode(batch, contextTokens);
        return decodeGrid().latencySeconds(batch, contextTokens);
    }

    /**
     * Decode steady-state interval between steps, interpolated.
     *
     * @param batch         sequences, {@code 1..range().maxBatch()}
     * @param contextTokens tokens each sequence holds, {@code 0..range().maxContextTokens()}
     * @return seconds, within 1% of the direct cost's {@link StepCost#intervalSeconds()}
     * @throws IllegalArgumentException outside the range
     */
    public double decodeIntervalSeconds(int batch, long contextTokens) {
        requireDecode(batch, contextTokens);
        return decodeGrid().intervalSeconds(batch, contextTokens);
    }

    /**
     * Prefill step latency of one sequence's chunk, interpolated.
     *
     * @param chunkTokens        new tokens, {@code 1..range().maxChunkTokens()}
     * @param priorContextTokens tokens before the chunk, {@code 0..range().maxPriorContextTokens()}
     * @return seconds, within 1% of {@code StepCoster.cost(StepBatch.prefill(1, chunkTokens, priorContextTokens), ...)}
     * @throws IllegalArgumentException outside the range
     */
    public double prefillLatencySeconds(int chunkTokens, long priorContextTokens) {
        requirePrefill(chunkTokens, priorContextTokens);
        return prefillGrid().latencySeconds(chunkTokens, priorContextTokens);
    }

    /**
     * Prefill steady-state interval of one sequence's chunk, interpolated.
     *
     * @param chunkTokens        new tokens, {@code 1..range().maxChunkTokens()}
     * @param priorContextTokens tokens before the chunk, {@code 0..range().maxPriorContextTokens()}
     * @return seconds, within 1% of the direct cost's {@link StepCost#intervalSeconds()}
     * @throws IllegalArgumentException outside the range
     */
    public double prefillIntervalSeconds(int chunkTokens, long priorContextTokens) {
        requirePrefill(chunkTokens, priorContextTokens);
        return prefillGrid().intervalSeconds(chunkTokens, priorContextTokens);
    }

    /**
     * @param batch         sequences
     * @param contextTokens tokens each holds
     * @return whether the decode lookups accept them
     */
    public boolean coversDecode(int batch, long contextTokens) {
        return batch >= 1 && batch <= range.maxBatch() && contextTokens >= 0
                && contextTokens <= range.maxContextTokens();
    }

    /**
     * @param chunkTokens        new tokens
     * @param priorContextTokens tokens before them
     * @return whether the prefill lookups accept them
     */
    public boolean coversPrefill(int chunkTokens, long priorContextTokens) {
        return chunkTokens >= 1 && chunkTokens <= range.maxChunkTokens() && priorContextTokens >= 0
                && priorContextTokens <= range.maxPriorContextTokens();
    }

    /** @return the decode grid (batch × context), built now if it has not been */
    public StepCostGrid decodeGrid() {
        StepCostGrid grid = decode;
        if (grid == null) {
            synchronized (decodeLock) {
                grid = decode;
                if (grid == null) {
                    grid = new StepCostGridBuilder("decode of " + label(), (batch, context) ->
                            coster.cost(StepBatch.verify((int) batch, decodeTokensPerSequence, context), layout,
                                    residency),
                            1, range.maxBatch(), DENSE_LEADING, 0, range.maxContextTokens(), TOLERANCE).build();
                    decode = grid;
                }
            }
        }
        return grid;
    }

    /** @return the prefill grid (chunk tokens × prior context), built now if it has not been */
    public StepCostGrid prefillGrid() {
        StepCostGrid grid = prefill;
        if (grid == null) {
            synchronized (prefillLock) {
                grid = prefill;
                if (grid == null) {
                    grid = new StepCostGridBuilder("prefill of " + label(), (chunk, prior) ->
                            coster.cost(StepBatch.prefill(1, chunk, prior), layout, residency),
                            1, range.maxChunkTokens(), DENSE_LEADING, 0, range.maxPriorContextTokens(), TOLERANCE)
                            .build();
                    prefill = grid;
                }
            }
        }
        return grid;
    }

    /** @return the pool's step costing */
    public StepCoster coster() {
        return coster;
    }

    /** @return new tokens per sequence in a decode step: 1, or a speculative verification's proposals plus 1 */
    public long decodeTokensPerSequence() {
        return decodeTokensPerSequence;
    }

    /** @return the pool's layout */
    public ParallelLayout layout() {
        return layout;
    }

    /** @return where the pool's operands live */
    public Residency residency() {
        return residency;
    }

    /** @return the inputs covered */
    public StepCostRange range() {
        return range;
    }

    private void requireDecode(int batch, long contextTokens) {
        if (!coversDecode(batch, contextTokens)) {
            throw new IllegalArgumentException("decode batch " + batch + " at context " + contextTokens
                    + " is outside this table's batch 1.." + range.maxBatch() + " and context 0.."
                    + range.maxContextTokens());
        }
    }

    private void requirePrefill(int chunkTokens, long priorContextTokens) {
        if (!coversPrefill(chunkTokens, priorContextTokens)) {
            throw new IllegalArgumentException("prefill chunk of " + chunkTokens + " tokens after "
                    + priorContextTokens + " is outside this table's chunk 1.." + range.maxChunkTokens()
                    + " and prior context 0.." + range.maxPriorContextTokens());
        }
    }

    private String label() {
        return coster.planner().model().id() + " on " + coster.accelerator().id() + " " + layout
                + (decodeTokensPerSequence == 1 ? "" : ", verifying " + decodeTokensPerSequence + " tokens");
    }
}
