package org.splitinfer.core.report;

import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.band.BandedFigure;
import org.splitinfer.core.band.Band;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.estimate.Workload;

/**
 * A comparison of deployments as one self-contained HTML page: the rows as the command line's table has them, cost
 * against time to first token as a scatter plot, and for each deployment its cost and power by pool, the status of
 * its chips and the assumptions its figures rest on. Words are {@link Words}'; the page is byte-stable for its rows.
 *
 * @since 0.1
 */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * One deployment compared: its estimate, or the problem that stopped it.
     *
     * @param deployment its name
     * @param estimate   its estimate, if it could be estimated
     * @param problem    why it could not be, if it could not
     */
    public record Row(String deployment, Optional<Estimate> estimate, Optional<SimulationResult> simulation,
                      Optional<String> problem, FigureBands bands) {
        /** Checks that the row has exactly one of an estimate and a problem. */
        public Row {
            if (deployment == null || estimate.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("a compared row needs a name and either an estimate or a problem");
            }
            bands = bands == null ? FigureBands.NONE : bands;
        }

        /**
         * A row without error bands.
         *
         * @param deployment its name
         * @param estimate   its estimate, if it could be estimated
         * @param simulation its run, if it ran
         * @param problem    why it could not be estimated, if it could not
         */
        public Row(String deployment, Optional<Estimate> estimate, Optional<SimulationResult> simulation,
                   Optional<String> problem) {
            this(deployment, estimate, simulation, problem, FigureBands.NONE);
        }

        /** @return the band of the row's time to first token as shown: moved to the simulated p90 when it ran */
        Optional<Band> ttftBand() {
            return estimate.flatMap(e -> bands.get(BandedFigure.TTFT_SECONDS)
                    .map(band -> band.scaled(e.ttftSeconds(), ttft(this))));
        }
    }

    /**
     * @param model    the model's id
     * @param workload the workload every row was estimated for
     * @param rows     the rows, in the order to show them
     * @return the HTML document
     */
    public static String render(String model, Workload workload, List<Row> rows) {
        StringBuilder body = new StringBuilder(32768);
        body.append("<h1>SplitInfer compare: ").append(Html.escape(model)).append("</h1>\n");
        body.append("<p class=\"lead\">").append(Html.escape("model " + model + "; " + workload.inputTokens()
                + " input and " + workload.outputTokens() + " output tokens"
                + (workload.concurrency().isPresent() ? "; " + workload.concurrency().getAsInt()
                + " requests in flight" : "; offline"))).append("</p>\n");
        long failed = rows.stream().filter(row -> row.problem().isPresent()).count();
        if (failed > 0) {
            body.append("<p class=\"verdict problem\" id=\"verdict\">").append(Html.escape(failed + " of " + rows.size()
                    + " deployments could not be estimated; see their rows")).append("</p>\n");
        }
        table(body, rows);
        chart(body, rows);
        body.append("<section id=\"deployments\">\n<h2>Each deployment</h2>\n");
        int index = 1;
        for (Row row : rows) {
            body.append("<section class=\"deployment\" id=\"deployment-").append(index++).append("\">\n<h3>")
                    .append(Html.escape(row.deployment())).append("</h3>\n");
            if (row.problem().isPresent()) {
                body.append("<p class=\"verdict problem\">").append(Html.escape("problem: " + row.problem().get()))
                        .append("</p>\n</section>\n");
                continue;
            }
            Estimate estimate = row.estimate().get();
            List<PoolCost> pools = new ArrayList<>();
            estimate.phases().forEach(phase -> pools.add(PoolCost.of(phase)));
            CostBreakdown.write(body, pools);
            body.append("<p class=\"note\">").append(Html.escape("figures rest on: "
                    + String.join("; ", Words.chipStatuses(estimate.chipStatuses())))).append("</p>\n");
            PlanReport.assumptions(body, estimate.assumptions());
            body.append("</section>\n");
        }
        body.append("</section>\n");
        return Html.page("SplitInfer compare: " + model, body.toString());
    }

    private static void table(StringBuilder body, List<Row> rows) {
        body.append("<section id=\"rows\">\n<h2>Deployments</h2>\n");
        List<Html.Row> table = new ArrayList<>();
        for (Row row : rows) {
            if (row.estimate().isEmpty()) {
                table.add(new Html.Row("problem", List.of(Html.Cell.of(row.deployment()), Html.Cell.figure("-"),
                        Html.Cell.figure("-"), Html.Cell.figure("-"), Html.Cell.figure("-"), Html.Cell.figure("-"),
                        Html.Cell.figure("-"), Html.Cell.figure("-"), Html.Cell.figure("-"),
                        Html.Cell.problem("problem: " + row.problem().get()))));
                continue;
            }
            Estimate e = row.estimate().get();
            table.add(new Html.Row(null, List.of(Html.Cell.of(row.deployment()),
                    Html.Cell.figure(row.ttftBand().map(band -> BandWords.secondsWithBand(ttft(row), band))
                            .orElse(Words.seconds(ttft(row)))),
                    Html.Cell.figure(banded(row, BandedFigure.OUTPUT_TOKENS_PER_SECOND_PER_USER,
                            e.outputTokensPerSecondPerUser())),
                    Html.Cell.figure(Words.number(e.outputTokensPerSecond() / (e.wallWatts() / 1000))),
                    Html.Cell.figure(Words.number(e.outputTokensPerSecond() / e.usdPerHour())),
                    Html.Cell.figure(banded(row, BandedFigure.TOKENS_PER_JOULE, e.tokensPerJoule())),
                    Html.Cell.figure(banded(row, BandedFigure.USD_PER_MILLION_TOKENS, e.usdPerMillionTokens())),
                    Html.Cell.figure(String.valueOf(e.chips())),
                    Html.Cell.of(row.simulation().map(run -> run.bottleneck().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')).orElse("-")),
                    Html.Cell.of(restsOn(e)))));
        }
        Html.table(body, "rows", List.of("deployment", "p90 ttft", "tok/s/user", "tok/s per kW", "tok/s per $/h",
                "tok/J", "$/Mtok", "chips", "limited by", "rests on"), table);
        rows.stream().filter(row -> !row.bands().bands().isEmpty()).findFirst().ifPresent(banded -> {
            List<String> projected = rows.stream().filter(row -> row.bands().restOnAssumptions())
                    .map(Row::deployment).toList();
            body.append("<p class=\"note\">").append(Html.escape("In brackets and as error bars: "
                    + BandWords.bandsAre(banded.bands().bands().values().iterator().next().coverage()) + "; "
                    + BandWords.SIMULATED_BANDS + (projected.isEmpty() ? "" : "; " + BandWords.BANDS_ON_ASSUMPTIONS
                    + " (here: " + String.join(", ", projected) + ")") + ".")).append("</p>\n");
        });
        body.append("</section>\n");
    }

    /** A figure with its band when the row has one, e.g. {@code 48.5 (39–57)}. */
    private static String banded(Row row, BandedFigure figure, double value) {
        return row.bands().get(figure).map(band -> BandWords.numberWithBand(value, band)).orElse(Words.number(value));
    }

    private static void chart(StringBuilder body, List<Row> rows) {
        List<ScatterChart.Mark> marks = new ArrayList<>();
        for (Row row : rows) {
            if (row.estimate().isPresent()) {
                Estimate e = row.estimate().get();
                marks.add(new ScatterChart.Mark(row.deployment(), row.deployment() + ": p90 TTFT "
                        + Words.seconds(ttft(row)) + ", $" + Words.number(e.usdPerMillionTokens()) + "/Mtok, "
                        + Words.number(e.tokensPerJoule()) + " tok/J", ttft(row), e.usdPerMillionTokens(),
                        ScatterChart.Style.MEASURED, row.ttftBand().orElse(null),
                        row.bands().get(BandedFigure.USD_PER_MILLION_TOKENS).orElse(null)));
            }
        }
        body.append("<section id=\"chart\">\n<h2>Cost against time to first token</h2>\n");
        body.append(ScatterChart.render("compare-cost", "Cost against time to first token", "p90 TTFT",
                "$ per million output tokens", marks,
                List.of(new ScatterChart.Legend(ScatterChart.Style.MEASURED, "deployment (estimated)")),
                Optional.empty(), Words::seconds, Words::number));
        body.append("</section>\n");
    }

    /** The row's time to first token: the simulated 90th percentile at its load, or the estimate's. */
    private static double ttft(Row row) {
        return row.simulation().map(run -> run.ttftSeconds().p90()).orElse(row.estimate().get().ttftSeconds());
    }

    /** As the command line's "rests on" column: each chip kind, its status and its assumed figures. */
    private static String restsOn(Estimate estimate) {
        List<String> parts = new ArrayList<>();
        for (ChipStatus chip : estimate.chipStatuses()) {
            parts.add(chip.hardware() + " " + Words.status(chip.status()) + ", " + chip.assumedFigures() + " assumed");
        }
        return String.join("; ", parts);
    }
}
