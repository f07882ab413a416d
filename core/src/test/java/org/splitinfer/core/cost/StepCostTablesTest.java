package org.splitinfer.core.cost;

import org.splitinfer.core.testing.PlainChip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

class StepCostTablesTest {
    private static final StepCostRange RANGE = new StepCostRange(64, 8192, 2048, 8192);

    @Test
    void onePoolGetsOneTableAndAnotherPoolItsOwn() {
        StepCoster coster = new StepCoster(new PlainChip(), ModelCatalog.builtIn().get("llama-3.1-8b"),
                ModelPrecision.BF16);
        StepCostTables tables = new StepCostTables();
        Residency hbm = Residency.allIn("hbm");

        StepCostTable table = tables.table(coster, ParallelLayout.SINGLE, hbm, RANGE);

        assertThat(tables.table(coster, new ParallelLayout(1, 1, 1, 1), Residency.allIn("hbm"), RANGE))
                .isSameAs(table);
        assertThat(tables.table(coster, new ParallelLayout(2, 1, 1, 1), hbm, RANGE)).isNotSameAs(table);
        assertThat(tables.table(coster, ParallelLayout.SINGLE, hbm, new StepCostRange(32, 8192, 2048, 8192)))
                .isNotSameAs(table);
        // Costers have no value equality: another coster of the same chip kind and model is another pool.
        StepCoster twin = new StepCoster(new PlainChip(), ModelCatalog.builtIn().get("llama-3.1-8b"),
                ModelPrecision.BF16);
        assertThat(tables.table(twin, ParallelLayout.SINGLE, hbm, RANGE)).isNotSameAs(table);
        assertThat(tables.size()).isEqualTo(4);
    }
}
