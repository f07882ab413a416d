package org.splitinfer.cli;

import java.nio.file.Path;
import org.splitinfer.core.estimate.PipelineFile;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.error.SplitInferException;
import picocli.CommandLine.Option;

/**
 * How a deployment is spelled on the command line, shared by {@code estimate}, {@code compare --deployment} and
 * the deployment files: {@code --prefill HW:N --decode HW:N} for a split pipeline, {@code --hardware HW:N} for a
 * colocated one.
 */
final class DeploymentOptions {
    @Option(names = "--prefill", paramLabel = "HW:N", converter = ChipsArgument.Converter.class,
            description = "Prefill pool: accelerator and chips per instance (N or auto).")
    ChipsArgument prefill;

    @Option(names = "--decode", paramLabel = "HW:N", converter = ChipsArgument.Converter.class,
            description = "Decode pool: accelerator and chips per instance (N or auto).")
    ChipsArgument decode;

    @Option(names = "--hardware", paramLabel = "HW:N", converter = ChipsArgument.Converter.class,
            description = "One pool for both phases (colocated): accelerator and chips per instance (N or auto).")
    ChipsArgument hardware;

    @Option(names = "--prefill-instances", paramLabel = "N", defaultValue = "1", description = "Prefill instances.")
    int prefillInstances;

    @Option(names = "--decode-instances", paramLabel = "N", defaultValue = "1", description = "Decode instances.")
    int decodeInstances;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Instances of a colocated pool.")
    int instances;

    @Option(names = "--prefill-tp", paramLabel = "T", defaultValue = "0", description = "Prefill tensor parallelism.")
    int prefillTensor;

    @Option(names = "--prefill-pp", paramLabel = "P", defaultValue = "0", description = "Prefill pipeline stages.")
    int prefillPipeline;

    @Option(names = "--decode-tp", paramLabel = "T", defaultValue = "0", description = "Decode tensor parallelism.")
    int decodeTensor;

    @Option(names = "--decode-pp", paramLabel = "P", defaultValue = "0", description = "Decode pipeline stages.")
    int decodePipeline;

    @Option(names = "--tp", paramLabel = "T", defaultValue = "0",
            description = "Tensor parallelism of a colocated pool (default: chosen by the tool).")
    int tensor;

    @Option(names = "--pp", paramLabel = "P", defaultValue = "0",
            description = "Pipeline stages of a colocated pool (default: chosen by the tool).")
    int pipeline;

    @Option(names = "--precision", paramLabel = "P",
            description = "Formats of every pool: fp8, or weights=fp4,activations=fp8,kv=fp8 (default: the"
                    + " hardware's preferred format).")
    String precision;

    @Option(names = "--prefill-precision", paramLabel = "P", description = "Formats of the prefill pool.")
    String prefillPrecision;

    @Option(names = "--decode-precision", paramLabel = "P", description = "Formats of the decode pool.")
    String decodePrecision;

    @Option(names = "--link", paramLabel = "LINK",
            description = "KV link between the pools: nvlink-4, infiniband-ndr-400g (default), roce-400g,"
                    + " ethernet-400g, ethernet-100g, pcie-5-x16.")
    String link;

    @Option(names = "--layer-streaming", description = "Stream the KV cache layer by layer during prefill.")
    boolean layerStreaming;

    @Option(names = "--pipeline", paramLabel = "FILE",
            description = "The deployment as a YAML file (prefill/decode pools, or a colocated one; schema in the"
                    + " README) instead of --prefill/--decode/--hardware.")
    Path pipelineFile;

    @Option(names = "--software", paramLabel = "STACK",
            description = "The serving stack whose fitted profile applies (tensorrt-llm, splitwise-profile-2023,"
                    + " vendor-api, ...; see 'splitinfer calibrate'); default: the profile for unknown stacks.")
    String software;

    PipelineSpec pipeline() {
        if (pipelineFile != null) {
            if (hardware != null || prefill != null || decode != null) {
                throw new SplitInferException("give either --pipeline FILE or the pools as options, not both");
            }
            return PipelineFile.read(pipelineFile);
        }
        if (hardware != null) {
            if (prefill != null || decode != null) {
                throw new SplitInferException("give either --hardware HW:N (colocated) or --prefill HW:N and --decode"
                        + " HW:N (split), not both");
            }
            return new PipelineSpec.Colocated(new PoolSpec(hardware.hardware(), hardware.chips(), instances, tensor,
                    pipeline, precision));
        }
        if (prefill == null || decode == null) {
            throw new SplitInferException("a deployment needs --hardware HW:N (colocated) or both --prefill HW:N and"
                    + " --decode HW:N (split)");
        }
        PoolSpec prefillPool = new PoolSpec(prefill.hardware(), prefill.chips(), prefillInstances, prefillTensor,
                prefillPipeline, prefillPrecision != null ? prefillPrecision : precision);
        PoolSpec decodePool = new PoolSpec(decode.hardware(), decode.chips(), decodeInstances, decodeTensor,
                decodePipeline, decodePrecision != null ? decodePrecision : precision);
        return new PipelineSpec.Split(prefillPool, decodePool, link, layerStreaming);
    }
}
