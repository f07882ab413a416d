package org.splitinfer.core.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import org.splitinfer.core.model.AttentionSpec;
import org.splitinfer.core.model.GroupedQueryAttention;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.ParallelLayout;

/**
 * The layouts a serving stack would run for one model on one chip kind, and the fastest of them: the one layout
 * search behind the estimator, {@code fit}, the validation predictor (and later the simulator and the planner).
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Tensor parallelism</b> {@code t} splits attention heads, so serving stacks require {@code t} to divide
 *       the query heads {@code H} (vLLM and SGLang refuse other degrees; TensorRT-LLM pads nothing). With grouped
 *       KV heads {@code K}, either {@code t} divides {@code K} (each chip holds {@code K/t} of them) or {@code K}
 *       divides {@code t} (each KV head is replicated on {@code t/K} chips), again as vLLM's
 *       {@code QKVParallelLinear} requires. Latent attention has one shared latent: only {@code H} counts.</li>
 *   <li>The search proposes {@code t} only within the chip's scale-up domain
 *       ({@link org.splitinfer.spi.Interconnect#scaleUpDomainChips()}): an all-reduce per layer over the scale-out
 *       network is what pipeline parallelism exists to avoid. A layout given by the caller may cross it (it is then
 *       priced over the scale-out network), but must still split the heads.</li>
 *   <li><b>Pipeline parallelism</b> {@code p} runs {@code 1 ≤ p ≤ layers} stages of consecutive layers (uneven
 *       stages allowed, as {@link org.splitinfer.core.kernel.KernelPlanner} prices them); experts are split like
 *       the MLP ({@code expert = 1}) and one instance is one replica ({@code data = 1}).</li>
 *   <li>An instance of {@code n} chips runs as {@code t × p = n}. A chip count no runnable {@code t × p} reaches
 *       (a prime above the layer count, say) is not run with idle chips; {@link #fewestChips} gives the next count
 *       that runs, and an error names the nearest counts on both sides.</li>
 *   <li><b>Whole nodes.</b> The counts {@link #fewestChips} chooses are whole nodes of the chip
 *       ({@link org.splitinfer.spi.Interconnect#nodeChips()}): a buyer gets GroqNodes of 8 cards, not single
 *       cards. A count the caller gives is not rounded.</li>
 *   <li><b>Fastest.</b> Candidates are visited by increasing {@code p}; the first with the least time wins (ties
 *       within 1e-12 keep fewer stages).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LayoutSearch {
    /** The largest chip count searched for an instance. */
    public static final int MAX_CHIPS = 1 << 20;

    private final ModelSpec model;
    private final String acceleratorId;
    private final int domainChips;
    private final int nodeChips;
    private final int[] tensorDegrees;

    /**
     * @param accelerator the chip kind
     * @param model       the model
     */
    public LayoutSearch(Accelerator accelerator, ModelSpec model) {
        this.model = model;
        this.acceleratorId = accelerator.id();
        this.domainChips = Math.max(1, accelerator.interconnect().scaleUpDomainChips());
        this.nodeChips = Math.max(1, accelerator.interconnect().nodeChips());
        List<Integer> degrees = new ArrayList<>();
        for (int t = 1; t <= Math.min(domainChips, model.attention().queryHeads()); t++) {
            if (splitsHeads(t)) {
                degrees.add(t);
            }
        }
        this.tensorDegrees = degrees.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether a tensor-parallel degree splits the model's attention heads as serving stacks require (see the
     * notes), regardless of the scale-up domain.
     *
     * @param tensor the degree, {@code >= 1}
     * @return true when it runs
     */
    public boolean splitsHeads(int tensor) {
        AttentionSpec attention = model.attention();
        if (tensor < 1 || attention.queryHeads() % tensor != 0) {
            return false;
        }
        if (attention instanceof GroupedQueryAttention grouped) {
            int kv = grouped.kvHeads();
            return kv % tensor == 0 || tensor % kv == 0;
        }
        return true;
    }

    /**
     * The tensor-parallel degrees the search proposes: those that split the heads, within the scale-up domain.
     *
     * @return degrees, ascending; always starts with 1
     */
    public int[] tensorDegrees() {
        return tensorDegrees.clone();
    }

    /**
     * Every layout the search proposes for an instance of exactly {@code chips} chips.
     *
     * @param chips chips per instance, {@code >= 1}
     * @return layouts by increasing pipeline stages; empty when no runnable split reaches {@code chips}
     */
    public List<ParallelLayout> layouts(int chips) {
        List<ParallelLayout> layouts = new ArrayList<>();
        for (int i = tensorDegrees.length - 1; i >= 0; i--) {
            int tensor = tensorDegrees[i];
            if (chips % tensor == 0 && chips / tensor <= model.layers()) {
                layouts.add(new ParallelLayout(tensor, chips / tensor, 1, 1));
            }
        }
        return layouts;
    }

    /**
     * The fewest chips, at least {@code atLeast} and in whole nodes, that some proposed layout uses exactly.
     *
     * @param atLeast a lower bound, such as the fewest chips whose memory holds the model
     * @return the count, or empty when none up to {@link #MAX_CHIPS} runs
     */
    public OptionalInt fewestChips(int atLeast) {
        int largest = tensorDegrees[tensorDegrees.length - 1] * model.layers();
        long first = (Math.max(1L, atLeast) + nodeChips - 1) / nodeChips * nodeChips;
        for (long chips = first; chips <= Math.min(largest, MAX_CHIPS); chips += nodeChips) {
            if (!layouts((int) chips).isEmpty()) {
                return OptionalInt.of((int) chips);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The fastest proposed layout of exactly {@code chips} chips.
     *
     * @param chips     chips per instance
     * @param secondsOf the time a layout is judged by (a decode step's time per output token, a prompt's latency)
     * @param field     the input field that gave the chip count, for the error (e.g. {@code decode.chips})
     * @return the layout
     * @throws LayoutException when no proposed layout uses exactly {@code chips} chips
     */
    public ParallelLayout fastest(int chips, ToDoubleFunction<ParallelLayout> secondsOf, String field) {
        return fastest(chips, secondsOf, field, 1);
    }

    /**
     * {@link #fastest(int, ToDoubleFunction, String)}, whose error suggests no count below the fewest chips that
     * hold the model.
     *
     * @param chips         chips per instance
     * @param secondsOf     the time a layout is judged by
     * @param field         the input field that gave the chip count, for the error
     * @param fewestThatHold the fewest chips whose memory holds the model: a smaller count is never suggested
     * @return the layout
     * @throws LayoutException when no proposed layout uses exactly {@code chips} chips
     */
    public ParallelLayout fastest(int chips, ToDoubleFunction<ParallelLayout> secondsOf, String field,
                                  int fewestThatHold) {
        List<ParallelLayout> candidates = layouts(chips);
        if (candidates.isEmpty()) {
            throw noLayout(chips, field, fewestThatHold);
        }
        ParallelLayout best = null;
        double bestSeconds = Double.MAX_VALUE;
        for (ParallelLayout candidate : candidates) {
            double seconds = secondsOf.applyAsDouble(candidate);
            if (seconds < bestSeconds * (1 - 1e-12)) {
                bestSeconds = seconds;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Checks a layout the caller gave: its degrees multiply to the chips, its tensor degree splits the heads and its
     * stages do not exceed the layers.
     *
     * @param tensor    the tensor-parallel degree
     * @param pipeline  the pipeline stages
     * @param chips     chips per instance
     * @param prefix    the pool's field prefix for messages, e.g. {@code decode}
     * @return the layout
     * @throws LayoutException naming the fields when it does not run
     */
    public ParallelLayout given(int tensor, int pipeline, int chips, String prefix) {
        String tp = prefix + ".tp";
        String pp = prefix + ".pp";
        String chipsField = prefix + ".chips";
        if ((long) tensor * pipeline != chips) {
            throw new LayoutException(tp + " × " + pp + " = " + tensor + " × " + pipeline + " must equal " + chipsField
                    + " = " + chips + "; change " + tp + ", " + pp + " or " + chipsField, List.of(tp, pp, chipsField));
        }
        if (!splitsHeads(tensor)) {
            throw new LayoutException(tp + " = " + tensor + " does not split " + heads() + "; use one of "
                    + degreesText(model.attention().queryHeads()), List.of(tp));
        }
        if (pipeline > model.layers()) {
            throw new LayoutException(pp + " = " + pipeline + " exceeds the " + model.layers() + " layers of '"
                    + model.id() + "'; use at most " + model.layers() + " stages", List.of(pp));
        }
        return new ParallelLayout(tensor, pipeline, 1, 1);
    }

    private LayoutException noLayout(int chips, String field, int fewestThatHold) {
        int below = 0;
        for (int n = chips - 1; n >= Math.max(1, fewestThatHold); n--) {
            if (!layouts(n).isEmpty()) {
                below = n;
                break;
            }
        }
        OptionalInt above = fewestChips(chips + 1);
        String nearest = (below > 0 ? below + (above.isPresent() ? " or " : "") : "")
                + (above.isPresent() ? String.valueOf(above.getAsInt()) : "");
        return new LayoutException("no layout of " + chips + " '" + acceleratorId + "' chips runs '" + model.id()
                + "': tensor-parallel degrees must split " + heads() + " within the " + domainChips
                + "-chip scale-up domain (" + degreesText(domainChips) + "), and pipeline stages cannot exceed its "
                + model.layers() + " layers; set " + field + " to " + nearest, List.of(field));
    }

    private String heads() {
        AttentionSpec attention = model.attention();
        String text = "the " + attention.queryHeads() + " attention heads of '" + model.id() + "'";
        if (attention instanceof GroupedQueryAttention grouped && grouped.kvHeads() != attention.queryHeads()) {
            text += " and its " + grouped.kvHeads() + " KV heads";
        }
        return text;
    }

    private String degreesText(int limit) {
        StringBuilder text = new StringBuilder();
        for (int t = 1; t <= Math.min(limit, model.attention().queryHeads()); t++) {
            if (splitsHeads(t)) {
                text.append(text.length() == 0 ? "" : ", ").append(t);
            }
        }
        return text.toString();
    }
}
