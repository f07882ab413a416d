package org.splitinfer.core.sim.internal;

import java.util.Arrays;

/**
 * The prefill steps of the instances that prefill (a split pipeline's prefill pool, or a colocated pool): how a step
 * takes prompt tokens from an instance's queue, the prior context it is priced at, and which prompts finish when it
 * does. An instance keeps up to {@code stages} steps in flight, each in a slot. The rules are on {@link Engine}'s
 * notes.
 */
final class PromptSteps {
    private final RequestTable requests;
    private final int[][][] finishers;
    private final int[][] finisherCounts;
    private final boolean[][] used;

    /** The last step taken: its tokens and the prior context it is priced at. */
    int tokens;
    long prior;

    private long tokensStepped;
    private long steps;

    PromptSteps(int instances, int stages, RequestTable requests) {
        this.requests = requests;
        this.finishers = new int[instances][stages][8];
        this.finisherCounts = new int[instances][stages];
        this.used = new boolean[instances][stages];
    }

    /** @return a free step slot of the instance; only when fewer than {@code stages} steps are in flight */
    int freeSlot(int instance) {
        for (int slot = 0; slot < used[instance].length; slot++) {
            if (!used[instance][slot]) {
                return slot;
            }
        }
        throw new IllegalStateException("no free prefill step slot");
    }

    boolean inFlight(int instance, int slot) {
        return used[instance][slot];
    }

    /**
     * Takes up to {@code budget} prompt tokens from the head of a queue into a step in {@code slot}: a prompt that
     * finishes in this step leaves the queue; one that does not stays at its head for the next step. Sets
     * {@link #tokens} and {@link #prior}.
     */
    void take(IntQueue queue, int budget, int instance, int slot, long now) {
        int left = budget;
        long taken = 0;
        double pairs = 0;
        finisherCounts[instance][slot] = 0;
        while (left > 0 && !queue.isEmpty()) {
            int request = queue.peek();
            int promptLeft = requests.promptLeft[request];
            int take = Math.min(promptLeft, left);
            long before = requests.input[request] - promptLeft;
            pairs += (double) take * before + (double) take * (take + 1) / 2;
            taken += take;
            left -= take;
            requests.promptLeft[request] = promptLeft - take;
            if (requests.prefillStart[request] < 0) {
                requests.prefillStart[request] = now;
            }
            if (promptLeft != take) {
                break;
            }
            queue.poll();
            int count = finisherCounts[instance][slot];
            if (count == finishers[instance][slot].length) {
                finishers[instance][slot] = Arrays.copyOf(finishers[instance][slot], count * 2);
            }
            finishers[instance][slot][count] = request;
            finisherCounts[instance][slot] = count + 1;
        }
        // one sequence of T tokens after P prior ones scores T·P + T(T+1)/2 pairs: P matches the step's own pairs
        double triangle = (double) taken * (taken + 1) / 2;
        tokens = (int) taken;
        prior = Math.max(0, Math.round((pairs - triangle) / taken));
        used[instance][slot] = true;
        tokensStepped += taken;
        steps++;
    }

    /** Ends the step in a slot. @return how many prompts finished in it: the first entries of {@link #finished} */
    int finish(int instance, int slot) {
        used[instance][slot] = false;
        return finisherCounts[instance][slot];
    }

    int[] finished(int instance, int slot) {
        return finishers[instance][slot];
    }

    long tokensStepped() {
        return tokensStepped;
    }

    long steps() {
        return steps;
    }
}
