package com.example.capacity;

import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.Workload;

/** The README's ten-line estimate: H100 prefill at FP8, Groq LPU decode at INT8, 32 requests in flight. */
public final class SplitEstimate {
    private SplitEstimate() {
    }

    /**
     * Prints the estimate's headline figures.
     *
     * @param args none
     */
    public static void main(String[] args) {
        SplitInfer splitInfer = SplitInfer.create();
        Estimate estimate = splitInfer.estimate("llama-3.1-70b",
                PipelineSpec.split(PoolSpec.of("h100-sxm", 8).withPrecision("fp8"),
                        PoolSpec.auto("groq-lpu-v1").withPrecision("int8")),
                Workload.closedLoop(2000, 300, 32));
        System.out.printf("TTFT %.0f ms, %.0f tokens/s per user, $%.2f per million tokens on %d chips%n",
                estimate.ttftSeconds() * 1e3, estimate.outputTokensPerSecondPerUser(),
                estimate.usdPerMillionTokens(), estimate.chips());
    }
}
