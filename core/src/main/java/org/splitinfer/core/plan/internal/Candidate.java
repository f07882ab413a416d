package org.splitinfer.core.plan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.plan.Budgets;
import org.splitinfer.core.plan.Miss;
import org.splitinfer.core.plan.MissKind;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.core.sim.ServiceLevel;

/**
 * A deployment the planner estimates: one or two pool shapes, their instance counts, and its figures at the planned
 * rate (see {@link PlanSearch}'s notes for the estimate).
 *
 * @param first           the prefill (or colocated) shape
 * @param second          the decode shape, or null when colocated
 * @param firstInstances  instances of the first pool
 * @param secondInstances instances of the decode pool (0 when colocated)
 * @param ttftSeconds     estimated time to first token, queueing included
 * @param tpotSeconds     estimated time per output token
 * @param kilowatts       wall power at the planned rate
 * @param usdPerHour      cost per hour
 * @param tokensPerSecond output tokens per second at the planned rate
 */
record Candidate(PoolShape first, PoolShape second, int firstInstances, int secondInstances, double ttftSeconds,
                 double tpotSeconds, double kilowatts, double usdPerHour, double tokensPerSecond) {

    boolean split() {
        return second != null;
    }

    int chips() {
        return first.pool().chips() * firstInstances + (split() ? second.pool().chips() * secondInstances : 0);
    }

    double usdPerMillionTokens() {
        return usdPerHour / (tokensPerSecond * 3600) * 1e6;
    }

    double tokensPerJoule() {
        return tokensPerSecond / (kilowatts * 1000);
    }

    /** @return the prefill (or colocated) chip and, when split, the decode chip: the hardware combination */
    String combination() {
        return first.accelerator().id() + (split() ? "+" + second.accelerator().id() : "");
    }

    /** @return the deployment with every count, layout and format explicit */
    PipelineSpec pipeline(String link) {
        PoolSpec prefill = explicit(first, firstInstances);
        if (!split()) {
            return PipelineSpec.colocated(prefill);
        }
        return new PipelineSpec.Split(prefill, explicit(second, secondInstances), link, false);
    }

    /** The shape's pool with its counts, layout, formats, chunk budget and batch cap written out. */
    private static PoolSpec explicit(PoolShape shape, int instances) {
        ResolvedPool pool = shape.pool();
        PoolSpec spec = PoolSpec.of(pool.accelerator().id(), pool.chips()).withInstances(instances)
                .withLayout(pool.layout().tensor(), pool.layout().pipeline())
                .withPrecision(pool.precision().toString());
        if (shape.chunkTokens() > 0) {
            spec = spec.withChunkTokens(shape.chunkTokens());
        }
        if (shape.batch() > 0) {
            spec = spec.withMaxBatch(shape.batch());
        }
        if (pool.draft() != null) {
            spec = spec.withSpeculative(pool.draft().speculative());
        }
        return spec;
    }

    /** @return the same shapes with other instance counts, re-estimated by the caller */
    Candidate withInstances(int prefill, int decode) {
        return new Candidate(first, second, prefill, decode, ttftSeconds, tpotSeconds, kilowatts, usdPerHour,
                tokensPerSecond);
    }

    List<ChipStatus> chipStatuses() {
        List<ChipStatus> statuses = new ArrayList<>();
        statuses.add(status(first));
        if (split() && !second.accelerator().id().equals(first.accelerator().id())) {
            statuses.add(status(second));
        }
        return statuses;
    }

    private static ChipStatus status(PoolShape shape) {
        return new ChipStatus(shape.accelerator().id(), shape.accelerator().spec().status(),
                shape.accelerator().spec().assumptions().size());
    }

    /** @return what the estimate falls short of */
    List<Miss> misses(ServiceLevel slo, Budgets budgets) {
        List<Miss> misses = new ArrayList<>();
        if (ttftSeconds > slo.ttftSeconds()) {
            misses.add(new Miss(MissKind.TTFT, slo.ttftSeconds(), ttftSeconds));
        }
        if (tpotSeconds > slo.tpotSeconds()) {
            misses.add(new Miss(MissKind.TPOT, slo.tpotSeconds(), tpotSeconds));
        }
        budgetMisses(budgets, chips(), kilowatts, usdPerHour, misses);
        return misses;
    }

    static void budgetMisses(Budgets budgets, int chips, double kilowatts, double usdPerHour, List<Miss> misses) {
        if (budgets.maxChips().isPresent() && chips > budgets.maxChips().getAsInt()) {
            misses.add(new Miss(MissKind.CHIPS_BUDGET, budgets.maxChips().getAsInt(), chips));
        }
        if (budgets.maxKilowatts().isPresent() && kilowatts > budgets.maxKilowatts().getAsDouble()) {
            misses.add(new Miss(MissKind.POWER_BUDGET, budgets.maxKilowatts().getAsDouble(), kilowatts));
        }
        if (budgets.maxUsdPerHour().isPresent() && usdPerHour > budgets.maxUsdPerHour().getAsDouble()) {
            misses.add(new Miss(MissKind.COST_BUDGET, budgets.maxUsdPerHour().getAsDouble(), usdPerHour));
        }
    }

    /**
     * @return the estimate as an unverified planned deployment: its latencies are the estimate's means, and SLO
     *         attainment and goodput, which only a simulation measures, are 0
     */
    PlannedDeployment estimated(String link, ServiceLevel slo, Budgets budgets) {
        return new PlannedDeployment(pipeline(link), split() ? PipelineKind.SPLIT : PipelineKind.COLOCATED,
                first.accelerator().id(), split() ? second.accelerator().id() : first.accelerator().id(), chips(),
                ttftSeconds, tpotSeconds, 0, 0, usdPerMillionTokens(), tokensPerJoule(), kilowatts, usdPerHour,
                Optional.empty(), chipStatuses(), false, misses(slo, budgets), Optional.empty());
    }

    /** Costs per hour and wall power of a pool shape at a busy share. */
    static double[] poolEconomics(PoolShape shape, int instances, double busy, CostAssumptions cost) {
        int chips = shape.pool().chips() * instances;
        double watts = shape.wallWattsPerChip(busy);
        return new double[] {chips * watts / 1000, chips * shape.usdPerChipHour(watts, cost)};
    }
}
