package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Status;

class CompareReportTest {
    /** 8 chips at $2.00/h and 700 W prefilling; 2 instances of 4 chips at $1.50/h and 500 W decoding. */
    private static final Estimate SPLIT = new Estimate("llama-3.1-70b", PipelineKind.SPLIT, 0.120, 0.020, 1600, 50,
            0.5, 2.0, 0.001, 16, 9600, 28, 32,
            List.of(new PhaseEstimate(PoolRole.PREFILL, "h100-sxm", Status.SHIPPING, 14, 8, 1, 8, 1,
                            ModelPrecision.uniform(Precision.FP8), 1, 4, 0.1, 0.1, 0.5, 0.6, 700, 2.0),
                    new PhaseEstimate(PoolRole.DECODE, "optical-x", Status.PROJECTED, 3, 4, 2, 4, 1,
                            ModelPrecision.uniform(Precision.FP8), 16, 64, 0.02, 0.02, 0.9, 0.4, 500, 1.5)),
            List.of(new Assumption.CostBasis(CostAssumptions.DEFAULT), new Assumption.LayerStreaming()));

    private static String render() {
        return CompareReport.render("llama-3.1-70b", Workload.closedLoop(2000, 300, 32),
                List.of(new CompareReport.Row("gpu+optical", Optional.of(SPLIT), Optional.empty(), Optional.empty()),
                        new CompareReport.Row("broken", Optional.empty(), Optional.empty(),
                                Optional.of("no such chip 'x'"))));
    }

    @Test
    void theTableHasTheTerminalsColumnsAndAProblemRow() {
        String html = render();

        assertThat(html).contains("<th>deployment</th><th>p90 ttft</th><th>tok/s/user</th><th>tok/s per kW</th>"
                + "<th>tok/s per $/h</th><th>tok/J</th><th>$/Mtok</th><th>chips</th><th>limited by</th>"
                + "<th>rests on</th>");
        // 1600 tok/s over 9.6 kW = 167 tok/s per kW, over $28/h = 57.1 tok/s per $/h; without a simulation the
        // estimate's TTFT stands and nothing is named as limiting
        assertThat(html).contains("<tr><td>gpu+optical</td><td class=\"number\">120 ms</td><td class=\"number\">"
                + "50.0</td><td class=\"number\">167</td><td class=\"number\">57.1</td><td class=\"number\">0.500"
                + "</td><td class=\"number\">2.00</td><td class=\"number\">16</td><td>-</td><td>h100-sxm shipping,"
                + " 14 assumed; optical-x projected, 3 assumed</td></tr>");
        assertThat(html).contains("<td class=\"problem\">problem: no such chip 'x'</td>")
                .contains("1 of 2 deployments could not be estimated; see their rows");
    }

    @Test
    void eachPoolCostsItsChipsTimesTheirPriceAndDrawsTheirPower() {
        String html = render();

        // prefill: 8 × $2.00 = $16.0/h and 8 × 700 W = 5.60 kW; decode: 2 × 4 = 8 × $1.50 = $12.0/h and 8 × 500 W
        // = 4.00 kW; together $28.0/h (57% and 43%) and 9.60 kW (58% and 42%)
        assertThat(html).contains("<tr><td>prefill</td><td>h100-sxm</td><td>shipping</td><td class=\"number\">8</td>"
                + "<td class=\"number\">2.00</td><td class=\"number\">16.0</td><td class=\"number\">57%</td>"
                + "<td class=\"number\">700</td><td class=\"number\">5.60</td><td class=\"number\">58%</td></tr>");
        assertThat(html).contains("<tr><td>decode</td><td>optical-x</td><td>projected</td><td class=\"number\">8</td>"
                + "<td class=\"number\">1.50</td><td class=\"number\">12.0</td><td class=\"number\">43%</td>"
                + "<td class=\"number\">500</td><td class=\"number\">4.00</td><td class=\"number\">42%</td></tr>");
        assertThat(html).contains("<tr class=\"total\"><td>all pools</td><td></td><td></td><td class=\"number\">16"
                + "</td><td></td><td class=\"number\">28.0</td>");
    }

    @Test
    void theAssumptionsAreWordedAsTheCommandLineWordsThem() {
        String html = render();

        assertThat(html).contains("<li class=\"costBasis\">" + Words.assumption(SPLIT.assumptions().get(0))
                + "</li>").contains("<li class=\"layerStreaming\">KV streamed layer by layer during prefill");
        assertThat(html).contains("figures rest on: h100-sxm: shipping, 14 assumed figures; optical-x: projected, 3"
                + " assumed figures");
    }

    @Test
    void aRowHasAnEstimateOrAProblemNeverBoth() {
        assertThatThrownBy(() -> new CompareReport.Row("x", Optional.of(SPLIT), Optional.empty(), Optional.of("problem")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompareReport.Row("x", Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
