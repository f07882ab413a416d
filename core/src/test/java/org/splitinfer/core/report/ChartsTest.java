package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.sim.Percentiles;

/** The report's small charts: the latency CDF and the scatter plot. */
class ChartsTest {
    /** Percentile i at i ms: 0 ms to 100 ms. */
    private static Percentiles uniform() {
        List<Double> quantiles = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            quantiles.add(i / 1000.0);
        }
        return new Percentiles(101, 0.050, 0.090, 0.099, 0.050, 0.100, quantiles);
    }

    @Test
    void aCdfDrawsTheHundredAndOnePercentilesTheLimitAndTheShareThatMustMeetIt() {
        String svg = CdfChart.render("ttft", "Time to first token", "TTFT", uniform(), 0.080, 0.9);

        // the axis reaches past the 99th percentile (99 ms) by 8%: 106.9 ms, in steps of 20 ms to 120 ms
        assertThat(svg).contains(">120 ms</text>").doesNotContain(">140 ms</text>");
        assertThat(svg).contains("<polyline class=\"cdf-line\"");
        String points = svg.substring(svg.indexOf("points=\"") + 8);
        assertThat(points.substring(0, points.indexOf('"')).split(" ")).hasSize(101);
        assertThat(svg).contains(">SLO 80.0 ms</text>").contains(">90% must meet it</text>")
                .contains(">p50 50.0 ms</text>").contains(">p90 90.0 ms</text>").contains(">p99 99.0 ms</text>");
        // the longest, 100 ms, is on the chart: no note
        assertThat(svg).doesNotContain("past the edge");
    }

    @Test
    void aCdfOfNothingSaysSo() {
        assertThat(CdfChart.render("tpot", "Time per output token", "TPOT", Percentiles.NONE, 0.05, 0.9))
                .contains(">no requests measured</text>").doesNotContain("cdf-line");
    }

    @Test
    void aScatterLabelsOnlyTheMarksItIsToldToAndDrawsTheBestLast() {
        List<ScatterChart.Mark> marks = List.of(
                new ScatterChart.Mark("#1 winner", "one", 0.2, 1.0, ScatterChart.Style.BEST),
                new ScatterChart.Mark("#2", "two", 0.1, 2.0, ScatterChart.Style.HIGHLIGHT),
                new ScatterChart.Mark(null, "three", 0.3, 3.0, ScatterChart.Style.PLAIN));

        String svg = ScatterChart.render("pareto-cost", "Cost", "p90 TTFT", "$/Mtok", marks,
                List.of(new ScatterChart.Legend(ScatterChart.Style.BEST, "winner")),
                Optional.of(new ScatterChart.Limit(0.25, "SLO 250 ms")), Words::seconds, Words::number);

        assertThat(svg).contains("class=\"chart pareto-cost\"");
        assertThat(svg.indexOf("class=\"mark plain\"")).isLessThan(svg.indexOf("class=\"mark highlight\""));
        assertThat(svg.indexOf("class=\"mark highlight\"")).isLessThan(svg.indexOf("class=\"mark best\""));
        assertThat(svg).contains(">#1 winner</text>").contains(">#2</text>").contains("<title>three</title>");
        assertThat(ReportCounts.of(svg, "class=\"mark-label\"")).isEqualTo(2);
        assertThat(ReportCounts.of(svg, "class=\"mark-leader\"")).isEqualTo(2);
        assertThat(svg).contains("class=\"limit\"").contains(">SLO 250 ms</text>");
        // 1 to 3 on y and 0.1 to 0.3 on x: both linear
        assertThat(svg).doesNotContain("(log scale)");
    }

    @Test
    void aScatterSpanningMoreThanAFactorOfThirtyUsesALogScaleAndLeavesOutWhatItCannotPlace() {
        List<ScatterChart.Mark> marks = List.of(
                new ScatterChart.Mark("a", "a", 0.05, 0.2, ScatterChart.Style.MEASURED),
                new ScatterChart.Mark("b", "b", 0.06, 60, ScatterChart.Style.MEASURED),
                new ScatterChart.Mark("c", "c", 0.07, Double.NaN, ScatterChart.Style.MEASURED));

        String svg = ScatterChart.render("compare-cost", "Cost", "TTFT", "$/Mtok", marks, List.of(),
                Optional.empty(), Words::seconds, Words::number);

        assertThat(svg).contains("$/Mtok (log scale)").contains(">1 deployment without a figure here</text>");
        assertThat(ReportCounts.of(svg, "class=\"mark measured\"")).isEqualTo(2);
    }
}
