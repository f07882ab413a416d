package org.splitinfer.core.plan.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.splitinfer.core.error.internal.FigureAudit;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.internal.ChipEconomics;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.plan.ExcludedAccelerator;
import org.splitinfer.core.plan.Miss;
import org.splitinfer.core.plan.MissKind;
import org.splitinfer.core.plan.Objective;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.core.sim.Bottleneck;
import org.splitinfer.core.sim.PoolUsage;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.SchedulerSettings;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.sim.Simulator;
import org.splitinfer.core.workload.RequestStream;
import org.splitinfer.core.workload.WorkloadStats;
import org.splitinfer.spi.Accelerator;

/**
 * The planner's search: estimate every deployment of the allowed chips, verify the most promising with the simulator,
 * rank by what the simulator measured.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Space.</b> For every allowed chip, its prefill, decode and colocated instance shapes ({@link ShapeFinder}:
 *       formats, chips per instance, layout, decode batch); every prefill shape paired with every decode shape of
 *       any chip (the same chip included: disaggregation on one kind), and every colocated shape. The KV link is the
 *       catalog's default: links carry no price in the cost model, so a faster one would always win and a slower
 *       one never.</li>
 *   <li><b>Balance.</b> Instance counts follow the load: {@code n = ⌈λ ÷ (ρ × μ)⌉} for each pool, with {@code λ} the
 *       workload's rate, {@code μ} what one instance serves and {@code ρ = }{@value #TARGET_LOAD}, room for bursts.
 *       Neither pool is sized for more than the rate, so none idles while the other starves.</li>
 *   <li><b>Estimate.</b> TTFT = the prefill pool's queueing ({@link Queueing}, M/G/c) + the latency of a prompt of the
 *       workload's 90th-percentile length (drawn from its first 5,000 requests) + a mean prompt's
 *       KV transfer (prompt cache ÷ the pair's link bandwidth, plus latency) + one decode step; colocated: the
 *       p90 prompt's latency + one decode step + the wait for an instance's prefill turn (M/G/1 on each instance's
 *       prompt share, plus half a decode step). TPOT = the shape's decode step at its batch; colocated, stretched by
 *       the time prompts take from each instance. Power and cost at the planned rate: each pool busy for its share
 *       {@code λ ÷ (n × μ)} ({@link PoolShape#wallWattsPerChip}).</li>
 *   <li><b>Verify.</b> The best {@code top} deployments by the objective whose estimate meets the objective and the
 *       budgets — at most one per hardware combination, and the best heterogeneous split among them — are simulated
 *       at the workload's rate. One that misses the objective because a pool limits it gets a quarter more
 *       instances of that pool and is simulated again, twice at most. Then up to five more estimates that beat the
 *       best verified deployment are simulated, one by one, so that the winner does not stand on the first round's
 *       diversity rule. When no estimate meets the objective, the closest ones are simulated so the answer can say
 *       what each misses.</li>
 *   <li><b>Rank.</b> Verified deployments that meet everything, best first by the objective (ties: cost, then
 *       chips); then verified ones that miss, most attainment first; then the best estimates of hardware
 *       combinations that were not verified (estimates are optimistic: queueing is approximated).</li>
 * </ul>
 */
public final class PlanSearch {
    /** The load each pool is sized for: a fifth of its capacity is left for bursts. */
    static final double TARGET_LOAD = 0.8;
    private static final int UNVERIFIED_SHOWN = 10;
    private static final int REPAIRS = 2;
    private static final int PROMPT_SAMPLE = 5000;
    private static final int EXTRA_CHECKS = 5;

    private final Estimator estimator;
    private final Simulator simulator;
    private final LinkCatalog links;
    private final CostAssumptions cost;

    /**
     * @param estimator the estimator (resolution and step costs)
     * @param simulator the simulator that verifies
     * @param links     KV link types
     * @param cost      how purchases and energy are paid for
     */
    public PlanSearch(Estimator estimator, Simulator simulator, LinkCatalog links, CostAssumptions cost) {
        this.estimator = estimator;
        this.simulator = simulator;
        this.links = links;
        this.cost = cost;
    }

