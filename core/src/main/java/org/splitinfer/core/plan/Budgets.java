package org.splitinfer.core.plan;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.splitinfer.core.error.SplitInferException;

/**
 * Limits a deployment must stay within, each optional.
 *
 * @param maxChips       chips of all pools at most
 * @param maxKilowatts   wall power at the planned load at most, kW
 * @param maxUsdPerHour  what the deployment costs per hour at most
 * @since 0.1
 */
public record Budgets(OptionalInt maxChips, OptionalDouble maxKilowatts, OptionalDouble maxUsdPerHour) {
    /** No limits. */
    public static final Budgets NONE = new Budgets(OptionalInt.empty(), OptionalDouble.empty(),
            OptionalDouble.empty());

    /** Validates the limits; messages name the fields {@code budget.*}. */
    public Budgets {
        if (maxChips == null || maxKilowatts == null || maxUsdPerHour == null) {
            throw new IllegalArgumentException("budgets must not be null; use empty optionals for no limit");
        }
        if ((maxChips.isPresent() && maxChips.getAsInt() < 1)
                || (maxKilowatts.isPresent() && !(maxKilowatts.getAsDouble() > 0))
                || (maxUsdPerHour.isPresent() && !(maxUsdPerHour.getAsDouble() > 0))) {
            throw new SplitInferException("budget.maxChips, budget.maxKilowatts and budget.maxUsdPerHour must be"
                    + " positive when given", null, List.of("budget.maxChips", "budget.maxKilowatts",
                    "budget.maxUsdPerHour"));
        }
    }
}
