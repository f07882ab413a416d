package org.splitinfer.core.validate;

/**
 * The workload fields of a case; one record per {@link Scenario}, so a predictor switches on the type.
 *
 * @since 0.1
 */
public sealed interface Workload {

    /** @return the scenario these fields belong to */
    Scenario scenario();

    /**
     * One prefill pass.
     *
     * @param batch       prompts in the pass, {@code >= 1}
     * @param inputTokens tokens per prompt, {@code >= 1}
     */
    record Prefill(int batch, int inputTokens) implements Workload {
        /** Validates the fields. */
        public Prefill {
            atLeast("batch", batch, 1);
            atLeast("inputTokens", inputTokens, 1);
        }

        @Override
        public Scenario scenario() {
            return Scenario.PREFILL;
        }
    }

    /**
     * One decode iteration.
     *
     * @param batch         sequences in the step, {@code >= 1}
     * @param contextTokens tokens already in each sequence's KV cache, {@code >= 0}
     */
    record DecodeStep(int batch, int contextTokens) implements Workload {
        /** Validates the fields. */
        public DecodeStep {
            atLeast("batch", batch, 1);
            atLeast("contextTokens", contextTokens, 0);
        }

        @Override
        public Scenario scenario() {
            return Scenario.DECODE_STEP;
        }
    }

    /**
     * One request alone on the system.
     *
     * @param inputTokens  prompt tokens, {@code >= 1}
     * @param outputTokens generated tokens, {@code >= 1}
     */
    record SingleStream(int inputTokens, int outputTokens) implements Workload {
        /** Validates the fields. */
        public SingleStream {
            atLeast("inputTokens", inputTokens, 1);
            atLeast("outputTokens", outputTokens, 1);
        }

        @Override
        public Scenario scenario() {
            return Scenario.SINGLE_STREAM;
        }
    }

    /**
     * Requests decoding together in steady state (a closed loop).
     *
     * @param concurrency  requests in flight, {@code >= 1}
     * @param inputTokens  prompt tokens per request, {@code >= 1}
     * @param outputTokens generated tokens per request, {@code >= 1}
     */
    record FixedConcurrency(int concurrency, int inputTokens, int outputTokens) implements Workload {
        /** Validates the fields. */
        public FixedConcurrency {
            atLeast("concurrency", concurrency, 1);
            atLeast("inputTokens", inputTokens, 1);
            atLeast("outputTokens", outputTokens, 1);
        }

        @Override
        public Scenario scenario() {
            return Scenario.FIXED_CONCURRENCY;
        }
    }

    /**
     * An unlimited backlog.
     *
     * @param inputTokens  mean prompt tokens per request, positive and finite (a mean need not be whole)
     * @param outputTokens mean generated tokens per request, positive and finite
     */
    record Offline(double inputTokens, double outputTokens) implements Workload {
        /** Validates the fields. */
        public Offline {
            if (!(inputTokens > 0 && Double.isFinite(inputTokens))) {
                throw new IllegalArgumentException("inputTokens must be positive and finite, got " + inputTokens);
            }
            if (!(outputTokens > 0 && Double.isFinite(outputTokens))) {
                throw new IllegalArgumentException("outputTokens must be positive and finite, got " + outputTokens);
            }
        }

        @Override
        public Scenario scenario() {
            return Scenario.OFFLINE;
        }
    }

    private static void atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}
