package org.splitinfer.core;

import org.splitinfer.core.sweep.SweepException;
import org.splitinfer.core.hardware.HardwareOverrideException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.splitinfer.core.band.ErrorBands;
import org.splitinfer.core.band.ResidualTable;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.fit.FitReport;
import org.splitinfer.core.fit.FitRequest;
import org.splitinfer.core.fit.ModelFitter;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.hardware.HardwareChanges;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.Planner;
import org.splitinfer.core.sensitivity.SensitivityAnalysis;
import org.splitinfer.core.sensitivity.SensitivityMetric;
import org.splitinfer.core.sensitivity.SensitivityReport;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.sim.Simulator;
import org.splitinfer.core.sweep.PointEvaluator;
import org.splitinfer.core.sweep.SweepPoint;
import org.splitinfer.core.sweep.SweepRow;

/**
 * The entry point of splitinfer-core: the installed hardware, the model catalog, and the estimator, the serving
 * simulator and the planner wired with the shipped defaults (KV links, cost assumptions, the fitted serving-stack calibration).
 *
 * <pre>{@code
 * SplitInfer splitInfer = SplitInfer.create();   // plugins on the class path
 * Estimate estimate = splitInfer.estimate("llama-3.1-70b",
 *         PipelineSpec.split(PoolSpec.of("h100-sxm", 8), PoolSpec.auto("groq-lpu-v1")),
 *         Workload.closedLoop(2000, 300, 32));
 * }</pre>
 *
 * Plugins are loaded on the first call that needs them, once; the instance is immutable after that and safe to
 * share between threads. Errors the caller can fix are {@link org.splitinfer.core.error.SplitInferException}s.
 *
 * @since 0.1
 */
public final class SplitInfer {
    private final PluginSearchPath searchPath;
    private final HardwareChanges changes;
    private final Map<List<String>, SplitInfer> overridden = new ConcurrentHashMap<>();
    private final ModelCatalog models;
    private final LinkCatalog links;
    private final CostAssumptions cost;
    private final ServingCalibration calibration;
    /** The leave-one-out residuals given, or null: the shipped ones with the shipped calibration, else none. */
    private final ResidualTable residuals;
    private final boolean shippedResiduals;
    private volatile Loaded loaded;

    /** What needs the plugins: built once, on first use. */
    private record Loaded(HardwareRegistry hardware, Estimator estimator, Simulator simulator, Planner planner) {
    }

    private SplitInfer(Builder builder) {
        this.searchPath = new PluginSearchPath(builder.classPath, builder.pluginDirectories);
        this.changes = new HardwareChanges(builder.overrides, builder.hardwareSheets);
        this.models = builder.models != null ? builder.models : ModelCatalog.builtIn();
        this.links = builder.links != null ? builder.links : LinkCatalog.builtIn();
        this.cost = builder.cost;
        this.calibration = builder.calibration != null ? builder.calibration : ServingCalibration.shipped();
        // the shipped residuals belong to the shipped calibration: another calibration's figures have no band unless
        // its own residuals are given
        this.residuals = builder.residuals;
        this.shippedResiduals = builder.residuals == null && builder.calibration == null;
    }

    /**
     * SplitInfer with the plugins on the class path and every shipped default.
     *
     * @return the entry point
     */
    public static SplitInfer create() {
        return builder().build();
    }

