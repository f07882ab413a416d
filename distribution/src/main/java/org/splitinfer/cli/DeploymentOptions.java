package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
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

    @Option(names = "--prefill-instances", paramLabel = "N", converter = PositiveInteger.class,
            description = "Prefill instances (default: 1).")
    Integer prefillInstances;

    @Option(names = "--decode-instances", paramLabel = "N", converter = PositiveInteger.class,
            description = "Decode instances (default: 1).")
    Integer decodeInstances;

    @Option(names = "--instances", paramLabel = "N", converter = PositiveInteger.class,
            description = "Instances of a colocated pool (default: 1).")
    Integer instances;

    @Option(names = "--prefill-tp", paramLabel = "T", converter = PositiveInteger.class,
            description = "Prefill tensor parallelism (default: chosen by the tool).")
    Integer prefillTensor;

    @Option(names = "--prefill-pp", paramLabel = "P", converter = PositiveInteger.class,
            description = "Prefill pipeline stages (default: chosen by the tool).")
    Integer prefillPipeline;

    @Option(names = "--decode-tp", paramLabel = "T", converter = PositiveInteger.class,
            description = "Decode tensor parallelism (default: chosen by the tool).")
    Integer decodeTensor;

    @Option(names = "--decode-pp", paramLabel = "P", converter = PositiveInteger.class,
            description = "Decode pipeline stages (default: chosen by the tool).")
    Integer decodePipeline;

    @Option(names = "--tp", paramLabel = "T", converter = PositiveInteger.class,
            description = "Tensor parallelism of a colocated pool (default: chosen by the tool).")
    Integer tensor;

    @Option(names = "--pp", paramLabel = "P", converter = PositiveInteger.class,
            description = "Pipeline stages of a colocated pool (default: chosen by the tool).")
    Integer pipeline;

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

    /** @return whether instance counts were given as flags (a pipeline file's are read from it) */
    boolean instancesGiven() {
        return prefillInstances != null || decodeInstances != null || instances != null;
    }

    /** @return whether the deployment comes from a pipeline file, whose keys name its fields */
    boolean fromFile() {
        return pipelineFile != null;
    }

    PipelineSpec pipeline() {
        if (pipelineFile != null) {
            if (hardware != null || prefill != null || decode != null) {
                throw new SplitInferException("give either --pipeline FILE or the pools as options, not both");
            }
            List<String> ignored = given(List.of("--prefill-instances", "--decode-instances", "--instances",
                    "--prefill-tp", "--prefill-pp", "--decode-tp", "--decode-pp", "--tp", "--pp", "--precision",
                    "--prefill-precision", "--decode-precision", "--link"), prefillInstances, decodeInstances,
                    instances, prefillTensor, prefillPipeline, decodeTensor, decodePipeline, tensor, pipeline,
                    precision, prefillPrecision, decodePrecision, link);
            if (!ignored.isEmpty() || layerStreaming) {
                throw new SplitInferException("--pipeline FILE describes the whole deployment, so "
                        + String.join(", ", layerStreaming ? append(ignored, "--layer-streaming") : ignored)
                        + " would be ignored; write them in the file instead");
            }
            return PipelineFile.read(pipelineFile);
        }
        if (hardware != null) {
            if (prefill != null || decode != null) {
                throw new SplitInferException("give either --hardware HW:N (colocated) or --prefill HW:N and --decode"
                        + " HW:N (split), not both");
            }
            List<String> splitOnly = given(List.of("--prefill-instances", "--decode-instances", "--prefill-tp",
                    "--prefill-pp", "--decode-tp", "--decode-pp", "--prefill-precision", "--decode-precision",
                    "--link"), prefillInstances, decodeInstances, prefillTensor, prefillPipeline, decodeTensor,
                    decodePipeline, prefillPrecision, decodePrecision, link);
            if (!splitOnly.isEmpty() || layerStreaming) {
                throw new SplitInferException(String.join(", ", layerStreaming ? append(splitOnly,
                        "--layer-streaming") : splitOnly) + " belong to a split deployment (--prefill and --decode);"
                        + " a colocated pool takes --instances, --tp, --pp and --precision");
            }
            return PipelineSpec.colocated(pool(hardware, instances, tensor, pipeline, precision));
        }
        if (prefill == null || decode == null) {
            throw new SplitInferException("a deployment needs --hardware HW:N (colocated) or both --prefill HW:N and"
                    + " --decode HW:N (split)");
        }
        List<String> colocatedOnly = given(List.of("--instances", "--tp", "--pp"), instances, tensor, pipeline);
        if (!colocatedOnly.isEmpty()) {
            throw new SplitInferException(String.join(", ", colocatedOnly) + " belong to a colocated deployment"
                    + " (--hardware); a split one takes --prefill-instances, --prefill-tp, --prefill-pp and their"
                    + " --decode-* counterparts");
        }
        PoolSpec prefillPool = pool(prefill, prefillInstances, prefillTensor, prefillPipeline,
                prefillPrecision != null ? prefillPrecision : precision);
        PoolSpec decodePool = pool(decode, decodeInstances, decodeTensor, decodePipeline,
                decodePrecision != null ? decodePrecision : precision);
        return new PipelineSpec.Split(prefillPool, decodePool, link, layerStreaming);
    }

    private static PoolSpec pool(ChipsArgument chips, Integer instances, Integer tensor, Integer pipeline,
                                 String precision) {
        return new PoolSpec(chips.hardware(), chips.chips(), instances == null ? 1 : instances, optional(tensor),
                optional(pipeline), precision);
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static List<String> given(List<String> names, Object... values) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (values[i] != null) {
                given.add(names.get(i));
            }
        }
        return given;
    }

    private static List<String> append(List<String> names, String name) {
        List<String> all = new ArrayList<>(names);
        all.add(name);
        return all;
    }
}
