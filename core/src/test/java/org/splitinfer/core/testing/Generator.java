package org.splitinfer.core.testing;

import java.util.List;
import java.util.Random;

/**
 * Draws one generated input from a source of randomness, so that an input is reproduced from the seed of that
 * source alone.
 *
 * @param <T> what it generates
 */
@FunctionalInterface
public interface Generator<T> {
    /**
     * @param random the choices to make
     * @return one input
     */
    T next(Random random);

    /**
     * @param choices generators to draw from, each as likely as the others
     * @param <T>     what they generate
     * @return a generator that picks one of them, then draws from it
     */
    @SafeVarargs
    static <T> Generator<T> oneOf(Generator<T>... choices) {
        List<Generator<T>> all = List.of(choices);
        return random -> all.get(random.nextInt(all.size())).next(random);
    }
}
