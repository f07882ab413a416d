package org.splitinfer.core.estimate;

import org.splitinfer.core.cost.ProfileSource;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.spi.Precision;

/**
 * One choice or assumption an {@link Estimate}'s figures rest on, as typed data: the caller (the command-line tool,
 * a report) words it. Each kind is a record with its figures and what it rests on ({@link #basis()}).
 *
 * @since 0.1
 */
public sealed interface Assumption {

    /** @return what the assumption rests on */
    AssumptionBasis basis();

    /**
     * The serving-stack profile applied to every step on one accelerator family (fitted by the calibration).
     *
     * @param software              the stack named, or null when none was
     * @param family                the accelerator family the profile is for
     * @param source                where the profile comes from
     * @param profileStack          the stack whose profile applies (the family's usual stack for
     *                              {@link ProfileSource#FAMILY_STACK}, the named one otherwise), or null
     * @param kernelEfficiency      fraction of the modelled kernel speed (in decode steps, and in prefill steps
     *                              unless {@code prefillKernelEfficiency} differs)
     * @param stepOverheadSeconds   fixed seconds per step
     * @param prefillKernelEfficiency fraction of the modelled kernel speed in prefill steps
     * @param sequenceSeconds       seconds a decode step adds per sequence in it
     * @param ringStepSeconds       seconds each dependent step of a ring collective adds
     * @param layerSeconds          seconds the stack's program adds for each decoder layer a step runs through
     * @param attentionEfficiency   the most of the chip's peak compute the stack's attention kernel reaches (1: no
     *                              cap)
     */
    record StackProfileApplied(String software, String family, ProfileSource source, String profileStack,
                               double kernelEfficiency, double stepOverheadSeconds, double prefillKernelEfficiency,
                               double sequenceSeconds, double ringStepSeconds, double layerSeconds,
                               double attentionEfficiency)
            implements Assumption {
        /**
         * One kernel efficiency for both phases.
         *
         * @param software            the stack named, or null
         * @param family              the accelerator family
         * @param source              where the profile comes from
         * @param profileStack        the stack whose profile applies, or null
         * @param kernelEfficiency    fraction of the modelled kernel speed
         * @param stepOverheadSeconds fixed seconds per step
         */
        public StackProfileApplied(String software, String family, ProfileSource source, String profileStack,
                                   double kernelEfficiency, double stepOverheadSeconds) {
            this(software, family, source, profileStack, kernelEfficiency, stepOverheadSeconds, kernelEfficiency, 0,
                    0, 0, 1);
        }

        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.CALIBRATION;
        }
    }

    /**
     * The formats of a pool that named none, by the default-format rule.
     *
     * @param role     the pool
     * @param hardware its chip
     * @param choice   the formats and the rule that chose them
     */
    record DefaultFormatsChosen(PoolRole role, String hardware, FormatChoice choice) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * The chips per instance of a pool given as {@code auto}.
     *
     * @param role                the pool
     * @param hardware            its chip
     * @param chips               chips per instance chosen: the fewest that hold the footprint and that a runnable
     *                            layout uses exactly
     * @param memoryChips         the fewest whose full-speed memory holds the footprint
     * @param weightBytes         the model's weights
     * @param sequences           sequences whose KV cache the footprint holds
     * @param contextTokens       tokens of each of those sequences
     */
    record AutoChips(PoolRole role, String hardware, int chips, int memoryChips, double weightBytes, int sequences,
                     long contextTokens) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * The layout the search chose for a pool that gave none.
     *
     * @param role     the pool
     * @param tensor   tensor-parallel degree
     * @param pipeline pipeline stages
     * @param chips    chips per instance
     * @param goal     what the search minimised
     */
    record LayoutChosen(PoolRole role, int tensor, int pipeline, int chips, LayoutGoal goal) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * How the KV cache of one prompt crosses from the prefill pool to the decode pool.
     *
     * @param promptTokens   tokens of the prompt
     * @param kvBytes        its KV cache at the prefill pool's format
     * @param link           the link type (its bandwidth, latency and source)
     * @param bytesPerSecond the bandwidth the transfer gets: the link, or either end's NICs together if slower
     */
    record KvTransfer(long promptTokens, double kvBytes, KvLink link, double bytesPerSecond) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.SOURCED_FIGURE;
        }
    }

    /** The KV cache streams layer by layer during prefill: only what outlasts the prefill is exposed. */
    record LayerStreaming() implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * The pools keep the KV cache in different formats: the decode side converts it on arrival, reading and
     * writing it once at its full-speed memory bandwidth.
     *
     * @param from    the prefill pool's KV format
     * @param to      the decode pool's KV format
     * @param seconds the conversion's time per request
     */
    record KvConversion(Precision from, Precision to, double seconds) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * A pool's memory holds fewer sequences than the requests in flight ask of it: the rest wait.
     *
     * @param role              the pool
     * @param maxBatch          sequences one instance holds
     * @param waitingRequests   requests that wait
     * @param concurrency       requests in flight
     */
    record MemoryLimitedBatch(PoolRole role, int maxBatch, long waitingRequests, int concurrency)
            implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * A colocated pool runs continuous batching with chunked prefill: prompts and decode steps time-share its chips,
     * and the time per output token excludes prefill stalls.
     */
    record ColocatedBatching() implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.RULE;
        }
    }

    /**
     * A pool decodes speculatively ({@link SpeculativeDecoding}): each step, the draft proposes {@code tokens} tokens
     * in as many passes and the target verifies them in one; a step emits {@code tokensPerStep} tokens on average.
     *
     * @param role             the pool
     * @param draftModel       the draft model's id, or null for heads built into the target
     * @param headLayers       decoder layers the heads add, or 0 for a draft model
     * @param tokens           tokens proposed per step
     * @param acceptance       the probability that the target accepts one proposed token (assumed)
     * @param tokensPerStep    tokens a step emits on average, {@code (1 − α^(k+1)) ÷ (1 − α)}
     * @param verifySeconds    the target's verification pass over {@code tokens + 1} tokens per sequence
     * @param draftPassSeconds one of the draft's passes
     * @param draftChips       chips of the instance the draft runs on
     * @param draftTensor      the draft's tensor-parallel degree
     * @param draftPipeline    the draft's pipeline stages
     * @param draftWeightBytes weights the draft adds to the instance's memory
     */
    record SpeculativeDecodingApplied(PoolRole role, String draftModel, int headLayers, int tokens,
                                      double acceptance, double tokensPerStep, double verifySeconds,
                                      double draftPassSeconds, int draftChips, int draftTensor, int draftPipeline,
                                      double draftWeightBytes) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.ASSUMED_FIGURE;
        }
    }

    /**
     * A figure of a pool's chip that the user set ({@code --set}, {@link org.splitinfer.core.hardware.FigureOverride}):
     * the chip's plugin modelled it from the changed sheet, so every figure of the estimate rests on it.
     *
     * @param hardware   the chip
     * @param figure     the figure's name
     * @param value      the value set
     * @param assumption the figure's assumption: the user's change and the sheet's own value
     * @since 0.2
     */
    record UserSetFigure(String hardware, String figure, double value, String assumption) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.ASSUMED_FIGURE;
        }
    }

    /**
     * How chips are paid for.
     *
     * @param cost the lifetime, electricity price and PUE (each with its source on {@link CostAssumptions})
     */
    record CostBasis(CostAssumptions cost) implements Assumption {
        @Override
        public AssumptionBasis basis() {
            return AssumptionBasis.SOURCED_FIGURE;
        }
    }
}
