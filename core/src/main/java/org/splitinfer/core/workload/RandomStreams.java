package org.splitinfer.core.workload;

import java.util.SplittableRandom;

/**
 * Named random streams: one generator per source of randomness in a run ({@code "arrivals"}, {@code "lengths"}),
 * each seeded from the run's seed and its own name, so the same seed gives the same draws and drawing more or fewer
 * numbers from one stream (another length distribution, another arrival process) leaves every other stream as it
 * was. SSJ's {@code RandomStream}s and Caffeine's simulator keep their sources apart the same way.
 *
 * <h2>Notes: deriving a stream's seed</h2>
 * {@code streamSeed = mix64(seed ^ mix64(fnv1a64(name)))}: FNV-1a over the name's UTF-16 code units gives a 64-bit
 * name hash (Fowler, Noll and Vo), and the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014; the mixer of {@link SplittableRandom}) spreads it and the seed over
 * all 64 bits, so that seeds 1 and 2, or names that differ in one letter, start unrelated generators.
 */
final class RandomStreams {
    /** The stream that spaces arrivals. */
    static final String ARRIVALS = "arrivals";
    /** The stream that draws prompt and output lengths. */
    static final String LENGTHS = "lengths";

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RandomStreams() {
    }

    /**
     * @param seed the run's seed
     * @param name the stream's name
     * @return a generator of its own for that stream of that run
     */
    static SplittableRandom named(long seed, String name) {
        long hash = FNV_OFFSET_BASIS;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= FNV_PRIME;
        }
        return new SplittableRandom(mix64(seed ^ mix64(hash)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
