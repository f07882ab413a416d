package org.splitinfer.testkit;

/**
 * The fixtures the kit is tried on: an honest plugin, and plugins that each make one mistake a vendor could make.
 * Each is a provider of its own, registered in the test resources' service file.
 */
final class KitFixtures {
    private KitFixtures() {
    }

    /** Makes no mistake. */
    public static final class HonestPlugin extends TinyProvider {
    }

    /** Reads bandwidth as gigabits but uses it as gigabytes: 8× too fast, below the roofline its sheet allows. */
    public static final class UnitSlipPlugin extends TinyProvider {
        @Override
        double bandwidthFactor() {
            return 8;
        }
    }

    /** Its sheet gives the memory bandwidth a thousand times too low (4.0e+9 for 4.0e+12 bytes per second). */
    public static final class BandwidthSlipPlugin extends TinyProvider {
        @Override
        String sheet() {
            return "org/splitinfer/testkit/tiny-bandwidth-slip.yaml";
        }
    }

    /** Its sheet has no price, so the cost model cannot cost it. */
    public static final class NoPricePlugin extends TinyProvider {
        @Override
        String sheet() {
            return "org/splitinfer/testkit/tiny-no-price.yaml";
        }
    }

    /** Counts the KV capacity of the whole instance where the SPI asks for one chip's. */
    public static final class PerInstanceKvPlugin extends TinyProvider {
        @Override
        long kvCapacityFactor(int chips) {
            return chips;
        }
    }

    /** Its sheet misspells an optional figure, which its model would silently replace by a fallback. */
    public static final class MisspeltFigurePlugin extends TinyProvider {
        @Override
        String sheet() {
            return "org/splitinfer/testkit/tiny-misspelt-figure.yaml";
        }
    }

    /** Keeps state per thread: its kernel times differ on any thread but the one that made it. */
    public static final class ThreadConfinedPlugin extends TinyProvider {
        @Override
        double threadFactor(Thread creator, Thread thread) {
            return creator == thread ? 1 : 1.001;
        }
    }

    /** Its sheet has a misspelt key, so the host's parser refuses it. */
    public static final class BrokenSheetPlugin extends TinyProvider {
        @Override
        String sheet() {
            return "org/splitinfer/testkit/tiny-broken.yaml";
        }
    }

    /** An entry class that is not final. */
    public static class OpenPlugin extends TinyProvider {
    }
}
