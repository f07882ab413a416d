package org.splitinfer.core.sweep;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.splitinfer.core.plan.Objective;

/**
 * One point of a sweep: everything its plan or simulation needs, in plain values so that it travels to another
 * machine (it is {@link Serializable}, for a Spark task) and gives the same row there.
 *
 * @param index                 its place in the grid's expansion, from 0: rows are written in this order
 * @param mode                  plan or simulate
 * @param model                 a catalog id or a model file's path
 * @param workload              a built-in workload's name or a trace file's path
 * @param rateRequestsPerSecond requests per second the workload arrives at
 * @param ttftSeconds           the SLO's time to first token
 * @param tpotSeconds           the SLO's time per output token
 * @param hardware              plan: the accelerator ids or families the pools may use, empty for every installed one;
 *                              simulate: empty
 * @param deployment            simulate: the deployment as a one-line pipeline mapping
 *                              ({@code {colocated: {hardware: h100-sxm, chips: 1, instances: 1}}}); plan: empty
 * @param overrides             {@code ID.FIGURE=VALUE} figure overrides of installed chips, in order; empty for none
 * @param objective             plan: what the planner minimises; simulate: null
 * @param attainment            the share of requests that must meet the SLO (plan)
 * @param top                   candidates the planner verifies (plan)
 * @param requests              requests each simulation runs
 * @param seed                  the simulations' seed
 * @param software              the serving stack whose fitted profile applies, or empty for the unknown-stack profile
 * @param includeProjected      whether projected parts compete (plan)
 * @param allowLongContext      whether requests past the model's context window are served
 * @since 0.1
 */
public record SweepPoint(int index, SweepMode mode, String model, String workload, double rateRequestsPerSecond,
                         double ttftSeconds, double tpotSeconds, List<String> hardware, String deployment,
                         List<String> overrides, Objective objective, double attainment, int top, long requests,
                         long seed, String software, boolean includeProjected, boolean allowLongContext)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists; absent text is empty. */
    public SweepPoint {
        hardware = List.copyOf(hardware);
        overrides = List.copyOf(overrides);
        deployment = deployment == null ? "" : deployment;
        software = software == null ? "" : software;
    }

    /**
     * Everything that decides the point's row but its index, one {@code name=value} a line, numbers as Java writes
     * them: two points with equal canonical text give equal rows.
     *
     * @return the canonical text
     */
    public String canonical() {
        // a unit separator between list items: no id, family or override contains one
        return "mode=" + mode + "\nmodel=" + model + "\nworkload=" + workload + "\nrate=" + rateRequestsPerSecond
                + "\nttft=" + ttftSeconds + "\ntpot=" + tpotSeconds + "\nhardware=" + String.join("\u001f", hardware)
                + "\ndeployment=" + deployment + "\noverrides=" + String.join("\u001f", overrides)
                + "\nobjective=" + objective + "\nattainment=" + attainment + "\ntop=" + top + "\nrequests="
                + requests + "\nseed=" + seed + "\nsoftware=" + software + "\nincludeProjected=" + includeProjected
                + "\nallowLongContext=" + allowLongContext + "\n";
    }

    /**
     * The point's stable key: the first 16 hex digits (64 bits) of the SHA-256 of its {@link #canonical() canonical
     * text}. The same point has the same key in every run, on every machine, whatever its index; a resumed sweep
     * skips the points whose keys its output already holds.
     *
     * @return 16 lower-case hex digits
     */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * @param newIndex the point's place in another expansion
     * @return this point at that place
     */
    public SweepPoint withIndex(int newIndex) {
        return new SweepPoint(newIndex, mode, model, workload, rateRequestsPerSecond, ttftSeconds, tpotSeconds,
                hardware, deployment, overrides, objective, attainment, top, requests, seed, software,
                includeProjected, allowLongContext);
    }
}
