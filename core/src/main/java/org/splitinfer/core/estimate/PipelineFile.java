package org.splitinfer.core.estimate;

import java.nio.file.Path;
import org.splitinfer.core.estimate.internal.PipelineYaml;

/**
 * Pipelines written as YAML. Schema (unknown keys are rejected, every problem of a file is reported at once):
 *
 * <pre>
 * # split: a prefill pool, a KV link, a decode pool
 * prefill: {hardware: h100-sxm, chips: 8, instances: 1, tp: 8, pp: 1, precision: fp8}
 * decode:  {hardware: groq-lpu-v1, chips: auto, precision: int8}
 * link: infiniband-ndr-400g        # optional: the catalog's default
 * layerStreaming: false            # optional
 *
 * # or colocated: one pool runs both phases
 * colocated: {hardware: tt-wormhole-galaxy, chips: 32, precision: bfp8}
 * </pre>
 *
 * A pool: {@code hardware} (required), {@code chips} (a count or {@code auto}, default {@code auto}),
 * {@code instances} (default 1), {@code tp} and {@code pp} (default: chosen by the estimator), {@code precision}
 * (the CLI syntax; default: the hardware's preferred format).
 */
public final class PipelineFile {
    private PipelineFile() {
    }

    /**
     * Reads a pipeline file.
     *
     * @param file the YAML file
     * @return the pipeline
     * @throws EstimateException naming the file, the key and the fix, for every problem at once
     */
    public static PipelineSpec read(Path file) {
        return PipelineYaml.read(file);
    }

    /**
     * Parses pipeline YAML text.
     *
     * @param origin name for messages
     * @param yaml   the text
     * @return the pipeline
     * @throws EstimateException naming the origin, the key and the fix, for every problem at once
     */
    public static PipelineSpec parse(String origin, String yaml) {
        return PipelineYaml.parse(origin, yaml);
    }
}
