package org.splitinfer.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.splitinfer.core.cost.DefaultFormats;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.cost.FormatException;
import org.splitinfer.core.cost.LayoutSearch;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.error.internal.FigureAudit;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Status;
import org.splitinfer.spi.TierUsage;

/**
 * Fits a model onto a chip kind: the fewest chips whose full-speed memory holds it, where its bytes live, and what
 * the family's alternative placements cost in decode speed. Stateless and thread-safe.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Footprint.</b> {@code weightBytes = ModelSpec.weightBytes(precision)} (each tensor group at its format);
 *       the KV cache of <em>one</em> sequence of {@code C} tokens, {@code kvBytes = ModelSpec.kvBytes(C, kv format)},
 *       given to the plugin as {@code kvBytesPerToken = kvBytes ÷ C} and {@code kvTokens = C}, so that sliding-window
 *       layers, which keep at most their window, are counted right (the per-token figure is then an average over
 *       {@code C} tokens, and so is the KV capacity in tokens). Activations are counted as 0 bytes: a batch-1 decode
 *       step's activations are a few hidden-size vectors, and every sheet's usable fraction is documented as the
 *       reserve for runtime workspaces and buffers.</li>
 *   <li><b>Fewest chips.</b> {@link MemoryModel#minChips(Footprint)} of the chip's plugin, after its usable fraction.
 *       The full-speed placement, its KV capacity (tokens per chip and in total) and the alternatives
 *       ({@link MemoryModel#alternatives}) are reported at that count, or at a count the caller asks for: the
 *       alternatives of most families exist only where the full-speed placement does not fit.</li>
 *   <li><b>Chips and layout.</b> Without a chip count, the fewest chips that hold the footprint are rounded up to
 *       the fewest, in whole nodes of the chip, that a layout a serving stack would run uses exactly
 *       ({@link LayoutSearch#fewestChips}); the report keeps both. The decode step is priced on the fastest batch-1 layout the search proposes for the
 *       chips; for a given count it proposes none of (a prime above the layer count, say), on the most chips below
 *       it that it does, leaving the others out of the timing, which is conservative.</li>
 *   <li><b>Speed.</b> Each placement's cost is the latency of a batch-1 decode step at a context of {@code C},
 *       {@link StepCoster#cost} under that placement's residency, on the same layout. The full-speed time on a chip
 *       count where the footprint does not fit is the time it would take if it did: the reference the alternatives
 *       are compared against. The SPI's residency names one tier per operand class, so an alternative that splits a
 *       class across tiers (the RDU's DDR spill puts part of the weights in DDR) is priced as if all of that class
 *       lived in the residency's tier; when that is the slowest tier holding it, the time is an upper bound and
 *       {@link AlternativeFit#upperBound()} says so (the RDU plugin's own spilled pricing is not reachable from
 *       core). A chip that cannot compute a format has no time, and the report says why.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class ModelFitter {

    private ModelFitter() {
    }

    /**
     * Fits a model.
     *
     * @param accelerator the chip kind
     * @param model       the model
     * @param request     formats, context and optionally a chip count
     * @return the report
     * @throws FitException when no chip count up to 2^20 holds the model and no count was asked for, or when no
     *                      default format can be chosen
     */
    public static FitReport fit(Accelerator accelerator, ModelSpec model, FitRequest request) {
        FormatChoice choice = request.givenPrecision()
                .map(FormatChoice::given)
                .orElseGet(() -> DefaultFormats.choose(model, accelerator.roofline(), accelerator.id()));
        ModelPrecision precision = choice.precision();
        long context = request.contextTokens();
        if (!request.allowLongContext() && context > model.contextWindowTokens()) {
            throw new FitException("fit.contextTokens = " + Limits.count(context) + " exceeds the "
                    + Limits.count(model.contextWindowTokens()) + "-token context window of '" + model.id()
                    + "'; lower fit.contextTokens or set fit.allowLongContext.",
                    List.of("fit.contextTokens", "fit.allowLongContext"));
        }
        Footprint footprint = footprint(model, precision, context);
        MemoryModel memory = accelerator.memory();
        OptionalInt minChips = memory.minChips(footprint);
        if (minChips.isEmpty() && request.givenChips().isEmpty()) {
            throw new FitException(String.format(Locale.ROOT, "model '%s' at %s (%.4g bytes with a %d-token KV "
                            + "cache) does not fit the full-speed memory of up to 1048576 '%s' chips; choose a "
                            + "smaller format in fit.precision or evaluate a chip count with fit.chips.",
                    model.id(), precision, footprint.totalBytes(), context, accelerator.id()),
                    List.of("fit.precision", "fit.chips"));
        }
        LayoutSearch search = new LayoutSearch(accelerator, model);
        int chips;
        if (request.givenChips().isPresent()) {
            chips = request.givenChips().getAsInt();
        } else {
            chips = search.fewestChips(minChips.getAsInt()).orElseThrow(() -> new FitException(String.format(
                    Locale.ROOT, "model '%s' needs at least %d '%s' chips, more than any layout of its %d layers"
                            + " reaches; choose a smaller format in fit.precision", model.id(), minChips.getAsInt(),
                    accelerator.id(), model.layers()), List.of("fit.precision")));
        }
        Placement placement = memory.place(footprint, chips);
        StepCoster coster = new StepCoster(accelerator, model, precision);
        ParallelLayout layout = layout(search, coster, chips, placement.residency(), context);
        DecodeTiming fullSpeed = decodeTiming(coster, layout, placement.residency(), context);
        List<AlternativeFit> alternatives = new ArrayList<>();
        for (Placement alternative : memory.alternatives(footprint, chips)) {
            alternatives.add(new AlternativeFit(alternative, holds(alternative, footprint, memory),
                    decodeTiming(coster, layout, alternative.residency(), context),
                    pricedAtSlowestOfSplitTiers(alternative, memory)));
        }
        Status status = accelerator.spec().status();
        List<Figure> assumptions = accelerator.spec().assumptions();
        List<String> notes = notes(accelerator, model, context, chips, layout, placement, alternatives, status,
                assumptions);
        return FigureAudit.requireSound(new FitReport(model.id(), accelerator.id(), status, assumptions, precision,
                choice, context, footprint, minChips, chips, layout, placement, fullSpeed, alternatives, notes), "fit",
                model.id(), accelerator.id());
    }

    /**
     * What must be held: the weights and one sequence's KV cache (see the notes).
     *
     * @param model         the model
     * @param precision     its formats
     * @param contextTokens tokens in the sequence, {@code >= 1}
     * @return the footprint, activations 0
     */
    public static Footprint footprint(ModelSpec model, ModelPrecision precision, long contextTokens) {
        if (contextTokens < 1) {
            throw new FitException("fit.contextTokens must be at least 1 token, got " + contextTokens
                    + "; give fit.contextTokens a positive number of tokens.", List.of("fit.contextTokens"));
        }
        double kvBytes = model.kvBytes(contextTokens, precision.kvCache());
        return new Footprint(model.weightBytes(precision), kvBytes / contextTokens, contextTokens, 0);
    }

    /**
     * The layout a step is priced with on a number of chips (see the notes): the fastest batch-1 decode among the
     * layouts of the chips that {@link LayoutSearch} proposes, or of the most chips below that it proposes when it
     * proposes none of exactly that many.
     */
    private static ParallelLayout layout(LayoutSearch search, StepCoster coster, int chips, Residency residency,
                                         long context) {
        int used = chips;
        while (used > 1 && search.layouts(used).isEmpty()) {
            used--;
        }
        StepBatch step = StepBatch.decode(1, context);
        return search.fastest(used, layout -> {
            try {
                return coster.cost(step, layout, residency).latencySeconds();
            } catch (FormatException e) {
                return 0;
            }
        }, "fit.chips");
    }

    private static DecodeTiming decodeTiming(StepCoster coster, ParallelLayout layout, Residency residency,
                                             long context) {
        try {
            return DecodeTiming.of(coster.cost(StepBatch.decode(1, context), layout, residency).latencySeconds());
        } catch (FormatException e) {
            return DecodeTiming.unavailable(e.getMessage());
        }
    }

    /**
     * Whether a placement's tiers hold the whole footprint: every tier within its usable bytes, and the bytes of all
     * chips adding up to the footprint (a plugin caps what it reports at a tier's capacity when bytes do not fit).
     */
    static boolean holds(Placement placement, Footprint footprint, MemoryModel memory) {
        double placed = 0;
        for (TierUsage usage : placement.perChip()) {
            if (usage.totalBytes() > memory.tier(usage.tier()).usableBytes() * (1 + 1e-12)) {
                return false;
            }
            placed += usage.totalBytes();
        }
        return placed * placement.chips() >= footprint.totalBytes() * (1 - 1e-9);
    }

    /**
     * Whether some operand class sits in more than one tier per chip and the residency prices it at the slowest
     * of those tiers.
     */
    static boolean pricedAtSlowestOfSplitTiers(Placement placement, MemoryModel memory) {
        for (OperandClass operand : OperandClass.values()) {
            List<TierUsage> holding = new ArrayList<>();
            for (TierUsage usage : placement.perChip()) {
                if (bytesOf(usage, operand) > 0) {
                    holding.add(usage);
                }
            }
            if (holding.size() < 2) {
                continue;
            }
            double slowest = Double.MAX_VALUE;
            for (TierUsage usage : holding) {
                slowest = Math.min(slowest, memory.tier(usage.tier()).bytesPerSecond());
            }
            MemoryTier priced = memory.tier(placement.residency().tierOf(operand));
            if (priced.bytesPerSecond() <= slowest) {
                return true;
            }
        }
        return false;
    }

    private static double bytesOf(TierUsage usage, OperandClass operand) {
        return switch (operand) {
            case WEIGHTS -> usage.weightBytes();
            case KV_CACHE -> usage.kvCacheBytes();
            case ACTIVATIONS -> usage.activationBytes();
        };
    }

    private static List<String> notes(Accelerator accelerator, ModelSpec model, long context, int chips,
                                      ParallelLayout layout, Placement placement, List<AlternativeFit> alternatives,
                                      Status status, List<Figure> assumptions) {
        List<String> notes = new ArrayList<>();
        if (status != Status.SHIPPING) {
            notes.add("'" + accelerator.id() + "' is " + status.name().toLowerCase(Locale.ROOT)
                    + ", not shipping: every figure here rests on its vendor's targets or a projection, not on"
                    + " measurements.");
        }
        if (!assumptions.isEmpty()) {
            notes.add(assumptions.size() + " of the chip's figures are marked assumptions, not sourced: "
                    + String.join(", ", assumptions.stream().map(Figure::name).toList()) + ".");
        }
        notes.add("The footprint holds the weights and the KV cache of one sequence of " + context
                + " tokens; activations are counted as 0 bytes, the sheet's usable fraction being the reserve for"
                + " runtime workspaces and buffers.");
        if (model.slidingLayers() > 0) {
            notes.add(model.slidingLayers() + " of the model's " + model.layers() + " layers keep a sliding window"
                    + " of " + model.slidingWindow().windowTokens() + " tokens: the KV bytes per token and the KV"
                    + " capacity in tokens are averages over a " + context + "-token sequence.");
        }
        String rule = "the fastest of the layouts a serving stack would run: tensor-parallel degrees that split the"
                + " attention heads within the scale-up domain of " + accelerator.interconnect().scaleUpDomainChips()
                + " chips, pipelined over the rest";
        notes.add(String.format(Locale.ROOT, "Decode steps are batch 1 at a context of %d tokens, priced on tensor"
                        + " %d × pipeline %d (%s)%s.", context, layout.tensor(), layout.pipeline(), rule,
                layout.chips() < chips ? "; the other " + (chips - layout.chips()) + " chips are left out of the"
                        + " timing, which is conservative" : ""));
        if (!placement.fitsFullSpeed()) {
            notes.add("The footprint does not fit the full-speed memory of " + chips + " chips: the full-speed"
                    + " decode time is the speed it would have if it did, the reference for the alternatives.");
        }
        for (AlternativeFit alternative : alternatives) {
            if (alternative.upperBound()) {
                notes.add("'" + alternative.placement().name() + "' splits an operand class across tiers and the"
                        + " SPI's residency prices all of it at the slowest of them: its decode time is an upper"
                        + " bound.");
            }
        }
        return notes;
    }
}
