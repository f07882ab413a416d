package org.splitinfer.core.sim.internal;

import java.util.List;
import org.splitinfer.core.sim.Percentiles;
import org.splitinfer.core.sim.TimeSample;

/**
 * What the event loop measured, in its own terms; {@link SimulationRunner} turns it into a result with energy and
 * cost.
 *
 * @param arrived              requests that arrived
 * @param completed            requests that finished
 * @param rejectedKvCache      requests turned away: their context needs more KV cache than an instance holds
 * @param rejectedContextWindow requests turned away: their prompt and answer exceed the model's context window
 * @param endNanos             simulated time the run ended
 * @param lastArrivalNanos     simulated time the last request arrived
 * @param ttft                 time to first token
 * @param tpot                 time per output token after the first
 * @param e2e                  arrival to last token
 * @param queue                waiting for a prefill instance plus waiting for KV-cache room
 * @param sloMet               completed requests that met the objective
 * @param outputTokens         output tokens of completed requests
 * @param prefillBusyNanos     instance-nanoseconds the prefill (or colocated) pool was busy
 * @param decodeBusyNanos      instance-nanoseconds the decode pool was busy (split)
 * @param batchNanos           decode iterations' batch × duration, summed (for the time-weighted mean batch)
 * @param decodeStepNanos      decode iterations' durations, summed
 * @param kvReservedByteNanos  reserved KV bytes integrated over time, all decoding instances
 * @param promptTokensStepped  prompt tokens prefilled
 * @param prefillSteps         prefill steps (or colocated iterations with prompt tokens)
 * @param linkBytes            bytes moved per link (prefill instance × decode instances + decode instance)
 * @param transfers            KV caches moved
 * @param events               events processed
 * @param samples              time-series samples
 */
record EngineOutcome(long arrived, long completed, long rejectedKvCache, long rejectedContextWindow, long endNanos, long lastArrivalNanos,
                     Percentiles ttft,
                     Percentiles tpot, Percentiles e2e, Percentiles queue, long sloMet, long outputTokens,
                     long prefillBusyNanos, long decodeBusyNanos, double batchNanos, long decodeStepNanos,
                     double kvReservedByteNanos, long promptTokensStepped, long prefillSteps, double[] linkBytes,
                     long transfers, long events, List<TimeSample> samples) {

    /** @return requests turned away, for any reason */
    long rejected() {
        return rejectedKvCache + rejectedContextWindow;
    }

    /** @return requests neither completed nor rejected */
    long inFlight() {
        return arrived - completed - rejected();
    }
}
