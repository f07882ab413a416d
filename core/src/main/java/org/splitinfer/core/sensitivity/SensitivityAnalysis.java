package org.splitinfer.core.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.ResolvedPipeline;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.hardware.HardwareChanges;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareDataException;

/**
 * Ranks the inputs of an estimate by their elasticity on one of its figures: every figure of the sheets of the
 * pipeline's chips, the KV link's bandwidth and latency (split pipelines), and the cost assumptions, each moved by
 * a relative step either way with the rest held.
 *
 * <p>A chip figure is moved through the what-if mechanism ({@link FigureOverride}): the plugins load again with the
 * figure set in the sheet, and the chip's plugin models it as it would any sheet, so the analysis needs no knowledge
 * of any family and no path of its own into the estimator. Links and cost assumptions are moved through their own
 * records. A whole-number figure (a count of chips, links, hops) moves to whole numbers, at least 1 away and never
 * below 1, and the difference divides by the relative change it actually made. A perturbation the plugin's rules or
 * the estimator refuse (a fraction above 1, a model that no longer fits) leaves that side empty, with the reason.
 *
 * <p>Perturbations are independent and run in parallel; each chip figure costs two loads of the plugins.
 *
 * @since 0.2
 */
public final class SensitivityAnalysis {
    private final HardwareRegistry hardware;
    private final HardwareChanges changes;
    private final Function<HardwareChanges, HardwareRegistry> reload;
    private final LinkCatalog links;
    private final CostAssumptions cost;
    private final ServingCalibration calibration;

