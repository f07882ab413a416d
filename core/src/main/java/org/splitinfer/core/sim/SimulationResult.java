package org.splitinfer.core.sim;

import java.util.List;
import java.util.Optional;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.PipelineKind;

/**
 * What a run measured. Every request that arrived is counted once: completed, rejected or still in flight when a
 * time-limited run ended.
 *
 * @param model                     the model's id
 * @param pipeline                  split or colocated
 * @param workload                  the workload's name
 * @param seed                      the run's seed
 * @param slo                       the objective measured against
 * @param requests                  requests that arrived
 * @param completed                 requests that finished
 * @param rejected                  requests turned away, by reason (reasons with none left out)
 * @param inFlight                  requests neither completed nor rejected when the run ended
 * @param durationSeconds           simulated time from 0 to the run's end (the last completion, or the time limit)
 * @param ttftSeconds               time to first token, queueing included, of completed requests
 * @param tpotSeconds               time per output token after the first, of completed requests with two or more
 * @param e2eSeconds                arrival to last token, of completed requests
 * @param queueSeconds              time waiting for a prefill instance plus time waiting for KV-cache room
 * @param sloAttainment             share of ended requests (completed or rejected) that met the objective
 * @param goodputRequestsPerSecond  requests meeting the objective per second of offered traffic (over the arrivals:
 *                                  the time limit, or until the last request arrived)
 * @param outputTokensPerSecond     output tokens of completed requests per simulated second
 * @param tokensPerJoule            output tokens per joule of wall power over the run
 * @param usdPerMillionTokens       what the deployment cost over the run per million output tokens
 * @param pools                     each pool's usage
 * @param link                      the KV links' usage (split pipelines)
 * @param bottleneck                what limited the run
 * @param events                    events the loop processed
 * @param assumptions               the choices resolution made, as for an estimate
 * @param timeSeries                samples, when asked for
 * @since 0.1
 */
public record SimulationResult(String model, PipelineKind pipeline, String workload, long seed, ServiceLevel slo,
                               long requests, long completed, List<Rejections> rejected, long inFlight,
                               double durationSeconds, Percentiles ttftSeconds, Percentiles tpotSeconds,
                               Percentiles e2eSeconds, Percentiles queueSeconds, double sloAttainment,
                               double goodputRequestsPerSecond, double outputTokensPerSecond, double tokensPerJoule,
                               double usdPerMillionTokens, List<PoolUsage> pools, Optional<LinkUsage> link,
                               Bottleneck bottleneck, long events, List<Assumption> assumptions,
                               List<TimeSample> timeSeries) {
    /** Copies the lists. */
    public SimulationResult {
        rejected = List.copyOf(rejected);
        pools = List.copyOf(pools);
        assumptions = List.copyOf(assumptions);
        timeSeries = List.copyOf(timeSeries);
    }

    /** @return requests turned away, all reasons */
    public long rejectedTotal() {
        long total = 0;
        for (Rejections rejection : rejected) {
            total += rejection.requests();
        }
        return total;
    }

    /** @return chips of all pools */
    public int chips() {
        int chips = 0;
        for (PoolUsage pool : pools) {
            chips += pool.chips();
        }
        return chips;
    }
}
