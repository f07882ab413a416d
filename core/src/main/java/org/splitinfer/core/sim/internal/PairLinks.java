package org.splitinfer.core.sim.internal;

import java.util.Arrays;

/**
 * The KV links of a split pipeline: one per prefill-decode instance pair, as the estimator assumes, each shared by
 * the transfers on it (processor sharing: n transfers each get 1/n of the bandwidth). A link's transfers are advanced
 * lazily, when one starts or the earliest ends; a finish event carries the link's version, so an event made stale by
 * a later change is recognised and dropped (lazy cancellation).
 */
final class PairLinks {
    private static final double DONE_BYTES = 1.0;

    private final double bytesPerSecond;
    private final int[][] slots;
    private final double[][] remaining;
    private final int[] counts;
    private final long[] updated;
    private final long[] versions;
    private final double[] moved;

    PairLinks(int links, double bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.slots = new int[links][4];
        this.remaining = new double[links][4];
        this.counts = new int[links];
        this.updated = new long[links];
        this.versions = new long[links];
        this.moved = new double[links];
    }

    /**
     * Starts a transfer.
     *
     * @return the time the link's earliest transfer will finish, for the caller to schedule with {@link #version}
     */
    long start(int link, int slot, double bytes, long now) {
        advance(link, now);
        int count = counts[link];
        if (count == slots[link].length) {
            slots[link] = Arrays.copyOf(slots[link], count * 2);
            remaining[link] = Arrays.copyOf(remaining[link], count * 2);
        }
        slots[link][count] = slot;
        remaining[link][count] = Math.max(bytes, DONE_BYTES);
        counts[link] = count + 1;
        moved[link] += bytes;
        return reschedule(link, now);
    }

    /** @return the link's version: a finish event scheduled before the latest change carries an older one */
    long version(int link) {
        return versions[link];
    }

    /**
     * The transfers that have finished by {@code now}, removed.
     *
     * @param done receives their slots
     * @return how many
     */
    int finish(int link, long now, int[] done) {
        advance(link, now);
        int count = counts[link];
        int finished = 0;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (remaining[link][i] <= DONE_BYTES) {
                done[finished++] = slots[link][i];
            } else {
                slots[link][kept] = slots[link][i];
                remaining[link][kept] = remaining[link][i];
                kept++;
            }
        }
        counts[link] = kept;
        return finished;
    }

    /** @return when the earliest remaining transfer finishes, or -1 when none remain; bumps the version */
    long reschedule(int link, long now) {
        versions[link]++;
        int count = counts[link];
        if (count == 0) {
            return -1;
        }
        double least = Double.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            least = Math.min(least, remaining[link][i]);
        }
        // n transfers share the bandwidth: the smallest needs n × its bytes ÷ bandwidth
        return now + Math.max(1, (long) Math.ceil(least * count / bytesPerSecond * 1e9));
    }

    /** @return the most transfers a link can have had at once: the size of a buffer for {@link #finish} */
    int capacity(int link) {
        return slots[link].length;
    }

    /** @return bytes started on each link */
    double[] bytesMoved() {
        return moved.clone();
    }

    private void advance(int link, long now) {
        int count = counts[link];
        if (count > 0) {
            double each = bytesPerSecond * ((now - updated[link]) / 1e9) / count;
            for (int i = 0; i < count; i++) {
                remaining[link][i] -= each;
            }
        }
        updated[link] = now;
    }
}
