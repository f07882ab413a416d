package org.splitinfer.core.sim.internal;

import java.util.Arrays;

/** A first-in first-out queue of ints (request slots) on a ring buffer that grows by doubling. */
final class IntQueue {
    private int[] items = new int[16];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(int value) {
        if (size == items.length) {
            int[] larger = new int[items.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = items[(head + i) & (items.length - 1)];
            }
            items = larger;
            head = 0;
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    int peek() {
        return items[head];
    }

    int poll() {
        int value = items[head];
        head = (head + 1) & (items.length - 1);
        size--;
        return value;
    }

    void clear() {
        head = 0;
        size = 0;
        Arrays.fill(items, 0);
    }
}
