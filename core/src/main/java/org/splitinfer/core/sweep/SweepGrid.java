package org.splitinfer.core.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.plan.Objective;
import org.splitinfer.core.sim.ServiceLevel;

/**
 * A sweep's grid: axes whose product is the sweep's points, and settings every point shares. Read from a YAML or
 * JSON file by {@link #read}; the schema is in the README's "Sweeps":
 *
 * <pre>{@code
 * mode: plan                         # or simulate
 * models: [llama-3.1-8b, qwen3-32b]
 * workloads: [chat, code]            # built-in names, or trace files beside the grid
 * rates: [5, 10, 20]                 # requests per second
 * slos: ["ttft=1s,tpot=50ms"]        # as --slo
 * hardware: [[h100-sxm], [gpu, lpu]] # plan: each a set of ids or families; [] for every installed one
 * deployments:                       # simulate: each a pipeline mapping (the pipeline file's schema)
 *   - {colocated: {hardware: h100-sxm, chips: 1}}
 * overrides: [[], [groq-lpu-v1.sram.capacityBytes=460e6]]   # each a list of --set ID[@NEWID].FIGURE=VALUE
 * objectives: [cost, energy]         # plan
 * attainment: 0.9                    # plan: the share of requests within the SLO
 * top: 5                             # plan: candidates verified by simulation
 * requests: 10000                    # requests each simulation runs
 * seed: 1
 * software: tensorrt-llm             # optional: the serving stack's fitted profile
 * includeProjected: false            # plan
 * allowLongContext: false
 * }</pre>
 *
 * <p>Points are numbered in the order of nested loops over models, workloads, rates, SLOs, hardware sets (or
 * deployments), overrides and objectives, the last varying fastest.
 *
 * @param mode             plan or simulate
 * @param models           catalog ids or model files
 * @param workloads        built-in names or trace files
 * @param rates            requests per second
 * @param slos             latency objectives
 * @param hardware         plan: hardware sets; simulate: empty
 * @param deployments      simulate: deployments as one-line pipeline mappings; plan: empty
 * @param overrides        lists of figure overrides
 * @param objectives       plan: what to minimise; simulate: empty
 * @param attainment       the share of requests within the SLO (plan)
 * @param top              candidates verified (plan)
 * @param requests         requests each simulation runs
 * @param seed             the simulations' seed
 * @param software         the serving stack, or empty
 * @param includeProjected whether projected parts compete (plan)
 * @param allowLongContext whether requests past the model's context window are served
 * @since 0.1
 */
public record SweepGrid(SweepMode mode, List<String> models, List<String> workloads, List<Double> rates,
                        List<ServiceLevel> slos, List<List<String>> hardware, List<String> deployments,
                        List<List<String>> overrides, List<Objective> objectives, double attainment, int top,
                        long requests, long seed, String software, boolean includeProjected,
                        boolean allowLongContext) {
    /** The most points one grid may expand to: a sweep's rows are held in memory while they are ordered. */
    public static final int MAX_POINTS = 10_000_000;

    /** Copies the axes. */
    public SweepGrid {
        models = List.copyOf(models);
        workloads = List.copyOf(workloads);
        rates = List.copyOf(rates);
        slos = List.copyOf(slos);
        hardware = hardware.stream().map(List::copyOf).toList();
        deployments = List.copyOf(deployments);
        overrides = overrides.stream().map(List::copyOf).toList();
        objectives = List.copyOf(objectives);
        software = software == null ? "" : software;
    }

    /**
     * Reads a grid file: YAML, or JSON when its name ends in {@code .json}. Trace files and model files it names
     * are found beside it.
     *
     * @param file the grid file
     * @return the grid
     * @throws SweepException naming the file and every problem at once, with the way out
     */
    public static SweepGrid read(Path file) {
        return SweepGridReader.read(file);
    }

    /**
     * Parses a grid's YAML (or JSON, which is YAML too) text.
     *
     * @param origin what messages call the text
     * @param text   the document
     * @param folder where relative trace and model paths are found
     * @return the grid
     * @throws SweepException naming every problem at once, with the way out
     */
    public static SweepGrid parse(String origin, String text, Path folder) {
        return SweepGridReader.parse(origin, text, folder, false);
    }

    /** @return the number of points: the product of the axes' lengths, {@link Long#MAX_VALUE} past it */
    public long size() {
        long[] lengths = {models.size(), workloads.size(), rates.size(), slos.size(),
                mode == SweepMode.PLAN ? hardware.size() : deployments.size(),
                mode == SweepMode.PLAN ? objectives.size() : 1, overrides.size()};
        long product = 1;
        for (long length : lengths) {
            // a grid of 600 values on each axis is past any long: saturate, so the reader's limit refuses it
            if (length != 0 && product > Long.MAX_VALUE / length) {
                return Long.MAX_VALUE;
            }
            product *= length;
        }
        return product;
    }

    /** @return the points, numbered from 0 in the nested loops' order */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>(Math.toIntExact(size()));
        boolean plan = mode == SweepMode.PLAN;
        List<List<String>> sets = plan ? hardware : List.of(List.of());
        List<String> pipelines = plan ? List.of("") : deployments;
        List<Objective> goals = plan ? objectives : java.util.Collections.singletonList(null);
        for (String model : models) {
            for (String workload : workloads) {
                for (double rate : rates) {
                    for (ServiceLevel slo : slos) {
                        for (List<String> set : sets) {
                            for (String deployment : pipelines) {
                                for (List<String> override : overrides) {
                                    for (Objective objective : goals) {
                                        points.add(new SweepPoint(points.size(), mode, model, workload, rate,
                                                slo.ttftSeconds(), slo.tpotSeconds(), set, deployment, override,
                                                objective, attainment, top, requests, seed, software,
                                                includeProjected, allowLongContext));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return points;
    }
}
