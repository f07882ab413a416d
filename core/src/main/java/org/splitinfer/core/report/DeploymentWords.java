package org.splitinfer.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.plan.Miss;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.spi.Precision;

/**
 * Deployments and plans in words: a pool, a pipeline, a speculative decoding as its flag takes it, what a planned
 * deployment misses, a plan's winner; the same for the command-line tool's tables and JSON and for the HTML reports.
 * Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class DeploymentWords {
    private DeploymentWords() {
    }

    /**
     * A pool in one phrase: chip, chips per instance × instances, layout when known, formats when given.
     *
     * @param pool a pool
     * @return e.g. {@code h100-sxm 8x3 tp8 fp8}
     */
    public static String pool(PoolSpec pool) {
        StringBuilder text = new StringBuilder(pool.hardware()).append(' ')
                .append(pool.chipsPerInstance().isPresent() ? pool.chipsPerInstance().getAsInt() : "auto")
                .append('x').append(pool.instances());
        if (pool.tensor().isPresent() && pool.pipeline().isPresent()) {
            text.append(" tp").append(pool.tensor().getAsInt());
            if (pool.pipeline().getAsInt() > 1) {
                text.append(" pp").append(pool.pipeline().getAsInt());
            }
        }
        if (pool.precision() != null) {
            text.append(' ').append(Words.formats(ModelPrecision.parse(pool.precision(),
                    ModelPrecision.uniform(Precision.BF16))));
        }
        if (pool.speculative() != null) {
            text.append(" speculative(").append(speculative(pool.speculative())).append(')');
        }
        return text.toString();
    }

    /**
     * A speculative decoding as {@code --speculative} takes it.
     *
     * @param speculative how a pool decodes speculatively
     * @return e.g. {@code draft=llama-3.1-8b,tokens=4,acceptance=0.75} or {@code draft=heads:1,tokens=4,...}
     */
    public static String speculative(SpeculativeDecoding speculative) {
        String draft = speculative.draft() instanceof SpeculativeDecoding.DraftModel model ? model.model().id()
                : "heads:" + ((SpeculativeDecoding.Heads) speculative.draft()).layers();
        return String.format(Locale.ROOT, "draft=%s,tokens=%d,acceptance=%s", draft, speculative.tokens(),
                new BigDecimal(Double.toString(speculative.acceptance())).stripTrailingZeros()
                        .toPlainString());
    }

    /**
     * The first pool of a deployment as a plan's table shows it.
     *
     * @param pipeline a deployment
     * @return its prefill pool, or {@code colocated: } and its one pool
     */
    public static String prefillPool(PipelineSpec pipeline) {
        return pipeline instanceof PipelineSpec.Split split ? pool(split.prefill())
                : "colocated: " + pool(((PipelineSpec.Colocated) pipeline).pool());
    }

    /**
     * The second pool of a deployment as a plan's table shows it.
     *
     * @param pipeline a deployment
     * @return its decode pool, or {@code (same pool)} for a colocated one
     */
    public static String decodePool(PipelineSpec pipeline) {
        return pipeline instanceof PipelineSpec.Split split ? pool(split.decode()) : "(same pool)";
    }

    /**
     * A deployment's KV link.
     *
     * @param pipeline a deployment
     * @return the link's id, or {@code -} when there is none
     */
    public static String link(PipelineSpec pipeline) {
        return pipeline instanceof PipelineSpec.Split split && split.link() != null ? split.link() : "-";
    }

    /**
     * A deployment's pools in one phrase.
     *
     * @param pipeline a deployment
     * @return e.g. {@code h100-sxm 8x3 tp8 fp8 | groq-lpu-v1 576x1 tp8 pp72 int8}
     */
    public static String deployment(PipelineSpec pipeline) {
        return prefillPool(pipeline) + (pipeline instanceof PipelineSpec.Split ? " | " + decodePool(pipeline) : "");
    }

    /**
     * The statuses of a deployment's chip kinds, in pool order.
     *
     * @param statuses the chips of a deployment
     * @return e.g. {@code shipping/announced}
     */
    public static String statuses(List<ChipStatus> statuses) {
        List<String> parts = new ArrayList<>();
        for (ChipStatus status : statuses) {
            parts.add(Words.status(status.status()));
        }
        return String.join("/", parts);
    }

    /**
     * What a deployment falls short of.
     *
     * @param deployment a candidate of a plan
     * @return e.g. {@code TTFT (1.20 s > 1.00 s), the chip budget (40 > 32)}; empty when it misses nothing
     */
    public static String misses(PlannedDeployment deployment) {
        List<String> parts = new ArrayList<>();
        for (Miss miss : deployment.misses()) {
            parts.add(switch (miss.kind()) {
                case SLO_ATTAINMENT -> "SLO attainment (" + Words.percent(miss.achieved()) + " < "
                        + Words.percent(miss.required()) + ")";
                case TTFT -> "TTFT (" + Words.seconds(miss.achieved()) + " > " + Words.seconds(miss.required())
                        + ")";
                case TPOT -> "TPOT (" + Words.seconds(miss.achieved()) + " > " + Words.seconds(miss.required())
                        + ")";
                case CHIPS_BUDGET -> "the chip budget (" + (long) miss.achieved() + " > " + (long) miss.required()
                        + ")";
                case POWER_BUDGET -> "the power budget (" + Words.number(miss.achieved()) + " kW > "
                        + Words.number(miss.required()) + " kW)";
                case COST_BUDGET -> "the cost budget ($" + Words.number(miss.achieved()) + "/h > $"
                        + Words.number(miss.required()) + "/h)";
            });
        }
        return String.join(", ", parts);
    }

    /**
     * How a candidate of a plan was checked, as the plan's table says it.
     *
     * @param deployment a candidate of a plan
     * @return {@code simulated, meets}, {@code simulated, misses ...} or {@code estimated}
     */
    public static String checked(PlannedDeployment deployment) {
        if (!deployment.verified()) {
            return "estimated";
        }
        return deployment.meets() ? "simulated, meets" : "simulated, misses " + misses(deployment);
    }

    /**
     * What a plan was asked for, as the plan's first line says it.
     *
     * @param request a plan's request
     * @return e.g. "plan for llama-3.1-70b, chat at 50.00 requests/s; objective: cost; SLO: 90% of requests with
     *         TTFT &lt;= 1.00 s and TPOT &lt;= 50.0 ms"
     */
    public static String planFor(PlanRequest request) {
        return String.format(Locale.ROOT, "plan for %s, %s at %.4g requests/s; objective: %s; SLO: %.0f%% of"
                        + " requests with TTFT <= %s and TPOT <= %s", request.model().id(), request.workload().name(),
                request.workload().meanRequestsPerSecond().getAsDouble(),
                request.objective().name().toLowerCase(Locale.ROOT), request.attainment() * 100,
                Words.seconds(request.slo().ttftSeconds()), Words.seconds(request.slo().tpotSeconds()));
    }

    /**
     * The sentence for a plan's winner.
     *
     * @param winner the winner of a plan
     * @return e.g. "winner: h100-sxm 1x1 tp1 fp8 | groq-lpu-v1 54x1 tp2 pp27 int8 — $5.79 per million tokens, 96% of
     *         requests within the SLO, 58 chips (shipping/shipping), limited by its decode pool"
     */
    public static String winner(PlannedDeployment winner) {
        return "winner: " + deployment(winner.pipeline()) + String.format(Locale.ROOT, " — $%s per million"
                        + " tokens, %s of requests within the SLO, %s chips (%s), limited by its %s",
                Words.number(winner.usdPerMillionTokens()), Words.percent(winner.sloAttainment()), winner.chips(),
                statuses(winner.chipStatuses()),
                winner.bottleneck().map(b -> b.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("-"));
    }

    /**
     * The sentence for a plan with no winner.
     *
     * @param plan a plan whose winner is empty
     * @return "no deployment meets ...; closest: ...", naming the three closest candidates and what each misses
     */
    public static String noWinner(Plan plan) {
        List<String> closest = new ArrayList<>();
        for (PlannedDeployment deployment : plan.candidates()) {
            if (closest.size() == 3) {
                break;
            }
            closest.add(deployment(deployment.pipeline()) + " misses " + misses(deployment));
        }
        PlanRequest request = plan.request();
        return String.format(Locale.ROOT, "no deployment meets %.0f%% of requests within TTFT %s and TPOT %s%s;"
                        + " closest: %s", request.attainment() * 100, Words.seconds(request.slo().ttftSeconds()),
                Words.seconds(request.slo().tpotSeconds()),
                request.budgets().equals(org.splitinfer.core.plan.Budgets.NONE) ? "" : " within the budgets",
                String.join("; ", closest));
    }
}
