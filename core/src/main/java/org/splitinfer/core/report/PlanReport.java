package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.splitinfer.core.band.Band;
import org.splitinfer.core.band.BandMethod;
import org.splitinfer.core.band.BandedFigure;
import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.plan.ExcludedAccelerator;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.core.sim.PoolUsage;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.workload.WorkloadStats;

/**
 * A plan as one self-contained HTML page: the ranked deployments, the Pareto front as two scatter plots, the
 * winner's latency distributions, the roofline of each of its chips with the kernels of its phase, its cost and power
 * by pool, the chips' status and the assumptions behind the figures.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>The deployment the page details is the winner or, when there is none, the closest candidate that was
 *       simulated (the first verified one in the ranking); the page says which. With none simulated, it shows the
 *       table, the front and the verdict only.</li>
 *   <li>Rooflines place a representative step of each pool: the prefill chip runs one prompt of the workload's mean
 *       length; the decode chip runs its simulated mean batch (at least 1) at the mean context of a decoding
 *       sequence, the mean prompt plus half the mean answer. A colocated pool shows both.</li>
 *   <li>The words are {@link Words}', the same as the command line's; numbers are in {@link Locale#ROOT}, and the
 *       page holds no time stamp, so it is byte-stable for a plan.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class PlanReport {
    private PlanReport() {
    }

    /**
     * @param plan     the plan
     * @param hardware the installed accelerators (for the rooflines of the detailed deployment's chips)
     * @return the HTML document
     */
    public static String render(Plan plan, HardwareRegistry hardware) {
        return render(plan, hardware, deployment -> new FigureBands(Map.of()));
    }

    /**
     * A plan with each deployment's error bands: in the table after each banded figure, and as error bars in the
     * Pareto plots.
     *
     * @param plan     the plan
     * @param hardware the installed accelerators (for the rooflines of the detailed deployment's chips)
     * @param bandsOf  a deployment's bands ({@link org.splitinfer.core.band.ErrorBands})
     * @return the HTML document
     */
    public static String render(Plan plan, HardwareRegistry hardware,
                                Function<PlannedDeployment, FigureBands> bandsOf) {
        PlanRequest request = plan.request();
        Optional<PlannedDeployment> featured = plan.winner().or(() -> plan.candidates().stream()
                .filter(d -> d.simulation().isPresent()).findFirst());
        StringBuilder body = new StringBuilder(65536);
        body.append("<h1>SplitInfer plan: ").append(Html.escape(request.model().id())).append("</h1>\n");
        body.append("<p class=\"lead\">").append(Html.escape(DeploymentWords.planFor(request))).append("<br>")
                .append(Html.escape(String.format(Locale.ROOT, "%,d deployments estimated, %d simulations to verify"
                        + " the best", plan.considered(), plan.simulated()))).append("</p>\n");
        for (ExcludedAccelerator excluded : plan.excluded()) {
            body.append("<p class=\"verdict problem\">").append(Html.escape("excluded " + excluded.acceleratorId()
                    + ": " + excluded.reason())).append("</p>\n");
        }
        if (plan.winner().isPresent()) {
            body.append("<p class=\"verdict\" id=\"verdict\">").append(Html.escape(DeploymentWords.winner(plan.winner().get())))
                    .append("</p>\n");
        } else {
            body.append("<p class=\"verdict problem\" id=\"verdict\">").append(Html.escape(DeploymentWords.noWinner(plan)))
                    .append("</p>\n");
        }
        candidates(body, plan, bandsOf);
        pareto(body, plan, bandsOf);
        if (featured.isPresent() && featured.get().simulation().isPresent()) {
            PlannedDeployment deployment = featured.get();
            SimulationResult simulation = deployment.simulation().get();
            String whose = plan.winner().isPresent() ? "The winner" : "The closest candidate, "
                    + DeploymentWords.deployment(deployment.pipeline()) + ",";
            latency(body, request, simulation, whose);
            rooflines(body, request, simulation, hardware, whose);
            body.append("<section id=\"cost\">\n<h2>Cost and power by pool</h2>\n");
            List<PoolCost> pools = new ArrayList<>();
            simulation.pools().forEach(pool -> pools.add(PoolCost.of(pool)));
            CostBreakdown.write(body, pools);
            body.append("<p class=\"note\">").append(Html.escape(whose + " at the planned load, as simulated: each"
                    + " pool's chips × what one chip costs per hour and × the wall power one chip draws (node"
                    + " overhead included).")).append("</p>\n</section>\n");
        }
        chips(body, plan);
        body.append("<section id=\"assumptions\">\n<h2>Assumptions</h2>\n");
        if (featured.isPresent() && featured.get().simulation().isPresent()) {
            body.append("<p class=\"note\">").append(Html.escape("What the figures of "
                    + DeploymentWords.deployment(featured.get().pipeline()) + " rest on:")).append("</p>\n");
            assumptions(body, featured.get().simulation().get().assumptions());
        } else {
            body.append("<p class=\"note\">No deployment was simulated, so none has its assumptions listed; 'splitinfer"
                    + " estimate' with a row's pools lists every assumption behind it.</p>\n");
        }
        body.append("</section>\n");
        return Html.page("SplitInfer plan: " + request.model().id() + ", " + request.workload().name(),
                body.toString());
    }

    private static void candidates(StringBuilder body, Plan plan,
                                   Function<PlannedDeployment, FigureBands> bandsOf) {
        body.append("<section id=\"candidates\">\n<h2>Ranked deployments</h2>\n");
        List<Html.Row> rows = new ArrayList<>();
        int rank = 1;
        boolean banded = false;
        for (PlannedDeployment deployment : plan.candidates()) {
            FigureBands bands = bandsOf.apply(deployment);
            banded |= !bands.bands().isEmpty();
            String cssClass = plan.winner().map(deployment::equals).orElse(false) ? "winner"
                    : plan.paretoFront().contains(deployment) ? "front" : null;
            rows.add(new Html.Row(cssClass, List.of(Html.Cell.figure(String.valueOf(rank++)),
                    Html.Cell.of(DeploymentWords.prefillPool(deployment.pipeline())),
                    Html.Cell.of(DeploymentWords.decodePool(deployment.pipeline())), Html.Cell.of(DeploymentWords.link(deployment.pipeline())),
                    Html.Cell.figure(seconds(bands, BandedFigure.TTFT_SECONDS, deployment.ttftP90Seconds())),
                    Html.Cell.figure(seconds(bands, BandedFigure.TPOT_SECONDS, deployment.tpotP90Seconds())),
                    Html.Cell.figure(deployment.verified() ? Words.percent(deployment.sloAttainment()) : "-"),
                    Html.Cell.figure(deployment.verified() ? Words.number(deployment.goodputRequestsPerSecond()) + "/s"
                            : "-"),
                    Html.Cell.figure(number(bands, BandedFigure.USD_PER_MILLION_TOKENS,
                            deployment.usdPerMillionTokens())),
                    Html.Cell.figure(number(bands, BandedFigure.TOKENS_PER_JOULE, deployment.tokensPerJoule())),
                    Html.Cell.figure(String.valueOf(deployment.chips())),
                    Html.Cell.of(DeploymentWords.statuses(deployment.chipStatuses())), Html.Cell.of(DeploymentWords.checked(deployment)))));
        }
        Html.table(body, "candidates", List.of("#", "prefill pool", "decode pool", "link", "p90 TTFT", "p90 TPOT",
                "SLO met", "goodput", "$/Mtok", "tok/J", "chips", "chips are", "checked"), rows);
        body.append("<p class=\"note\">Simulated deployments that meet the objective and budgets come first, best"
                + " first by the objective; then simulated ones that miss, closest first; then ones only estimated,"
                + " whose p90 columns hold the estimate's mean. Highlighted: the winner; rank in bold: on the Pareto"
                + " front.").append(banded ? BANDS_NOTE : "").append("</p>\n</section>\n");
    }

    /** What the bands in the table and the error bars in the plots are. */
    private static final String BANDS_NOTE = Html.escape(" In brackets and as error bars: "
            + BandWords.bandsAre(BandMethod.COVERAGE) + "; " + BandWords.SIMULATED_BANDS + "; " + BandWords.BANDS_ON_ASSUMPTIONS
            + ".");

    private static String seconds(FigureBands bands, BandedFigure figure, double value) {
        Optional<Band> band = bands.get(figure);
        return band.isPresent() ? BandWords.secondsWithBand(value, band.get()) : Words.seconds(value);
    }

    private static String number(FigureBands bands, BandedFigure figure, double value) {
        Optional<Band> band = bands.get(figure);
        return band.isPresent() ? BandWords.numberWithBand(value, band.get()) : Words.number(value);
    }

    private static void pareto(StringBuilder body, Plan plan, Function<PlannedDeployment, FigureBands> bandsOf) {
        PlanRequest request = plan.request();
        List<ScatterChart.Mark> cost = new ArrayList<>();
        List<ScatterChart.Mark> energy = new ArrayList<>();
        int rank = 1;
        boolean banded = false;
        for (PlannedDeployment deployment : plan.candidates()) {
            FigureBands bands = bandsOf.apply(deployment);
            banded |= !bands.bands().isEmpty();
            ScatterChart.Style style = plan.winner().map(deployment::equals).orElse(false) ? ScatterChart.Style.BEST
                    : plan.paretoFront().contains(deployment) ? ScatterChart.Style.HIGHLIGHT
                    : deployment.verified() ? ScatterChart.Style.MEASURED : ScatterChart.Style.PLAIN;
            String label = style == ScatterChart.Style.BEST ? "#" + rank + " winner"
                    : style == ScatterChart.Style.HIGHLIGHT ? "#" + rank : null;
            String tooltip = "#" + rank + " " + DeploymentWords.deployment(deployment.pipeline()) + ": $"
                    + Words.number(deployment.usdPerMillionTokens()) + "/Mtok, p90 TTFT "
                    + Words.seconds(deployment.ttftP90Seconds()) + ", p90 TPOT "
                    + Words.seconds(deployment.tpotP90Seconds()) + ", " + Words.number(deployment.tokensPerJoule())
                    + " tok/J; " + DeploymentWords.checked(deployment);
            cost.add(new ScatterChart.Mark(label, tooltip, deployment.ttftP90Seconds(),
                    deployment.usdPerMillionTokens(), style, bands.get(BandedFigure.TTFT_SECONDS).orElse(null),
                    bands.get(BandedFigure.USD_PER_MILLION_TOKENS).orElse(null)));
            energy.add(new ScatterChart.Mark(label, tooltip, deployment.tpotP90Seconds(),
                    deployment.tokensPerJoule(), style, bands.get(BandedFigure.TPOT_SECONDS).orElse(null),
                    bands.get(BandedFigure.TOKENS_PER_JOULE).orElse(null)));
            rank++;
        }
        List<ScatterChart.Legend> legend = new ArrayList<>();
        if (plan.winner().isPresent()) {
            legend.add(new ScatterChart.Legend(ScatterChart.Style.BEST, "winner"));
        }
        legend.add(new ScatterChart.Legend(ScatterChart.Style.HIGHLIGHT, "Pareto front"));
        legend.add(new ScatterChart.Legend(ScatterChart.Style.MEASURED, "simulated"));
        legend.add(new ScatterChart.Legend(ScatterChart.Style.PLAIN, "estimated only"));
        body.append("<section id=\"pareto\">\n<h2>Pareto front</h2>\n<div class=\"charts\">\n");
        body.append(ScatterChart.render("pareto-cost", "Cost against time to first token", "p90 TTFT",
                "$ per million output tokens", cost, legend,
                Optional.of(new ScatterChart.Limit(request.slo().ttftSeconds(),
                        "SLO " + Words.seconds(request.slo().ttftSeconds()))), Words::seconds, Words::number));
        body.append(ScatterChart.render("pareto-energy", "Energy efficiency against time per output token",
                "p90 TPOT", "output tokens per joule", energy, legend,
                Optional.of(new ScatterChart.Limit(request.slo().tpotSeconds(),
                        "SLO " + Words.seconds(request.slo().tpotSeconds()))), Words::seconds, Words::number));
        body.append("</div>\n<p class=\"note\">The front: simulated deployments no other simulated one beats on cost,"
                + " p90 TTFT, p90 TPOT and tokens per joule at once. Lower and further left is better on the left;"
                + " higher and further left on the right. Labels are ranks in the table.")
                .append(banded ? BANDS_NOTE : "").append("</p>\n</section>\n");
    }

    private static void latency(StringBuilder body, PlanRequest request, SimulationResult simulation, String whose) {
        body.append("<section id=\"latency\">\n<h2>Latency distributions</h2>\n<div class=\"charts\">\n");
        body.append(CdfChart.render("ttft", "Time to first token", "TTFT, queueing included",
                simulation.ttftSeconds(), request.slo().ttftSeconds(), request.attainment()));
        body.append(CdfChart.render("tpot", "Time per output token", "TPOT after the first token",
                simulation.tpotSeconds(), request.slo().tpotSeconds(), request.attainment()));
        body.append("</div>\n<p class=\"note\">").append(Html.escape(String.format(Locale.ROOT, "%s simulated with"
                        + " %,d requests (seed %d): %,d completed, %,d turned away; %s of requests met both limits.",
                whose, simulation.requests(), simulation.seed(), simulation.completed(), simulation.rejectedTotal(),
                Words.percent(simulation.sloAttainment())))).append("</p>\n</section>\n");
    }

    private static void rooflines(StringBuilder body, PlanRequest request, SimulationResult simulation,
                                  HardwareRegistry hardware, String whose) {
        body.append("<section id=\"rooflines\">\n<h2>Rooflines of the chosen chips</h2>\n");
        WorkloadStats stats = request.workload().stats();
        long prompt = Math.max(1, Math.round(stats.meanInputTokens()));
        long context = Math.round(stats.meanInputTokens() + stats.meanOutputTokens() / 2);
        for (PoolUsage pool : simulation.pools()) {
            if (pool.role() != PoolRole.DECODE) {
                String caption = pool.hardware() + ", the " + Words.role(pool.role()) + " chip: one prompt of "
                        + prompt + " tokens (the workload's mean), on one chip of an instance laid out tp"
                        + pool.layout().tensor() + " pp" + pool.layout().pipeline() + " in "
                        + Words.formats(pool.precision()) + ".";
                roofline(body, request, pool, hardware, StepBatch.prefill(1, prompt, 0), caption);
            }
            if (pool.role() != PoolRole.PREFILL) {
                int batch = (int) Math.max(1, Math.round(pool.meanBatch()));
                String caption = pool.hardware() + ", the " + Words.role(pool.role()) + " chip: its simulated mean"
                        + " batch of " + batch + (batch == 1 ? " sequence" : " sequences") + " at the mean context of "
                        + context + " tokens (the mean prompt and half the mean answer), on one chip of an instance"
                        + " laid out tp" + pool.layout().tensor() + " pp" + pool.layout().pipeline() + " in "
                        + Words.formats(pool.precision()) + ".";
                roofline(body, request, pool, hardware, StepBatch.decode(batch, context), caption);
            }
        }
        body.append("<p class=\"note\">").append(Html.escape(whose + "'s chips, each with the kernels of the phase it"
                + " runs: a dot's area is the kernel's share of the step's time.")).append("</p>\n</section>\n");
    }

    private static void roofline(StringBuilder body, PlanRequest request, PoolUsage pool, HardwareRegistry hardware,
                                 StepBatch batch, String caption) {
        RooflineStep step = new RooflineStep(request.model(), pool.precision(), batch, pool.layout());
        RooflineAnalysis analysis = RooflineAnalysis.of(hardware.get(pool.hardware()), step);
        body.append("<figure class=\"roofline ").append(Words.role(pool.role())).append(' ')
                .append(batch.phase().name().toLowerCase(Locale.ROOT)).append("\">\n")
                .append(RooflineSvg.render(analysis.chart())).append("<figcaption>").append(Html.escape(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static void chips(StringBuilder body, Plan plan) {
        List<ChipStatus> chips = new ArrayList<>();
        for (PlannedDeployment deployment : plan.candidates()) {
            for (ChipStatus chip : deployment.chipStatuses()) {
                if (!chips.contains(chip)) {
                    chips.add(chip);
                }
            }
        }
        body.append("<section id=\"chips\">\n<h2>Chips</h2>\n<ul class=\"chips\">\n");
        List<String> sentences = Words.chipStatuses(chips);
        for (int i = 0; i < chips.size(); i++) {
            String status = Words.status(chips.get(i).status());
            body.append("<li><span class=\"tag ").append(status).append("\">").append(status).append("</span> ")
                    .append(Html.escape(sentences.get(i))).append("</li>\n");
        }
        body.append("</ul>\n<p class=\"note\">Every chip kind in the table: shipping parts rest on published figures,"
                + " announced and projected ones on the vendor's claims or on projections; an assumed figure is one"
                + " the hardware sheet marks as an assumption rather than published.</p>\n</section>\n");
    }

    /**
     * @param body        where to write
     * @param assumptions the assumptions, worded by {@link Words#assumption}
     */
    static void assumptions(StringBuilder body, List<Assumption> assumptions) {
        body.append("<ul class=\"assumptions\">\n");
        for (Assumption assumption : assumptions) {
            body.append("<li class=\"").append(Words.kind(assumption)).append("\">")
                    .append(Html.escape(Words.assumption(assumption))).append("</li>\n");
        }
        body.append("</ul>\n");
    }
}
