package org.splitinfer.core.sim.internal;

/**
 * The event calendar: a binary min-heap over parallel primitive arrays, ordered by (time, sequence) so that events
 * at the same nanosecond run in the order they were scheduled. No objects per event; grows by doubling. Not
 * thread-safe: one per run.
 */
final class EventQueue {
    private long[] times = new long[64];
    private long[] sequences = new long[64];
    private int[] kinds = new int[64];
    private int[] targets = new int[64];
    private long[] payloads = new long[64];
    private int size;
    private long nextSequence;

    /** What the last {@link #pop} removed. */
    long time;
    int kind;
    int target;
    long payload;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** @return the earliest event's time; only when not empty */
    long peekTime() {
        return times[0];
    }

    void push(long at, int eventKind, int eventTarget, long eventPayload) {
        if (size == times.length) {
            grow();
        }
        long sequence = nextSequence++;
        int child = size++;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (before(times[parent], sequences[parent], at, sequence)) {
                break;
            }
            move(parent, child);
            child = parent;
        }
        set(child, at, sequence, eventKind, eventTarget, eventPayload);
    }

    /** Removes the earliest event into {@link #time}, {@link #kind}, {@link #target} and {@link #payload}. */
    void pop() {
        time = times[0];
        kind = kinds[0];
        target = targets[0];
        payload = payloads[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        long lastTime = times[last];
        long lastSequence = sequences[last];
        int parent = 0;
        while (true) {
            int child = 2 * parent + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(times[child + 1], sequences[child + 1], times[child], sequences[child])) {
                child++;
            }
            if (before(lastTime, lastSequence, times[child], sequences[child])) {
                break;
            }
            move(child, parent);
            parent = child;
        }
        set(parent, lastTime, lastSequence, kinds[last], targets[last], payloads[last]);
    }

    private static boolean before(long timeA, long sequenceA, long timeB, long sequenceB) {
        return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
    }

    private void move(int from, int to) {
        set(to, times[from], sequences[from], kinds[from], targets[from], payloads[from]);
    }

    private void set(int index, long at, long sequence, int eventKind, int eventTarget, long eventPayload) {
        times[index] = at;
        sequences[index] = sequence;
        kinds[index] = eventKind;
        targets[index] = eventTarget;
        payloads[index] = eventPayload;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = java.util.Arrays.copyOf(times, capacity);
        sequences = java.util.Arrays.copyOf(sequences, capacity);
        kinds = java.util.Arrays.copyOf(kinds, capacity);
        targets = java.util.Arrays.copyOf(targets, capacity);
        payloads = java.util.Arrays.copyOf(payloads, capacity);
    }
}
