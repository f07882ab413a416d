package org.splitinfer.cli;

import org.splitinfer.core.report.BandWords;
import org.splitinfer.core.report.DeploymentWords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.splitinfer.core.band.BandMethod;
import org.splitinfer.core.band.BandedFigure;
import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.plan.ExcludedAccelerator;
import org.splitinfer.core.plan.Miss;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.spi.Status;

/** Renders a plan: the ranked table, the Pareto front and the winner, or JSON with the same. */
final class PlanOutput {
    private PlanOutput() {
    }

    /** A deployment in words: its pools and link, each chip's status when it is not shipping. */
    private static String deploymentDetail(PlannedDeployment deployment) {
        List<ChipStatus> statuses = deployment.chipStatuses();
        if (deployment.pipeline() instanceof PipelineSpec.Split split) {
            return "prefill " + DeploymentWords.pool(split.prefill()) + unlessShipping(statuses, split.prefill())
                    + " | decode " + DeploymentWords.pool(split.decode()) + unlessShipping(statuses, split.decode())
                    + " | link " + DeploymentWords.link(deployment.pipeline());
        }
        PoolSpec pool = ((PipelineSpec.Colocated) deployment.pipeline()).pool();
        return DeploymentWords.prefillPool(deployment.pipeline()) + unlessShipping(statuses, pool);
    }

    private static String unlessShipping(List<ChipStatus> statuses, PoolSpec pool) {
        for (ChipStatus status : statuses) {
            if (status.hardware().equals(pool.hardware()) && status.status() != Status.SHIPPING) {
                return " (" + Sentences.status(status.status()) + ")";
            }
        }
        return "";
    }

    /** No bands: for a plan whose calibration has no residuals. */
    static final Function<PlannedDeployment, FigureBands> NO_BANDS = deployment -> new FigureBands(Map.of());

    static void printText(Plan plan, double seconds, PrintWriter out, int columns) {
        printText(plan, NO_BANDS, seconds, out, columns);
    }

    /**
     * Prints the plan, each candidate's p90 TTFT and TPOT, dollars per million tokens and tokens per joule with its
     * band.
     */
    static void printText(Plan plan, Function<PlannedDeployment, FigureBands> bandsOf, double seconds,
                          PrintWriter out, int columns) {
        PlanRequest request = plan.request();
        Text.print(out, "", String.format(Locale.ROOT, "plan for %s, %s at %.4g requests/s; objective: %s; SLO:"
                        + " %.0f%% of requests with TTFT <= %s and TPOT <= %s", request.model().id(),
                request.workload().name(), request.workload().meanRequestsPerSecond().getAsDouble(),
                request.objective().name().toLowerCase(Locale.ROOT), request.attainment() * 100,
                Units.seconds(request.slo().ttftSeconds()), Units.seconds(request.slo().tpotSeconds()))
                + (request.speculative() == null ? "" : "; decoding pools decode speculatively ("
                + DeploymentWords.speculative(request.speculative()) + ")"), columns);
        Text.print(out, "", String.format(Locale.ROOT, "%,d deployments estimated, %d simulations to verify the best"
                + " (%.1f s); chips are shipping unless marked", plan.considered(), plan.simulated(), seconds),
                columns);
        for (ExcludedAccelerator excluded : plan.excluded()) {
            Text.print(out, "", "excluded " + excluded.acceleratorId() + ": " + excluded.reason(), columns);
        }
        out.println();
        // each row's deployment is prose under its figures, so that the figures fit beside the rank
        TextTable table = new TextTable("#", "p90 TTFT", "p90 TPOT", "SLO met", "goodput", "$/Mtok", "tok/J", "chips",
                "checked");
        int rank = 1;
        boolean banded = false;
        boolean assumed = false;
        for (PlannedDeployment deployment : plan.candidates()) {
            FigureBands bands = bandsOf.apply(deployment);
            banded |= !bands.bands().isEmpty();
            assumed |= bands.restOnAssumptions();
            table.detailedRow(deploymentDetail(deployment), rank++,
                    EstimateOutput.cell(bands, BandedFigure.TTFT_SECONDS, deployment.ttftP90Seconds()),
                    EstimateOutput.cell(bands, BandedFigure.TPOT_SECONDS, deployment.tpotP90Seconds()),
                    deployment.verified() ? Units.percent(deployment.sloAttainment()) : "-",
                    deployment.verified() ? Units.number(deployment.goodputRequestsPerSecond()) + "/s" : "-",
                    EstimateOutput.cell(bands, BandedFigure.USD_PER_MILLION_TOKENS,
                            deployment.usdPerMillionTokens()),
                    EstimateOutput.cell(bands, BandedFigure.TOKENS_PER_JOULE, deployment.tokensPerJoule()),
                    deployment.chips(), DeploymentWords.checked(deployment));
        }
        table.printAligned(out, columns);
        out.println();
        if (banded) {
            Text.print(out, "", "bands: " + BandWords.bandsAre(BandMethod.COVERAGE) + "; " + BandWords.SIMULATED_BANDS
                    + (assumed ? "; " + BandWords.BANDS_ON_ASSUMPTIONS : ""), columns);
            out.println();
        }
        Text.print(out, "", "Pareto front (no other simulated deployment is cheaper, faster to first token, faster per"
                + " token and more efficient at once):", columns);
        for (PlannedDeployment deployment : plan.paretoFront()) {
            Text.print(out, "  ", String.format(Locale.ROOT, "%s | %s: $%s/Mtok, p90 TTFT %s, p90 TPOT %s, %s tok/J",
                    DeploymentWords.prefillPool(deployment.pipeline()),
                    DeploymentWords.decodePool(deployment.pipeline()),
                    Units.number(deployment.usdPerMillionTokens()), Units.seconds(deployment.ttftP90Seconds()),
                    Units.seconds(deployment.tpotP90Seconds()), Units.number(deployment.tokensPerJoule())), columns);
        }
        out.println();
        if (plan.winner().isPresent()) {
            Text.print(out, "", DeploymentWords.winner(plan.winner().get()), columns);
        } else {
            Text.print(out, "", noWinner(plan), columns);
        }
        out.flush();
    }

