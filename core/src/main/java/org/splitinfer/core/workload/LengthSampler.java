package org.splitinfer.core.workload;

import java.util.SplittableRandom;

/**
 * One stream's draws from a {@link LengthDistribution}: {@link #draw()} sets the next request's two lengths in
 * place, so a stream of a million requests allocates nothing for them. Not thread-safe, like its stream.
 */
abstract class LengthSampler {
    /** The last draw's prompt tokens. */
    int inputTokens;
    /** The last draw's output tokens. */
    int outputTokens;

    /** Draws the next request's lengths into {@link #inputTokens} and {@link #outputTokens}. */
    abstract void draw();

    /**
     * @param lengths the distribution
     * @param random  the run's lengths stream, used by this sampler alone
     * @return a sampler of that distribution
     */
    static LengthSampler of(LengthDistribution lengths, SplittableRandom random) {
        if (lengths instanceof FixedLengths fixed) {
            return new Fixed(fixed);
        }
        if (lengths instanceof LognormalLengths lognormal) {
            return new Lognormal(lognormal, random);
        }
        return new Empirical((EmpiricalLengths) lengths, random);
    }

    private static final class Fixed extends LengthSampler {
        Fixed(FixedLengths lengths) {
            inputTokens = lengths.inputTokens();
            outputTokens = lengths.outputTokens();
        }

        @Override
        void draw() {
            // nothing to draw: the lengths were set once
        }
    }

    private static final class Lognormal extends LengthSampler {
        private final LognormalTokens input;
        private final LognormalTokens output;
        private final SplittableRandom random;

        Lognormal(LognormalLengths lengths, SplittableRandom random) {
            this.input = lengths.input();
            this.output = lengths.output();
            this.random = random;
        }

        @Override
        void draw() {
            inputTokens = input.draw(random);
            outputTokens = output.draw(random);
        }
    }

    private static final class Empirical extends LengthSampler {
        private final EmpiricalLengths pairs;
        private final int size;
        private final SplittableRandom random;

        Empirical(EmpiricalLengths pairs, SplittableRandom random) {
            this.pairs = pairs;
            this.size = pairs.pairs();
            this.random = random;
        }

        @Override
        void draw() {
            int pair = random.nextInt(size);
            inputTokens = pairs.inputTokens(pair);
            outputTokens = pairs.outputTokens(pair);
        }
    }
}
