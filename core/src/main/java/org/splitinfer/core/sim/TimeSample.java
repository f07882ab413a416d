package org.splitinfer.core.sim;

/**
 * The state of a run at one instant of simulated time, and what happened since the previous sample.
 *
 * @param timeSeconds        simulated time
 * @param queuedPrompts      requests waiting for prefill (arrived, not started)
 * @param waitingForKvCache  prompts done (or admitted nowhere yet, colocated) waiting for KV-cache room
 * @param runningSequences   sequences in decode batches
 * @param inSystem           requests that have arrived and not yet ended, wherever they are
 * @param kvOccupancy        reserved share of the decoding pool's KV cache
 * @param prefillBusy        share of the prefill (or colocated) pool's instance-time busy since the previous sample
 * @param decodeBusy         share of the decode pool's instance-time busy since the previous sample (0 colocated)
 * @param completed          requests completed so far
 * @since 0.1
 */
public record TimeSample(double timeSeconds, int queuedPrompts, int waitingForKvCache, int runningSequences,
                         long inSystem, double kvOccupancy, double prefillBusy, double decodeBusy, long completed) {
}