    /** @return the sentence for a plan with no winner, naming the closest candidates and what each misses */
    static String noWinner(Plan plan) {
        return DeploymentWords.noWinner(plan);
    }

    static ObjectNode json(Plan plan) {
        return json(plan, NO_BANDS);
    }

    /** @return the plan's JSON, each deployment with a {@code bands} object as an estimate's */
    static ObjectNode json(Plan plan, Function<PlannedDeployment, FigureBands> bandsOf) {
        ObjectNode node = Json.object();
        PlanRequest request = plan.request();
        node.put("model", request.model().id());
        node.put("workload", request.workload().name());
        node.put("requestsPerSecond", request.workload().meanRequestsPerSecond().getAsDouble());
        node.put("objective", request.objective().name().toLowerCase(Locale.ROOT));
        ObjectNode slo = node.putObject("slo");
        slo.put("ttftSeconds", request.slo().ttftSeconds());
        slo.put("tpotSeconds", request.slo().tpotSeconds());
        slo.put("attainment", request.attainment());
        if (request.speculative() != null) {
            node.put("speculative", DeploymentWords.speculative(request.speculative()));
        }
        node.put("considered", plan.considered());
        node.put("simulated", plan.simulated());
        ArrayNode excluded = node.putArray("excluded");
        for (ExcludedAccelerator accelerator : plan.excluded()) {
            ObjectNode e = excluded.addObject();
            e.put("hardware", accelerator.acceleratorId());
            e.put("plugin", accelerator.plugin());
            e.put("reason", accelerator.reason());
        }
        ArrayNode candidates = node.putArray("candidates");
        int rank = 1;
        for (PlannedDeployment deployment : plan.candidates()) {
            ObjectNode c = deployment(deployment, bandsOf);
            c.put("rank", rank++);
            candidates.add(c);
        }
        ArrayNode front = node.putArray("paretoFront");
        plan.paretoFront().forEach(deployment -> front.add(deployment(deployment, bandsOf)));
        if (plan.winner().isPresent()) {
            node.set("winner", deployment(plan.winner().get(), bandsOf));
        } else {
            node.putNull("winner");
            node.put("problem", noWinner(plan));
        }
        return node;
    }

    private static ObjectNode deployment(PlannedDeployment deployment,
                                         Function<PlannedDeployment, FigureBands> bandsOf) {
        ObjectNode node = Json.object();
        node.put("pipeline", deployment.kind().name().toLowerCase(Locale.ROOT));
        node.put("prefillPool", DeploymentWords.prefillPool(deployment.pipeline()));
        node.put("decodePool", DeploymentWords.decodePool(deployment.pipeline()));
        node.put("link", DeploymentWords.link(deployment.pipeline()));
        node.put("prefillHardware", deployment.prefillHardware());
        node.put("decodeHardware", deployment.decodeHardware());
        node.put("ttftP90Seconds", deployment.ttftP90Seconds());
        node.put("tpotP90Seconds", deployment.tpotP90Seconds());
        node.put("sloAttainment", deployment.sloAttainment());
        node.put("goodputRequestsPerSecond", deployment.goodputRequestsPerSecond());
        node.put("usdPerMillionTokens", deployment.usdPerMillionTokens());
        node.put("tokensPerJoule", deployment.tokensPerJoule());
        node.put("wallKilowatts", deployment.wallKilowatts());
        node.put("usdPerHour", deployment.usdPerHour());
        node.put("chips", deployment.chips());
        FigureBands bands = bandsOf.apply(deployment);
        if (!bands.bands().isEmpty()) {
            // keyed as this object's figures are, so that bands[key] finds the band of node[key]
            ObjectNode byFigure = EstimateOutput.bandsJson(bands);
            for (String[] rename : new String[][] {{"ttftSeconds", "ttftP90Seconds"}, {"tpotSeconds", "tpotP90Seconds"}}) {
                if (byFigure.has(rename[0])) {
                    byFigure.set(rename[1], byFigure.remove(rename[0]));
                }
            }
            node.set("bands", byFigure);
        }
        ArrayNode statuses = node.putArray("chipStatus");
        for (ChipStatus status : deployment.chipStatuses()) {
            ObjectNode s = statuses.addObject();
            s.put("hardware", status.hardware());
            s.put("status", Sentences.status(status.status()));
            s.put("assumedFigures", status.assumedFigures());
        }
        node.put("verified", deployment.verified());
        node.put("meets", deployment.meets());
        deployment.bottleneck().ifPresent(b -> node.put("bottleneck", b.name().toLowerCase(Locale.ROOT)));
        ArrayNode misses = node.putArray("misses");
        for (Miss miss : deployment.misses()) {
            ObjectNode m = misses.addObject();
            m.put("kind", miss.kind().name().toLowerCase(Locale.ROOT));
            m.put("required", miss.required());
            m.put("achieved", miss.achieved());
        }
        return node;
    }
}