    /** @return a builder starting from the shipped defaults and the class path */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The installed accelerators (loading the plugins on first use).
     *
     * @return the registry; {@link HardwareRegistry#problems()} lists plugins that were skipped
     * @throws org.splitinfer.core.hardware.PluginDirectoryException when a plugin directory cannot be read
     * @throws org.splitinfer.core.hardware.DuplicateAcceleratorException when two plugins provide one id
     */
    public HardwareRegistry hardware() {
        return loaded().hardware();
    }

    /** @return the what-if changes the hardware was loaded with */
    public HardwareChanges hardwareChanges() {
        return changes;
    }

    /**
     * The same defaults and search path with other what-if changes: a new entry point whose plugins load again,
     * reading their sheets with those changes (what a sensitivity analysis perturbs a figure through).
     *
     * @param other the changes, replacing these
     * @return the entry point
     * @since 0.2
     */
    public SplitInfer withHardwareChanges(HardwareChanges other) {
        Builder builder = builder().searchPath(searchPath).models(models).links(links).cost(cost)
                .calibration(calibration);
        // the residuals go with the calibration they were measured on: the shipped ones with the shipped one
        ResidualTable table = shippedResiduals ? ResidualTable.shipped() : residuals;
        if (table != null) {
            builder.residuals(table);
        }
        other.overrides().forEach(builder::override);
        other.sheetFiles().forEach(builder::hardwareSheet);
        return builder.build();
    }

    /** @return the model catalog */
    public ModelCatalog models() {
        return models;
    }

    /** @return the KV link types */
    public LinkCatalog links() {
        return links;
    }

    /** @return how purchases and energy are paid for */
    public CostAssumptions cost() {
        return cost;
    }

    /** @return the serving-stack profiles every step cost applies */
    public ServingCalibration calibration() {
        return calibration;
    }

    /**
     * The error bands of estimates and planned deployments ({@link org.splitinfer.core.band.BandMethod}).
     *
     * @return the bands over the installed hardware, or empty when a custom calibration was given without its
     *         leave-one-out residuals
     */
    public Optional<ErrorBands> bands() {
        ResidualTable table = shippedResiduals ? ResidualTable.shipped() : residuals;
        if (table == null) {
            return Optional.empty();
        }
        HardwareRegistry registry = hardware();
        // a chip with figures the user set (in place, or a derived chip) has no measurements behind those figures
        return Optional.of(new ErrorBands(table, calibration, id -> registry.get(id).spec().family(),
                id -> !changes.overrides().isEmpty() && registry.get(id).spec().figures().stream().anyMatch(figure ->
                        figure.isAssumption() && figure.assumption().startsWith(FigureOverride.ASSUMPTION_PREFIX))));
    }

    /** @return the estimator over the installed hardware with these defaults */
    public Estimator estimator() {
        return loaded().estimator();
    }

    /**
     * Estimates a deployment of a catalog model with the profile for unknown serving stacks.
     *
     * @param model    a catalog id, or the path of a Hugging Face config.json or a model YAML file
     * @param pipeline the deployment
     * @param workload the requests
     * @return the estimate
     */
    public Estimate estimate(String model, PipelineSpec pipeline, Workload workload) {
        return estimate(models.resolve(model), pipeline, workload, null);
    }

    /**
     * Estimates a deployment.
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @param software the serving stack whose fitted profile applies, or null for the unknown-stack profile
     * @return the estimate
     */
    public Estimate estimate(ModelSpec model, PipelineSpec pipeline, Workload workload, String software) {
        return estimator().estimate(model, pipeline, workload, software);
    }

    /** @return the serving simulator over the installed hardware with these defaults */
    public Simulator simulator() {
        return loaded().simulator();
    }

    /**
     * Simulates a deployment under traffic, request by request.
     *
     * <pre>{@code
     * SimulationResult run = splitInfer.simulate(SimulationSpec.of(splitInfer.models().get("llama-3.1-70b"),
     *         PipelineSpec.split(PoolSpec.of("h100-sxm", 8), PoolSpec.auto("groq-lpu-v1")),
     *         Workloads.builtIn("chat"), RunLimit.requests(20_000), 7));
     * }</pre>
     *
     * @param spec the run
     * @return what it measured
     */
    public SimulationResult simulate(SimulationSpec spec) {
        return simulator().run(spec);
    }

    /** @return the planner over the installed hardware with these defaults */
    public Planner planner() {
        return loaded().planner();
    }

    /**
     * Plans the cheapest deployment (or by another objective) that meets a latency objective at a workload's rate,
     * verified by the simulator.
     *
     * <pre>{@code
     * Plan plan = splitInfer.plan(PlanRequest.of(splitInfer.models().get("llama-3.1-70b"),
     *         Workloads.builtIn("chat").atRate(50)));
     * }</pre>
     *
     * @param request what to plan for
     * @return the plan
     */
    public Plan plan(PlanRequest request) {
        return planner().plan(request);
    }

    /**
     * Runs one point of a sweep, its plan or its simulation, into its row. A point the planner or simulator refuses
     * gives a row with status {@code error} and the refusal's sentence.
     *
     * <pre>{@code
     * SweepGrid grid = SweepGrid.read(Path.of("grid.yaml"));
     * List<SweepRow> rows = new SweepRunner(splitInfer::sweep, 8).rows(grid.points(), done -> { });
     * }</pre>
     *
     * @param point the point
     * @return its row
     * @throws org.splitinfer.core.hardware.HardwareOverrideException when the point's overrides name no installed
     *                                                                 chip or figure, or a value its sheet refuses
     */
    public SweepRow sweep(SweepPoint point) {
        SplitInfer overridden = withOverrides(point.overrides());
        return new PointEvaluator(overridden.models, overridden.hardware(), overridden.planner(),
                overridden.simulator()).evaluate(point);
    }

    /**
     * Loads the chips of every override set a sweep's points name, before any point runs: a figure no chip has is
     * the grid's mistake, refused whole rather than found halfway through the run (locally, or in a Spark stage).
     *
     * @param points a sweep's points
     * @throws SweepException naming the grid's override set and what is wrong with it
     * @since 0.2
     */
    public void requireOverrides(List<SweepPoint> points) {
        points.stream().map(SweepPoint::overrides).distinct().forEach(overrides -> {
            try {
                withOverrides(overrides).hardware();
            } catch (HardwareOverrideException e) {
                throw new SweepException("the grid's override set " + overrides + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * This entry point with chip figures overridden as well ({@code ID.FIGURE=VALUE} or {@code ID@NEWID.FIGURE=VALUE},
     * as {@code --set} takes them, after the changes it was built with): where a sweep's overrides axis meets the
     * what-if figures. One entry point per list, kept for the next point that asks; the plugins load when its
     * hardware is first used.
     *
     * @param overrides the figures to set, as text
     * @return this entry point for an empty list, else one whose plugins read their sheets with the overrides
     * @throws org.splitinfer.core.hardware.HardwareOverrideException naming a malformed override
     * @since 0.2
     */
    public SplitInfer withOverrides(List<String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        return overridden.computeIfAbsent(List.copyOf(overrides), list -> {
            HardwareChanges all = changes;
            for (String text : list) {
                all = all.with(FigureOverride.parse(text));
            }
            return withHardwareChanges(all);
        });
    }

    /**
     * Fits a model onto a chip kind: the fewest chips that hold it, its placement and the alternatives.
     *
     * @param model    a catalog id or a config path
     * @param hardware an accelerator id
     * @param request  formats, context and optionally a chip count
     * @return the report
     */
    public FitReport fit(String model, String hardware, FitRequest request) {
        return ModelFitter.fit(hardware().get(hardware), models.resolve(model), request);
    }

    /**
     * Ranks the figures of a deployment's chips, its KV link and the cost assumptions by their elasticity on one
     * figure of its estimate; chip figures are moved through what-if overrides the plugins read
     * ({@link #withHardwareChanges}).
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @param software the serving stack, or null
     * @param metric   the figure to differentiate
     * @param step     the relative step either way, e.g. 0.1
     * @return the ranked elasticities
     * @since 0.2
     */
    public SensitivityReport sensitivity(ModelSpec model, PipelineSpec pipeline, Workload workload, String software,
                                         SensitivityMetric metric, double step) {
        return new SensitivityAnalysis(hardware(), changes, other -> new HardwareLoader().load(searchPath, other),
                links, cost, calibration).run(model, pipeline, workload, software, metric, step);
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    HardwareRegistry registry = new HardwareLoader().load(searchPath, changes);
                    Estimator estimator = new Estimator(registry, links, cost, calibration);
                    Simulator simulator = new Simulator(registry, links, cost, calibration);
                    current = new Loaded(registry, estimator, simulator,
                            new Planner(registry, estimator, simulator, links, cost));
                    loaded = current;
                }
            }
        }
        return current;
    }

    /** Chooses where plugins come from and replaces any shipped default. Not thread-safe; build once. */
    public static final class Builder {
        private boolean classPath = true;
        private final List<Path> pluginDirectories = new ArrayList<>();
        private ModelCatalog models;
        private LinkCatalog links;
        private CostAssumptions cost = CostAssumptions.DEFAULT;
        private ServingCalibration calibration;
        private final List<FigureOverride> overrides = new ArrayList<>();
        private final List<Path> hardwareSheets = new ArrayList<>();
        private ResidualTable residuals;

        private Builder() {
        }

        /**
         * Sets a figure of an installed chip's hardware sheet, or derives a new chip from one
         * ({@link FigureOverride}); the chip's plugin models it from the changed sheet. Repeatable.
         *
         * @param override the figure, e.g. {@code FigureOverride.parse("groq-lpu-v1@groq-2x.sram.capacityBytes=460e6")}
         * @return this builder
         * @since 0.2
         */
        public Builder override(FigureOverride override) {
            overrides.add(Objects.requireNonNull(override, "override"));
            return this;
        }

        /**
         * Adds the chips of a hardware sheet of a known family (the documented schema): they are appended to the
         * sheet that family's plugin reads and modelled by it. Repeatable; an id already installed is refused.
         *
         * @param file the YAML sheet
         * @return this builder
         * @since 0.2
         */
        public Builder hardwareSheet(Path file) {
            hardwareSheets.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Also loads plugins from a directory: each {@code .jar} is one plugin, each sub-folder of jars one plugin
         * with its own dependencies, each in its own class loader; or from one plugin's {@code .jar}. Directories
         * are searched in the order added.
         *
         * @param directory a plugin directory, or one plugin jar
         * @return this builder
         */
        public Builder pluginDirectory(Path directory) {
            pluginDirectories.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * Where to look for plugins, replacing the class path and any directories added so far.
         *
         * @param searchPath the search path
         * @return this builder
         */
        public Builder searchPath(PluginSearchPath searchPath) {
            classPath = searchPath.classPath();
            pluginDirectories.clear();
            pluginDirectories.addAll(searchPath.directories());
            return this;
        }

        /**
         * @param catalog the models to resolve ids against (default: the built-in catalog)
         * @return this builder
         */
        public Builder models(ModelCatalog catalog) {
            this.models = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * @param catalog the KV link types (default: the shipped catalog)
         * @return this builder
         */
        public Builder links(LinkCatalog catalog) {
            this.links = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * @param assumptions how purchases and energy are paid for (default: {@link CostAssumptions#DEFAULT})
         * @return this builder
         */
        public Builder cost(CostAssumptions assumptions) {
            this.cost = Objects.requireNonNull(assumptions, "assumptions");
            return this;
        }

        /**
         * @param profiles the serving-stack profiles (default: the shipped fit; {@link ServingCalibration#NONE} for
         *                 the plain hardware model)
         * @return this builder
         */
        public Builder calibration(ServingCalibration profiles) {
            this.calibration = Objects.requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * @param table the leave-one-out residuals of the calibration given (default: the shipped ones, with the
         *              shipped calibration only)
         * @return this builder
         */
        public Builder residuals(ResidualTable table) {
            this.residuals = Objects.requireNonNull(table, "table");
            return this;
        }

        /** @return the entry point; plugins load on first use */
        public SplitInfer build() {
            return new SplitInfer(this);
        }
    }
}
