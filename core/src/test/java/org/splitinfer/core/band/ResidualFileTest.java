package org.splitinfer.core.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.cost.CalibrationFileException;
import org.splitinfer.core.validate.Metric;

class ResidualFileTest {

    @Test
    void aRenderedTableReadsBackAsItWas() {
        ResidualTable table = new ResidualTable(List.of(
                new Residual("a", "gpu", "vllm", Metric.SECONDS, 0.0587654, 0.0534),
                new Residual("b", "lpu", null, Metric.OUTPUT_TOKENS_PER_SECOND_PER_USER, 595.183, 751)));

        String text = ResidualFile.render(table, "made by a test");

        assertThat(text).startsWith("# made by a test\nresiduals:\n  - {case: a, family: gpu, stack: vllm, metric:"
                + " seconds, predicted: 0.0587654, measured: 0.0534000}\n");
        assertThat(ResidualFile.parse("r.yaml", text)).isEqualTo(table);
    }

    @Test
    void aResidualWithoutItsFiguresIsRefusedWithItsPlace() {
        String text = "residuals:\n  - {case: a, family: gpu, stack: null, metric: seconds, predicted: -1,"
                + " measured: 2}\n  - {case: b, family: gpu, stack: null, metric: tps, predicted: 1, measured: 2,"
                + " colour: red}\n";

        assertThatThrownBy(() -> ResidualFile.parse("r.yaml", text))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessageStartingWith("r.yaml has 3 problems: residuals[0]: needs case, family and metric")
                .hasMessageContaining("residuals[1].colour")
                .hasMessageEndingWith("; see ResidualFile for the format");
    }
}
