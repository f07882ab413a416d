package org.splitinfer.core.sim.internal;

import java.util.Arrays;

/**
 * The instances that hold KV caches and decode (the decode pool of a split pipeline, or a colocated pool): KV-cache
 * reservations, continuous batching, and what they measure. The rules are on {@link Engine}'s notes.
 *
 * <p>A sequence's context grows by one token per iteration, so the batch's total context is kept as one sum: an
 * iteration adds the batch size to it, a leaving sequence takes its final context out. A sequence that joins at
 * iteration {@code k} with {@code n} tokens to generate leaves at the end of iteration {@code k + n − 1}, the key it is
 * filed under in a {@link FinishHeap}; nothing is touched per sequence per iteration.
 *
 * <p>A pool that decodes speculatively gives each sequence {@code E} tokens per iteration
 * ({@link StepTimes#tokensPerIteration()}), the expected value rather than a draw: a sequence of {@code n} tokens takes
 * {@code ceil(n ÷ E)} iterations and its context grows by {@code E} per iteration. The sums are kept as the batch's
 * prompt tokens plus its iterations, the context being {@code prompts + E × iterations}, so that plain decoding
 * ({@code E = 1}) stays in whole numbers. A mean-field choice, like the estimator's: every request's TPOT is the
 * iteration time over {@code E}; the spread of acceptance from step to step, which would spread TPOT and make tokens
 * arrive in bursts, is not drawn.
 */
final class DecodeInstances {
    private final int instances;
    private final double capacityBytes;
    private final int maxBatch;
    private final StepTimes times;
    private final RequestTable requests;
    private final long limitNanos;

    private final IntQueue[] pending;
    private final IntQueue[] prompts;
    private final IntQueue[] ready;
    private final FinishHeap[] running;
    private final long[] iteration;
    private final double tokensPerIteration;
    private final long[] promptSum;
    private final long[] iterationSum;
    private final int[][] joiners;
    private final int[] joinerCounts;
    private final double[] reservedBytes;
    private final int[] reservedCount;
    private final long[] outstanding;
    private final boolean[] busy;
    private final boolean[] decoding;
    private final long[] lastChange;
    private int[] finished = new int[64];

    private long busyNanos;
    private double batchNanos;
    private long stepNanos;
    private double reservedByteNanos;

    DecodeInstances(int instances, double capacityBytes, int maxBatch, StepTimes times, RequestTable requests,
                    long limitNanos) {
        this.instances = instances;
        this.capacityBytes = capacityBytes;
        this.maxBatch = maxBatch;
        this.times = times;
        this.requests = requests;
        this.limitNanos = limitNanos;
        this.pending = queues(instances);
        this.prompts = queues(instances);
        this.ready = queues(instances);
        this.running = new FinishHeap[instances];
        for (int i = 0; i < instances; i++) {
            running[i] = new FinishHeap();
        }
        this.iteration = new long[instances];
        this.tokensPerIteration = times.tokensPerIteration();
        this.promptSum = new long[instances];
        this.iterationSum = new long[instances];
        this.joiners = new int[instances][16];
        this.joinerCounts = new int[instances];
        this.reservedBytes = new double[instances];
        this.reservedCount = new int[instances];
        this.outstanding = new long[instances];
        this.busy = new boolean[instances];
        this.decoding = new boolean[instances];
        this.lastChange = new long[instances];
    }

    private static IntQueue[] queues(int count) {
        IntQueue[] queues = new IntQueue[count];
        for (int i = 0; i < count; i++) {
            queues[i] = new IntQueue();
        }
        return queues;
    }

    /** Queues a request for KV-cache room (split: its prompt is done; colocated: it has just arrived). */
    void waitForRoom(int instance, int slot) {
        requests.decodeInstance[slot] = instance;
        outstanding[instance] += requests.output[slot];
        pending[instance].add(slot);
    }

    /**
     * Reserves room for the first waiting request if it fits.
     *
     * @return its slot, or -1 when none waits or it does not fit yet
     */
    int reserveNext(int instance, long now) {
        if (pending[instance].isEmpty()) {
            return -1;
        }
        int slot = pending[instance].peek();
        if (reservedCount[instance] >= maxBatch
                || reservedBytes[instance] + requests.kvBytes[slot] > capacityBytes) {
            return -1;
        }
        pending[instance].poll();
        integrate(instance, now);
        reservedBytes[instance] += requests.kvBytes[slot];
        reservedCount[instance]++;
        requests.reserved[slot] = now;
        return slot;
    }

    /** Colocated: reserves room for waiting requests in order while they fit, and queues their prompts. */
    void admit(int instance, long now) {
        int slot;
        while ((slot = reserveNext(instance, now)) >= 0) {
            prompts[instance].add(slot);
        }
    }

    /** @return a colocated instance's admitted prompts not yet prefilled */
    IntQueue prompts(int instance) {
        return prompts[instance];
    }

    /** A sequence whose KV cache is in place joins the next iteration. */
    void arrive(int instance, int slot) {
        ready[instance].add(slot);
    }

