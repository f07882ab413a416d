package org.splitinfer.core.testing;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over generated inputs: each try draws its input from its own seed, and the seeds follow from one
 * fixed seed, so a run is the same every time and a failure names the seed that reproduces its input.
 *
 * <p>Plain JUnit rather than a property-testing engine: the readers' and flags' generators are domain mutations of
 * valid files and command lines, which need seeded randomness and nothing more.
 */
public final class Generated {
    private Generated() {
    }

    /**
     * @param tries    how many inputs to try
     * @param seed     where the tries' seeds start
     * @param inputs   what to try
     * @param property what must hold for each; it throws (an {@link AssertionError} or anything else) when it fails
     * @param <T>      the inputs' type
     * @throws AssertionError for the first input that fails, naming its try and seed, with the failure as its cause
     */
    public static <T> void check(int tries, long seed, Generator<T> inputs, Consumer<T> property) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            long trySeed = seeds.nextLong();
            T input = inputs.next(new Random(trySeed));
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError("try " + i + " of " + tries + " failed; its input is "
                        + "inputs.next(new Random(" + trySeed + "L)): " + failure.getMessage(), failure);
            }
        }
    }
}