    /**
     * @param hardware    the registry the base estimate runs on
     * @param changes     the what-if changes it was loaded with (each perturbation adds one)
     * @param reload      loads the plugins again with other changes
     * @param links       the KV links
     * @param cost        the cost assumptions
     * @param calibration the serving-stack profiles
     */
    public SensitivityAnalysis(HardwareRegistry hardware, HardwareChanges changes,
                               Function<HardwareChanges, HardwareRegistry> reload, LinkCatalog links,
                               CostAssumptions cost, ServingCalibration calibration) {
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.reload = Objects.requireNonNull(reload, "reload");
        this.links = Objects.requireNonNull(links, "links");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** One parameter to move: how the metric reads at a value of it. */
    private record Parameter(String name, ParameterKind kind, String subject, double value,
                             ToDoubleFunction<Double> metricAt) {
        /** @return whether the figure counts things (chips, cores, links, rows): it moves by whole numbers */
        boolean whole() {
            return kind == ParameterKind.CHIP_FIGURE && isCount(name);
        }

        /** @return whether the figure is a switch (0 or 1), which no relative step moves */
        boolean flag() {
            return kind == ParameterKind.CHIP_FIGURE && name.endsWith(".switched");
        }
    }

    /**
     * A figure that counts things by its name's last part: {@code node.chips}, {@code scaleUp.domainChips},
     * {@code tensix.cores}, {@code ethernet.links}, {@code mesh.rows}, {@code opticalMatrix.count}, ...; every
     * other figure, whole-valued or not ({@code price.purchaseUsd}, a lifetime of 4 years, a fraction of 1), is a
     * quantity that moves by the relative step.
     */
    static boolean isCount(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return last.endsWith("chips") || last.endsWith("cores") || last.endsWith("links") || last.equals("rows")
                || last.equals("columns") || last.endsWith("count") || last.endsWith("nodes") || last.endsWith("hops")
                || last.endsWith("cycles");
    }

    /**
     * Runs the analysis.
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @param software the serving stack, or null
     * @param metric   the figure to differentiate
     * @param step     the relative step either way, in (0, 0.5]
     * @return every parameter, ranked
     * @throws SplitInferException when the base deployment cannot be estimated, or the step is out of range
     */
    public SensitivityReport run(ModelSpec model, PipelineSpec pipeline, Workload workload, String software,
                                 SensitivityMetric metric, double step) {
        if (!(step > 0 && step <= 0.5)) {
            throw new SplitInferException("sensitivity.step must be in (0, 0.5], got " + step, null,
                    List.of("sensitivity.step"));
        }
        Estimator estimator = new Estimator(hardware, links, cost, calibration);
        Estimate base = estimator.estimate(model, pipeline, workload, software);
        double baseMetric = metric.of(base);
        ResolvedPipeline resolved = estimator.resolve(model, pipeline, workload, software);
        List<Parameter> parameters = new ArrayList<>();
        Set<String> chips = new LinkedHashSet<>();
        for (ResolvedPool pool : resolved.pools()) {
            chips.add(pool.accelerator().id());
        }
        for (String chip : chips) {
            for (Figure figure : hardware.get(chip).spec().figures()) {
                parameters.add(new Parameter(figure.name(), ParameterKind.CHIP_FIGURE, chip, figure.value(),
                        value -> {
                            HardwareRegistry changed = reload.apply(changes.with(
                                    new FigureOverride(chip, null, figure.name(), value)));
                            return metric.of(new Estimator(changed, links, cost, calibration)
                                    .estimate(model, pipeline, workload, software));
                        }));
            }
        }
        if (resolved.kind() == PipelineKind.SPLIT) {
            KvLink link = resolved.link();
            parameters.add(new Parameter("bytesPerSecond", ParameterKind.LINK_FIGURE, link.id(),
                    link.bytesPerSecond(), value -> metricWithLink(model, pipeline, workload, software, metric,
                    new KvLink(link.id(), link.description(), value, link.latencySeconds(), link.source()))));
            parameters.add(new Parameter("latencySeconds", ParameterKind.LINK_FIGURE, link.id(),
                    link.latencySeconds(), value -> metricWithLink(model, pipeline, workload, software, metric,
                    new KvLink(link.id(), link.description(), link.bytesPerSecond(), value, link.source()))));
        }
        parameters.add(new Parameter("lifetimeYears", ParameterKind.COST_ASSUMPTION, "cost", cost.lifetimeYears(),
                value -> metricWithCost(model, pipeline, workload, software, metric, new CostAssumptions(value,
                        cost.usdPerKilowattHour(), cost.powerUsageEffectiveness()))));
        parameters.add(new Parameter("usdPerKilowattHour", ParameterKind.COST_ASSUMPTION, "cost",
                cost.usdPerKilowattHour(), value -> metricWithCost(model, pipeline, workload, software, metric,
                new CostAssumptions(cost.lifetimeYears(), value, cost.powerUsageEffectiveness()))));
        parameters.add(new Parameter("powerUsageEffectiveness", ParameterKind.COST_ASSUMPTION, "cost",
                cost.powerUsageEffectiveness(), value -> metricWithCost(model, pipeline, workload, software, metric,
                new CostAssumptions(cost.lifetimeYears(), cost.usdPerKilowattHour(), value))));
        List<Elasticity> elasticities = parameters.parallelStream()
                .map(parameter -> elasticity(parameter, baseMetric, step)).toList();
        List<Elasticity> ranked = new ArrayList<>(elasticities);
        ranked.sort(Comparator.comparingDouble(
                (Elasticity e) -> e.elasticity().isPresent() ? -Math.abs(e.elasticity().getAsDouble()) : 1));
        return new SensitivityReport(metric, step, base, baseMetric, ranked);
    }

    private double metricWithLink(ModelSpec model, PipelineSpec pipeline, Workload workload, String software,
                                  SensitivityMetric metric, KvLink link) {
        List<KvLink> all = new ArrayList<>();
        for (KvLink existing : links.links()) {
            all.add(existing.id().equals(link.id()) ? link : existing);
        }
        LinkCatalog changed = new LinkCatalog(all, links.defaultLink().id());
        return metric.of(new Estimator(hardware, changed, cost, calibration)
                .estimate(model, pipeline, workload, software));
    }

    private double metricWithCost(ModelSpec model, PipelineSpec pipeline, Workload workload, String software,
                                  SensitivityMetric metric, CostAssumptions changed) {
        return metric.of(new Estimator(hardware, links, changed, calibration)
                .estimate(model, pipeline, workload, software));
    }

    /** The values below and above {@code x}: {@code x(1 ∓ s)}, whole numbers at least 1 apart for a count. */
    static double[] values(double x, double step, boolean whole) {
        double low = x * (1 - step);
        double high = x * (1 + step);
        if (whole && x == Math.rint(x) && x >= 1) {
            low = Math.min(x - 1, Math.rint(low));
            high = Math.max(x + 1, Math.rint(high));
            if (low < 1) {
                low = x;
            }
        }
        return new double[] {low, high};
    }

    private static Elasticity elasticity(Parameter parameter, double baseMetric, double step) {
        double x = parameter.value();
        if (x == 0) {
            return new Elasticity(parameter.name(), parameter.kind(), parameter.subject(), x, x, x,
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    "its value is 0, which a relative step does not move");
        }
        if (parameter.flag()) {
            return new Elasticity(parameter.name(), parameter.kind(), parameter.subject(), x, x, x,
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    "a switch (0 or 1), not a quantity a relative step moves");
        }
        double[] values = values(x, step, parameter.whole());
        List<String> notes = new ArrayList<>();
        OptionalDouble low = values[0] == x ? OptionalDouble.of(baseMetric)
                : metric(parameter, values[0], "lower", notes);
        OptionalDouble high = metric(parameter, values[1], "higher", notes);
        OptionalDouble elasticity;
        double lowX = low.isPresent() ? values[0] : x;
        double highX = high.isPresent() ? values[1] : x;
        if ((low.isEmpty() && high.isEmpty()) || highX == lowX || baseMetric == 0) {
            elasticity = OptionalDouble.empty();
        } else {
            double lowM = low.isPresent() ? low.getAsDouble() : baseMetric;
            double highM = high.isPresent() ? high.getAsDouble() : baseMetric;
            elasticity = OptionalDouble.of(((highM - lowM) / baseMetric) / ((highX - lowX) / x));
            if (low.isEmpty() || high.isEmpty()) {
                notes.add("a one-sided difference");
            }
        }
        return new Elasticity(parameter.name(), parameter.kind(), parameter.subject(), x, values[0], values[1], low,
                high, elasticity, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static OptionalDouble metric(Parameter parameter, double value, String side, List<String> notes) {
        try {
            double metric = parameter.metricAt().applyAsDouble(value);
            return Double.isFinite(metric) ? OptionalDouble.of(metric) : OptionalDouble.empty();
        } catch (SplitInferException | HardwareDataException e) {
            notes.add("the " + side + " value is infeasible: " + e.getMessage());
            return OptionalDouble.empty();
        }
    }
}