    /**
     * @param request     what to plan for
     * @param allowed     the chips the pools may use
     * @param progress    told how many verifying simulations have finished; may be null
     * @return the plan
     */
    public Plan plan(PlanRequest request, List<Accelerator> allowed, IntConsumer progress) {
        ModelSpec model = request.model();
        if (request.speculative() != null) {
            // a draft that cannot serve the model is the request's mistake, said once, not a shape skipped per chip
            request.speculative().requireDraftFor(model, "decode.speculative.draft");
        }
        WorkloadStats stats = request.workload().stats();
        double rate = request.workload().meanRequestsPerSecond().getAsDouble();
        ShapeFinder finder = new ShapeFinder(estimator, model, stats, p90Input(request),
                SchedulerSettings.DEFAULT.sizingConcurrency(), request.slo().ttftSeconds(),
                request.slo().tpotSeconds(), request.software(), request.allowLongContext(), request.speculative());
        List<ExcludedAccelerator> excluded = new ArrayList<>();
        Map<PoolRole, List<PoolShape>> shapes = finder.shapesByRole(allowed, excluded);
        KvLink link = links.defaultLink();
        List<Candidate> candidates = new ArrayList<>();
        for (PoolShape prefill : shapes.get(PoolRole.PREFILL)) {
            for (PoolShape decode : shapes.get(PoolRole.DECODE)) {
                candidates.add(split(prefill, decode, rate, stats, link, model));
            }
        }
        for (PoolShape colocated : shapes.get(PoolRole.COLOCATED)) {
            candidates.add(colocated(colocated, rate, stats));
        }
        Comparator<Candidate> byObjective = estimateOrder(request.objective());
        candidates.sort(byObjective);

        List<Candidate> passing = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.misses(request.slo(), request.budgets()).isEmpty()) {
                passing.add(candidate);
            }
        }
        List<Candidate> toVerify = select(passing.isEmpty() ? closest(candidates, request) : passing, request.top());
        List<PlannedDeployment> verified = new ArrayList<>();
        int[] simulations = {0};
        Set<Candidate> tried = new HashSet<>(toVerify);
        // the first round's runs are independent: they go on all cores, in order
        List<SimulationSpec> first = new ArrayList<>();
        for (Candidate candidate : toVerify) {
            first.add(simulation(request, candidate, link));
        }
        List<SimulationResult> firstRuns = simulator.runAll(first);
        simulations[0] += firstRuns.size();
        for (int i = 0; i < toVerify.size(); i++) {
            verified.add(verify(request, toVerify.get(i), firstRuns.get(i), link, simulations));
            if (progress != null) {
                progress.accept(verified.size());
            }
        }
        // estimates better than the best verified deployment are worth a simulation each: the first round kept to
        // two per prefill chip, and an estimate is optimistic, but the winner should not stand on that
        List<PlannedDeployment> ranked = rank(verified, request.objective());
        for (int extra = 0; extra < EXTRA_CHECKS && !ranked.isEmpty() && ranked.get(0).meets(); extra++) {
            double best = objectiveValue(ranked.get(0), request.objective());
            Optional<Candidate> better = passing.stream().filter(c -> !tried.contains(c))
                    .filter(c -> estimateValue(c, request.objective()) < best).findFirst();
            if (better.isEmpty()) {
                break;
            }
            tried.add(better.get());
            SimulationResult run = simulator.run(simulation(request, better.get(), link));
            simulations[0]++;
            verified.add(verify(request, better.get(), run, link, simulations));
            ranked = rank(verified, request.objective());
        }
        Set<String> shown = new HashSet<>();
        for (PlannedDeployment deployment : ranked) {
            shown.add(deployment.pipeline().toString());
        }
        // estimates of hardware combinations the simulator did not run: the next options to look at
        Set<String> verifiedCombinations = new HashSet<>();
        for (PlannedDeployment deployment : verified) {
            verifiedCombinations.add(deployment.prefillHardware() + "+" + deployment.decodeHardware());
        }
        int unverified = 0;
        for (Candidate candidate : passing.isEmpty() ? candidates : passing) {
            if (unverified == UNVERIFIED_SHOWN) {
                break;
            }
            if (!Double.isFinite(candidate.ttftSeconds()) || !Double.isFinite(candidate.tpotSeconds())) {
                // its queue never drains at this rate: no figure of it is worth showing
                continue;
            }
            String combination = candidate.first().accelerator().id() + "+"
                    + (candidate.split() ? candidate.second() : candidate.first()).accelerator().id();
            PlannedDeployment estimate = candidate.estimated(link.id(), request.slo(), request.budgets());
            if (!verifiedCombinations.contains(combination) && shown.add(estimate.pipeline().toString())) {
                ranked.add(estimate);
                unverified++;
            }
        }
        Optional<PlannedDeployment> winner = ranked.stream().filter(d -> d.verified() && d.meets()).findFirst();
        return FigureAudit.requireSound(new Plan(request, ranked, Pareto.front(verified), winner, candidates.size(),
                simulations[0], excluded), "plan", request.model().id());
    }

    /**
     * A candidate's figures from its simulation; one that misses because a pool limits it gets more of that pool and
     * is simulated again (see the notes).
     */
    private PlannedDeployment verify(PlanRequest request, Candidate candidate, SimulationResult firstRun, KvLink link,
                                     int[] simulations) {
        Candidate current = candidate;
        PlannedDeployment result = verified(request, current, firstRun, link);
        for (int attempt = 0; attempt < REPAIRS; attempt++) {
            Optional<Candidate> repaired = repair(current, result);
            if (result.meets() || repaired.isEmpty()) {
                break;
            }
            current = repaired.get();
            SimulationResult run = simulator.run(simulation(request, current, link));
            simulations[0]++;
            result = verified(request, current, run, link);
        }
        return result;
    }

    /** The objective as a number to minimise. */
    private static double objectiveValue(PlannedDeployment deployment, Objective objective) {
        return switch (objective) {
            case COST -> deployment.usdPerMillionTokens();
            case ENERGY -> -deployment.tokensPerJoule();
            case CHIPS -> deployment.chips();
            case LATENCY -> deployment.ttftP90Seconds();
        };
    }

    private static double estimateValue(Candidate candidate, Objective objective) {
        return switch (objective) {
            case COST -> candidate.usdPerMillionTokens();
            case ENERGY -> -candidate.tokensPerJoule();
            case CHIPS -> candidate.chips();
            case LATENCY -> candidate.ttftSeconds();
        };
    }

    private Candidate split(PoolShape prefill, PoolShape decode, double rate, WorkloadStats stats, KvLink link,
                            ModelSpec model) {
        int prefillInstances = instances(rate, prefill.requestsPerSecond());
        int decodeInstances = instances(rate, decode.requestsPerSecond());
        double prefillBusy = rate / (prefillInstances * prefill.requestsPerSecond());
        double decodeBusy = rate / (decodeInstances * decode.requestsPerSecond());
        long meanInput = Math.max(1, Math.round(stats.meanInputTokens()));
        double bandwidth = Math.min(link.bytesPerSecond(), Math.min(
                prefill.pool().chips() * prefill.accelerator().interconnect().scaleOutBytesPerSecond(),
                decode.pool().chips() * decode.accelerator().interconnect().scaleOutBytesPerSecond()));
        double transfer = link.latencySeconds()
                + model.kvBytes(meanInput, prefill.pool().precision().kvCache()) / bandwidth;
        if (!prefill.pool().precision().kvCache().equals(decode.pool().precision().kvCache())) {
            transfer += (model.kvBytes(meanInput, prefill.pool().precision().kvCache())
                    + model.kvBytes(meanInput, decode.pool().precision().kvCache()))
                    / (ChipEconomics.fullSpeedBytesPerSecond(decode.accelerator()) * decode.pool().chips());
        }
        double queue = Queueing.meanWaitSeconds(rate, prefill.promptIntervalSeconds(), prefillInstances);
        double ttft = queue + prefill.promptP90LatencySeconds() + transfer + decode.tpotSeconds();
        double[] p = Candidate.poolEconomics(prefill, prefillInstances, prefillBusy, cost);
        double[] d = Candidate.poolEconomics(decode, decodeInstances, decodeBusy, cost);
        return new Candidate(prefill, decode, prefillInstances, decodeInstances, ttft, decode.tpotSeconds(),
                p[0] + d[0], p[1] + d[1], rate * stats.meanOutputTokens());
    }

    private Candidate colocated(PoolShape shape, double rate, WorkloadStats stats) {
        int instances = instances(rate, shape.requestsPerSecond());
        double perInstance = rate / instances;
        double promptShare = perInstance * shape.promptLatencySeconds();
        double busy = perInstance / shape.requestsPerSecond();
        // an instance's prompts wait for its prefill turn: M/G/1 on the prompt share, and half a decode step
        double wait = promptShare >= 1 ? Double.POSITIVE_INFINITY
                : promptShare / (1 - promptShare) * shape.promptLatencySeconds() + shape.tpotSeconds() / 2;
        double ttft = wait + shape.promptP90LatencySeconds() + shape.tpotSeconds();
        double tpot = promptShare >= 1 ? Double.POSITIVE_INFINITY : shape.tpotSeconds() / (1 - promptShare);
        double[] economics = Candidate.poolEconomics(shape, instances, busy, cost);
        return new Candidate(shape, null, instances, 0, ttft, tpot, economics[0], economics[1],
                rate * stats.meanOutputTokens());
    }

    /** The 90th-percentile prompt of the workload, from its first requests (the verifying runs' own seed). */
    private static long p90Input(PlanRequest request) {
        int[] inputs = new int[PROMPT_SAMPLE];
        int count = 0;
        try (RequestStream requests = request.workload().open(request.seed())) {
            while (count < PROMPT_SAMPLE && requests.advance()) {
                inputs[count++] = requests.inputTokens();
            }
        }
        if (count == 0) {
            return 1;
        }
        Arrays.sort(inputs, 0, count);
        return inputs[Math.min(count - 1, (int) Math.ceil(0.9 * count) - 1)];
    }

    private static int instances(double rate, double perInstance) {
        return (int) Math.max(1, Math.ceil(rate / (TARGET_LOAD * perInstance)));
    }

    /**
     * The best by the objective, at most one per hardware combination and two per prefill (or colocated) chip, with
     * the best heterogeneous split.
     */
    private static List<Candidate> select(List<Candidate> ordered, int top) {
        List<Candidate> chosen = new ArrayList<>();
        Set<String> combinations = new HashSet<>();
        Map<String, Integer> perFirstChip = new LinkedHashMap<>();
        for (Candidate candidate : ordered) {
            if (chosen.size() == top) {
                break;
            }
            String firstChip = candidate.first().accelerator().id();
            if (perFirstChip.getOrDefault(firstChip, 0) < 2 && combinations.add(candidate.combination())) {
                chosen.add(candidate);
                perFirstChip.merge(firstChip, 1, Integer::sum);
            }
        }
        boolean heterogeneous = chosen.stream().anyMatch(c -> c.split()
                && !c.first().accelerator().id().equals(c.second().accelerator().id()));
        if (!heterogeneous) {
            ordered.stream().filter(c -> c.split() && !c.first().accelerator().id().equals(c.second().accelerator()
                    .id())).findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    /** When no estimate meets the objective: the ones that miss it by the least, for the answer to name. */
    private static List<Candidate> closest(List<Candidate> candidates, PlanRequest request) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Candidate c) -> shortfall(c.misses(request.slo(), request.budgets())))
                .thenComparingDouble(Candidate::usdPerMillionTokens));
        return sorted;
    }

    private static double shortfall(List<Miss> misses) {
        double total = 0;
        for (Miss miss : misses) {
            total += Math.log(Math.max(miss.achieved(), 1e-12) / miss.required());
        }
        return Double.isNaN(total) ? Double.MAX_VALUE : total;
    }

    private static SimulationSpec simulation(PlanRequest request, Candidate candidate, KvLink link) {
        return new SimulationSpec(request.model(), candidate.pipeline(link.id()), request.workload(),
                RunLimit.requests(request.verifyRequests()), request.slo(), request.seed(), SchedulerSettings.DEFAULT,
                request.software(), 0, request.allowLongContext());
    }

    private static PlannedDeployment verified(PlanRequest request, Candidate candidate, SimulationResult run,
                                              KvLink link) {
        double kilowatts = 0;
        double usdPerHour = 0;
        for (PoolUsage pool : run.pools()) {
            kilowatts += pool.chips() * pool.wallWattsPerChip() / 1000;
            usdPerHour += pool.chips() * pool.usdPerChipHour();
        }
        List<Miss> misses = new ArrayList<>();
        if (run.sloAttainment() < request.attainment()) {
            misses.add(new Miss(MissKind.SLO_ATTAINMENT, request.attainment(), run.sloAttainment()));
        }
        if (run.ttftSeconds().p90() > request.slo().ttftSeconds()) {
            misses.add(new Miss(MissKind.TTFT, request.slo().ttftSeconds(), run.ttftSeconds().p90()));
        }
        if (run.tpotSeconds().p90() > request.slo().tpotSeconds()) {
            misses.add(new Miss(MissKind.TPOT, request.slo().tpotSeconds(), run.tpotSeconds().p90()));
        }
        Candidate.budgetMisses(request.budgets(), run.chips(), kilowatts, usdPerHour, misses);
        return new PlannedDeployment(candidate.pipeline(link.id()), run.pipeline(),
                candidate.first().accelerator().id(), candidate.split() ? candidate.second().accelerator().id()
                : candidate.first().accelerator().id(), run.chips(), run.ttftSeconds().p90(), run.tpotSeconds().p90(),
                run.sloAttainment(), run.goodputRequestsPerSecond(), run.usdPerMillionTokens(), run.tokensPerJoule(),
                kilowatts, usdPerHour, Optional.of(run.bottleneck()), candidate.chipStatuses(), true, misses,
                Optional.of(run));
    }

    /** A quarter more instances (at least one) of the pool that limited a run that missed the objective. */
    private static Optional<Candidate> repair(Candidate candidate, PlannedDeployment result) {
        if (result.meets() || result.bottleneck().isEmpty()
                || result.misses().stream().allMatch(m -> m.kind().name().endsWith("BUDGET"))) {
            return Optional.empty();
        }
        Bottleneck limit = result.bottleneck().get();
        int prefill = candidate.firstInstances();
        int decode = candidate.secondInstances();
        switch (limit) {
            case PREFILL_POOL, COLOCATED_POOL -> prefill = grow(prefill);
            case DECODE_POOL, KV_CACHE -> {
                if (candidate.split()) {
                    decode = grow(decode);
                } else {
                    prefill = grow(prefill);
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(candidate.withInstances(prefill, decode));
    }

    private static int grow(int instances) {
        return Math.max(instances + 1, (int) Math.ceil(instances * 1.25));
    }

    private static Comparator<Candidate> estimateOrder(Objective objective) {
        Comparator<Candidate> order = switch (objective) {
            case COST -> Comparator.comparingDouble(Candidate::usdPerMillionTokens);
            case ENERGY -> Comparator.comparingDouble((Candidate c) -> -c.tokensPerJoule());
            case CHIPS -> Comparator.comparingInt(Candidate::chips);
            case LATENCY -> Comparator.comparingDouble(Candidate::ttftSeconds);
        };
        return order.thenComparingDouble(Candidate::usdPerMillionTokens).thenComparingInt(Candidate::chips)
                .thenComparing(Candidate::combination);
    }

    private static List<PlannedDeployment> rank(List<PlannedDeployment> verified, Objective objective) {
        Comparator<PlannedDeployment> byObjective = switch (objective) {
            case COST -> Comparator.comparingDouble(PlannedDeployment::usdPerMillionTokens);
            case ENERGY -> Comparator.comparingDouble((PlannedDeployment d) -> -d.tokensPerJoule());
            case CHIPS -> Comparator.comparingInt(PlannedDeployment::chips);
            case LATENCY -> Comparator.comparingDouble(PlannedDeployment::ttftP90Seconds);
        };
        byObjective = byObjective.thenComparingDouble(PlannedDeployment::usdPerMillionTokens)
                .thenComparingInt(PlannedDeployment::chips);
        List<PlannedDeployment> meeting = new ArrayList<>();
        List<PlannedDeployment> missing = new ArrayList<>();
        for (PlannedDeployment deployment : verified) {
            (deployment.meets() ? meeting : missing).add(deployment);
        }
        meeting.sort(byObjective);
        missing.sort(Comparator.comparingDouble((PlannedDeployment d) -> -d.sloAttainment()).thenComparing(byObjective));
        List<PlannedDeployment> ranked = new ArrayList<>(meeting);
        ranked.addAll(missing);
        return ranked;
    }
}
