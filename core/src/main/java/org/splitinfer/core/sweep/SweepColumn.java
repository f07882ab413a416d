package org.splitinfer.core.sweep;

import java.util.List;

/**
 * One column of a sweep's rows: its name (snake case, units in the name) and the kind of its values, which CSV
 * writes as text and Parquet and Spark keep typed.
 *
 * @param name the column's name
 * @param type what its values are
 * @since 0.1
 */
public record SweepColumn(String name, Type type) {
    /** The kind of a column's values; every column may also be empty (null). */
    public enum Type {
        /** Text ({@link String}). */
        TEXT,
        /** A whole number ({@link Long}). */
        INTEGER,
        /** A real number ({@link Double}). */
        REAL
    }

    /** The columns of every row, in order: the point's parameters, then what its plan or simulation gave. */
    public static final List<SweepColumn> ALL = List.of(
            new SweepColumn("index", Type.INTEGER),
            new SweepColumn("key", Type.TEXT),
            new SweepColumn("mode", Type.TEXT),
            new SweepColumn("model", Type.TEXT),
            new SweepColumn("workload", Type.TEXT),
            new SweepColumn("rate_requests_per_second", Type.REAL),
            new SweepColumn("slo_ttft_seconds", Type.REAL),
            new SweepColumn("slo_tpot_seconds", Type.REAL),
            new SweepColumn("hardware", Type.TEXT),
            new SweepColumn("overrides", Type.TEXT),
            new SweepColumn("objective", Type.TEXT),
            new SweepColumn("requests", Type.INTEGER),
            new SweepColumn("seed", Type.INTEGER),
            new SweepColumn("status", Type.TEXT),
            new SweepColumn("message", Type.TEXT),
            new SweepColumn("deployment", Type.TEXT),
            new SweepColumn("kind", Type.TEXT),
            new SweepColumn("prefill_hardware", Type.TEXT),
            new SweepColumn("decode_hardware", Type.TEXT),
            new SweepColumn("chips", Type.INTEGER),
            new SweepColumn("ttft_p90_seconds", Type.REAL),
            new SweepColumn("tpot_p90_seconds", Type.REAL),
            new SweepColumn("slo_attainment", Type.REAL),
            new SweepColumn("goodput_requests_per_second", Type.REAL),
            new SweepColumn("usd_per_million_tokens", Type.REAL),
            new SweepColumn("tokens_per_joule", Type.REAL),
            new SweepColumn("wall_kilowatts", Type.REAL),
            new SweepColumn("usd_per_hour", Type.REAL),
            new SweepColumn("bottleneck", Type.TEXT),
            new SweepColumn("considered", Type.INTEGER),
            new SweepColumn("simulated", Type.INTEGER));

    /** @return the names of {@link #ALL}, in order */
    public static List<String> names() {
        return ALL.stream().map(SweepColumn::name).toList();
    }
}
