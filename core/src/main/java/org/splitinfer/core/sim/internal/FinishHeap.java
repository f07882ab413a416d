package org.splitinfer.core.sim.internal;

import java.util.Arrays;

/**
 * The sequences of a decode batch keyed by the iteration after which each has produced its last token: a step
 * pops only the sequences that finish, so a batch of b costs O(finished × log b) per iteration, not O(b).
 */
final class FinishHeap {
    private long[] keys = new long[16];
    private int[] slots = new int[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long minKey() {
        return keys[0];
    }

    void add(long key, int slot) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        int child = size++;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[child] = keys[parent];
            slots[child] = slots[parent];
            child = parent;
        }
        keys[child] = key;
        slots[child] = slot;
    }

    /** @return the slot with the smallest key, removed */
    int poll() {
        int top = slots[0];
        int last = --size;
        if (last > 0) {
            long key = keys[last];
            int slot = slots[last];
            int parent = 0;
            while (true) {
                int child = 2 * parent + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (key <= keys[child]) {
                    break;
                }
                keys[parent] = keys[child];
                slots[parent] = slots[child];
                parent = child;
            }
            keys[parent] = key;
            slots[parent] = slot;
        }
        return top;
    }
}