    boolean busy(int instance) {
        return busy[instance];
    }

    /**
     * Starts an iteration: ready sequences join the batch, which steps once.
     *
     * @return the decode part's nanoseconds, 0 when the batch is empty (the instance stays idle unless
     *         {@link #occupy} follows)
     */
    long startIteration(int instance, long now) {
        IntQueue joining = ready[instance];
        while (!joining.isEmpty()) {
            int slot = joining.poll();
            running[instance].add(iteration[instance] + iterations(requests.output[slot]) - 1, slot);
            promptSum[instance] += requests.input[slot];
            if (joinerCounts[instance] == joiners[instance].length) {
                joiners[instance] = Arrays.copyOf(joiners[instance], joinerCounts[instance] * 2);
            }
            joiners[instance][joinerCounts[instance]++] = slot;
        }
        int batch = running[instance].size();
        if (batch == 0) {
            decoding[instance] = false;
            return 0;
        }
        long duration = times.decodeNanos(batch, meanContext(instance, batch));
        decoding[instance] = true;
        busy[instance] = true;
        long counted = limitNanos == Long.MAX_VALUE ? duration : Math.max(0, Math.min(duration, limitNanos - now));
        busyNanos += counted;
        stepNanos += counted;
        batchNanos += (double) batch * counted;
        return duration;
    }

    /** Marks an instance busy for a colocated iteration's prefill part. */
    void occupy(int instance, long nanos) {
        if (nanos > 0) {
            busy[instance] = true;
        }
    }

    /**
     * Ends an iteration: the joiners' first tokens, and the sequences that produced their last.
     *
     * @return how many finished; their slots are the first entries of {@link #finished()}
     */
    int endIteration(int instance, long now) {
        busy[instance] = false;
        if (!decoding[instance]) {
            return 0;
        }
        decoding[instance] = false;
        for (int i = 0; i < joinerCounts[instance]; i++) {
            requests.firstToken[joiners[instance][i]] = now;
        }
        joinerCounts[instance] = 0;
        FinishHeap batch = running[instance];
        iterationSum[instance] += batch.size();
        long current = iteration[instance]++;
        int count = 0;
        while (!batch.isEmpty() && batch.minKey() <= current) {
            int slot = batch.poll();
            if (count == finished.length) {
                finished = Arrays.copyOf(finished, count * 2);
            }
            finished[count++] = slot;
            promptSum[instance] -= requests.input[slot];
            iterationSum[instance] -= iterations(requests.output[slot]);
            integrate(instance, now);
            reservedBytes[instance] -= requests.kvBytes[slot];
            reservedCount[instance]--;
            outstanding[instance] -= requests.output[slot];
        }
        return count;
    }

    /**
     * Iterations a sequence needs for its output tokens: {@code n}, or {@code ceil(n ÷ E)} when speculative (less a
     * rounding margin, so that {@code n} a whole multiple of {@code E} is not counted one iteration over).
     */
    private long iterations(int outputTokens) {
        return tokensPerIteration == 1 ? outputTokens : (long) Math.ceil(outputTokens / tokensPerIteration - 1e-9);
    }

    /** The batch's mean context, rounded to the nearest token. */
    private long meanContext(int instance, int batch) {
        if (tokensPerIteration == 1) {
            return (promptSum[instance] + iterationSum[instance] + batch / 2) / batch;
        }
        return Math.round((promptSum[instance] + tokensPerIteration * iterationSum[instance]) / batch);
    }

    int[] finished() {
        return finished;
    }

    /** @return each instance's output tokens still to generate, for the router (not to be written) */
    long[] outstanding() {
        return outstanding;
    }

    /** Closes the reservation integral at the run's end. */
    void finish(long end) {
        for (int i = 0; i < instances; i++) {
            integrate(i, end);
        }
    }

    private void integrate(int instance, long now) {
        long until = Math.min(now, limitNanos);
        if (until > lastChange[instance]) {
            reservedByteNanos += reservedBytes[instance] * (until - lastChange[instance]);
            lastChange[instance] = until;
        }
    }

    long busyNanos() {
        return busyNanos;
    }

    double batchNanos() {
        return batchNanos;
    }

    long stepNanos() {
        return stepNanos;
    }

    double reservedByteNanos() {
        return reservedByteNanos;
    }

    /** @return requests waiting for KV-cache room, all instances */
    int waiting() {
        int total = 0;
        for (IntQueue queue : pending) {
            total += queue.size();
        }
        return total;
    }

    /** @return admitted prompts not yet prefilled (colocated), all instances */
    int queuedPrompts() {
        int total = 0;
        for (IntQueue queue : prompts) {
            total += queue.size();
        }
        return total;
    }

    /** @return sequences in decode batches, all instances */
    int running() {
        int total = 0;
        for (FinishHeap batch : running) {
            total += batch.size();
        }
        return total;
    }

    /** @return the reserved share of all instances' KV cache now */
    double occupancy() {
        double total = 0;
        for (double bytes : reservedBytes) {
            total += bytes;
        }
        return total / (capacityBytes * instances);
    }
}
