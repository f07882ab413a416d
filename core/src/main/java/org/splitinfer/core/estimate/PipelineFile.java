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
 * (the CLI syntax; default: the hardware's preferred format), {@code maxBatch} (a decoding pool's batch cap) and
 * {@code chunkTokens} (a prefilling pool's chunked-prefill budget), both optional.
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

    /**
     * A pipeline as the YAML this class reads: {@code read} of what this writes gives an equal pipeline.
     *
     * @param pipeline the pipeline
     * @return the document
     */
    public static String render(PipelineSpec pipeline) {
        StringBuilder yaml = new StringBuilder();
        if (pipeline instanceof PipelineSpec.Split split) {
            yaml.append("prefill: ").append(pool(split.prefill())).append('\n');
            yaml.append("decode: ").append(pool(split.decode())).append('\n');
            if (split.link() != null) {
                yaml.append("link: ").append(split.link()).append('\n');
            }
            if (split.layerStreaming()) {
                yaml.append("layerStreaming: true\n");
            }
        } else {
            yaml.append("colocated: ").append(pool(((PipelineSpec.Colocated) pipeline).pool())).append('\n');
        }
        return yaml.toString();
    }

    private static String pool(PoolSpec pool) {
        StringBuilder text = new StringBuilder("{hardware: ").append(pool.hardware());
        text.append(", chips: ").append(pool.chipsPerInstance().isPresent()
                ? String.valueOf(pool.chipsPerInstance().getAsInt()) : "auto");
        text.append(", instances: ").append(pool.instances());
        pool.tensor().ifPresent(tensor -> text.append(", tp: ").append(tensor));
        pool.pipeline().ifPresent(stages -> text.append(", pp: ").append(stages));
        if (pool.precision() != null) {
            text.append(", precision: \"").append(pool.precision()).append('"');
        }
        pool.maxBatch().ifPresent(batch -> text.append(", maxBatch: ").append(batch));
        pool.chunkTokens().ifPresent(tokens -> text.append(", chunkTokens: ").append(tokens));
        return text.append('}').toString();
    }
}
