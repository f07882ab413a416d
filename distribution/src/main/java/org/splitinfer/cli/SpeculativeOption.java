package org.splitinfer.cli;

import java.util.function.Function;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.model.ModelSpec;
import picocli.CommandLine.Option;

/**
 * {@code --speculative [SPEC]}, shared by the commands that price a deployment's decoding ({@code estimate},
 * {@code simulate}, {@code plan}): the decoding pool's option, also on a pipeline file's, adding to the deployment and
 * overriding nothing.
 */
final class SpeculativeOption {

    @Option(names = "--speculative", arity = "0..1", fallbackValue = "", paramLabel = "SPEC",
            converter = SpeculativeArgument.Converter.class,
            description = "Decode speculatively: draft=MODEL|heads[:N],tokens=K,acceptance=A, each optional (default:"
                    + " heads of 1 decoder layer, 4 tokens per step, acceptance 0.75, assumed; see the README). The"
                    + " draft runs on the decode pool's chips.")
    private SpeculativeArgument speculative;

    /**
     * @param pipeline the deployment
     * @param models   resolves a draft model's id or config path
     * @return the deployment, its decoding pool speculative when the flag is given
     */
    PipelineSpec apply(PipelineSpec pipeline, Function<String, ModelSpec> models) {
        return speculative == null ? pipeline : pipeline.withSpeculative(speculative.resolve(models));
    }

    /**
     * Refuses a draft that cannot serve the target, before any deployment is tried.
     *
     * @param target the model
     * @param models resolves a draft model's id or config path
     */
    void requireDraftFor(ModelSpec target, Function<String, ModelSpec> models) {
        SpeculativeDecoding resolved = resolve(models);
        if (resolved != null) {
            resolved.requireDraftFor(target, "decode.speculative.draft");
        }
    }

    /**
     * @param models resolves a draft model's id or config path
     * @return the speculative decoding the flag asks for, or null when it is not given
     */
    SpeculativeDecoding resolve(Function<String, ModelSpec> models) {
        return speculative == null ? null : speculative.resolve(models);
    }
}
