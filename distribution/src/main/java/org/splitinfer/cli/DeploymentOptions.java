package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.splitinfer.core.estimate.PipelineFile;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.error.SplitInferException;
import picocli.CommandLine.Option;

/**
 * How a deployment is spelled on the command line, shared by {@code estimate}, {@code simulate}, {@code compare
 * --deployment} and the deployment files: {@code --prefill HW:N --decode HW:N} for a split pipeline,
 * {@code --hardware HW:N} for a colocated one, or {@code --pipeline FILE}. A flag that the chosen deployment cannot
 * use is refused, never ignored.
 */
final class DeploymentOptions {
    @Option(names = "--prefill", paramLabel = "HW:N", converter = ChipsArgument.Converter.class,
            description = "Prefill pool: accelerator (an id or its unique beginning) and chips per instance (N or"
                    + " auto).")
    ChipsArgument prefill;

    @Option(names = "--decode", paramLabel = "HW:N", converter = ChipsArgument.Converter.class,
            description = "Decode pool: accelerator and chips per instance (N or auto).")
    ChipsArgument decode;

    @Option(names = "--hardware", paramLabel = "HW:N", converter = ChipsArgument.Converter.class,
            description = "One pool for both phases (colocated): accelerator and chips per instance (N or auto).")
    ChipsArgument hardware;

    @Option(names = "--prefill-instances", paramLabel = "N", converter = NumericFlags.Instances.class,
            description = "Prefill instances, 1 to 1,048,576 (default: 1).")
    Integer prefillInstances;

    @Option(names = "--decode-instances", paramLabel = "N", converter = NumericFlags.Instances.class,
            description = "Decode instances, 1 to 1,048,576 (default: 1).")
    Integer decodeInstances;

    @Option(names = "--instances", paramLabel = "N", converter = NumericFlags.Instances.class,
            description = "Instances of a colocated pool, 1 to 1,048,576 (default: 1).")
    Integer instances;

    @Option(names = "--prefill-tp", paramLabel = "T|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Prefill tensor parallelism (default: auto, the tool's choice).")
    OptionalInt prefillTensor;

    @Option(names = "--prefill-pp", paramLabel = "P|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Prefill pipeline stages (default: auto).")
    OptionalInt prefillPipeline;

    @Option(names = "--decode-tp", paramLabel = "T|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Decode tensor parallelism (default: auto).")
    OptionalInt decodeTensor;

    @Option(names = "--decode-pp", paramLabel = "P|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Decode pipeline stages (default: auto).")
    OptionalInt decodePipeline;

    @Option(names = "--tp", paramLabel = "T|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Tensor parallelism of a colocated pool (default: auto).")
    OptionalInt tensor;

    @Option(names = "--pp", paramLabel = "P|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Pipeline stages of a colocated pool (default: auto).")
    OptionalInt pipeline;

    @Option(names = "--precision", paramLabel = "P",
            description = "Formats of every pool: fp8, or weights=fp4,activations=fp8,kv=fp8, with a tensor"
                    + " group's weights named apart (dense_mlp=bfp4) (default: the hardware's preferred format).")
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

    @Option(names = "--pipeline", paramLabel = "FILE", converter = PathFlags.InputFile.class,
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

    /** @return whether any pool has {@code auto} chips, which the tool sizes */
    static boolean hasAutoPool(PipelineSpec pipeline) {
        if (pipeline instanceof PipelineSpec.Split split) {
            return split.prefill().autoChips() || split.decode().autoChips();
        }
        return pipeline instanceof PipelineSpec.Colocated colocated && colocated.pool().autoChips();
    }

    /**
     * @param hardwareIds turns what the user typed for an accelerator (an id, or its unique beginning) into its id
     * @return the deployment the flags describe
     * @throws SplitInferException when they describe none, or give a flag it cannot use
     */
    PipelineSpec pipeline(UnaryOperator<String> hardwareIds) {
        if (pipelineFile != null) {
            if (hardware != null || prefill != null || decode != null) {
                throw new SplitInferException("give either --pipeline FILE or the pools as options, not both");
            }
            List<String> ignored = given(List.of("--prefill-instances", "--decode-instances", "--instances",
                    "--prefill-tp", "--prefill-pp", "--decode-tp", "--decode-pp", "--tp", "--pp", "--precision",
                    "--prefill-precision", "--decode-precision", "--link"), prefillInstances, decodeInstances,
                    instances, prefillTensor, prefillPipeline, decodeTensor, decodePipeline, tensor, pipeline,
                    precision, prefillPrecision, decodePrecision, link);
            if (layerStreaming) {
                ignored.add("--layer-streaming");
            }
            if (!ignored.isEmpty()) {
                throw new SplitInferException("--pipeline FILE describes the whole deployment, so "
                        + String.join(", ", ignored) + " would be ignored; write them in the file instead");
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
            if (layerStreaming) {
                splitOnly.add("--layer-streaming");
            }
            if (!splitOnly.isEmpty()) {
                throw new SplitInferException(String.join(", ", splitOnly) + " belong to a split deployment"
                        + " (--prefill and --decode); a colocated pool takes --instances, --tp, --pp and --precision");
            }
            return PipelineSpec.colocated(pool(hardware, hardwareIds, instances, tensor, pipeline, precision));
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
        if (precision != null && prefillPrecision != null && decodePrecision != null) {
            throw new SplitInferException("--precision would be ignored: --prefill-precision and --decode-precision"
                    + " set the formats of both pools; drop one of the three");
        }
        PoolSpec prefillPool = pool(prefill, hardwareIds, prefillInstances, prefillTensor, prefillPipeline,
                prefillPrecision != null ? prefillPrecision : precision);
        PoolSpec decodePool = pool(decode, hardwareIds, decodeInstances, decodeTensor, decodePipeline,
                decodePrecision != null ? decodePrecision : precision);
        return new PipelineSpec.Split(prefillPool, decodePool, link, layerStreaming);
    }

    private static PoolSpec pool(ChipsArgument chips, UnaryOperator<String> hardwareIds, Integer instances,
                                 OptionalInt tensor, OptionalInt pipeline, String precision) {
        return new PoolSpec(hardwareIds.apply(chips.hardware()), chips.chips(), instances == null ? 1 : instances,
                tensor == null ? OptionalInt.empty() : tensor, pipeline == null ? OptionalInt.empty() : pipeline,
                precision);
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
}
