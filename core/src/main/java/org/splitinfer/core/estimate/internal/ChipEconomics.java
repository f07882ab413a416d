package org.splitinfer.core.estimate.internal;

import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Price;

/**
 * What a chip draws and costs while it runs a pool's steps (the rules are on {@link EstimateEngine}'s notes); the
 * simulator prices its runs with the same rules.
 */
public final class ChipEconomics {
    private ChipEconomics() {
    }

    /**
     * What one chip costs per hour: its purchase price amortised plus its wall energy at the facility's PUE, or its
     * rental price when it has only that. Read from {@link Accelerator#price()}, so a plugin may price in code.
     */
    public static double usdPerChipHour(Accelerator accelerator, double wallWatts, CostAssumptions cost) {
        Price price = accelerator.price().orElseThrow(() -> new EstimateException("'" + accelerator.id()
                + "' has no price (a purchase price or an hourly rental price), so its cost cannot be estimated;"
                + " its plugin must give one"));
        if (price.purchaseUsd().isPresent()) {
            return price.purchaseUsd().getAsDouble() / cost.lifetimeHours()
                    + wallWatts * cost.powerUsageEffectiveness() * cost.usdPerKilowattHour() / 1000;
        }
        return price.usdPerChipHour().getAsDouble();
    }

    /** How hard a chip works during a step: the larger of its compute and memory utilisation, at most 1. */
    public static double utilisation(Accelerator accelerator, StepCost step) {
        double computeSeconds = 0;
        double bytes = 0;
        for (Kernel kernel : step.work().kernels()) {
            computeSeconds += kernel.totalFlops() / accelerator.roofline().peakFlopsPerSecond(kernel.precision());
            bytes += kernel.totalBytes();
        }
        double memorySeconds = bytes / fullSpeedBytesPerSecond(accelerator);
        double interval = step.intervalSeconds();
        return interval <= 0 ? 0 : Math.min(1, Math.max(computeSeconds, memorySeconds) / interval);
    }

    public static double fullSpeedBytesPerSecond(Accelerator accelerator) {
        double best = 0;
        for (MemoryTier tier : accelerator.memory().tiers()) {
            if (tier.fullSpeed()) {
                best = Math.max(best, tier.bytesPerSecond());
            }
        }
        return best;
    }
}
