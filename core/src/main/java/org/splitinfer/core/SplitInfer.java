package org.splitinfer.core;

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
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.Planner;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.sim.Simulator;

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
        return Optional.of(new ErrorBands(table, calibration, id -> registry.get(id).spec().family()));
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

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    HardwareRegistry registry = new HardwareLoader().load(searchPath);
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
        private ResidualTable residuals;

        private Builder() {
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
