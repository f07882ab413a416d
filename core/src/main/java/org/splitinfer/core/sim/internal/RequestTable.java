package org.splitinfer.core.sim.internal;

import java.util.Arrays;

/**
 * The requests in flight, one slot each in parallel primitive arrays; a slot is reused once its request has ended, so
 * memory follows the requests in flight, not the requests of the run. Times are nanoseconds; -1 marks a time not yet
 * reached.
 */
final class RequestTable {
    long[] arrival = new long[1024];
    int[] input = new int[1024];
    int[] output = new int[1024];
    /** Prompt tokens not yet prefilled. */
    int[] promptLeft = new int[1024];
    /** When the first prefill chunk started. */
    long[] prefillStart = new long[1024];
    /** When the last prefill chunk finished. */
    long[] prefillDone = new long[1024];
    /** When KV-cache room was reserved on the decoding instance. */
    long[] reserved = new long[1024];
    long[] firstToken = new long[1024];
    /** KV-cache bytes reserved for the request's final context. */
    double[] kvBytes = new double[1024];
    int[] prefillInstance = new int[1024];
    int[] decodeInstance = new int[1024];

    private int[] free = new int[1024];
    private int freeCount;
    private int used;

    /** @return a slot for a new request, its times reset */
    int allocate() {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == arrival.length) {
                grow();
            }
            slot = used++;
        }
        prefillStart[slot] = -1;
        prefillDone[slot] = -1;
        reserved[slot] = -1;
        firstToken[slot] = -1;
        return slot;
    }

    void release(int slot) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    private void grow() {
        int capacity = arrival.length * 2;
        arrival = Arrays.copyOf(arrival, capacity);
        input = Arrays.copyOf(input, capacity);
        output = Arrays.copyOf(output, capacity);
        promptLeft = Arrays.copyOf(promptLeft, capacity);
        prefillStart = Arrays.copyOf(prefillStart, capacity);
        prefillDone = Arrays.copyOf(prefillDone, capacity);
        reserved = Arrays.copyOf(reserved, capacity);
        firstToken = Arrays.copyOf(firstToken, capacity);
        kvBytes = Arrays.copyOf(kvBytes, capacity);
        prefillInstance = Arrays.copyOf(prefillInstance, capacity);
        decodeInstance = Arrays.copyOf(decodeInstance, capacity);
    }
}
