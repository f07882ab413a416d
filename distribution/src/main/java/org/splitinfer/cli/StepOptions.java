package org.splitinfer.cli;

import org.splitinfer.core.input.Limits;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that describe one phase step of a model: shared by {@code kernels} and {@code roofline}.
 *
 * <p>Prefill: {@code --batch} sequences each bring {@code --tokens} new tokens after {@code --context} tokens
 * already in their KV cache (0 for a fresh prompt; more for chunked prefill or a cached prefix). Decode:
 * {@code --batch} sequences each bring one new token at a context of {@code --context}; {@code --tokens} may be
 * left out or given as 1, any other value is an error. A sequence's context and new tokens together stay within the
 * model's context window unless {@code --allow-long-context}, and every count within core's {@link Limits}.
 */
final class StepOptions {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "A catalog id (see 'splitinfer models') or a path to a Hugging Face config.json.")
    String model;

    @Option(names = "--phase", paramLabel = "PHASE", description = "prefill or decode.")
    Phase phase;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", converter = NumericFlags.Sequences.class,
            description = "Sequences in the step, 1 to 1,048,576 (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--tokens", paramLabel = "N", converter = NumericFlags.Tokens.class,
            description = "New tokens per sequence, 1 to 16,777,216: required for prefill; 1 or left out for decode.")
    Long tokens;

    @Option(names = "--context", paramLabel = "C", defaultValue = "0", converter = NumericFlags.ContextTokens.class,
            description = "Tokens already in each sequence's KV cache, 0 to 16,777,216 (default: ${DEFAULT-VALUE}).")
    long context;

    @Option(names = "--tp", paramLabel = "T", defaultValue = "1", converter = NumericFlags.Degree.class,
            description = "Tensor-parallel degree, 1 to 1,048,576 (default: ${DEFAULT-VALUE}).")
    int tensor;

    @Option(names = "--pp", paramLabel = "P", defaultValue = "1", converter = NumericFlags.Degree.class,
            description = "Pipeline stages; the heaviest (last) stage is shown (default: ${DEFAULT-VALUE}).")
    int pipeline;

    @Option(names = "--ep", paramLabel = "E", defaultValue = "1", converter = NumericFlags.Degree.class,
            description = "Expert-parallel degree, at most --tp (default: ${DEFAULT-VALUE}).")
    int expert;

    @Option(names = "--allow-long-context",
            description = "Let --context plus --tokens exceed the model's context window (a what-if).")
    boolean allowLongContext;

    @Option(names = "--precision", paramLabel = "FORMATS",
            description = "One format (fp8) or pairs (weights=fp4,activations=fp8,kv=fp8, and a tensor group's"
                    + " weights such as dense_mlp=bfp4); keys left out keep the model's native formats (the"
                    + " default).")
    String precision;

    /** @return the phase, which must be given */
    Phase phase(CommandLine commandLine) {
        if (phase == null) {
            throw new ParameterException(commandLine, "--phase is required with --model: give prefill or decode");
        }
        return phase;
    }

    /** @return the step's sequences, validated */
    StepBatch batch(CommandLine commandLine) {
        Phase chosen = phase(commandLine);
        if (chosen == Phase.DECODE) {
            if (tokens != null && tokens != 1) {
                throw new ParameterException(commandLine, "--tokens must be 1 or left out for --phase decode (a"
                        + " decode step brings one new token per sequence), got " + tokens
                        + "; use --phase prefill for " + tokens + " new tokens");
            }
            return StepBatch.decode(batch, context);
        }
        if (tokens == null) {
            throw new ParameterException(commandLine, "--tokens is required for --phase prefill: give the new"
                    + " tokens each sequence brings");
        }
        if (!Limits.within(tokens, 1, Limits.MAX_TOKENS - context)) {
            throw new ParameterException(commandLine, Limits.outOfRange("--tokens", tokens, 1,
                    Limits.MAX_TOKENS - context) + " (--context plus --tokens is at most "
                    + Limits.count(Limits.MAX_TOKENS) + ")");
        }
        if (batch * tokens > Limits.MAX_STEP_TOKENS) {
            throw new ParameterException(commandLine, "--batch × --tokens = " + Limits.count(batch * tokens)
                    + " new tokens in one step, more than the " + Limits.count(Limits.MAX_STEP_TOKENS)
                    + " SplitInfer models; lower --batch or --tokens");
        }
        return StepBatch.prefill(batch, tokens, context);
    }

    /**
     * The step's context (prior and new tokens of a sequence) within the model's context window, unless
     * {@code --allow-long-context}.
     */
    void requireContextWindow(CommandLine commandLine, ModelSpec spec) {
        long sequenceTokens = context + (tokens == null ? 1 : tokens);
        if (!allowLongContext && sequenceTokens > spec.contextWindowTokens()) {
            throw new ParameterException(commandLine, "--context + --tokens = " + Limits.count(sequenceTokens)
                    + " tokens exceed the " + Limits.count(spec.contextWindowTokens()) + "-token context window of '"
                    + spec.id() + "'; lower them or pass --allow-long-context");
        }
    }

    /** @return the layout, validated against the model */
    ParallelLayout layout(CommandLine commandLine, ModelSpec spec) {
        if (expert > 1 && !spec.isMixtureOfExperts()) {
            throw new ParameterException(commandLine, "--ep spreads the experts of a mixture-of-experts model, and"
                    + " model '" + spec.id() + "' has none; drop --ep");
        }
        if (expert > tensor) {
            throw new ParameterException(commandLine, "--ep " + expert + " exceeds --tp " + tensor
                    + ": experts are spread over the tensor-parallel chips of one replica");
        }
        if (pipeline > spec.layers()) {
            throw new ParameterException(commandLine, "--pp " + pipeline + " exceeds the " + spec.layers()
                    + " layers of model '" + spec.id() + "'");
        }
        return new ParallelLayout(tensor, pipeline, expert, 1);
    }

    /** @return the formats: the model's native ones, with what {@code --precision} names in their place */
    ModelPrecision precision(ModelSpec spec) {
        return precision == null ? spec.nativePrecision() : ModelPrecision.parse(precision, spec.nativePrecision());
    }
}
