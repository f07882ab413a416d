package org.splitinfer.core.cost;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

/**
 * One {@link StepCostTable} per pool, shared by every thread that asks: simulations run in parallel over the same
 * pools, and each table is worth building once. A pool is its {@link StepCoster} (by identity: it fixes the chip,
 * model, formats and serving-stack adjustment), its layout, its residency and the range asked for.
 *
 * <p>Thread-safe. Getting a table is cheap (its grids are built on their first lookup, outside this map's locks); the
 * map holds every table asked for until this object is dropped, so keep one per run of a planner or sweep, not a
 * static one.
 *
 * @since 0.1
 */
public final class StepCostTables {
    private final ConcurrentMap<Pool, StepCostTable> tables = new ConcurrentHashMap<>();

    /**
     * The pool's table, created on first request.
     *
     * @param coster    the pool's step costing
     * @param layout    its layout
     * @param residency where its operands live
     * @param range     the inputs to cover
     * @return the table every caller with the same pool and range shares
     */
    public StepCostTable table(StepCoster coster, ParallelLayout layout, Residency residency, StepCostRange range) {
        return verifyTable(coster, layout, residency, range, 1);
    }

    /**
     * The table of a speculative pool's verification steps, created on first request.
     *
     * @param coster            the pool's step costing
     * @param layout            its layout
     * @param residency         where its operands live
     * @param range             the inputs to cover
     * @param tokensPerSequence new tokens each sequence brings to a verification step (proposals plus one);
     *                          {@code 1} is the plain decode table
     * @return the table every caller with the same pool, range and step shares
     */
    public StepCostTable verifyTable(StepCoster coster, ParallelLayout layout, Residency residency,
                                     StepCostRange range, long tokensPerSequence) {
        return tables.computeIfAbsent(new Pool(coster, layout, residency, range, tokensPerSequence),
                pool -> new StepCostTable(pool.coster(), pool.layout(), pool.residency(), pool.range(),
                        pool.tokensPerSequence()));
    }

    /** @return tables held */
    public int size() {
        return tables.size();
    }

    /** A pool's identity: the coster by reference (it has no value equality), the rest by value. */
    private record Pool(StepCoster coster, ParallelLayout layout, Residency residency, StepCostRange range,
                        long tokensPerSequence) {
    }
}
