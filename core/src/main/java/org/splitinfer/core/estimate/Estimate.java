package org.splitinfer.core.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * What a deployment delivers for a workload, without queueing.
 *
 * @param model                         the model's id
 * @param pipeline                      split or colocated
 * @param ttftSeconds                   time to first token: prefill + KV transfer + first decode step
 * @param tpotSeconds                   time per output token of one request at the operating batch
 * @param outputTokensPerSecond         output tokens per second of the whole deployment
 * @param outputTokensPerSecondPerUser  {@code 1 / tpotSeconds}
 * @param tokensPerJoule                output tokens per joule of wall power (chips and node overhead)
 * @param usdPerMillionTokens           dollars per million output tokens
 * @param kvTransferSeconds             exposed KV-cache transfer per request (0 without a KV link)
 * @param chips                         chips of all pools
 * @param wallWatts                     wall power of the deployment at the operating point
 * @param usdPerHour                    what the deployment costs per hour
 * @param concurrency                   requests in flight at the operating point
 * @param phases                        the pools
 * @param assumptions                   every choice and assumption the figures rest on, as typed records
 * @since 0.1
 */
public record Estimate(String model, PipelineKind pipeline, double ttftSeconds, double tpotSeconds,
                       double outputTokensPerSecond, double outputTokensPerSecondPerUser, double tokensPerJoule,
                       double usdPerMillionTokens, double kvTransferSeconds, int chips, double wallWatts,
                       double usdPerHour, int concurrency, List<PhaseEstimate> phases, List<Assumption> assumptions) {
    /** Copies the lists. */
    public Estimate {
        phases = List.copyOf(phases);
        assumptions = List.copyOf(assumptions);
    }

    /** @return output tokens per second per chip */
    public double tokensPerSecondPerChip() {
        return outputTokensPerSecond / chips;
    }

    /** @return each chip kind of the deployment once, in pool order, with its status and assumed figures */
    public List<ChipStatus> chipStatuses() {
        List<ChipStatus> statuses = new ArrayList<>();
        for (PhaseEstimate phase : phases) {
            if (!statuses.contains(phase.chipStatus())) {
                statuses.add(phase.chipStatus());
            }
        }
        return List.copyOf(statuses);
    }
}
