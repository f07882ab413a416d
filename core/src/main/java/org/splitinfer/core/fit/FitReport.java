package org.splitinfer.core.fit;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Status;

/**
 * Where a model fits on a chip kind and what the alternatives cost. Immutable.
 *
 * @param modelId          the model's id
 * @param acceleratorId    the chip's id
 * @param status           how real the chip is: figures of an announced or projected chip are targets
 * @param assumptions      the chip's figures that no source publishes (marked assumptions of its sheet)
 * @param precision        the formats fitted
 * @param precisionChoice  how the formats were chosen ({@link org.splitinfer.core.cost.DefaultFormats})
 * @param contextTokens    tokens of the one sequence whose KV cache is held
 * @param footprint        what must be held: weights, the KV cache of that sequence, activations (0, see notes)
 * @param minChips         the fewest chips whose full-speed tiers hold the footprint; empty when no count up to
 *                         2^20 does
 * @param chips            the chip count evaluated: the one asked for, else the fewest at or above {@code minChips}
 *                         that a layout a serving stack would run uses exactly
 * @param layout           the layout the decode step is priced with on {@code chips} chips (see {@link ModelFitter})
 * @param placement        the full-speed placement on {@code chips} chips (bytes per tier per chip, KV capacity)
 * @param fullSpeedDecode  the batch-1 decode step at {@code contextTokens} under the full-speed residency on
 *                         {@code chips} chips (priced as if it fit when it does not: the speed it would have)
 * @param alternatives     the family's alternative placements on {@code chips} chips, each with its decode step
 * @param notes            what the figures rest on: the modelling choices behind this report, one sentence each
 * @since 0.1
 */
public record FitReport(String modelId, String acceleratorId, Status status, List<Figure> assumptions,
                        ModelPrecision precision, FormatChoice precisionChoice, long contextTokens, Footprint footprint,
                        OptionalInt minChips, int chips, ParallelLayout layout, Placement placement,
                        DecodeTiming fullSpeedDecode, List<AlternativeFit> alternatives, List<String> notes) {

    /** Copies the lists. */
    public FitReport {
        assumptions = List.copyOf(assumptions);
        alternatives = List.copyOf(alternatives);
        notes = List.copyOf(notes);
    }

    /** @return whether the footprint fits the full-speed tiers of {@code chips} chips */
    public boolean fitsFullSpeed() {
        return placement.fitsFullSpeed();
    }

    /** @return whether the chip is not shipping, so every figure here is an announced or projected target */
    public boolean restsOnUnshippedHardware() {
        return status != Status.SHIPPING;
    }

    /**
     * An alternative's decode step over the full-speed one: how many times slower it is.
     *
     * @param alternative one of {@link #alternatives()}
     * @return the ratio, or empty when either time is missing
     */
    public OptionalDouble slowdown(AlternativeFit alternative) {
        if (alternative.decode().seconds().isEmpty() || fullSpeedDecode.seconds().isEmpty()
                || fullSpeedDecode.seconds().getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(alternative.decode().seconds().getAsDouble()
                / fullSpeedDecode.seconds().getAsDouble());
    }
}
